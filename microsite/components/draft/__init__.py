"""Unfinished text, marked until the author finishes it.

    {% call draft() %}
    The article's own sentences…
    {% endcall %}

    {% call placeholder("the help lines your readers can reach") %}
    A note to the author…
    {% endcall %}

A draft holds text copied from the source article, to be rewritten; a
placeholder marks something the author still has to write (such as the help
page's services). The late step of the build finds every
page that holds one (see `microsite.late`), so `mkdocs build --strict`
refuses to publish it and a plain build warns. Both need the `md_in_html` Markdown
extension to render their text.
"""

from __future__ import annotations

from markupsafe import Markup

from ...context import PageRef, SiteContext
from ...i18n import ENGLISH, Messages
from ...render import component_environment, words_for

LABEL = "Draft from the source article: rewrite in your own words before publishing"


def render_draft(body: str, dom_id: str, todo: str | None = None, messages: Messages = ENGLISH) -> Markup:
    """A draft block, or with `todo` a placeholder saying what is still to write."""
    # Not render_component: its blank-line removal would glue the Markdown body
    # to the HTML around it, and md_in_html needs them apart.
    template = component_environment().get_template("draft/template.html")
    return Markup(template.render(**words_for(messages), body=Markup(body), dom_id=dom_id, todo=todo))


def draft_macro(site: SiteContext, page: PageRef, caller=None) -> Markup:
    """{% call draft() %}…{% endcall %}: the text inside, in a marked draft block."""
    number = site.next_instance(page, "draft")
    return render_draft(caller() if caller else "", dom_id=f"draft-{number}", messages=site.messages)


def placeholder_macro(site: SiteContext, page: PageRef, todo: str, caller=None) -> Markup:
    """{% call placeholder("what to write") %}…{% endcall %}, or {{ placeholder("what to write") }}."""
    number = site.next_instance(page, "placeholder")
    return render_draft(caller() if caller else "", dom_id=f"placeholder-{number}", todo=todo, messages=site.messages)
