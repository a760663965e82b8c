"""From an article's sections to a guide's chapters and quote records."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .quotes import FoundQuote, quote_id, split_quotes
from .sections import Article
from .slugs import slugify, unique

NO_ROLE = "not given"


@dataclass(frozen=True)
class Piece:
    """Part of a chapter: article text for a draft block, or a quote's id."""

    text: str | None = None
    quote_id: str | None = None


@dataclass(frozen=True)
class Chapter:
    number: int
    title: str
    slug: str
    pieces: tuple[Piece, ...]

    @property
    def path(self) -> str:
        """The chapter's file under docs/, e.g. 'chapters/01-introduction.md'."""
        return f"chapters/{self.number:02d}-{self.slug}.md"


@dataclass(frozen=True)
class Guide:
    title: str
    chapters: tuple[Chapter, ...]
    quotes: tuple[dict, ...]  # records for data/quotes.yaml, in the order they appear


def build_guide(article: Article, article_path: Path, title: str | None = None) -> Guide:
    slugs: set[str] = set()
    quote_ids: set[str] = set()
    quotes: list[dict] = []
    chapters = []
    for number, section in enumerate(article.sections, start=1):
        pieces: list[Piece] = []
        for block in section.blocks:
            for part in split_quotes(block):
                if isinstance(part, FoundQuote):
                    record = quote_record(part, quote_id(part, quote_ids))
                    quotes.append(record)
                    pieces.append(Piece(quote_id=record["id"]))
                else:
                    pieces.append(Piece(text=part))
        slug = unique(slugify(section.title, f"section-{number}"), slugs)
        chapters.append(Chapter(number, section.title, slug, merge_text(pieces)))
    return Guide(
        title=title or article.title or title_from_file_name(article_path),
        chapters=tuple(chapters),
        quotes=tuple(quotes),
    )


def merge_text(pieces: list[Piece]) -> tuple[Piece, ...]:
    """Neighbouring text pieces become one draft block, paragraphs apart."""
    merged: list[Piece] = []
    for piece in pieces:
        if piece.text is not None and merged and merged[-1].text is not None:
            merged[-1] = Piece(text=merged[-1].text + "\n\n" + piece.text)
        else:
            merged.append(piece)
    return tuple(merged)


def quote_record(quote: FoundQuote, record_id: str) -> dict:
    """A record the quote component accepts: the exact words, untraced, role as the article gave it."""
    article_role = quote.article_role or NO_ROLE
    return {
        "id": record_id,
        "text": quote.text,
        "speaker": quote.speaker,
        "role": unchecked_role(quote.article_role),
        "article_role": article_role,
        "provenance": "untraced",
        "abridged": False,
    }


def unchecked_role(article_role: str | None) -> str:
    """What readers see after the name until the author checks the role."""
    if article_role is None:
        return "role not given in the source article"
    article_role = lowercase_sentence_start(article_role)
    if article_role.lower().startswith("the "):
        return f"described in the source article as {article_role}"
    return f"described in the source article as {indefinite_article(article_role)} {article_role}"


def lowercase_sentence_start(role: str) -> str:
    """'Clinical psychologist' -> 'clinical psychologist': a capital that only
    opened the sentence; 'Cognitive Behavioral Therapist' keeps its capitals."""
    first, *rest = role.split(" ")
    if first[:1].isupper() and first[1:].islower() and not any(word[:1].isupper() for word in rest):
        return role[:1].lower() + role[1:]
    return role


def indefinite_article(phrase: str) -> str:
    word = phrase.lower()
    sounds_like_vowel = word[:1] in "aeiou" and not word.startswith(("uni", "use", "eu", "one"))
    return "an" if sounds_like_vowel else "a"


def title_from_file_name(path: Path) -> str:
    """'insecurity_in-relationships.txt' -> 'Insecurity in relationships'."""
    words = re.sub(r"[-_]+", " ", path.stem).strip()
    return (words[:1].upper() + words[1:]) if words else "My guide"
