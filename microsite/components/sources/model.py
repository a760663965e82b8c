"""The further-reading list as typed records: the research behind each strategy
in the guide, with a plain summary of what kind of study it is and what it found."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...errors import ErrorList
from ..quote.model import EntryReader, read_pages

FIELDS = {
    "topic": "the part of the guide it supports, such as 'Gratitude'",
    "authors": "the authors' family names",
    "year": "the year it came out",
    "title": "the title of the paper",
    "journal": "the journal it is in",
    "volume": "the journal volume, a whole number",
    "pages": "the pages, such as '217–233'",
    "summary": "what kind of study it is and what it found, in our own plain words",
}


@dataclass(frozen=True)
class Reference:
    topic: str
    authors: str
    year: int
    title: str
    journal: str
    volume: int
    pages: str
    summary: str


@dataclass(frozen=True)
class Topic:
    name: str
    references: list[Reference]


def parse_further_reading(raw: Any, file: str, errors: ErrorList) -> list[Reference]:
    """The references in `raw` (the parsed YAML), in file order; problems go to `errors`."""
    if raw is None:
        return []  # an empty file, or one whose YAML error is already recorded
    if not isinstance(raw, list):
        errors.add(file, None, "must be a list of references, each starting with '- topic:'")
        return []
    references = []
    for number, entry in enumerate(raw, start=1):
        if not isinstance(entry, dict):
            errors.add(file, f"reference {number}", "must be a set of fields (topic, authors, …), not a single value")
            continue
        reference = read_reference(EntryReader(entry, FIELDS, file, f"reference {number}", errors))
        if reference is not None:
            references.append(reference)
    return references


def read_reference(fields: EntryReader) -> Reference | None:
    before = len(fields.errors)
    values = {
        "topic": fields.text("topic"),
        "authors": fields.text("authors"),
        "year": fields.whole_number("year"),
        "title": fields.text("title"),
        "journal": fields.text("journal"),
        "volume": fields.whole_number("volume"),
        "pages": read_pages(fields, required=True),
        "summary": fields.text("summary"),
    }
    if len(fields.errors) > before:
        return None
    return Reference(**values)


def group_by_topic(references: list[Reference]) -> list[Topic]:
    """References under their topics, topics in the order they first appear."""
    topics: dict[str, list[Reference]] = {}
    for reference in references:
        topics.setdefault(reference.topic, []).append(reference)
    return [Topic(name, items) for name, items in topics.items()]
