"""Help lines, written once in data/helplines.yaml and shown wherever a reader
may need them:

    {{ emergency_numbers() }}   each country's emergency number ("In danger now")
    {{ suicide_lines() }}       what to do if you are thinking about ending your life,
                                with every country's crisis line to call or text
    {{ helplines() }}           every line by country and by need, with its hours

The help note at the end of every chapter shows the same crisis lines
(`render_suicide_lines`), and `crisis_summary` gives them to anything else that
needs them, such as the PDF workbook's cover.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

from markupsafe import Markup

from ...context import PageRef, SiteContext
from ...datafile import load_yaml
from ...errors import ErrorList, MicrositeError
from ...i18n import ENGLISH, Messages
from ...render import render_component
from .model import CrisisLine, Helplines, crisis_summary, parse_helplines, stale_check_warnings
from .views import TEXT_OR_CHAT_TITLE, always_open, country_views, crisis_views

__all__ = [
    "HELPLINES_FILE",
    "CrisisLine",
    "Helplines",
    "crisis_summary",
    "load_helplines",
    "stale_check_warnings",
]

# Where a guide keeps its help lines by default, relative to mkdocs.yml (`helplines_file`).
HELPLINES_FILE = "data/helplines.yaml"


def load_helplines(
    path: Path, label: Callable[[Path], str], errors: ErrorList, today: date | None = None
) -> Helplines | None:
    if not path.exists():
        return None  # a new guide may have none yet; the help-line macros then say what to add
    file = label(path)
    before = len(errors)
    raw = load_yaml(path, file, errors)
    if len(errors) > before:
        return None  # unreadable; load_yaml has said why
    return parse_helplines(raw, file, errors, today or date.today())


def render_emergency_numbers(helplines: Helplines, messages: Messages = ENGLISH) -> Markup:
    return render_component("helplines/emergency.html", messages=messages, countries=helplines.countries)


def render_suicide_lines(helplines: Helplines, help_url: str = "", messages: Messages = ENGLISH) -> Markup:
    """The crisis lines; countries link to `help_url` + '#id' (empty on the help page itself)."""
    return render_component(
        "helplines/crisis_lines.html",
        messages=messages,
        lines=crisis_views(helplines, help_url, messages),
        always_open=always_open(crisis_summary(helplines)),
    )


def render_helplines(helplines: Helplines, messages: Messages = ENGLISH) -> Markup:
    return render_component(
        "helplines/template.html",
        messages=messages,
        countries=country_views(helplines, messages),
        text_or_chat_title=messages.t(TEXT_OR_CHAT_TITLE),
    )


def emergency_numbers_macro(site: SiteContext, page: PageRef) -> Markup:
    """{{ emergency_numbers() }}: each country's emergency number, to tap and call."""
    return render_emergency_numbers(helplines_for(site, "emergency_numbers"), site.messages)


def suicide_lines_macro(site: SiteContext, page: PageRef) -> Markup:
    """{{ suicide_lines() }}: what to do now, and every country's crisis line."""
    helplines = helplines_for(site, "suicide_lines")
    return render_suicide_lines(helplines, help_page_url(site, page), site.messages)


def helplines_macro(site: SiteContext, page: PageRef) -> Markup:
    """{{ helplines() }}: every help line, by country and by need."""
    return render_helplines(helplines_for(site, "helplines"), site.messages)


def helplines_for(site: SiteContext, macro: str) -> Helplines:
    if site.data.helplines is None:
        raise MicrositeError(
            f"there are no help lines to show; add them to {site.settings.helplines_file} (see 'Help lines' in the "
            f"README) or remove {{{{ {macro}() }}}} from this page"
        )
    return site.data.helplines


def help_page_url(site: SiteContext, page: PageRef) -> str:
    """Where the help page is from this page; empty on the help page itself."""
    if page.src_path == site.settings.help_page:
        return ""
    return site.url_from(page, site.settings.help_page)
