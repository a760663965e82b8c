"""From an article's sections to a guide's chapters and quote records."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .languages import LanguageRules
from .quotes import FoundQuote, People, doubts, quote_id, split_quotes
from .sections import Article, clean_title
from .slugs import UniqueSlugs, slugify

NO_ROLE = "not given"
# Blocks that hold no sentences to attribute: headings, lists, tables, code and quotations.
_NOT_PROSE = re.compile(r"^(?:#|\s*[-*+]\s|\s*\d{1,3}[.)]\s|\||```|~~~|>)")


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
    digits: int = 2  # every chapter of a guide has as many digits in its file name

    @property
    def path(self) -> str:
        """The chapter's file under docs/, e.g. 'chapters/01-introduction.md'."""
        return f"chapters/{self.number:0{self.digits}d}-{self.slug}.md"


@dataclass(frozen=True)
class Doubt:
    quote_id: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Guide:
    title: str
    chapters: tuple[Chapter, ...]
    quotes: tuple[dict, ...]  # records for data/quotes.yaml, in the order they appear
    doubts: tuple[Doubt, ...] = ()  # quotes whose speaker or role looks wrong


def build_guide(
    article: Article, article_path: Path, title: str | None = None, rules: LanguageRules | None = None
) -> Guide:
    slugs = UniqueSlugs()
    quote_ids = UniqueSlugs()
    quotes: list[dict] = []
    found_doubts: list[Doubt] = []
    people = People()
    chapters = []
    digits = chapter_digits(len(article.sections))
    for number, section in enumerate(article.sections, start=1):
        pieces: list[Piece] = []
        for block in section.blocks:
            parts = [block] if _NOT_PROSE.match(block) else split_quotes(block, rules, people)
            for part in parts:
                if isinstance(part, FoundQuote):
                    record = quote_record(part, quote_id(part, quote_ids, rules), rules)
                    quotes.append(record)
                    pieces.append(Piece(quote_id=record["id"]))
                    reasons = doubts(part.speaker, part.article_role, rules)
                    if reasons:
                        found_doubts.append(Doubt(record["id"], tuple(reasons)))
                else:
                    pieces.append(Piece(text=part))
        slug = slugs(slugify(section.title, f"section-{number}"))
        chapters.append(Chapter(number, section.title, slug, merge_text(pieces), digits))
    return Guide(
        # No markup in the name: MkDocs themes show `site_name` unescaped.
        title=clean_title(title or article.title or title_from_file_name(article_path)),
        chapters=tuple(chapters),
        quotes=tuple(quotes),
        doubts=tuple(found_doubts),
    )


def chapter_digits(count: int) -> int:
    """01…99 for up to 99 chapters, 001… from 100: file names sort in reading order."""
    return max(2, len(str(count)))


def merge_text(pieces: list[Piece]) -> tuple[Piece, ...]:
    """Neighbouring text pieces become one draft block, paragraphs apart."""
    runs: list[list[str] | str] = []  # a run of texts, or a quote id
    for piece in pieces:
        if piece.text is None:
            runs.append(piece.quote_id)
        elif runs and isinstance(runs[-1], list):
            runs[-1].append(piece.text)
        else:
            runs.append([piece.text])
    return tuple(Piece(text="\n\n".join(run)) if isinstance(run, list) else Piece(quote_id=run) for run in runs)


def quote_record(quote: FoundQuote, record_id: str, rules: LanguageRules) -> dict:
    """A record the quote component accepts: the exact words, untraced, role as the article gave it,
    and marked for review, so a strict build refuses it until the author has checked it."""
    article_role = quote.article_role or NO_ROLE
    return {
        "id": record_id,
        "text": quote.text,
        "speaker": quote.speaker,
        "role": unchecked_role(quote.article_role, rules),
        "article_role": article_role,
        "provenance": "untraced",
        "abridged": False,
        "review": "needed",
    }


def unchecked_role(article_role: str | None, rules: LanguageRules) -> str:
    """What readers see after the name until the author checks the role, in the article's language."""
    if article_role is None:
        return rules.no_role
    role = article_role if rules.capitalised_nouns else lowercase_sentence_start(article_role)
    with_article = role if role.lower().startswith("the ") else f"{indefinite_article(role)} {role}"
    return rules.unchecked_role.format(role=role, a_role=with_article)


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
