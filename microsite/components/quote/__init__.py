"""Expert quotes with honest provenance: {{ quote("id") }} in a chapter, and
{{ quote_list() }} on the sources page, both from data/quotes.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from markupsafe import Markup

from ...errors import ErrorList, MicrositeError, unknown_id_message
from ...render import render_component
from ...yamlfile import load_yaml
from .model import Quote, parse_quotes

# The sources page lists every quote; a quote in a chapter links to its entry there.
SOURCES_PAGE = "about.md"


def load_quotes(path: Path, label: Callable[[Path], str], errors: ErrorList) -> dict[str, Quote]:
    if not path.exists():
        return {}  # a guide that quotes no one needs no quotes file
    return parse_quotes(load_yaml(path, label(path), errors), label(path), errors)


def published_quotes(quotes: dict[str, Quote], untraced_quotes: str) -> dict[str, Quote]:
    """The quotes this build shows: all, or only traced ones (`untraced_quotes: exclude`)."""
    if untraced_quotes == "exclude":
        return {quote_id: quote for quote_id, quote in quotes.items() if quote.traced}
    return dict(quotes)


def list_anchor(quote_id: str) -> str:
    """The id of a quote's entry on the sources page."""
    return f"quote-{quote_id}"


def render_quote(
    quote: Quote,
    *,
    sources_url: str | None = None,
    anchor_id: str | None = None,
    show_article_role: bool = False,
) -> Markup:
    return render_component(
        "quote/template.html",
        quote=quote,
        sources_url=sources_url,
        anchor_id=anchor_id,
        show_article_role=show_article_role,
    )


def render_quote_list(quotes: list[Quote]) -> Markup:
    return render_component(
        "quote/list.html",
        quotes=quotes,
        anchor_ids={quote.id: list_anchor(quote.id) for quote in quotes},
    )


def quote_macro(plugin, page, quote_id: str) -> Markup:
    """{{ quote("brown-vulnerability") }}: the quote, who said it, and where it comes from."""
    quote = find_quote(plugin, quote_id)
    plugin.state.quote_pages[quote_id].add(page.file.src_uri)
    return render_quote(quote, sources_url=sources_url(plugin, page, quote_id))


def quote_list_macro(plugin, page) -> Markup:
    """{{ quote_list() }}: every quote this build shows, with its provenance."""
    quotes = published_quotes(plugin.data.quotes, plugin.config.untraced_quotes)
    if not quotes:
        raise MicrositeError(
            f"there are no quotes to list; add quotes to {plugin.config.quotes_file} "
            "or remove {{ quote_list() }} from this page"
        )
    return render_quote_list(list(quotes.values()))


def find_quote(plugin, quote_id: str) -> Quote:
    """The quote a page asked for, or a sentence saying what to change on that page."""
    quotes = published_quotes(plugin.data.quotes, plugin.config.untraced_quotes)
    if quote_id in quotes:
        return quotes[quote_id]
    if quote_id in plugin.data.quotes:
        raise MicrositeError(
            f"quote '{quote_id}' is untraced, and mkdocs.yml leaves untraced quotes out "
            f"(untraced_quotes: exclude); remove {{{{ quote('{quote_id}') }}}} from this page, "
            "or set untraced_quotes: show"
        )
    if not plugin.data.quotes:
        raise MicrositeError(f"unknown quote id '{quote_id}'; {plugin.config.quotes_file} holds no quotes yet")
    raise MicrositeError(unknown_id_message("quote", quote_id, quotes))


def sources_url(plugin, page, quote_id: str) -> str | None:
    """Where this quote is explained on the sources page, if the site has one."""
    if plugin.files.get_file_from_path(SOURCES_PAGE) is None:
        return None
    return f"{plugin.url_from(page, SOURCES_PAGE)}#{list_anchor(quote_id)}"
