"""numbered-list: `entries` short answers, numbered."""

from pathlib import Path

from .....datafile import Key
from .. import Control, Growth, Kind, part_of

ENTRY = 10  # mm per entry in the workbook


def controls(name, field, words):
    return tuple(
        Control(f"{name}.{n}", part_of(field.label, words.t("entry {number}", number=n)), text=f"{words.number(n)}.")
        for n in range(1, field.entries + 1)
    )


KIND = Kind(
    name="numbered-list",
    shape="list",
    folder=Path(__file__).parent,
    keys=(Key("entries", "how many numbered entries it has", type="whole", minimum=1),),
    defaults={"entries": 3},
    read=lambda reader: {"entries": reader.whole_number("entries")},
    grouped=True,
    controls=controls,
    growth=Growth("entries", ENTRY),
    sizes={"entry": ENTRY},
)
