"""Quick exit ("Exit this page"): a control on every page that leaves for a neutral site.

It has no macro: the theme leaves a slot for it in the header
(microsite/theme/partials/quick-exit.html), which the late step of the build
fills from template.html with the `quick_exit` options and the guide's words;
quick_exit.js adds the Shift shortcut and the cover, and
microsite/theme/microsite/layout.html keeps a returning tab covered before the
page is drawn. examples.yaml lists the option sets the tests build.
"""

from __future__ import annotations

from markupsafe import Markup

from ...context import PageRef, SiteContext
from ...render import render_component


def render_quick_exit(url: str, messages) -> Markup:
    return render_component("quick_exit/template.html", messages=messages, url=url)


def header_part(site: SiteContext, facts, page: PageRef, attrs: dict) -> Markup:
    """The control in the header slot, or nothing when the quick exit is switched off."""
    options = site.settings.quick_exit
    return render_quick_exit(options.url, site.messages) if options.enabled else Markup("")
