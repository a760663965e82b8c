"""checklist (tick any) and single-choice (pick one): a list of options.

The two kinds share their markup, which differs only in the control's type.
"""

from pathlib import Path

from .....datafile import Key
from .. import Control, Growth, Kind, part_of

OPTION = 8  # mm per option in the workbook
OPTIONS = Key("options", "the choices, a list of at least two", type="list")


def read(reader) -> dict:
    return {"options": reader.options()}


CHECKLIST = Kind(
    name="checklist",
    shape="many",
    folder=Path(__file__).parent,
    keys=(OPTIONS,),
    read=read,
    grouped=True,
    controls=lambda name, field, words: tuple(
        Control(f"{name}.{n}", part_of(field.label, option), text=option) for n, option in enumerate(field.options, start=1)
    ),
    growth=Growth("options", OPTION),
    sizes={"option": OPTION},
)
SINGLE_CHOICE = Kind(
    name="single-choice",
    shape="one",
    folder=Path(__file__).parent,
    keys=(OPTIONS,),
    read=read,
    grouped=True,
    controls=lambda name, field, words: tuple(Control(name, field.label, text=option, value=option) for option in field.options),
    growth=Growth("options", OPTION),
)
KINDS = (CHECKLIST, SINGLE_CHOICE)
