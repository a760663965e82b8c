"""Worksheet definitions: the data model and its validation.

One YAML file per worksheet in the worksheets folder (data/worksheets/ by
default). `load_worksheets` reads them all and records every problem it finds,
so an author fixes every mistake in one pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from ...errors import ErrorList, find_closest_id
from ...ids import is_valid_id
from ...yamlfile import load_yaml

KINDS = ("short-text", "long-text", "numbered-list", "rating", "checklist", "single-choice", "date", "table")

WORKSHEET_KEYS = {
    "id": "the worksheet's id, the same as its file name",
    "title": "the worksheet's title",
    "purpose": "one sentence on what the worksheet is for",
    "instructions": "how to fill it in, in plain text",
    "minutes": "about how many minutes it takes",
    "version": "a number you increase when the fields change",
    "fields": "the list of fields",
}
# Optional worksheet keys.
OPTIONAL_WORKSHEET_KEYS = {
    # Shown before the fields, on the page, in print and in the PDF workbook.
    "caveat": "a safety warning readers must see before they start",
}
COMMON_FIELD_KEYS = ("id", "kind", "label", "hint", "example")
# The keys each kind of field uses beyond the common ones, with their defaults.
KIND_KEYS: dict[str, dict[str, Any]] = {
    "short-text": {},
    "long-text": {"lines": 4},
    "numbered-list": {"entries": 3},
    "rating": {"min": None, "max": None, "step": 1, "min_label": None, "max_label": None},
    "checklist": {"options": None},
    "single-choice": {"options": None},
    "date": {},
    "table": {"columns": None, "rows": 3, "row_label": "Row"},
}
ALL_FIELD_KEYS = sorted({*COMMON_FIELD_KEYS, *(key for keys in KIND_KEYS.values() for key in keys)})


@dataclass(frozen=True)
class Column:
    id: str
    label: str


@dataclass(frozen=True)
class Field:
    id: str
    kind: str
    label: str
    hint: str | None = None
    example: str | None = None
    lines: int = 4
    entries: int = 3
    min: int | None = None
    max: int | None = None
    step: int = 1
    min_label: str | None = None
    max_label: str | None = None
    options: tuple[str, ...] = ()
    columns: tuple[Column, ...] = ()
    rows: int = 3
    row_label: str = "Row"

    @property
    def scale(self) -> range:
        """A rating's points, from min to max in steps of `step`."""
        return range(self.min, self.max + 1, self.step)


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
    data = load_yaml(path, file_label, errors)
    if data is None and not errors_for(errors, file_label):
        errors.add(file_label, None, "is empty; a worksheet needs " + ", ".join(WORKSHEET_KEYS))
    if not isinstance(data, dict):
        if data is not None:
            errors.add(file_label, None, f"must be a worksheet (keys such as id, title and fields), found {describe(data)}")
        return None
    return WorksheetReader(path.stem, file_label, errors).read(data)


def errors_for(errors: ErrorList, file_label: str) -> bool:
    return any(problem.file == file_label for problem in errors.problems)


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
    return "nothing" if value is None else type(value).__name__


def unknown_key_message(key: Any, known: list[str]) -> str:
    closest = find_closest_id(str(key), known)
    hint = f"did you mean '{closest}'?" if closest else "known keys: " + ", ".join(known)
    return f"unknown key '{key}'; {hint}"


