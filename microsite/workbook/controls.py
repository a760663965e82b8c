"""What the workbook template prints for each field: its PDF form controls.

Every control becomes a PDF form field named after the worksheet and field ids,
`<worksheet>.<field>`, with the entry, option or row and column after it when a
field has several: thought-record.evidence-for.1, trigger-map.triggers.2.feeling.
A rating or single choice is one field (a group of round buttons).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Control:
    name: str  # the PDF form field's name
    title: str  # its name for assistive technology (the field's tooltip in a PDF reader)
    text: str = ""  # words printed next to it: a number, an option
    value: str = ""  # the value a round button stands for


@dataclass(frozen=True)
class Row:
    label: str  # "Row 2", or the author's row_label and number
    cells: tuple[Control, ...]


@dataclass(frozen=True)
class FieldView:
    field: object
    dom_id: str
    controls: tuple[Control, ...] = ()
    rows: tuple[Row, ...] = ()


@dataclass(frozen=True)
class WorksheetView:
    worksheet: object
    anchor: str
    fields: tuple[FieldView, ...]


def part_of(label: str, part: str) -> str:
    """A control's name from its field's label: "Three good things: entry 1",
    "What helps? A walk"."""
    if label.endswith(("?", ":", ".", "!")):
        return f"{label} {part[:1].upper()}{part[1:]}"
    return f"{label}: {part}"


def field_view(worksheet, field) -> FieldView:
    name = f"{worksheet.id}.{field.id}"
    view = dict(field=field, dom_id=f"{worksheet.id}__{field.id}")
    if field.kind in ("short-text", "long-text", "date"):
        view["controls"] = (Control(name, field.label),)
    elif field.kind == "numbered-list":
        view["controls"] = tuple(
            Control(f"{name}.{n}", part_of(field.label, f"entry {n}"), text=f"{n}.") for n in range(1, field.entries + 1)
        )
    elif field.kind == "checklist":
        view["controls"] = tuple(
            Control(f"{name}.{n}", part_of(field.label, option), text=option)
            for n, option in enumerate(field.options, start=1)
        )
    elif field.kind == "single-choice":
        view["controls"] = tuple(Control(name, field.label, text=option, value=option) for option in field.options)
    elif field.kind == "rating":
        view["controls"] = tuple(
            Control(name, field.label, text=str(point), value=str(point)) for point in field.scale
        )
    elif field.kind == "table":
        view["rows"] = tuple(
            Row(
                f"{field.row_label} {row}",
                tuple(
                    Control(f"{name}.{row}.{column.id}", part_of(field.label, f"{column.label}, {field.row_label} {row}"))
                    for column in field.columns
                ),
            )
            for row in range(1, field.rows + 1)
        )
    return FieldView(**view)


def worksheet_view(worksheet) -> WorksheetView:
    return WorksheetView(
        worksheet=worksheet,
        anchor=f"worksheet-{worksheet.id}",
        fields=tuple(field_view(worksheet, field) for field in worksheet.fields),
    )

