"""Render the workbook: HTML from template.html, then a PDF with WeasyPrint.

Rendering a PDF takes seconds, so each edition is cached under .cache/workbook/
by a hash of its HTML, which holds everything that shapes the PDF: the
definitions, the template, the stylesheet and the guide's name. `mkdocs serve`
rebuilds then only re-render a PDF when one of those changed.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup

from ..render import html_environment
from . import layout
from .controls import worksheet_view
from .layout import Edition

HERE = Path(__file__).parent
# Fillable fields, tagged for assistive technology and marked as PDF/UA-1.
PDF_OPTIONS = {"pdf_forms": True, "pdf_variant": "pdf/ua-1"}


@dataclass(frozen=True)
class Workbook:
    """Everything that goes into the workbook PDFs."""

    guide: str  # the guide's title, from site_name
    worksheets: tuple  # in the order they are printed
    language: str = "en"
    site_url: str | None = None
    notice: str | None = None  # the site's copyright line, printed on the cover
    chapters: dict = field(default_factory=dict)  # worksheet id -> title of the chapter it goes with


def template_environment() -> Environment:
    return html_environment(HERE)


def render_html(workbook: Workbook, edition: Edition) -> str:
    return template_environment().get_template("template.html").render(
        guide=workbook.guide,
        language=workbook.language,
        site_url=workbook.site_url,
        notice=workbook.notice,
        edition=edition,
        sizes=layout,
        stylesheet=Markup((HERE / "workbook.css").read_text(encoding="utf-8")),
        worksheets=[worksheet_view(worksheet) for worksheet in workbook.worksheets],
        chapters=workbook.chapters,
    )


def write_pdf(html: str, target: Path) -> None:
    # Imported here: WeasyPrint loads Pango when imported, which only the PDF build needs.
    from weasyprint import HTML

    HTML(string=html, base_url=str(HERE)).write_pdf(target, **PDF_OPTIONS)


def cache_key(html: str) -> str:
    digest = hashlib.sha256()
    for part in (html, version("weasyprint"), repr(sorted(PDF_OPTIONS.items()))):
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
