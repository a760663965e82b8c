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


def footer_part(site: SiteContext, facts, page: PageRef, attrs: dict) -> Markup:
    """Links at the foot of every page (absolute on the 404 page, which has no address of its own)."""
    from ...late import site_path

    def link(src: str) -> str:
        return site_path(site) + site.pages.url_of(src) if not page.src_path else site.url_from(page, src)

    accessibility = site.settings.accessibility_page
    return render_component(
        "layout/footer.html",
        messages=site.messages,
        accessibility=link(accessibility) if site.pages.has(accessibility) else None,
        help=link(site.settings.help_page),
    )


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
