"""The chapter list: a nav section's pages, in order, with reading times.

Reading times come from each page's rendered text, so the list is filled in
once every page is rendered (see `microsite.late`).
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ...context import PageRef, SiteContext
from ...i18n import ENGLISH, Messages
from ...render import late_part, render_component


@dataclass(frozen=True)
class ChapterLink:
    title: str
    url: str
    minutes: int


def render_chapter_list(chapters: list[ChapterLink], messages: Messages = ENGLISH) -> Markup:
    return render_component("chapter_list/template.html", messages=messages, chapters=chapters)


def chapter_list_macro(site: SiteContext, page: PageRef, section: str | None = None) -> Markup:
    """{{ chapter_list() }}: the pages of the first nav section (or `section`)."""
    site.pages.section_pages(section)  # an unknown section stops the build on this page
    return late_part("chapter-list", section=section) if section else late_part("chapter-list")


def list_part(site: SiteContext, facts, page: PageRef, attrs: dict) -> Markup:
    return render_chapter_list([
        ChapterLink(title=facts.title_of(src), url=site.url_from(page, src), minutes=facts.minutes(src))
        for src in site.pages.section_pages(attrs.get("data-section"))
    ], site.messages)
