"""The layout every page shares: our additions to the theme's header (help
link, quick exit), its styles and scripts, and the 404 page's content."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ...context import PageRef, SiteContext
from ...render import render_component


@dataclass(frozen=True)
class Link:
    title: str
    url: str


def not_found_part(site: SiteContext, facts, page: PageRef, attrs: dict) -> Markup:
    """The 404 page: home, help and every page, with absolute addresses."""
    from ...late import site_path

    root = site_path(site)
    return render_component(
        "layout/not_found.html",
        messages=site.messages,
        home=root,
        help=root + site.pages.url_of(site.settings.help_page),
        pages=[Link(facts.title_of(src), root + site.pages.url_of(src)) for src in site.pages.nav],
    )
