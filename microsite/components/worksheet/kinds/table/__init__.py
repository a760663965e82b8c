"""table: rows of boxes under column headings; readers can add rows on the page."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from .....datafile import Key, describe, unknown_key_message
from .. import Control, Growth, Kind, Row, check_id, part_of

TABLE_HEADER = 12  # mm for the column headings in the workbook
TABLE_ROW = 24
TABLE_ROW_HEADER = 22  # the column that names each row
TABLE_COLUMN_MIN = 28  # narrower than this, a cell has no room to write in


@dataclass(frozen=True)
class Column:
    id: str
    label: str


def read(reader) -> dict:
    return {
        "columns": read_columns(reader, reader.value("columns")),
        "rows": reader.whole_number("rows"),
        "row_label": reader.text("row_label"),
    }


def read_columns(reader, value) -> tuple[Column, ...]:
    if not isinstance(value, list) or not value:
        found = "" if value is None else f", found {describe(value)}"
        reader.problem(f"a table needs 'columns': a list of columns, each with an id and a label{found}")
        return ()
    columns: list[Column] = []
    for number, item in enumerate(value, start=1):
        column = read_column(reader, number, item)
        if column and column.id in {known.id for known in columns}:
            reader.problem(f"column '{column.id}' is listed twice; give each column its own id")
        elif column:
            columns.append(column)
    return tuple(columns)


def read_column(reader, number: int, item) -> Column | None:
    if not isinstance(item, dict):
        reader.problem(f"column {number} must have an id and a label, found {describe(item)}")
        return None
    for key in item:
        if key not in ("id", "label"):
            reader.problem(f"column {number}: {unknown_key_message(key, ['id', 'label'])}")
    column_id, label = item.get("id"), item.get("label")
    if not check_id(reader, f"column {number}", column_id):
        return None
    if not isinstance(label, str) or not label.strip():
        reader.problem(f"column '{column_id}': missing 'label'; add the column's heading")
        return None
    return Column(column_id, label.strip())


def row_label(field, row: int, words) -> str:
    """'Row 2', or the author's word for a row ('Day 2')."""
    return words.t("{word} {number}", word=field.row_label or words.t("Row"), number=row)


def rows(name, field, words) -> tuple[Row, ...]:
    return tuple(
        Row(
            row_label(field, row, words),
            tuple(
                Control(f"{name}.{row}.{column.id}", part_of(field.label, f"{column.label}, {row_label(field, row, words)}"))
                for column in field.columns
            ),
        )
        for row in range(1, field.rows + 1)
    )


def width_problem(field, room: float) -> str | None:
    most = math.floor((room - TABLE_ROW_HEADER) / TABLE_COLUMN_MIN)
    if len(field.columns) <= most:
        return None
    return (
        f"its {len(field.columns)} columns do not fit across a printed page, which has room for {most}; "
        f"keep it to {most} columns or fewer, or split it into two tables"
    )


KIND = Kind(
    name="table",
    shape="rows",
    folder=Path(__file__).parent,
    keys=(
        Key("columns", "the columns, each with an id and a label", type="list"),
        Key("rows", "how many rows it starts with", type="whole", minimum=1),
        Key("row_label", "the word before each row's number, such as 'Day'"),
    ),
    defaults={"rows": 3, "row_label": None},  # no row_label: "Row", in the guide's language
    read=read,
    grouped=True,
    rows=rows,
    growth=Growth("rows", TABLE_ROW, TABLE_HEADER),
    sizes={"table-header": TABLE_HEADER, "table-row": TABLE_ROW, "table-row-header": TABLE_ROW_HEADER},
    width_problem=width_problem,
)
