"""Render the workbook: HTML from template.html, then a PDF with WeasyPrint.

Rendering a PDF takes seconds, so each edition is cached under .cache/workbook/
by a hash of its HTML, which holds everything that shapes the PDF: the
definitions, the template, the stylesheet and the guide's name. `mkdocs serve`
rebuilds then only re-render a PDF when one of those changed.
"""

from __future__ import annotations

import hashlib
import inspect
import os
import re
import tempfile
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup

from ....i18n import ENGLISH, Messages
from ....render import html_environment, words_for
from ..kinds import Control, Row, registered_kinds
from . import layout
from .layout import Edition

HERE = Path(__file__).parent
# Fillable fields, tagged for assistive technology and marked as PDF/UA-1.
PDF_OPTIONS = {"pdf_forms": True, "pdf_variant": "pdf/ua-1"}


@dataclass(frozen=True)
class FieldView:
    """A field as the workbook prints it: its PDF form controls, from its kind."""

    field: object
    dom_id: str
    controls: tuple[Control, ...] = ()
    rows: tuple[Row, ...] = ()


@dataclass(frozen=True)
class WorksheetView:
    worksheet: object
    anchor: str
    fields: tuple[FieldView, ...]


def field_view(worksheet, field, words: Messages = ENGLISH) -> FieldView:
    # Imported here: the worksheet component's package imports this module's parent.
    from .. import field_dom_id

    kind = field.spec
    name = f"{worksheet.id}.{field.id}"
    return FieldView(
        field=field,
        dom_id=field_dom_id(worksheet.id, field.id),
        controls=kind.controls(name, field, words) if kind.controls else (),
        rows=kind.rows(name, field, words) if kind.rows else (),
    )


def worksheet_view(worksheet, words: Messages = ENGLISH) -> WorksheetView:
    return WorksheetView(
        worksheet=worksheet,
        anchor=f"worksheet-{worksheet.id}",
        fields=tuple(field_view(worksheet, field, words) for field in worksheet.fields),
    )


@dataclass(frozen=True)
class Workbook:
    """Everything that goes into the workbook PDFs."""

    guide: str  # the guide's title, from site_name
    worksheets: tuple  # in the order they are printed
    language: str = "en"
    site_url: str | None = None
    notice: str | None = None  # the site's copyright line, printed on the cover
    chapters: dict = field(default_factory=dict)  # worksheet id -> title of the chapter it goes with
    crisis: tuple[str, ...] = ()  # the crisis lines, in words, for the cover
    messages: Messages = field(default=ENGLISH, compare=False)  # the guide's words


def template_environment() -> Environment:
    return html_environment(HERE)


def stylesheet() -> Markup:
    """The workbook's styles, then each field kind's own."""
    parts = [(HERE / "workbook.css").read_text(encoding="utf-8")]
    parts += [kind.css("pdf") for kind in registered_kinds().values()]
    return Markup("\n".join(part for part in parts if part))


def kind_sizes() -> dict[str, float]:
    """The sizes field kinds declare, as the custom properties their CSS reads."""
    return {name: size for kind in registered_kinds().values() for name, size in kind.sizes.items()}


def css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_of_pages(messages: Messages) -> str:
    """CSS `content` for "Page 3 of 16" in the guide's language: words, then counters."""
    words = messages.t("Page {page} of {pages}")
    parts = re.split(r"(\{page\}|\{pages\})", words)
    counters = {"{page}": "counter(page)", "{pages}": "counter(pages)"}
    return " ".join(counters.get(part) or css_string(part) for part in parts if part)


def render_html(workbook: Workbook, edition: Edition) -> str:
    return template_environment().get_template("template.html").render(
        **words_for(workbook.messages),
        page_of_pages=Markup(page_of_pages(workbook.messages)),
        crisis=workbook.crisis,
        guide=workbook.guide,
        language=workbook.language,
        site_url=workbook.site_url,
        notice=workbook.notice,
        edition=edition,
        margins=layout,
        sizes=kind_sizes(),
        stylesheet=stylesheet(),
        worksheets=[worksheet_view(worksheet, workbook.messages) for worksheet in workbook.worksheets],
        chapters=workbook.chapters,
    )


