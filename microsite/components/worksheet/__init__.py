"""Worksheets: forms defined in data/worksheets/*.yaml that readers fill in,
keep on their own device, export, import and print.

Pages call {{ worksheet("thought-record") }}, {{ worksheet_index() }} and
{{ delete_all_answers() }}. Definitions are validated by `model.py` at build
start; the browser side lives in worksheet.js and worksheet.css.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from ...errors import MicrositeError, unknown_id_message
from ...render import render_component
from .model import Worksheet, load_worksheets  # load_worksheets: called by site.py

# {{ worksheet("id") }} or {{ worksheet('id') }} in a page's Markdown source.
WORKSHEET_CALL = re.compile(r"""\bworksheet\(\s*["']([^"']+)["']\s*\)""")


@dataclass(frozen=True)
class IndexEntry:
    worksheet: Worksheet
    url: str | None
    chapter: str | None


def worksheet_dom_id(worksheet_id: str, instance: int) -> str:
    """The form's id: unique on the page even when a worksheet appears twice.

    Worksheet and field ids never contain "--" or "_", so the parts of every
    id built from this one cannot run into each other.
    """
    base = f"worksheet-{worksheet_id}"
    return base if instance == 1 else f"{base}--{instance}"


def render_worksheet(worksheet: Worksheet, dom_id: str) -> Markup:
    return render_component("worksheet/template.html", worksheet=worksheet, dom_id=dom_id)


def render_worksheet_index(entries: list[IndexEntry]) -> Markup:
    return render_component("worksheet/index.html", entries=entries)


def render_delete_all_answers(dom_id: str) -> Markup:
    return render_component("worksheet/delete_all.html", dom_id=dom_id)


def worksheet_macro(plugin, page, worksheet_id) -> Markup:
    """{{ worksheet("thought-record") }}: the whole worksheet as a form."""
    worksheets = plugin.data.worksheets
    if worksheet_id not in worksheets:
        raise MicrositeError(unknown_id_message("worksheet", worksheet_id, worksheets))
    instance = plugin.state.next_instance(page.file.src_uri, f"worksheet:{worksheet_id}")
    return render_worksheet(worksheets[worksheet_id], worksheet_dom_id(worksheet_id, instance))


def worksheet_index_macro(plugin, page) -> Markup:
    """{{ worksheet_index() }}: every worksheet, linked to the chapter that holds it."""
    homes = pages_holding_worksheets(plugin)
    entries = []
    for worksheet in sorted(plugin.data.worksheets.values(), key=lambda w: position(homes, w.id)):
        home = homes.get(worksheet.id)
        entries.append(IndexEntry(
            worksheet=worksheet,
            url=f"{plugin.url_from(page, home.src_uri)}#{worksheet_dom_id(worksheet.id, 1)}" if home else None,
            chapter=plugin.page_title(home) if home else None,
        ))
    return render_worksheet_index(entries)


def delete_all_answers_macro(plugin, page) -> Markup:
    """{{ delete_all_answers() }}: delete every worksheet's answers on this device."""
    instance = plugin.state.next_instance(page.file.src_uri, "delete-all-answers")
    return render_delete_all_answers(f"delete-all-answers-{instance}")


def pages_holding_worksheets(plugin) -> dict:
    """For each worksheet id, the first page (in navigation order) that calls it."""
    nav_order = {nav_page.file.src_uri: number for number, nav_page in enumerate(plugin.nav.pages)}
    pages = sorted(plugin.files.documentation_pages(), key=lambda file: nav_order.get(file.src_uri, len(nav_order)))
    homes = {}
    for file in pages:
        for worksheet_id in WORKSHEET_CALL.findall(file.content_string):
            homes.setdefault(worksheet_id, file)
    return homes


def position(homes: dict, worksheet_id: str) -> tuple:
    """Sort key: worksheets in the order readers meet them, unplaced ones last."""
    ordered = list(homes)
    return (ordered.index(worksheet_id), "") if worksheet_id in homes else (len(ordered), worksheet_id)
