"""Macros for pages, registered with mkdocs-macros (`modules: [microsite.macros]`).

Each macro only delegates to its component, which takes validated data from the
plugin and renders its own template. Pages call them by these names, e.g.
{{ worksheet("thought-record") }}.
"""

from __future__ import annotations

from . import workbook
from .components import chapter_list, draft, help_note, helplines, quote, sources, worksheet
from .plugin import microsite_plugin


def define_env(env) -> None:
    def plugin():
        return microsite_plugin(env.conf)

    def page_macro(name, component_macro):
        """Register `name` as a macro that passes the plugin and current page first."""
        env.macro(lambda *args, **kwargs: component_macro(plugin(), env.page, *args, **kwargs), name)

    page_macro("help_note", help_note.help_note_macro)
    page_macro("emergency_numbers", helplines.emergency_numbers_macro)
    page_macro("suicide_lines", helplines.suicide_lines_macro)
    page_macro("helplines", helplines.helplines_macro)
    page_macro("worksheet", worksheet.worksheet_macro)
    page_macro("worksheet_index", worksheet.worksheet_index_macro)
    page_macro("delete_all_answers", worksheet.delete_all_answers_macro)
    page_macro("quote", quote.quote_macro)
    page_macro("quote_list", quote.quote_list_macro)
    page_macro("further_reading", sources.further_reading_macro)
    page_macro("draft", draft.draft_macro)
    page_macro("placeholder", draft.placeholder_macro)
    page_macro("workbook_links", workbook.workbook_links_macro)
    page_macro("chapter_list", chapter_list.chapter_list_macro)
