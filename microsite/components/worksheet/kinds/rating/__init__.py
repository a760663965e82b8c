"""rating: a scale of at most 11 points (0 to 10, or 0 to 100 in steps of 10),
with words for both ends."""

from pathlib import Path

from .....datafile import Key, describe
from .. import Control, Kind

ENDS = {"min": ("low", "Not at all"), "max": ("high", "Very strongly")}


def read(reader) -> dict:
    values = {"step": reader.whole_number("step")}
    for key, (end, words) in ENDS.items():
        value = reader.value(key)
        if value is None:
            reader.problem(f"a rating needs '{key}', the number at the {end} end")
        elif isinstance(value, bool) or not isinstance(value, int):
            reader.problem(f"'{key}' must be a whole number, found {describe(value)}")
            value = None
        values[key] = value
    for key, (end, words) in ENDS.items():
        label = f"{key}_label"
        if reader.value(label) is None:
            reader.problem(f"a rating needs '{label}', words for the {end} end such as '{words}'")
        values[label] = reader.text(label)
    check_points(reader, values["min"], values["max"], values["step"])
    if None not in (values["min"], values["max"], values["step"]):
        values["scale"] = tuple(range(values["min"], values["max"] + 1, values["step"]))
    return values


def check_points(reader, low, high, step) -> None:
    if low is None or high is None or step is None:
        return
    if low >= high:
        reader.problem(
            f"rating ends are reversed or equal (min {low}, max {high}); "
            "min must be smaller than max, and min_label names the low end"
        )
    elif (high - low) % step:
        reader.problem(f"a rating from {low} to {high} cannot go in steps of {step}; choose a step that reaches {high} exactly")
    elif (high - low) // step > 10:
        reader.problem(
            f"a rating from {low} to {high} has too many points to choose from; use at most 11 "
            "(0 to 10, or 0 to 100 with step: 10)"
        )


KIND = Kind(
    name="rating",
    shape="one",
    folder=Path(__file__).parent,
    keys=(
        Key("min", "the number at the low end", type="whole"),
        Key("max", "the number at the high end", type="whole"),
        Key("step", "how far apart the points are (1 unless the scale goes up in tens)", type="whole", minimum=1),
        Key("min_label", "words for the low end, such as 'Not at all'"),
        Key("max_label", "words for the high end, such as 'Very strongly'"),
    ),
    defaults={"step": 1},
    read=read,
    grouped=True,
    controls=lambda name, field, words: tuple(
        Control(name, field.label, text=words.number(point), value=str(point)) for point in field.scale
    ),
    height=18,  # a row of numbered circles with the words for both ends
)
