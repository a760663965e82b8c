"""The PDF workbook: every worksheet in one fillable PDF, in an A4 and a US
Letter edition, built with the site and linked with {{ workbook_links() }}.

`plan_workbook` checks at build start that every field fits on a printed page;
the PDFs are rendered (or taken from the cache) when a page links to them or,
at the latest, after the build, and published under downloads/.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import replace
from pathlib import Path

from markupsafe import Markup
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import get_relative_url
from mkdocs.utils.yaml import yaml_load

from ..components.worksheet import pages_holding_worksheets, position
from ..errors import ErrorList, MicrositeError
from .builder import Workbook, cached_pdf, template_environment
from .layout import EDITIONS, Edition, layout_problems

log = get_plugin_logger(__name__)

DOWNLOADS = "downloads"
CACHE = ".cache/workbook"


def plan_workbook(data, config, plugin_config) -> Workbook | None:
    """The workbook to build, or None when it is turned off; fails when a
    worksheet cannot be laid out, before anything is rendered or written."""
    if not plugin_config.workbook.enabled:
        return None
    worksheets = tuple(data.worksheets.values())
    errors = ErrorList()
    layout_problems(worksheets, lambda worksheet: definition_label(data, worksheet), errors)
    errors.raise_if_any("worksheet definitions")
    return Workbook(
        guide=config.site_name,
        worksheets=worksheets,
        language=config.theme["language"] or "en",
        site_url=public_site_url(config),
        notice=config.copyright,
    )


def public_site_url(config) -> str | None:
    """site_url as mkdocs.yml gives it. `mkdocs serve` swaps in its local
    address, which must not be printed in a workbook (nor change its cache key)."""
    if not (config.site_url or "").startswith(f"http://{config.dev_addr}/"):
        return config.site_url
    with open(config.config_file_path, encoding="utf-8") as file:
        url = yaml_load(file).get("site_url")
    return url if not url or url.endswith("/") else url + "/"


def in_reading_order(plugin) -> Workbook:
    """The plugin's workbook with the worksheets in the order readers meet them
    in the guide, as the Worksheets page lists them, each with its chapter."""
    homes = pages_holding_worksheets(plugin)
    worksheets = sorted(plugin.workbook.worksheets, key=lambda worksheet: position(homes, worksheet.id))
    chapters = {worksheet_id: plugin.page_title(file) for worksheet_id, file in homes.items()}
    return replace(plugin.workbook, worksheets=tuple(worksheets), chapters=chapters)


def definition_label(data, worksheet) -> str:
    return data.label(data.root / data.config.worksheets_dir / f"{worksheet.id}.yaml")


def published_uri(plugin_config, edition: Edition) -> str:
    return f"{DOWNLOADS}/{plugin_config.workbook.filename}-{edition.id}.pdf"


def edition_pdf(workbook: Workbook, data, plugin_config, edition: Edition) -> Path:
    """The edition's PDF, from the cache when nothing that shapes it changed."""
    started = time.perf_counter()
    name = Path(published_uri(plugin_config, edition)).stem
    path, rendered = cached_pdf(workbook, edition, name, data.root / CACHE)
    if rendered:
        log.info(f"Workbook: rendered the {edition.label} edition in {time.perf_counter() - started:.1f} s")
    return path


def build_workbooks(data, config, plugin_config) -> None:
    """Publish both editions in the built site (called after the build)."""
    if not data.worksheets:
        log.info("Workbook: no worksheets yet, so no PDF workbook")
        return
    workbook = in_reading_order(config.plugins["microsite"])
    for edition in EDITIONS:
        target = Path(config.site_dir) / published_uri(plugin_config, edition)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(edition_pdf(workbook, data, plugin_config, edition), target)


def format_size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def workbook_links_macro(plugin, page) -> Markup:
    """{{ workbook_links() }}: a link to each edition of the workbook, with its size."""
    if plugin.workbook is None:
        raise MicrositeError(
            "calls workbook_links(), but the workbook is turned off in mkdocs.yml "
            "(plugins: microsite: workbook: enabled: false); turn it on or remove the call"
        )
    if not plugin.workbook.worksheets:
        raise MicrositeError(
            f"calls workbook_links(), but there are no worksheets for the workbook yet "
            f"(none in {plugin.config.worksheets_dir}/); add one, or remove the call"
        )
    workbook = in_reading_order(plugin)
    links = []
    for edition in EDITIONS:
        pdf = edition_pdf(workbook, plugin.data, plugin.config, edition)
        links.append({
            "href": get_relative_url(published_uri(plugin.config, edition), page.url),
            "edition": edition.label,
            "size": format_size(pdf.stat().st_size),
        })
    html = template_environment().get_template("links.html").render(links=links)
    return Markup("\n".join(line for line in html.splitlines() if line.strip()))
