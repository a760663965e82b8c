"""Quote component (placeholder interface until the quotes issue lands)."""

from markupsafe import Markup


def load_quotes(path, label, errors):
    return {}


def quote_macro(plugin, page, quote_id):
    return Markup("")


def quote_list_macro(plugin, page):
    return Markup("")
