"""The quotes file as typed records, validated once at build start.

A quote's provenance is part of its data: either the work it was traced to, or
none (untraced: reported only in the article the guide is based on). Every
problem in the file is recorded, so an author fixes them all in one pass.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any

from ...datafile import EntryReader, Key, describe, keys_by_name, read_list_file
from ...errors import ErrorList
from ...ids import is_valid_id

# traced: found word for word in a published work; partly: some of the words
# found there, not all; untraced: only in the article the guide is based on.
PROVENANCES = ("traced", "partly", "untraced")

# Every key an author may write, with what to put there (shown when it is missing).
KEYS = keys_by_name([
    Key("id", "a short name that pages use, such as 'brown-vulnerability'", required=True),
    Key("text", "the exact words, copied character for character", required=True),
    Key("speaker", "who said it", required=True),
    Key("role", "what they do, as far as we know", required=True),
    Key("article_role", "what the source article called them", required=True),
    Key("provenance", "'traced', 'partly' or 'untraced'", required=True, choices=PROVENANCES),
    Key("abridged", "true if words were left out, otherwise false", type="bool", required=True),
    Key("work", "the title of the book or article the words come from"),
    Key("published_in", "the journal or book that holds the work"),
    Key("year", "the year the work came out", type="whole"),
    Key("pages", "where in the work, such as '34' or '85–101'", type="text-or-number"),
    Key("url", "a web address for the work", type="url"),
    Key("accessed", "the day you read an undated web page, such as 2026-11-30 (instead of 'year')", type="date"),
    Key("note", "an editor's note for readers"),
    Key("review", "'needed' while the speaker and role still have to be checked", choices=("needed",)),
])
# Keys that describe where a traced quote comes from; an untraced one has none.
SOURCE_KEYS = ("work", "published_in", "year", "pages", "url", "accessed")


@dataclass(frozen=True)
class Source:
    """The published work a quote was traced to."""

    work: str
    year: int | None  # None: an undated web page, read on `accessed`
    published_in: str | None = None
    pages: str | None = None
    url: str | None = None
    accessed: datetime.date | None = None
    partly: bool = False  # only some of the words were found in the work

    @property
    def single_page(self) -> bool:
        """'34' is one page; '85–101' or '3, 7' are several."""
        return not re.search(r"[-–,]", self.pages or "")


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
        if not self.traced:
            return "untraced"
        return "partly" if self.source.partly else "traced"

    @property
    def article_role_differs(self) -> bool:
        # Roles we could not confirm already repeat the article's label
        # ("described in the source article as a therapist"); say it once.
        return self.article_role.casefold() not in self.role.casefold()


def parse_quotes(raw: Any, file: str, errors: ErrorList) -> dict[str, Quote]:
    """The quotes in `raw` (the parsed YAML), by id; problems go to `errors`."""
    quotes: dict[str, Quote] = {}
    first_entry: dict[str, int] = {}
    for number, entry in read_list_file(raw, file, "quote", "id", errors):
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
        quote = read_quote(EntryReader(entry, KEYS, file, f"quote '{quote_id}'", errors), quote_id)
        if quote is not None:
            quotes[quote_id] = quote
    return quotes


def read_id(entry: dict, file: str, number: int, errors: ErrorList) -> str | None:
    """The entry's id, or None after recording why the entry cannot be read."""
    quote_id = entry.get("id")
    if quote_id is None:
        errors.add(file, f"entry {number}", f"missing 'id'; add {KEYS['id'].meaning}")
        return None
    if not is_valid_id(quote_id):
        errors.add(
            file, f"entry {number}", f"id {describe(quote_id)} must be lowercase words joined by hyphens, like 'brown-vulnerability'"
        )
        return None
    return quote_id


def read_quote(fields: EntryReader, quote_id: str) -> Quote | None:
    values = {
        "text": fields.text("text"),
        "speaker": fields.text("speaker"),
        "role": fields.text("role"),
        "article_role": fields.text("article_role"),
        "abridged": fields.true_or_false("abridged"),
        "note": fields.text("note"),
        "needs_review": read_review(fields),
    }
    source = read_provenance(fields)
    if fields.failed:
        return None
    return Quote(id=quote_id, source=source, **values)


def read_review(fields: EntryReader) -> bool:
    value = fields.raw.get("review")
    if value is None:
        return False
    if value != "needed":
        fields.problem(
            f"'review' can only be 'needed', found {describe(value)}; once you have checked the speaker and "
            "the role, remove the 'review' line"
        )
    return True


def read_provenance(fields: EntryReader) -> Source | None:
    """The work a traced quote comes from; None for an untraced one."""
    provenance = fields.choice("provenance")
    if provenance == "untraced":
        for name in SOURCE_KEYS:
            if fields.has(name):
                fields.problem(
                    f"provenance 'untraced' cannot have a '{name}'; remove it, or use 'traced' if the original was found"
                )
    if provenance not in ("traced", "partly"):
        return None
    if not fields.has("work"):
        fields.problem(f"provenance '{provenance}' needs a 'work' title (or use 'untraced')")
    dated_page = fields.has("accessed") and fields.has("url")
    if not fields.has("year") and not dated_page:
        fields.problem(
            f"provenance '{provenance}' needs the 'year' of the work, or for an undated web page its 'url' and "
            "the day you read it, 'accessed' (or use 'untraced')"
        )
    work = fields.text("work")
    year = fields.whole_number("year")
    published_in = fields.text("published_in")
    pages = fields.text_or_number("pages")
    url = fields.web_address("url")
    accessed = fields.date("accessed")
    if work is None or (year is None and accessed is None):
        return None
    return Source(
        work=work, year=year, published_in=published_in, pages=pages, url=url, accessed=accessed, partly=provenance == "partly"
    )
