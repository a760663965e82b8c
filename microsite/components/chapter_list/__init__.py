"""The chapter list: a nav section's pages, in order, with reading times."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ...errors import MicrositeError
from ...render import render_component


@dataclass(frozen=True)
class ChapterLink:
    title: str
    url: str
    minutes: int


def render_chapter_list(chapters: list[ChapterLink]) -> Markup:
    return render_component("chapter_list/template.html", chapters=chapters)


def find_section(nav, title: str | None):
    """The nav section called `title`, or the first section when no title is given."""
    sections = [item for item in nav.items if item.is_section]
    for section in sections:
        if title is None or section.title == title:
            return section
    known = ", ".join(f"'{section.title}'" for section in sections) or "none"
    wanted = f"section '{title}'" if title else "any section"
    raise MicrositeError(f"chapter_list: the navigation in mkdocs.yml has no {wanted} (sections: {known})")


def chapter_list_macro(plugin, page, section: str | None = None) -> Markup:
    """{{ chapter_list() }}: the pages of the first nav section (or `section`)."""
    pages = [item for item in find_section(plugin.nav, section).children if item.is_page]
    return render_chapter_list([
        ChapterLink(
            title=plugin.page_title(item.file),
            url=plugin.url_from(page, item.file.src_uri),
            minutes=plugin.reading_times[item.file.src_uri],
        )
        for item in pages
    ])
