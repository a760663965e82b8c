"""long-text: a few sentences, with `lines` ruled lines to write on."""

from pathlib import Path

from .....datafile import Key
from .. import Control, Growth, Kind

LINE = 9  # mm between ruled lines in the workbook

KIND = Kind(
    name="long-text",
    shape="text",
    folder=Path(__file__).parent,
    keys=(Key("lines", "how many lines of writing space it gets", type="whole", minimum=1),),
    defaults={"lines": 4},
    read=lambda reader: {"lines": reader.whole_number("lines")},
    controls=lambda name, field, words: (Control(name, field.label),),
    growth=Growth("lines", LINE),
    sizes={"line": LINE},
)
