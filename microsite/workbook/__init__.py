"""The PDF workbook of all worksheets (placeholder until the printing issue lands)."""

from markupsafe import Markup


def build_workbooks(data, config, plugin_config) -> None:
    return None


def workbook_links_macro(plugin, page):
    return Markup("")
