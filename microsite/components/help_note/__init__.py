"""The help note: a short aside at the end of every chapter that points to the
help page and, when the guide has data/helplines.yaml, gives the crisis lines
right there, so a reader in danger never has to look for them."""

from __future__ import annotations

from markupsafe import Markup

from ...context import PageRef, SiteContext
from ...i18n import ENGLISH, Messages
from ...render import render_component
from ..helplines import Helplines, render_suicide_lines

def default_words(messages: Messages) -> tuple[str, str]:
    """The note's title and text, in the guide's language, when a page gives none."""
    return (
        messages.t("If this is not enough"),
        messages.t(
            "You do not have to work through this alone. If you feel unsafe, or the hurt is too much, "
            "reach out to someone today."
        ),
    )


DEFAULT_TITLE, DEFAULT_TEXT = default_words(ENGLISH)


def render_help_note(
    help_url: str,
    dom_id: str,
    title: str | None = None,
    text: str | None = None,
    helplines: Helplines | None = None,
    messages: Messages = ENGLISH,
) -> Markup:
    default_title, default_text = default_words(messages)
    return render_component(
        "help_note/template.html",
        messages=messages,
        help_url=help_url,
        dom_id=dom_id,
        title=title or default_title,
        text=text or default_text,
        crisis_lines=render_suicide_lines(helplines, help_url, messages=messages) if helplines else None,
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
        messages=site.messages,
    )
