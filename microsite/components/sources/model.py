"""The further-reading list as typed records: the research behind each strategy
in the guide, with a plain summary of what kind of study it is and what it found."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...errors import ErrorList
from ...datafile import EntryReader, Key, keys_by_name, read_list_file

KEYS = keys_by_name([
    Key("topic", "the part of the guide it supports, such as 'Gratitude'", required=True),
    Key("authors", "the authors' family names", required=True),
    Key("year", "the year it came out", type="whole", required=True),
    Key("title", "the title of the paper", required=True),
    Key("journal", "the journal it is in", required=True),
    Key("volume", "the journal volume, a whole number", type="whole", required=True),
    Key("pages", "the pages, such as '217–233'", type="text-or-number", required=True),
    Key("summary", "what kind of study it is and what it found, in our own plain words", required=True),
])


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
    references = []
    for number, entry in read_list_file(raw, file, "reference", "topic", errors, numbered_as="reference"):
        reference = read_reference(EntryReader(entry, KEYS, file, f"reference {number}", errors))
        if reference is not None:
            references.append(reference)
    return references


def read_reference(fields: EntryReader) -> Reference | None:
    values = {
        "topic": fields.text("topic"),
        "authors": fields.text("authors"),
        "year": fields.whole_number("year"),
        "title": fields.text("title"),
        "journal": fields.text("journal"),
        "volume": fields.whole_number("volume"),
        "pages": fields.text_or_number("pages"),
        "summary": fields.text("summary"),
    }
    if fields.failed:
        return None
    return Reference(**values)


def group_by_topic(references: list[Reference]) -> list[Topic]:
    """References under their topics, topics in the order they first appear."""
    topics: dict[str, list[Reference]] = {}
    for reference in references:
        topics.setdefault(reference.topic, []).append(reference)
    return [Topic(name, items) for name, items in topics.items()]
