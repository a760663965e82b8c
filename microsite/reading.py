"""Estimated reading time, from the words a reader actually reads."""

from __future__ import annotations

import math
import re

_JINJA = re.compile(r"{[{%#].*?[}%#]}", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[A-Za-z0-9\u00C0-\u024F']+")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def count_words(markdown: str) -> int:
    """Words in a Markdown page, ignoring front matter, macro calls and HTML tags."""
    text = _FRONT_MATTER.sub("", markdown)
    text = _TAG.sub(" ", _JINJA.sub(" ", text))
    return len(_WORD.findall(text))


def reading_minutes(words: int, words_per_minute: int) -> int:
    return max(1, math.ceil(words / words_per_minute))
