"""Worksheet definitions: the data model and its validation.

One YAML file per worksheet in the worksheets folder (data/worksheets/ by
default). `load_worksheets` reads them all and records every problem it finds,
so an author fixes every mistake in one pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path
from typing import Any, Callable

from ...datafile import EntryReader, Key, describe, keys_by_name, load_yaml, unknown_key_message
from ...errors import ErrorList
from ...ids import is_valid_id
from .kinds import KINDS, FieldReader, Kind, kind_named, registered_kinds

WORKSHEET_KEYS = keys_by_name([
    Key("id", "the worksheet's id, the same as its file name", required=True),
    Key("title", "the worksheet's title", required=True),
    Key("purpose", "one sentence on what the worksheet is for", required=True),
    Key("instructions", "how to fill it in, in plain text", required=True),
    Key("minutes", "about how many minutes it takes", type="whole", required=True, minimum=1),
    Key("version", "a number you increase when the fields change", type="whole", required=True, minimum=1),
    Key("fields", "the list of fields", type="list", required=True),
    # Shown before the fields, on the page, in print and in the PDF workbook.
    Key("caveat", "a safety warning readers must see before they start"),
])
COMMON_FIELD_KEYS = keys_by_name([
    Key("id", "an id such as 'situation' (lowercase words joined by hyphens)", required=True),
    Key("kind", "the kind of field", required=True),
    Key("label", "the question or prompt the reader answers", required=True),
    Key("hint", "a short hint shown under the label"),
    Key("example", "an example answer", type="text-or-number"),
])


@dataclass(frozen=True)
class Field:
    """One field of a worksheet. Its kind's own values (lines, options, …) are
    read like attributes: `field.lines`, `field.options`."""

    id: str
    kind: str
    label: str
    hint: str | None = None
    example: str | None = None
    values: dict[str, Any] = dataclass_field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        values = self.__dict__.get("values", {})
        if name in values:
            return values[name]
        # A key of another kind: empty, as a field of this kind has none.
        for kind in registered_kinds().values():
            for key in kind.keys:
                if key.name == name:
                    return () if key.type == "list" else None
        raise AttributeError(name)

    @property
    def spec(self) -> Kind:
        return kind_named(self.kind)

    @property
    def shape(self) -> str:
        return self.spec.shape


@dataclass(frozen=True)
class Worksheet:
    id: str
    title: str
    purpose: str
    instructions: tuple[str, ...]
    minutes: int
    version: int
    fields: tuple[Field, ...]
    caveat: str | None = None


def all_field_keys() -> dict[str, list[str]]:
    """Every key a field may have, with the kinds that use it (empty for common keys)."""
    keys: dict[str, list[str]] = {name: [] for name in COMMON_FIELD_KEYS}
    for kind in registered_kinds().values():
        for key in kind.keys:
            keys.setdefault(key.name, []).append(kind.name)
    return keys


def load_worksheets(folder: Path, label: Callable[[Path], str], errors: ErrorList) -> dict[str, Worksheet]:
    """Every valid worksheet in `folder` by id; problems go to `errors`.

    A missing folder is a site without worksheets, not a mistake.
    """
    worksheets: dict[str, Worksheet] = {}
    if not folder.is_dir():
        return worksheets
    for path in sorted(folder.iterdir()):
        if path.suffix == ".yml":
            errors.add(label(path), None, f"worksheet files end in .yaml; rename it to {path.stem}.yaml")
        elif path.suffix == ".yaml":
            worksheet = load_worksheet(path, label(path), errors)
            if worksheet is not None:
                worksheets[worksheet.id] = worksheet
    return worksheets


def load_worksheet(path: Path, file_label: str, errors: ErrorList) -> Worksheet | None:
    before = len(errors)
    data = load_yaml(path, file_label, errors)
    if data is None and len(errors) == before:
        required = [name for name, key in WORKSHEET_KEYS.items() if key.required]
        errors.add(file_label, None, "is empty; a worksheet needs " + ", ".join(required))
    if not isinstance(data, dict):
        if data is not None:
            errors.add(file_label, None, f"must be a worksheet (keys such as id, title and fields), found {describe(data)}")
        return None
    return read_worksheet(path.stem, EntryReader(data, WORKSHEET_KEYS, file_label, None, errors))


def read_worksheet(file_id: str, entry: EntryReader) -> Worksheet | None:
    for name, key in WORKSHEET_KEYS.items():
        if key.required and entry.raw.get(name) in (None, "", []):
            entry.missing(name)
    worksheet_id = read_worksheet_id(entry, file_id)
    values = {
        "title": entry.text("title", required=False),
        "purpose": entry.text("purpose", required=False),
        "instructions": entry.text("instructions", required=False),
        "minutes": entry.whole_number("minutes", required=False),
        "version": entry.whole_number("version", required=False),
    }
    fields = read_fields(entry, entry.raw.get("fields"))
    caveat = entry.text("caveat")
    if entry.failed:
        return None
    return Worksheet(
        id=worksheet_id,
        fields=fields,
        caveat=" ".join(caveat.split()) if caveat else None,
        **{**values, "instructions": paragraphs(values["instructions"])},
    )


def read_worksheet_id(entry: EntryReader, file_id: str) -> str | None:
    value = entry.raw.get("id")
    if value is None:
        return None
    if value != file_id:
        entry.problem(f"id '{value}' does not match the file name; set id: {file_id} or rename the file to {value}.yaml")
    elif not is_valid_id(file_id):
        entry.problem(f"id '{value}' must be lowercase words joined by hyphens, like thought-record")
    return value


def read_fields(worksheet: EntryReader, value: Any) -> tuple[Field, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        worksheet.problem(f"'fields' must be a list of fields, found {describe(value)}")
        return ()
    fields = []
    seen: set[str] = set()
    for number, item in enumerate(value, start=1):
        field = read_field(worksheet, number, item)
        if field is None:
            continue
        if field.id in seen:
            worksheet.errors.add(worksheet.file, f"field '{field.id}'", "this id is used by another field; give each field its own id")
            continue
        seen.add(field.id)
        fields.append(field)
    return tuple(fields)


def read_field(worksheet: EntryReader, number: int, data: Any) -> Field | None:
    field_id = data.get("id") if isinstance(data, dict) else None
    name = f"field '{field_id}'" if isinstance(field_id, str) and field_id else f"field {number}"
    if not isinstance(data, dict):
        worksheet.errors.add(worksheet.file, name, f"must be a field (keys such as id, kind and label), found {describe(data)}")
        return None
    keys = {**COMMON_FIELD_KEYS, **{key.name: key for kind in registered_kinds().values() for key in kind.keys}}
    # Unknown keys are checked below, where a key of another kind can be named as such.
    entry = EntryReader(data, keys, worksheet.file, name, worksheet.errors, check_keys=False)
    field_id = read_field_id(entry, data.get("id"))
    kind = read_kind(entry, data.get("kind"))
    label = entry.text("label")
    hint = entry.text("hint")
    example = entry.text_or_number("example")
    check_field_keys(entry, kind)
    values = kind.read(FieldReader(kind, entry)) if kind and kind.read else {}
    if entry.failed:
        return None
    return Field(id=field_id, kind=kind.name, label=label, hint=hint, example=example, values=values)


def read_field_id(entry: EntryReader, value: Any) -> str | None:
    if value is None:
        entry.missing("id")
        return None
    if not is_valid_id(value):
        entry.problem(f"id {describe(value)} must be lowercase words joined by hyphens, like 'evidence-for'")
        return None
    return value


def read_kind(entry: EntryReader, value: Any) -> Kind | None:
    names = ", ".join(registered_kinds())
    if value is None:
        entry.problem(f"missing 'kind'; use one of: {names}")
        return None
    if value not in registered_kinds():
        entry.problem(f"unknown kind {describe(value)} (expected one of: {names})")
        return None
    return kind_named(value)


def check_field_keys(entry: EntryReader, kind: Kind | None) -> None:
    known = all_field_keys()
    for key in entry.raw:
        if key not in known:
            entry.problem(unknown_key_message(key, sorted(known)))
        elif kind and known[key] and kind.name not in known[key]:
            entry.problem(f"'{key}' is only used by {' and '.join(known[key])} fields; remove it")


def paragraphs(text: str) -> tuple[str, ...]:
    """Plain text split at blank lines; lines inside a paragraph are joined."""
    return tuple(" ".join(block.split()) for block in re.split(r"\n\s*\n", text) if block.strip())
