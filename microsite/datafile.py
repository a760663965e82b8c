"""One reader for every data file an author writes (worksheets, quotes,
further reading, help lines), with one wording for every mistake.

A component declares its keys once, as `Key`s: what each means in the
author's words, its type, whether it is required. `EntryReader` reads one
entry against them and records each problem as a sentence that names the
file, the entry and the fix; `json_schema` turns the same declarations into
the JSON Schema that authors' editors use to autocomplete and check the file.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

import yaml

from .errors import ErrorList, find_closest_id


@dataclass(frozen=True)
class Key:
    name: str
    meaning: str  # what to write there, completing "add …": "the worksheet's title"
    type: str = "text"  # text, whole, bool, url, date, text-or-number, list, mapping
    required: bool = False
    minimum: int | None = None
    choices: tuple[str, ...] = ()

    def schema(self) -> dict:
        """This key as a JSON Schema property."""
        schema: dict[str, Any] = dict(_SCHEMA_TYPES[self.type])
        if self.choices:
            schema = {"enum": list(self.choices)}
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        return {**schema, "description": self.meaning[:1].upper() + self.meaning[1:] + "."}


_SCHEMA_TYPES: dict[str, dict] = {
    "text": {"type": "string", "minLength": 1},
    "whole": {"type": "integer"},
    "bool": {"type": "boolean"},
    "url": {"type": "string", "pattern": "^https?://"},
    "date": {"type": "string", "format": "date"},
    "text-or-number": {"type": ["string", "number"]},
    "list": {"type": "array"},
    "mapping": {"type": "object"},
}


def keys_by_name(keys: Iterable[Key]) -> dict[str, Key]:
    return {key.name: key for key in keys}


def object_schema(keys: Iterable[Key], **extra) -> dict:
    """A JSON Schema object with exactly these keys."""
    keys = list(keys)
    return {
        "type": "object",
        "properties": {key.name: key.schema() for key in keys},
        "required": [key.name for key in keys if key.required],
        "additionalProperties": False,
        **extra,
    }


def load_yaml(path: Path, label: str, errors: ErrorList) -> Any:
    """The parsed file, or `None` after recording why it could not be read.

    `label` is the path as the author knows it (relative to the project).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        errors.add(label, None, "file not found; create it or fix the path in mkdocs.yml")
        return None
    except UnicodeDecodeError:
        errors.add(label, None, "is not UTF-8 text; save it as UTF-8")
        return None
    try:
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "somewhere"
        reason = error.problem or error.context or "invalid YAML"
        errors.add(label, where, f"invalid YAML: {reason}; check the indentation and quotes there")
    except yaml.YAMLError as error:
        errors.add(label, None, f"invalid YAML: {error}")
    return None


def describe(value: Any) -> str:
    """How an author would name what they wrote: 'a list', 'the number 3'."""
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (yes/no)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping of keys"
    if isinstance(value, datetime.date):
        return f"the date {value.isoformat()}"
    return "nothing" if value is None else type(value).__name__


def unknown_key_message(key: Any, known: Iterable[str]) -> str:
    known = list(known)
    closest = find_closest_id(str(key), known)
    hint = f"did you mean '{closest}'?" if closest else "known keys: " + ", ".join(known)
    return f"unknown key '{key}'; {hint}"