def write_pdf(html: str, target: Path) -> None:
    # Imported here: WeasyPrint loads Pango when imported, which only the PDF build needs.
    from weasyprint import HTML

    HTML(string=html, base_url=str(HERE)).write_pdf(target, finisher=finish_pdf, **PDF_OPTIONS)


# Code units PDF/UA-1 forbids as a glyph's text in a ToUnicode map (ISO 14289-1, 7.21.7).
NOT_TEXT = {"0000", "feff", "fffe"}


def finish_pdf(document, pdf) -> None:
    """WeasyPrint's last step before the file is written (its `finisher`).

    The font behind the form fields is embedded whole, so that any letter a
    reader types can be shown, and WeasyPrint maps every glyph of it to its
    character. A font may have a glyph for U+FEFF (the byte-order mark, not
    text; DejaVu Sans has one), and PDF/UA-1 forbids mapping a glyph to it,
    to U+FFFE or to U+0000. No page draws such a glyph, so its entry is left
    out; every glyph the pages use keeps its text.
    """
    for font in pdf.objects:
        if isinstance(font, dict) and font.get("Type") == "/Font" and "ToUnicode" in font:
            cmap = pdf.objects[int(font["ToUnicode"].split()[0])]
            cmap.stream = cmap_without_reserved_text(cmap.stream)


def cmap_without_reserved_text(lines: list) -> list:
    """A ToUnicode CMap's lines (as WeasyPrint writes them, one `bfchar` entry
    per line in counted blocks) without entries whose text holds a code unit
    in NOT_TEXT; block counts are corrected and emptied blocks removed."""
    kept: list = []
    block: list | None = None
    for line in lines:
        text = line.decode("latin-1") if isinstance(line, bytes) else str(line)
        if text.endswith(" beginbfchar"):
            block = []
        elif text == "endbfchar" and block is not None:
            if block:
                kept += [f"{len(block)} beginbfchar".encode(), *block, line]
            block = None
        elif block is not None:
            units = text.split()[-1].strip("<>").lower()
            if not NOT_TEXT & {units[start : start + 4] for start in range(0, len(units), 4)}:
                block.append(line)
        else:
            kept.append(line)
    return kept


# The code that writes and finishes a PDF is part of the cache key: a change to it renders the PDFs again.
PDF_CODE = "".join(inspect.getsource(function) for function in (write_pdf, finish_pdf, cmap_without_reserved_text))


def cache_key(html: str) -> str:
    digest = hashlib.sha256()
    for part in (html, version("weasyprint"), repr(sorted(PDF_OPTIONS.items())), PDF_CODE):
        digest.update(part.encode("utf-8"))
    return digest.hexdigest()[:20]


def cached_pdf(workbook: Workbook, edition: Edition, name: str, cache_dir: Path) -> tuple[Path, bool]:
    """The edition's PDF in `cache_dir`, rendered only when it is not there yet.

    Returns the path and whether it was rendered now. Older renderings of the
    same edition are removed, so the cache holds one file per edition.
    """
    html = render_html(workbook, edition)
    path = cache_dir / f"{name}-{cache_key(html)}.pdf"
    if path.exists():
        return path, False
    cache_dir.mkdir(parents=True, exist_ok=True)
    # Written beside its final name, then renamed: a stopped build leaves no broken PDF.
    handle, partial = tempfile.mkstemp(dir=cache_dir, suffix=".partial")
    os.close(handle)
    try:
        write_pdf(html, Path(partial))
        os.replace(partial, path)
    finally:
        Path(partial).unlink(missing_ok=True)
    for old in cache_dir.glob(f"{name}-*.pdf"):
        if old != path:
            old.unlink(missing_ok=True)
    return path, True
