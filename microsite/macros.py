"""Macros for pages, registered with mkdocs-macros (`modules: [microsite.macros]`).

Each macro takes plain arguments, asks the plugin for validated data, and
returns HTML rendered from its component's template.
"""

from __future__ import annotations

from .components.help_note import render_help_note
from .plugin import microsite_plugin


def define_env(env) -> None:
    def site():
        return microsite_plugin(env.conf)

    def page_uri() -> str:
        return env.page.file.src_uri

    @env.macro
    def help_note(title: str | None = None, text: str | None = None):
        """An aside pointing to the help page, e.g. at the end of a chapter."""
        plugin = site()
        number = plugin.state.next_instance(page_uri(), "help-note")
        return render_help_note(
            help_url=plugin.url_from(env.page, plugin.config.help_page),
            dom_id=f"help-note-{number}",
            title=title,
            text=text,
        )