class WorksheetReader:
    """Reads one worksheet's parsed YAML, recording each problem it finds."""

    def __init__(self, file_id: str, file_label: str, errors: ErrorList):
        self.file_id = file_id
        self.file_label = file_label
        self.errors = errors
        self.problems_before = len(errors)

    def problem(self, entry: str | None, message: str) -> None:
        self.errors.add(self.file_label, entry, message)

    def read(self, data: dict) -> Worksheet | None:
        known = [*WORKSHEET_KEYS, *OPTIONAL_WORKSHEET_KEYS]
        for key in data:
            if key not in known:
                self.problem(None, unknown_key_message(key, known))
        for key, meaning in WORKSHEET_KEYS.items():
            if data.get(key) in (None, "", []):
                self.problem(None, f"missing '{key}'; add {meaning}")
        worksheet_id = self.read_id(data.get("id"))
        title = self.text(None, "title", data.get("title"))
        purpose = self.text(None, "purpose", data.get("purpose"))
        instructions = self.text(None, "instructions", data.get("instructions"))
        minutes = self.whole_number(None, "minutes", data.get("minutes"))
        version = self.whole_number(None, "version", data.get("version"))
        fields = self.read_fields(data.get("fields"))
        caveat = self.text(None, "caveat", data.get("caveat"))
        if len(self.errors) > self.problems_before:
            return None
        return Worksheet(
            id=worksheet_id,
            title=title,
            purpose=purpose,
            instructions=paragraphs(instructions),
            minutes=minutes,
            version=version,
            fields=fields,
            caveat=" ".join(caveat.split()) if caveat else None,
        )

    def read_id(self, value: Any) -> str | None:
        if value is None:
            return None
        if value != self.file_id:
            self.problem(
                None,
                f"id '{value}' does not match the file name; set id: {self.file_id} "
                f"or rename the file to {value}.yaml",
            )
        elif not is_valid_id(self.file_id):
            self.problem(None, f"id '{value}' must be lowercase words joined by hyphens, like thought-record")
        return value

    def text(self, entry: str | None, key: str, value: Any) -> str | None:
        """Optional text: None when absent; a problem when not text."""
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            self.problem(entry, f"'{key}' must be text, found {describe(value)}; put it in quotes")
            return None
        return value.strip()

    def whole_number(self, entry: str | None, key: str, value: Any, minimum: int = 1) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.problem(entry, f"'{key}' must be a whole number of at least {minimum}, found {describe(value)}")
            return None
        return value

    def read_fields(self, value: Any) -> tuple[Field, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.problem(None, f"'fields' must be a list of fields, found {describe(value)}")
            return ()
        fields = []
        seen: set[str] = set()
        for number, item in enumerate(value, start=1):
            field = FieldReader(self, number, item).read()
            if field is None:
                continue
            if field.id in seen:
                self.problem(f"field '{field.id}'", "this id is used by another field; give each field its own id")
                continue
            seen.add(field.id)
            fields.append(field)
        return tuple(fields)


class FieldReader:
    """Reads one entry of a worksheet's `fields` list."""

    def __init__(self, worksheet: WorksheetReader, number: int, data: Any):
        self.worksheet = worksheet
        self.data = data
        field_id = data.get("id") if isinstance(data, dict) else None
        self.entry = f"field '{field_id}'" if isinstance(field_id, str) and field_id else f"field {number}"

    def problem(self, message: str) -> None:
        self.worksheet.problem(self.entry, message)

    def read(self) -> Field | None:
        if not isinstance(self.data, dict):
            self.problem(f"must be a field (keys such as id, kind and label), found {describe(self.data)}")
            return None
        problems_before = len(self.worksheet.errors)
        field_id = self.read_id(self.data.get("id"))
        kind = self.read_kind(self.data.get("kind"))
        if self.data.get("label") in (None, ""):
            self.problem("missing 'label'; add the question or prompt the reader answers")
        label = self.worksheet.text(self.entry, "label", self.data.get("label"))
        hint = self.worksheet.text(self.entry, "hint", self.data.get("hint"))
        example = self.read_example(self.data.get("example"))
        self.check_keys(kind)
        extras = self.read_kind_keys(kind) if kind else {}
        if len(self.worksheet.errors) > problems_before:
            return None
        return Field(id=field_id, kind=kind, label=label, hint=hint, example=example, **extras)

    def read_id(self, value: Any) -> str | None:
        if value is None:
            self.problem("missing 'id'; add an id such as 'situation' (lowercase words joined by hyphens)")
            return None
        if not is_valid_id(value):
            self.problem(f"id {describe(value)} must be lowercase words joined by hyphens, like 'evidence-for'")
            return None
        return value

    def read_kind(self, value: Any) -> str | None:
        if value is None:
            self.problem(f"missing 'kind'; use one of: {', '.join(KINDS)}")
            return None
        if value not in KINDS:
            self.problem(f"unknown kind {describe(value)} (expected one of: {', '.join(KINDS)})")
            return None
        return value

    def read_example(self, value: Any) -> str | None:
        # A number is a fair example for a rating ("example: 7").
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        return self.worksheet.text(self.entry, "example", value)

    def check_keys(self, kind: str | None) -> None:
        for key in self.data:
            if key not in ALL_FIELD_KEYS:
                self.problem(unknown_key_message(key, ALL_FIELD_KEYS))
            elif kind and key not in COMMON_FIELD_KEYS and key not in KIND_KEYS[kind]:
                users = [name for name, keys in KIND_KEYS.items() if key in keys]
                self.problem(f"'{key}' is only used by {' and '.join(users)} fields; remove it")

    def read_kind_keys(self, kind: str) -> dict[str, Any]:
        defaults = KIND_KEYS[kind]
        values = {key: self.data.get(key, default) for key, default in defaults.items()}
        for key in ("lines", "entries", "rows", "step"):
            if key in values:
                values[key] = self.worksheet.whole_number(self.entry, key, values[key])
        if kind == "rating":
            self.check_rating(values)
        if kind in ("checklist", "single-choice"):
            values["options"] = self.read_options(kind, values["options"])
        if kind == "table":
            values["columns"] = self.read_columns(values["columns"])
            values["row_label"] = self.worksheet.text(self.entry, "row_label", values["row_label"])
        return values

    def check_rating(self, values: dict[str, Any]) -> None:
        for key in ("min", "max"):
            if values[key] is None:
                self.problem(f"a rating needs '{key}', the number at the {'low' if key == 'min' else 'high'} end")
            elif isinstance(values[key], bool) or not isinstance(values[key], int):
                self.problem(f"'{key}' must be a whole number, found {describe(values[key])}")
                values[key] = None
        for key, end, words in (("min_label", "low", "Not at all"), ("max_label", "high", "Very strongly")):
            if values[key] is None:
                self.problem(f"a rating needs '{key}', words for the {end} end such as '{words}'")
            values[key] = self.worksheet.text(self.entry, key, values[key])
        low, high, step = values["min"], values["max"], values["step"]
        if low is None or high is None or step is None:
            return
        if low >= high:
            self.problem(
                f"rating ends are reversed or equal (min {low}, max {high}); "
                "min must be smaller than max, and min_label names the low end"
            )
        elif (high - low) % step:
            self.problem(f"a rating from {low} to {high} cannot go in steps of {step}; choose a step that reaches {high} exactly")
        elif (high - low) // step > 10:
            self.problem(
                f"a rating from {low} to {high} has too many points to choose from; use at most 11 "
                "(0 to 10, or 0 to 100 with step: 10)"
            )

    def read_options(self, kind: str, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or len(value) < 2:
            found = "" if value is None else f", found {describe(value)}"
            self.problem(f"a {kind} needs 'options': a list of at least two choices{found}")
            return ()
        for number, option in enumerate(value, start=1):
            if not isinstance(option, str) or not option.strip():
                self.problem(f"option {number} must be text, found {describe(option)}; put it in quotes")
        duplicates = sorted({option for option in value if isinstance(option, str) and value.count(option) > 1})
        for option in duplicates:
            self.problem(f"option '{option}' is listed twice; each choice must be different")
        return tuple(option.strip() for option in value if isinstance(option, str))

    def read_columns(self, value: Any) -> tuple[Column, ...]:
        if not isinstance(value, list) or not value:
            found = "" if value is None else f", found {describe(value)}"
            self.problem(f"a table needs 'columns': a list of columns, each with an id and a label{found}")
            return ()
        columns = []
        for number, item in enumerate(value, start=1):
            column = self.read_column(number, item)
            if column and column.id in {known.id for known in columns}:
                self.problem(f"column '{column.id}' is listed twice; give each column its own id")
            elif column:
                columns.append(column)
        return tuple(columns)

    def read_column(self, number: int, item: Any) -> Column | None:
        if not isinstance(item, dict):
            self.problem(f"column {number} must have an id and a label, found {describe(item)}")
            return None
        for key in item:
            if key not in ("id", "label"):
                self.problem(f"column {number}: {unknown_key_message(key, ['id', 'label'])}")
        column_id, label = item.get("id"), item.get("label")
        if not is_valid_id(column_id):
            self.problem(f"column {number}: 'id' must be lowercase words joined by hyphens, found {describe(column_id)}")
            return None
        if not isinstance(label, str) or not label.strip():
            self.problem(f"column '{column_id}': missing 'label'; add the column's heading")
            return None
        return Column(column_id, label.strip())


def paragraphs(text: str) -> tuple[str, ...]:
    """Plain text split at blank lines; lines inside a paragraph are joined."""
    return tuple(" ".join(block.split()) for block in re.split(r"\n\s*\n", text) if block.strip())
