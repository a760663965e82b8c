"""The workbook's paper: its two editions, and whether each field fits on a page.

Each field is printed whole on one page (a form field cannot continue on the
next sheet), so a definition whose writing space is taller or wider than a
page cannot be laid out. `layout_problems` finds those before anything is
rendered, from the numbers in the definitions and the sizes each field kind
declares, and says what to change.
"""

from __future__ import annotations

from dataclasses import dataclass

from ....errors import ErrorList
from ....i18n import N_
from ..kinds import height_problem


@dataclass(frozen=True)
class Edition:
    id: str  # in the file name: workbook-a4.pdf
    label: str  # for readers: "A4", "US Letter"
    css_size: str  # for @page size
    width_mm: float
    height_mm: float


EDITIONS = (
    Edition("a4", N_("A4"), "A4", 210, 297),
    Edition("letter", N_("US Letter"), "letter", 215.9, 279.4),
)

# Page margins in mm (template.html sets them); the bottom one holds the page number.
MARGIN_TOP = 18
MARGIN_BOTTOM = 20
MARGIN_SIDE = 18

# What every field prints above its writing space: label, hint and example.
LABEL_SPACE = 24

# The page that fits the least, whichever edition: A4 is narrower, Letter shorter.
ROOM_HEIGHT = min(edition.height_mm for edition in EDITIONS) - MARGIN_TOP - MARGIN_BOTTOM
ROOM_WIDTH = min(edition.width_mm for edition in EDITIONS) - 2 * MARGIN_SIDE


def field_problems(field) -> list[str]:
    kind = field.spec
    problems = [height_problem(kind, field, ROOM_HEIGHT - LABEL_SPACE)]
    if kind.width_problem:
        problems.append(kind.width_problem(field, ROOM_WIDTH))
    return [problem for problem in problems if problem]


def layout_problems(worksheets, file_label, errors: ErrorList) -> None:
    """Record every field that cannot be printed on one page.

    `file_label(worksheet)` names the definition's file as the author knows it.
    """
    for worksheet in worksheets:
        for field in worksheet.fields:
            for problem in field_problems(field):
                errors.add(file_label(worksheet), f"field '{field.id}'", f"cannot be laid out in the PDF workbook: {problem}")
