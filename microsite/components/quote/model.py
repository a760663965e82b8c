"""The quotes file as typed records, validated once at build start.

A quote's provenance is part of its data: either the work it was traced to, or
none (untraced: reported only in the article the guide is based on). Every
problem in the file is recorded, so an author fixes them all in one pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ...errors import ErrorList, find_closest_id
from ...ids import is_valid_id

PROVENANCES = ("traced", "untraced")

# Every field an author may write, with what to put there (shown when it is missing).
FIELDS = {
    "id": "a short name that pages use, such as 'brown-vulnerability'",
    "text": "the exact words, copied character for character",
    "speaker": "who said it",
    "role": "what they do, as far as we know",
    "article_role": "what the source article called them",
    "provenance": "'traced' or 'untraced'",
    "abridged": "true if words were left out, otherwise false",
    "work": "the title of the book or article the words come from",
    "published_in": "the journal or book that holds the work",
    "year": "the year the work came out",
    "pages": "where in the work, such as '34' or '85–101'",
    "url": "a web address for the work",
    "note": "an editor's note for readers",
    "review": "'needed' while the speaker and role still have to be checked; remove the line once you have",
}
# Fields that describe where a traced quote comes from; an untraced one has none.
SOURCE_FIELDS = ("work", "published_in", "year", "pages", "url")


@dataclass(frozen=True)
class Source:
    """The published work a quote was traced to."""

    work: str
    year: int
    published_in: str | None = None
    pages: str | None = None
    url: str | None = None

    @property
    def location(self) -> str | None:
        """'page 34' or 'pages 85–101': where in the work, in words."""
        if not self.pages:
            return None
        noun = "pages" if re.search(r"[-–,]", self.pages) else "page"
        return f"{noun} {self.pages}"


@dataclass(frozen=True)
class Quote:
    id: str
    text: str
    speaker: str
    role: str
    article_role: str
    abridged: bool
    source: Source | None = None  # None: untraced
    note: str | None = None
    # Set by `microsite new` on every quote it extracts: a strict build refuses
    # to publish until the author has checked who said it and in what role.
    needs_review: bool = False

    @property
    def traced(self) -> bool:
        return self.source is not None

    @property
    def provenance(self) -> str:
        return "traced" if self.traced else "untraced"

    @property
    def article_role_differs(self) -> bool:
        # Roles we could not confirm already repeat the article's label
        # ("described in the source article as a therapist"); say it once.
        return self.article_role.casefold() not in self.role.casefold()


class EntryReader:
    """One entry of a data file: typed fields, each problem recorded against the entry.

    The further-reading list reads its entries the same way.
    """

    def __init__(self, raw: dict, fields: dict[str, str], file: str, entry: str, errors: ErrorList):
        self.raw = raw
        self.fields = fields
        self.file = file
        self.entry = entry
        self.errors = errors
        for name in raw:
            if name not in fields:
                self.problem(unknown_field_message(str(name), fields))

    def problem(self, message: str) -> None:
        self.errors.add(self.file, self.entry, message)

    def has(self, name: str) -> bool:
        return self.raw.get(name) is not None

    def missing(self, name: str) -> None:
        self.problem(f"missing '{name}' ({self.fields[name]})")

    def text(self, name: str, *, required: bool = True) -> str | None:
        value = self.raw.get(name)
        if value is None:
            if required:
                self.missing(name)
            return None
        if not isinstance(value, str):
            self.problem(f"'{name}' must be text; put it in quotes")
            return None
        if not value.strip():
            self.problem(f"'{name}' is empty; write {self.fields[name]}")
            return None
        return value.strip()

    def whole_number(self, name: str, *, required: bool = True) -> int | None:
        value = self.raw.get(name)
        if value is None:
            if required:
                self.missing(name)
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(f"'{name}' must be a whole number")
            return None
        return value

    def true_or_false(self, name: str) -> bool | None:
        value = self.raw.get(name)
        if value is None:
            self.missing(name)
            return None
        if not isinstance(value, bool):
            self.problem(f"'{name}' must be true or false")
            return None
        return value

    def web_address(self, name: str) -> str | None:
        value = self.text(name, required=False)
        if value and not value.startswith(("https://", "http://")):
            self.problem(f"'{name}' must be a full web address starting with https://")
            return None
        return value


def unknown_field_message(name: str, fields: dict[str, str]) -> str:
    closest = find_closest_id(name, fields)
    if closest:
        return f"unknown field '{name}'; did you mean '{closest}'?"
    return f"unknown field '{name}' (known fields: {', '.join(fields)})"


def parse_quotes(raw: Any, file: str, errors: ErrorList) -> dict[str, Quote]:
    """The quotes in `raw` (the parsed YAML), by id; problems go to `errors`."""
    if raw is None:
        return {}  # an empty file, or one whose YAML error is already recorded
    if not isinstance(raw, list):
        errors.add(file, None, "must be a list of quotes, each starting with '- id:'")
        return {}
    quotes: dict[str, Quote] = {}
    first_entry: dict[str, int] = {}
    for number, entry in enumerate(raw, start=1):
        quote_id = read_id(entry, file, number, errors)
        if quote_id is None:
            continue
        if quote_id in first_entry:
            errors.add(
                file,
                f"quote '{quote_id}'",
                f"entry {number} uses the same id as entry {first_entry[quote_id]}; give each quote its own id",
            )
            continue
        first_entry[quote_id] = number
        quote = read_quote(EntryReader(entry, FIELDS, file, f"quote '{quote_id}'", errors), quote_id)
        if quote is not None:
            quotes[quote_id] = quote
    return quotes


def read_id(entry: Any, file: str, number: int, errors: ErrorList) -> str | None:
    """The entry's id, or None after recording why the entry cannot be read."""
    where = f"entry {number}"
    if not isinstance(entry, dict):
        errors.add(file, where, "must be a set of fields (id, text, speaker, …), not a single value")
        return None
    quote_id = entry.get("id")
    if quote_id is None:
        errors.add(file, where, f"missing 'id' ({FIELDS['id']})")
        return None
    if not is_valid_id(quote_id):
        errors.add(file, where, f"id '{quote_id}' must use only lowercase letters, digits and hyphens")
        return None
    return quote_id


