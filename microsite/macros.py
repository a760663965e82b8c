"""Macros for pages, registered with mkdocs-macros or Zensical's macros
(`modules: [microsite.macros]`). Pages call them by name, e.g.
{{ worksheet("thought-record") }}; each passes the site context and the
current page to its component (see `microsite.components.MACROS`).

With MkDocs or ProperDocs the `microsite` plugin has built the context for
this build. Zensical runs no MkDocs plugin: it calls `define_env` for every
page, with the configuration as a plain mapping, so the context is built
here from that mapping (and kept while the data files stay the same). There
a mistake in a page cannot stop the build with our sentence (Zensical prints
its own traceback), so the macro shows the mistake in the page and
`microsite finish` refuses the build, naming the page and the mistake.
"""

from __future__ import annotations

import functools
from html import escape
from pathlib import Path
from typing import Any, Mapping

from markupsafe import Markup

from .components import MACROS
from .context import PageRef, SiteContext, context_from_config
from .errors import MicrositeError
from .i18n import ENGLISH


def define_env(env) -> None:
    if hasattr(env.conf, "plugins"):
        # MkDocs or ProperDocs: the plugin's context, looked up when a page
        # first calls a macro (the plugin may come after macros in mkdocs.yml).
        site_of, reports_in_page = lambda: plugin_site(env.conf), False
    else:
        site = cached_context(env.conf)
        site.start_page(PageRef.of(env.page))
        site_of, reports_in_page = lambda: site, True
    for name, macro in MACROS.items():
        env.macro(bind(macro, site_of, env, reports_in_page), name)


def bind(macro, site_of, env, reports_in_page: bool):
    """`macro` as pages call it: the site and the current page come first."""

    @functools.wraps(macro)
    def call(*args, **kwargs):
        if not reports_in_page:
            return macro(site_of(), PageRef.of(env.page), *args, **kwargs)
        site = site_of()
        try:
            return macro(site, PageRef.of(env.page), *args, **kwargs)
        except MicrositeError as error:
            return error_in_page(str(error), site)

    return call


def error_in_page(message: str, site: SiteContext) -> Markup:
    """A mistake shown where it happened; `microsite finish` refuses a site holding one."""
    try:
        words = site.messages
    except MicrositeError:  # the guide's own words are what is wrong
        words = ENGLISH
    lead = escape(words.t("This part of the page could not be made:"))
    return Markup(
        f'<div class="microsite-error" role="alert" data-microsite-error="{escape(message)}">'
        f"<p><strong>{lead}</strong> {escape(message)}</p></div>"
    )


def plugin_site(conf) -> SiteContext:
    plugin = conf.plugins.get("microsite")
    if plugin is None or getattr(plugin, "site", None) is None:
        raise MicrositeError(
            "mkdocs.yml: plugins: the 'macros' module 'microsite.macros' needs the 'microsite' "
            "plugin; add '- microsite' to plugins, above '- macros'"
        )
    return plugin.site


_CACHE: dict[Any, SiteContext] = {}


def cached_context(conf: Mapping) -> SiteContext:
    """The context for this configuration, kept between pages while nothing it read changed."""
    root = Path(conf.get("root_dir") or ".").resolve()
    key = (str(root), _mtimes(root))
    if key not in _CACHE:
        _CACHE.clear()
        site = context_from_config(conf)
        site.links_from_source = True  # see SiteContext.links_from_source
        _CACHE[key] = site
    return _CACHE[key]


def _mtimes(root: Path) -> tuple:
    """When the configuration and data files last changed: a change means a new context."""
    paths = [root / "mkdocs.yml", *sorted((root / "data").rglob("*"))] if (root / "data").exists() else [root / "mkdocs.yml"]
    return tuple((str(path), path.stat().st_mtime_ns) for path in paths if path.exists())
