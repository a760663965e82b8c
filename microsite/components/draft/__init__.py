"""The draft block: text copied from the source article, marked until it is rewritten.

    {% call draft() %}
    The article's own sentences…
    {% endcall %}

Every page that holds one is recorded, so `mkdocs build --strict` refuses to
publish it and a plain build warns (see `BuildState` in microsite/site.py).
The block needs the `md_in_html` Markdown extension to render its text.
"""

from __future__ import annotations

from markupsafe import Markup

from ...macro_errors import page_label
from ...render import component_environment

LABEL = "Draft from the source article: rewrite in your own words before publishing"


def render_draft(body: str, dom_id: str) -> Markup:
    # Not render_component: its blank-line removal would glue the Markdown body
    # to the HTML around it, and md_in_html needs them apart.
    template = component_environment().get_template("draft/template.html")
    return Markup(template.render(body=Markup(body), dom_id=dom_id))


def draft_macro(plugin, page, caller=None) -> Markup:
    """{% call draft() %}…{% endcall %}: the text inside, in a marked draft block."""
    label = page_label(page)
    if label not in plugin.state.draft_pages:
        plugin.state.draft_pages.append(label)
    number = plugin.state.next_instance(page.file.src_uri, "draft")
    return render_draft(caller() if caller else "", dom_id=f"draft-{number}")