def read_quote(fields: EntryReader, quote_id: str) -> Quote | None:
    before = len(fields.errors)
    values = {
        "text": fields.text("text"),
        "speaker": fields.text("speaker"),
        "role": fields.text("role"),
        "article_role": fields.text("article_role"),
        "abridged": fields.true_or_false("abridged"),
        "note": fields.text("note", required=False),
        "needs_review": read_review(fields),
    }
    source = read_provenance(fields)
    if len(fields.errors) > before:
        return None
    return Quote(id=quote_id, source=source, **values)


def read_review(fields: EntryReader) -> bool:
    value = fields.raw.get("review")
    if value is None:
        return False
    if value != "needed":
        fields.problem(
            f"'review' can only be 'needed', found '{value}'; once you have checked the speaker and "
            "the role, remove the 'review' line"
        )
    return True


def read_provenance(fields: EntryReader) -> Source | None:
    """The work a traced quote comes from; None for an untraced one."""
    provenance = fields.raw.get("provenance")
    if provenance is None:
        fields.missing("provenance")
        return None
    if provenance not in PROVENANCES:
        fields.problem(f"unknown provenance '{provenance}' (expected one of: {', '.join(PROVENANCES)})")
        return None
    if provenance == "untraced":
        for name in SOURCE_FIELDS:
            if fields.has(name):
                fields.problem(
                    f"provenance 'untraced' cannot have a '{name}'; remove it, or use 'traced' if the original was found"
                )
        return None
    return read_source(fields)


def read_source(fields: EntryReader) -> Source | None:
    if not fields.has("work"):
        fields.problem("provenance 'traced' needs a 'work' title (or use 'untraced')")
    if not fields.has("year"):
        fields.problem("provenance 'traced' needs the 'year' of the work (or use 'untraced')")
    work = fields.text("work", required=False)
    year = fields.whole_number("year", required=False)
    published_in = fields.text("published_in", required=False)
    pages = read_pages(fields)
    url = fields.web_address("url")
    if work is None or year is None:
        return None
    return Source(work=work, year=year, published_in=published_in, pages=pages, url=url)


def read_pages(fields: EntryReader, *, required: bool = False) -> str | None:
    # `pages: 34` is read by YAML as a number; a page number is still a page.
    value = fields.raw.get("pages")
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return fields.text("pages", required=required)