class EntryReader:
    """One entry of a data file, read against its declared keys.

    Every problem is recorded against the entry ("quote 'brown-vulnerability'",
    "field 'feeling'"), so the author sees where it is and what to write.
    """

    def __init__(
        self, raw: dict, keys: dict[str, Key], file: str, entry: str | None, errors: ErrorList, *, check_keys: bool = True
    ):
        self.raw = raw
        self.keys = keys
        self.file = file
        self.entry = entry
        self.errors = errors
        self.problems_before = len(errors)
        if check_keys:
            for name in raw:
                if name not in keys:
                    self.problem(unknown_key_message(name, keys))

    @property
    def failed(self) -> bool:
        """Whether any problem was recorded since this entry began."""
        return len(self.errors) > self.problems_before

    def problem(self, message: str) -> None:
        self.errors.add(self.file, self.entry, message)

    def has(self, name: str) -> bool:
        return self.raw.get(name) not in (None, "")

    def missing(self, name: str) -> None:
        self.problem(f"missing '{name}'; add {self.keys[name].meaning}")

    def _value(self, name: str, required: bool | None) -> Any:
        """The raw value, or None after recording it as missing when required."""
        value = self.raw.get(name)
        if value is None and (self.keys[name].required if required is None else required):
            self.missing(name)
        return value

    def text(self, name: str, *, required: bool | None = None) -> str | None:
        value = self._value(name, required)
        if value is None:
            return None
        if not isinstance(value, str):
            self.problem(f"'{name}' must be text, found {describe(value)}; put it in quotes")
            return None
        if not value.strip():
            self.problem(f"'{name}' is empty; add {self.keys[name].meaning}")
            return None
        return value.strip()

    def text_or_number(self, name: str, *, required: bool | None = None) -> str | None:
        """Text that YAML may read as a number (`pages: 34`, `example: 7`)."""
        value = self.raw.get(name)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        return self.text(name, required=required)

    def whole_number(self, name: str, *, required: bool | None = None, minimum: int | None = None) -> int | None:
        value = self._value(name, required)
        if value is None:
            return None
        minimum = self.keys[name].minimum if minimum is None else minimum
        if isinstance(value, bool) or not isinstance(value, int) or (minimum is not None and value < minimum):
            least = f" of at least {minimum}" if minimum is not None else ""
            self.problem(f"'{name}' must be a whole number{least}, found {describe(value)}")
            return None
        return value

    def true_or_false(self, name: str, *, required: bool | None = None) -> bool | None:
        value = self._value(name, required)
        if value is None:
            return None
        if not isinstance(value, bool):
            self.problem(f"'{name}' must be true or false, found {describe(value)}")
            return None
        return value

    def web_address(self, name: str, *, required: bool | None = None) -> str | None:
        value = self.text(name, required=required)
        if value and not value.startswith(("https://", "http://")):
            self.problem(f"'{name}' must be a full web address starting with https://, found {describe(value)}")
            return None
        return value

    def choice(self, name: str, *, required: bool | None = None) -> str | None:
        value = self._value(name, required)
        if value is None:
            return None
        choices = self.keys[name].choices
        if value not in choices:
            self.problem(f"unknown {name} {describe(value)} (expected one of: {', '.join(choices)})")
            return None
        return value

    def date(self, name: str, *, required: bool | None = None) -> datetime.date | None:
        value = self._value(name, required)
        if value is None:
            return None
        if isinstance(value, str):
            try:
                return datetime.date.fromisoformat(value.strip())
            except ValueError:
                pass
        elif isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return value
        self.problem(f"'{name}' must be a date written as YYYY-MM-DD, found {describe(value)}")
        return None

    def text_list(self, name: str, what: str, *, required: bool | None = None, at_least: int = 1) -> tuple[str, ...]:
        """A list of texts, each named `what 1`, `what 2`… in problems."""
        value = self._value(name, required)
        if value is None:
            return ()
        if not isinstance(value, list) or len(value) < at_least:
            self.problem(f"'{name}' must be a list of at least {at_least} {what}s, found {describe(value)}")
            return ()
        items = []
        for number, item in enumerate(value, start=1):
            if not isinstance(item, str) or not item.strip():
                self.problem(f"{what} {number} must be text, found {describe(item)}; put it in quotes")
            else:
                items.append(item.strip())
        return tuple(items)


def read_list_file(
    raw: Any, file: str, what: str, first_key: str, errors: ErrorList, *, numbered_as: str = "entry"
) -> Iterator[tuple[int, dict]]:
    """The entries of a data file that is a YAML list of mappings, numbered from 1;
    an entry that is not a mapping is reported in its place.

    An empty file (or one whose YAML error is already recorded) has none.
    """
    if raw is None:
        return
    if not isinstance(raw, list):
        errors.add(file, None, f"must be a list of {what}s, each starting with '- {first_key}:'")
        return
    for number, entry in enumerate(raw, start=1):
        if isinstance(entry, dict):
            yield number, entry
        else:
            errors.add(file, f"{numbered_as} {number}", f"must be a {what} with its keys ({first_key}, …), found {describe(entry)}")
