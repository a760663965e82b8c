"""The help note: a short aside at the end of every chapter that points to the
help page and, when the guide has data/helplines.yaml, gives the crisis lines
right there, so a reader in danger never has to look for them."""

from __future__ import annotations

from markupsafe import Markup

from ...context import PageRef, SiteContext
from ...render import render_component
from ..helplines import Helplines, render_suicide_lines

DEFAULT_TITLE = "If this is not enough"
DEFAULT_TEXT = (
    "You do not have to work through this alone. If you feel unsafe, or the hurt is too much, "
    "reach out to someone today."
)
DEFAULT_LINK_TEXT = "Get help now"


def render_help_note(
    help_url: str,
    dom_id: str,
    title: str | None = None,
    text: str | None = None,
    helplines: Helplines | None = None,
) -> Markup:
    return render_component(
        "help_note/template.html",
        help_url=help_url,
        dom_id=dom_id,
        title=title or DEFAULT_TITLE,
        text=text or DEFAULT_TEXT,
        link_text=DEFAULT_LINK_TEXT,
        crisis_lines=render_suicide_lines(helplines, help_url) if helplines else None,
    )


def help_note_macro(site: SiteContext, page: PageRef, title: str | None = None, text: str | None = None) -> Markup:
    """{{ help_note() }}: an aside pointing to the help page, e.g. at the end of a chapter."""
    number = site.next_instance(page, "help-note")
    return render_help_note(
        help_url=site.url_from(page, site.settings.help_page),
        dom_id=f"help-note-{number}",
        title=title,
        text=text,
        helplines=site.data.helplines,
    )
