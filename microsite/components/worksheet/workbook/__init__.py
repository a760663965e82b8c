"""The PDF workbook: every worksheet in one fillable PDF, in an A4 and a US
Letter edition, built with the site and linked with {{ workbook_links() }}.

Whether every field fits on a printed page is checked with the data, before
anything is rendered or written (`layout_problems`). The PDFs are rendered (or
taken from the cache) once every page is known, since the worksheets follow
the order readers meet them in, and published under downloads/.
"""

from __future__ import annotations

import logging
import shutil
import time
from pathlib import Path

from markupsafe import Markup

from ....context import PageRef, SiteContext, relative_url
from ....errors import MicrositeError
from ....i18n import ENGLISH, Messages
from ....render import late_part, render_component
from .builder import Workbook, cached_pdf, render_html, write_pdf  # noqa: F401  (render_html, write_pdf: scripts)
from .layout import EDITIONS, Edition, layout_problems  # noqa: F401

log = logging.getLogger("mkdocs.plugins.microsite.workbook")

DOWNLOADS = "downloads"
CACHE = ".cache/workbook"


def published_uri(site: SiteContext, edition: Edition) -> str:
    return f"{DOWNLOADS}/{site.settings.workbook.filename}-{edition.id}.pdf"


def workbook_for(site: SiteContext, facts) -> Workbook:
    """The workbook with the worksheets in the order readers meet them, each with its chapter."""
    # Imported here: this package is part of the worksheet component, which imports it.
    from .. import in_reading_order

    homes = facts.worksheet_homes()
    return Workbook(
        guide=site.site_name,
        worksheets=tuple(in_reading_order(site, facts)),
        language=site.language,
        site_url=site.site_url,
        notice=site.copyright,
        chapters={worksheet_id: facts.title_of(src) for worksheet_id, src in homes.items()},
        crisis=crisis_in_words(site),
        messages=site.messages,
    )


def crisis_in_words(site: SiteContext) -> tuple[str, ...]:
    """The crisis lines for the workbook's cover, one line of text each."""
    from ...helplines.views import crisis_views

    if site.data.helplines is None:
        return ()
    words = site.messages
    lines = []
    for view in crisis_views(site.data.helplines, "", words):
        places = [country.name for country in view.countries]
        where = words.t("{items} and {last}", items=", ".join(places[:-1]), last=places[-1]) if len(places) > 1 else places[0]
        ways = [f"{way.lead} {way.text}" for way in view.ways]
        how = words.t("{items} or {last}", items=", ".join(ways[:-1]), last=ways[-1]) if len(ways) > 1 else ways[0]
        lines.append(f"{where}: {how}")
    return tuple(lines)


def edition_pdf(site: SiteContext, workbook: Workbook, edition: Edition) -> Path:
    """The edition's PDF, from the cache when nothing that shapes it changed."""
    started = time.perf_counter()
    name = Path(published_uri(site, edition)).stem
    path, rendered = cached_pdf(workbook, edition, name, site.root / CACHE)
    if rendered:
        log.info(f"Workbook: rendered the {edition.label} edition in {time.perf_counter() - started:.1f} s")
    return path


def wanted(site: SiteContext) -> bool:
    return site.settings.workbook.enabled and bool(site.data.worksheets)


def render_workbooks(site: SiteContext, facts) -> dict[str, Path]:
    """Each edition's PDF in the cache (rendered now if needed), by its published address."""
    if not site.settings.workbook.enabled:
        return {}
    if not site.data.worksheets:
        log.info("Workbook: no worksheets yet, so no PDF workbook")
        return {}
    workbook = workbook_for(site, facts)
    return {published_uri(site, edition): edition_pdf(site, workbook, edition) for edition in EDITIONS}


def publish_workbooks(rendered: dict[str, Path], site_dir: Path) -> list[Path]:
    written = []
    for uri, pdf in rendered.items():
        target = site_dir / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(pdf, target)
        written.append(target)
    return written


def build_workbooks(site: SiteContext, facts, site_dir: Path) -> list[Path]:
    """Publish both editions in the built site; the files written."""
    return publish_workbooks(render_workbooks(site, facts), site_dir)


def format_size(size: int, words: Messages = ENGLISH) -> str:
    if size < 1024 * 1024:
        return f"{words.number(max(1, round(size / 1024)))} KB"
    return f"{words.number(round(size / (1024 * 1024), 1))} MB"


def workbook_links_macro(site: SiteContext, page: PageRef) -> Markup:
    """{{ workbook_links() }}: a link to each edition of the workbook, with its size
    (filled in once every page is known: the PDFs follow the guide's order)."""
    if not site.settings.workbook.enabled:
        raise MicrositeError(
            "calls workbook_links(), but the workbook is turned off in mkdocs.yml "
            "(plugins: microsite: workbook: enabled: false); turn it on or remove the call"
        )
    if not site.data.worksheets:
        raise MicrositeError(
            f"calls workbook_links(), but there are no worksheets for the workbook yet "
            f"(none in {site.settings.worksheets_dir}/); add one, or remove the call"
        )
    return late_part("workbook-links")


def links_part(site: SiteContext, facts, page: PageRef, attrs: dict) -> Markup:
    workbook = workbook_for(site, facts)
    links = [
        {
            "href": relative_url(published_uri(site, edition), page.url),
            "edition": edition.label,
            "size": format_size(edition_pdf(site, workbook, edition).stat().st_size, site.messages),
        }
        for edition in EDITIONS
    ]
    return render_component("worksheet/workbook/links.html", messages=site.messages, links=links)
