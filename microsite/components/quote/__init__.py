"""Expert quotes with honest provenance: {{ quote("id") }} in a chapter, and
{{ quote_list() }} on the sources page, both from data/quotes.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from markupsafe import Markup

from ...context import PageRef, SiteContext
from ...datafile import load_yaml
from ...errors import ErrorList, MicrositeError, unknown_id_message
from ...i18n import ENGLISH, Messages
from ...render import render_component
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
    used: bool = False,
    messages: Messages = ENGLISH,
) -> Markup:
    """The quote as a figure; `used` marks it as quoted on its page (not listed)."""
    return render_component(
        "quote/template.html",
        messages=messages,
        quote=quote,
        sources_url=sources_url,
        anchor_id=anchor_id,
        show_article_role=show_article_role,
        used=used,
    )


def render_quote_list(quotes: list[Quote], messages: Messages = ENGLISH) -> Markup:
    return render_component(
        "quote/list.html",
        messages=messages,
        quotes=quotes,
        anchor_ids={quote.id: list_anchor(quote.id) for quote in quotes},
    )


def quote_macro(site: SiteContext, page: PageRef, quote_id: str) -> Markup:
    """{{ quote("brown-vulnerability") }}: the quote, who said it, and where it comes from."""
    quote = find_quote(site, quote_id)
    return render_quote(quote, sources_url=sources_url(site, page, quote_id), used=True, messages=site.messages)


def quote_list_macro(site: SiteContext, page: PageRef) -> Markup:
    """{{ quote_list() }}: every quote this build shows, with its provenance."""
    quotes = published_quotes(site.data.quotes, site.settings.untraced_quotes)
    if not quotes:
        raise MicrositeError(
            f"there are no quotes to list; add quotes to {site.settings.quotes_file} "
            "or remove {{ quote_list() }} from this page"
        )
    return render_quote_list(list(quotes.values()), site.messages)


def find_quote(site: SiteContext, quote_id: str) -> Quote:
    """The quote a page asked for, or a sentence saying what to change on that page."""
    quotes = published_quotes(site.data.quotes, site.settings.untraced_quotes)
    if quote_id in quotes:
        return quotes[quote_id]
    if quote_id in site.data.quotes:
        raise MicrositeError(
            f"quote '{quote_id}' is untraced, and mkdocs.yml leaves untraced quotes out "
            f"(untraced_quotes: exclude); remove {{{{ quote('{quote_id}') }}}} from this page, "
            "or set untraced_quotes: show"
        )
    if not site.data.quotes:
        raise MicrositeError(f"unknown quote id '{quote_id}'; {site.settings.quotes_file} holds no quotes yet")
    raise MicrositeError(unknown_id_message("quote", quote_id, quotes))


def sources_url(site: SiteContext, page: PageRef, quote_id: str) -> str | None:
    """Where this quote is explained on the sources page, if the site has one."""
    if not site.pages.has(SOURCES_PAGE):
        return None
    return f"{site.url_from(page, SOURCES_PAGE)}#{list_anchor(quote_id)}"
