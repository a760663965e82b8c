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


_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def title_from_source(markdown: str) -> str | None:
    """The text of the page's first '# Heading', as MkDocs would title it."""
    match = _H1.search(_FRONT_MATTER.sub("", markdown))
    return match.group(1).strip() if match else None


def reading_minutes(words: int, words_per_minute: int) -> int:
    return max(1, math.ceil(words / words_per_minute))


def shows_reading_time(page) -> bool:
    """Chapters (pages inside a nav section) show it; front matter can say otherwise."""
    default = page.parent is not None and not page.is_homepage
    return bool(page.meta.get("reading_time", default))


def add_reading_time(html: str, page, minutes: int) -> str:
    """Put 'About N minutes to read' right under the page's h1."""
    if not shows_reading_time(page) or "</h1>" not in html:
        return html
    unit = "minute" if minutes == 1 else "minutes"
    note = f'<p class="microsite-reading-time">About {minutes} {unit} to read</p>'
    return html.replace("</h1>", "</h1>\n" + note, 1)


_HEADING = re.compile(r"<h([1-6])\b[^>]*>.*?</h\1>", re.DOTALL | re.IGNORECASE)
_HELP_NOTE = re.compile(r'<aside class="microsite-help-note".*?</aside>', re.DOTALL)


def has_nothing_but_headings(html: str) -> bool:
    """True when a page's content is only headings (and the help note every chapter ends with)."""
    rest = _HELP_NOTE.sub(" ", _HEADING.sub(" ", html))
    if re.search(r"<(form|figure|table|img|svg|video|iframe)\b", rest, re.IGNORECASE):
        return False
    return not _TAG.sub(" ", rest).strip()
