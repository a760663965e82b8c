"""The workbook's paper: its two editions, and whether each field fits on a page.

Each field is printed whole on one page (a form field cannot continue on the
next sheet), so a definition whose writing space is taller or wider than a
page cannot be laid out. `layout_problems` finds those before anything is
rendered, from the numbers in the definitions alone, and says what to change.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..errors import ErrorList


@dataclass(frozen=True)
class Edition:
    id: str  # in the file name: workbook-a4.pdf
    label: str  # for readers: "A4", "US Letter"
    css_size: str  # for @page size
    width_mm: float
    height_mm: float


EDITIONS = (
    Edition("a4", "A4", "A4", 210, 297),
    Edition("letter", "US Letter", "letter", 215.9, 279.4),
)

# Page margins in mm (workbook.css uses the same); the bottom one holds the page number.
MARGIN_TOP = 18
MARGIN_BOTTOM = 20
MARGIN_SIDE = 18

# What every field prints above its writing space: label, hint and example.
LABEL_SPACE = 24
# The writing space, per kind (workbook.css draws it with these sizes).
LINE = 9  # a ruled line of a long answer
ENTRY = 10  # an entry of a numbered list
OPTION = 8  # a checkbox or a round choice with its words
SINGLE_LINE = 10  # short text, date
RATING = 18  # a row of numbered circles with the words for both ends
TABLE_HEADER = 12
TABLE_ROW = 24
TABLE_ROW_HEADER = 22  # the column that names each row
TABLE_COLUMN_MIN = 28  # narrower than this, a cell has no room to write in

# The page that fits the least, whichever edition: A4 is narrower, Letter shorter.
ROOM_HEIGHT = min(edition.height_mm for edition in EDITIONS) - MARGIN_TOP - MARGIN_BOTTOM
ROOM_WIDTH = min(edition.width_mm for edition in EDITIONS) - 2 * MARGIN_SIDE

# For each kind that can outgrow a page: the key that sets its size, the space
# each unit of it takes, and the space that does not grow with it.
GROWING = {
    "long-text": ("lines", LINE, 0),
    "numbered-list": ("entries", ENTRY, 0),
    "checklist": ("options", OPTION, 0),
    "single-choice": ("options", OPTION, 0),
    "table": ("rows", TABLE_ROW, TABLE_HEADER),
}
FIXED = {"short-text": SINGLE_LINE, "date": SINGLE_LINE, "rating": RATING}


def units(field) -> int:
    key = GROWING[field.kind][0]
    value = getattr(field, key)
    return len(value) if isinstance(value, tuple) else value


def writing_space(field) -> float:
    """The height in mm of a field's writing space (without its label)."""
    if field.kind in FIXED:
        return FIXED[field.kind]
    _, each, base = GROWING[field.kind]
    return base + units(field) * each


def height_problem(field) -> str | None:
    needed = writing_space(field)
    room = ROOM_HEIGHT - LABEL_SPACE
    if needed <= room:
        return None
    key, each, base = GROWING[field.kind]
    most = math.floor((room - base) / each)
    if key == "options":
        fix = f"keep it to {most} options or fewer, or split it into two fields"
    else:
        fix = f"set {key} to {most} or fewer, or split it into two fields"
    return (
        f"its writing space needs {needed:g} mm ({units(field)} {key}), but a printed page has room "
        f"for {room:g} mm; {fix}"
    )


def width_problem(field) -> str | None:
    if field.kind != "table":
        return None
    most = math.floor((ROOM_WIDTH - TABLE_ROW_HEADER) / TABLE_COLUMN_MIN)
    if len(field.columns) <= most:
        return None
    return (
        f"its {len(field.columns)} columns do not fit across a printed page, which has room for {most}; "
        f"keep it to {most} columns or fewer, or split it into two tables"
    )


def layout_problems(worksheets, file_label, errors: ErrorList) -> None:
    """Record every field that cannot be printed on one page.

    `file_label(worksheet)` names the definition's file as the author knows it.
    """
    for worksheet in worksheets:
        for field in worksheet.fields:
            for problem in (height_problem(field), width_problem(field)):
                if problem:
                    errors.add(file_label(worksheet), f"field '{field.id}'", f"cannot be laid out in the PDF workbook: {problem}")
