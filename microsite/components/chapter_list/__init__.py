"""Chapter list (placeholder until the lead fills it in)."""

from markupsafe import Markup


def chapter_list_macro(plugin, page, section=None):
    return Markup("")
