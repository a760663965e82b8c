"""Worksheets: forms defined in data/worksheets/*.yaml that readers fill in,
keep on their own device, export, import, print and get as a PDF workbook.

One path from data to page to script to PDF: `model.py` reads a definition
(each field through its kind in `kinds/`), `template.html` renders the form
(each field's controls from its kind's `web.html`), worksheet.js saves the
answers by the shape its kind declares, and `workbook/` lays the same fields
out on paper (each from its kind's `pdf.html`).

Pages call {{ worksheet("thought-record") }}, {{ worksheet_index() }} and
{{ delete_all_answers() }}. The index is filled in late, once every page is
rendered, so it knows which page holds each worksheet.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ...context import PageRef, SiteContext
from ...errors import MicrositeError, unknown_id_message
from ...i18n import ENGLISH, Messages
from ...render import late_part, render_component
from .model import Worksheet, load_worksheets  # noqa: F401  (load_worksheets: called by site.py)


@dataclass(frozen=True)
class IndexEntry:
    worksheet: Worksheet
    url: str | None
    chapter: str | None


def worksheet_dom_id(worksheet_id: str, instance: int) -> str:
    """The form's id: unique on the page even when a worksheet appears twice.

    Worksheet and field ids never contain "--" or "__", so the parts of every
    id built from this one cannot run into each other.
    """
    base = f"worksheet-{worksheet_id}"
    return base if instance == 1 else f"{base}--{instance}"


def field_dom_id(form_id: str, field_id: str) -> str:
    """A field's id inside its form, on the page and in the PDF workbook alike."""
    return f"{form_id}__{field_id}"


def render_worksheet(worksheet: Worksheet, dom_id: str, messages: Messages = ENGLISH, help_url: str | None = None) -> Markup:
    return render_component(
        "worksheet/template.html",
        messages=messages,
        worksheet=worksheet,
        dom_id=dom_id,
        field_dom_id=field_dom_id,
        help_url=help_url,
    )


def render_worksheet_index(entries: list[IndexEntry], messages: Messages = ENGLISH) -> Markup:
    return render_component("worksheet/index.html", messages=messages, entries=entries)


def render_delete_all_answers(dom_id: str, messages: Messages = ENGLISH) -> Markup:
    return render_component("worksheet/delete_all.html", messages=messages, dom_id=dom_id)


def find_worksheet(site: SiteContext, worksheet_id: str) -> Worksheet:
    worksheets = site.data.worksheets
    if worksheet_id not in worksheets:
        raise MicrositeError(unknown_id_message("worksheet", worksheet_id, worksheets))
    return worksheets[worksheet_id]


def worksheet_macro(site: SiteContext, page: PageRef, worksheet_id: str) -> Markup:
    """{{ worksheet("thought-record") }}: the whole worksheet as a form."""
    worksheet = find_worksheet(site, worksheet_id)
    instance = site.next_instance(page, f"worksheet:{worksheet_id}")
    help_url = site.url_from(page, site.settings.help_page) if site.pages.has(site.settings.help_page) else None
    return render_worksheet(worksheet, worksheet_dom_id(worksheet_id, instance), site.messages, help_url)


def worksheet_index_macro(site: SiteContext, page: PageRef) -> Markup:
    """{{ worksheet_index() }}: every worksheet, linked to the chapter that holds it
    (filled in once every page is rendered)."""
    return late_part("worksheet-index")


def delete_all_answers_macro(site: SiteContext, page: PageRef) -> Markup:
    """{{ delete_all_answers() }}: delete every worksheet's answers on this device."""
    instance = site.next_instance(page, "delete-all-answers")
    return render_delete_all_answers(f"delete-all-answers-{instance}", site.messages)


def in_reading_order(site: SiteContext, facts) -> list[Worksheet]:
    """Every worksheet in the order readers meet them; unused ones last, by id."""
    homes = list(facts.worksheet_homes())
    return sorted(
        site.data.worksheets.values(),
        key=lambda worksheet: (homes.index(worksheet.id), "") if worksheet.id in homes else (len(homes), worksheet.id),
    )


def index_part(site: SiteContext, facts, page: PageRef, attrs: dict) -> Markup:
    """The worksheet index, now that every page is known."""
    homes = facts.worksheet_homes()
    entries = []
    for worksheet in in_reading_order(site, facts):
        home = homes.get(worksheet.id)
        url = f"{site.url_from(page, home)}#{worksheet_dom_id(worksheet.id, 1)}" if home else None
        entries.append(IndexEntry(worksheet, url, facts.title_of(home) if home else None))
    return render_worksheet_index(entries, site.messages)
