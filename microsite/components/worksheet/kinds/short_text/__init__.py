"""short-text: a few words on one line."""

from pathlib import Path

from .. import Control, Kind

KIND = Kind(
    name="short-text",
    shape="text",
    folder=Path(__file__).parent,
    height=10,  # one line to write on
    sizes={"single-line": 10},
    controls=lambda name, field, words: (Control(name, field.label),),
)
