"""Field kinds: everything one kind of worksheet field is, in one folder.

A kind's folder holds its `Kind` (in `__init__.py`): the keys an author may
write for it and how they are checked, the shape of the answer worksheet.js
stores, the PDF form controls it becomes and the room it needs on paper; and
its markup: `web.html` (the controls on the page), `pdf.html` (the controls
in the workbook), with optional `web.css` and `pdf.css`. Adding a kind means
adding a folder here (or calling `register_kind` with a folder elsewhere);
nothing else changes.
"""

from __future__ import annotations

import importlib
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ....datafile import EntryReader, Key, describe
from ....ids import is_valid_id

HERE = Path(__file__).parent
# What worksheet.js stores for a field, by the shape of its controls (see worksheet.js).
SHAPES = ("text", "list", "one", "many", "rows")


@dataclass(frozen=True)
class Control:
    """One control of a field in the PDF workbook."""

    name: str  # the PDF form field's name
    title: str  # its name for assistive technology (the field's tooltip in a PDF reader)
    text: str = ""  # words printed next to it: a number, an option
    value: str = ""  # the value a round button stands for


@dataclass(frozen=True)
class Row:
    label: str  # "Row 2", or the author's row_label and number
    cells: tuple[Control, ...]


@dataclass(frozen=True)
class Growth:
    """How a field's writing space grows on paper: `each` mm per unit of `key`, plus `base`."""

    key: str
    each: float
    base: float = 0


@dataclass(frozen=True)
class Kind:
    name: str  # as authors write it: "long-text"
    shape: str  # one of SHAPES
    folder: Path  # web.html, pdf.html, optional web.css and pdf.css
    keys: tuple[Key, ...] = ()  # the keys this kind adds to the common ones
    defaults: dict[str, Any] = field(default_factory=dict)
    # Checks the kind's own keys and returns their values (defaults filled in).
    read: Callable[["FieldReader"], dict[str, Any]] | None = None
    # A fieldset with a legend (several controls) or one control with a label.
    grouped: bool = False
    # The PDF form controls, from the field's name ("worksheet.field"), the field
    # and the guide's words (microsite.i18n.Messages, for words such as "entry 2").
    controls: Callable[[str, Any, Any], tuple[Control, ...]] | None = None
    rows: Callable[[str, Any, Any], tuple[Row, ...]] | None = None
    # Writing space on paper, in mm: fixed, or growing with one of the kind's keys.
    height: float = 0
    growth: Growth | None = None
    # Custom properties the workbook stylesheet reads, in mm ("line" -> --line).
    sizes: dict[str, float] = field(default_factory=dict)
    # Problems laying the field across a page, given the page's width in mm.
    width_problem: Callable[[Any, float], str | None] | None = None

    def writing_space(self, field: Any) -> float:
        """The height in mm of a field's writing space (without its label)."""
        if self.growth is None:
            return self.height
        return self.growth.base + units(field, self.growth.key) * self.growth.each

    def template(self, medium: str) -> str:
        """The path of the kind's markup for `medium` ("web" or "pdf"), for {% include %}."""
        return (self.folder / f"{medium}.html").as_posix()

    def css(self, medium: str) -> str:
        path = self.folder / f"{medium}.css"
        return path.read_text(encoding="utf-8") if path.exists() else ""


def units(field: Any, key: str) -> int:
    value = getattr(field, key)
    return len(value) if isinstance(value, tuple) else value


def height_problem(kind: Kind, field: Any, room: float) -> str | None:
    needed = kind.writing_space(field)
    if needed <= room:
        return None
    growth = kind.growth
    if growth is None:
        return f"its writing space needs {needed:g} mm, but a printed page has room for {room:g} mm"
    most = math.floor((room - growth.base) / growth.each)
    if growth.key == "options":
        fix = f"keep it to {most} options or fewer, or split it into two fields"
    else:
        fix = f"set {growth.key} to {most} or fewer, or split it into two fields"
    return (
        f"its writing space needs {needed:g} mm ({units(field, growth.key)} {growth.key}), but a printed page has "
        f"room for {room:g} mm; {fix}"
    )


