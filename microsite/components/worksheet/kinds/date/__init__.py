"""date: a day, picked with the browser's date control (written by hand on paper)."""

from pathlib import Path

from .. import Control, Kind

KIND = Kind(
    name="date",
    shape="text",
    folder=Path(__file__).parent,
    height=10,
    controls=lambda name, field, words: (Control(name, field.label),),
)
