"""ASCII slugs for file names and ids: stable for the same text, unique in a set."""

from __future__ import annotations

import re
import unicodedata

# Letters that Unicode decomposition (NFKD) does not reduce to ASCII.
_EXTRA_LETTERS = str.maketrans({"æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "þ": "th", "ð": "d"})
_NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")
MAX_LENGTH = 60


def ascii_words(text: str) -> str:
    """`text` lowercased and transliterated to ASCII: 'Über Vertrauen' -> 'uber vertrauen'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_EXTRA_LETTERS))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def slugify(text: str, fallback: str) -> str:
    """Lowercase ASCII words joined by hyphens; `fallback` when no letter or digit is left."""
    # Apostrophes join a word rather than split it: "O’Neill" -> "oneill".
    words = re.sub(r"['’ʼ]", "", ascii_words(text))
    slug = _NOT_ALPHANUMERIC.sub("-", words).strip("-")
    if len(slug) > MAX_LENGTH:
        slug = slug[:MAX_LENGTH].rsplit("-", 1)[0]
    return slug or fallback


class UniqueSlugs:
    """Gives `slug`, or `slug-2`, `slug-3`, … when it is already taken, in constant time per name."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.next_number: dict[str, int] = {}

    def __call__(self, slug: str) -> str:
        candidate = slug
        if candidate in self.taken:
            number = self.next_number.get(slug, 2)
            while f"{slug}-{number}" in self.taken:
                number += 1
            self.next_number[slug] = number + 1
            candidate = f"{slug}-{number}"
        self.taken.add(candidate)
        return candidate
