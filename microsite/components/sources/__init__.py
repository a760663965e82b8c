"""Sources component (placeholder interface until the quotes issue lands)."""

from markupsafe import Markup


def load_further_reading(path, label, errors):
    return []


def further_reading_macro(plugin, page):
    return Markup("")