class FieldReader:
    """Reads the kind's own keys of one field entry, for `Kind.read` functions."""

    def __init__(self, kind: Kind, entry: EntryReader):
        self.kind = kind
        self.entry = entry

    def problem(self, message: str) -> None:
        self.entry.problem(message)

    def value(self, key: str) -> Any:
        return self.entry.raw.get(key, self.kind.defaults.get(key))

    def whole_number(self, key: str) -> int | None:
        if key not in self.entry.raw:
            return self.kind.defaults.get(key)
        return self.entry.whole_number(key, minimum=1)

    def text(self, key: str) -> str | None:
        if key not in self.entry.raw:
            return self.kind.defaults.get(key)
        return self.entry.text(key)

    def options(self) -> tuple[str, ...]:
        """A list of at least two different choices."""
        value = self.entry.raw.get("options")
        if not isinstance(value, list) or len(value) < 2:
            found = "" if value is None else f", found {describe(value)}"
            self.problem(f"a {self.kind.name} needs 'options': a list of at least two choices{found}")
            return ()
        for number, option in enumerate(value, start=1):
            if not isinstance(option, str) or not option.strip():
                self.problem(f"option {number} must be text, found {describe(option)}; put it in quotes")
        duplicates = sorted({option for option in value if isinstance(option, str) and value.count(option) > 1})
        for option in duplicates:
            self.problem(f"option '{option}' is listed twice; each choice must be different")
        return tuple(option.strip() for option in value if isinstance(option, str))


def check_id(reader: FieldReader, what: str, value: Any) -> bool:
    if is_valid_id(value):
        return True
    reader.problem(f"{what}: 'id' must be lowercase words joined by hyphens, found {describe(value)}")
    return False


def part_of(label: str, part: str) -> str:
    """A control's name from its field's label: "Three good things: entry 1",
    "What helps? A walk"."""
    if label.endswith(("?", ":", ".", "!")):
        return f"{label} {part[:1].upper()}{part[1:]}"
    return f"{label}: {part}"


_REGISTRY: dict[str, Kind] = {}


def register_kind(kind: Kind) -> Kind:
    """Make a kind available to worksheet definitions, pages and the workbook."""
    if kind.shape not in SHAPES:
        raise ValueError(f"kind '{kind.name}': shape must be one of {', '.join(SHAPES)}")
    _REGISTRY[kind.name] = kind
    return kind


def register_kinds_from(modules: tuple[str, ...], root: Path, errors) -> None:
    """Register the kinds that a guide's own modules define (`field_kinds` in mkdocs.yml).

    Each module defines KIND or KINDS, like the folders here; modules in the
    guide's own folder can be imported.
    """
    import sys

    added = str(root) not in sys.path
    if added:
        sys.path.insert(0, str(root))
    try:
        for name in modules:
            try:
                module = importlib.import_module(name)
            except Exception as error:  # an author's module may fail in any way
                errors.add("mkdocs.yml", "plugins: microsite: field_kinds", f"cannot import '{name}' ({error}); check the module's name and that it imports")
                continue
            kinds = getattr(module, "KINDS", None) or ((module.KIND,) if hasattr(module, "KIND") else ())
            if not kinds:
                errors.add("mkdocs.yml", "plugins: microsite: field_kinds", f"module '{name}' defines no KIND (or KINDS); see microsite/components/worksheet/kinds/")
            for kind in kinds:
                register_kind(kind)
    finally:
        if added:
            sys.path.remove(str(root))


def unregister_kind(name: str) -> None:
    _REGISTRY.pop(name, None)


def registered_kinds() -> dict[str, Kind]:
    return dict(_REGISTRY)


def kind_named(name: str) -> Kind:
    return _REGISTRY[name]


# The built-in kinds' folders, in the order error messages list the kinds.
BUILT_IN = ("short_text", "long_text", "numbered_list", "rating", "choices", "date", "table")
for _folder in BUILT_IN:
    _module = importlib.import_module(f"{__name__}.{_folder}")
    for _kind in getattr(_module, "KINDS", None) or (_module.KIND,):
        register_kind(_kind)
KINDS = tuple(_REGISTRY)
