"""The components: one folder each. This module lists what pages can call
(macros) and the parts filled in once every page is rendered (late parts)."""

from __future__ import annotations

from . import chapter_list, draft, help_note, helplines, layout, quick_exit, quote, sources, worksheet
from .worksheet import workbook

# {{ name(...) }} in a page -> the function that renders it, given the site and the page first.
MACROS = {
    "help_note": help_note.help_note_macro,
    "emergency_numbers": helplines.emergency_numbers_macro,
    "suicide_lines": helplines.suicide_lines_macro,
    "helplines": helplines.helplines_macro,
    "worksheet": worksheet.worksheet_macro,
    "worksheet_index": worksheet.worksheet_index_macro,
    "delete_all_answers": worksheet.delete_all_answers_macro,
    "quote": quote.quote_macro,
    "quote_list": quote.quote_list_macro,
    "further_reading": sources.further_reading_macro,
    "draft": draft.draft_macro,
    "placeholder": draft.placeholder_macro,
    "workbook_links": workbook.workbook_links_macro,
    "chapter_list": chapter_list.chapter_list_macro,
}

# <div data-microsite-late="name"> -> the function that fills it once every page is known.
LATE_PARTS = {
    "quick-exit": quick_exit.header_part,
    "not-found": layout.not_found_part,
    "footer-links": layout.footer_part,
    "worksheet-index": worksheet.index_part,
    "chapter-list": chapter_list.list_part,
    "workbook-links": workbook.links_part,
}

# Each component folder's styles and scripts, in the order they are bundled,
# with the text in a page's content that means the page uses them (None:
# every page needs them). "folder/name" is a part of a folder on its own
# (name.css, name.js), so a page can load it without the rest; "folder" is
# every other file in it. See microsite.assets.
ASSETS_WHEN = {
    "layout": None,
    "quick_exit": None,
    "print": None,
    "help_note": ("microsite-help-note",),
    "helplines": ("microsite-helplines", "microsite-crisis", "microsite-emergency", "microsite-phone"),
    "chapter_list": ('data-microsite-late="chapter-list"',),
    "draft": ("microsite-draft",),
    "quote": ("microsite-quote",),
    "sources": ("microsite-reading",),
    # Storage, buttons and "Delete all my answers": the About and Worksheets
    # pages need these, not the forms' script.
    "worksheet/shared": (
        'data-module="microsite-worksheet"',
        'data-module="microsite-delete-answers"',
        'data-microsite-late="worksheet-index"',
        'data-microsite-late="workbook-links"',
    ),
    "worksheet": ('data-module="microsite-worksheet"',),
}
