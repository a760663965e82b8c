"""Render component templates: markup lives in each component's template.html.

Autoescaping is on, so text from data files can never inject markup.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

COMPONENTS_DIR = Path(__file__).parent / "components"


@lru_cache(maxsize=None)
def html_environment(folder: Path) -> Environment:
    """Jinja for HTML templates in `folder`: escaped, strict about missing values."""
    return Environment(
        loader=FileSystemLoader(str(folder)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def component_environment() -> Environment:
    return html_environment(COMPONENTS_DIR)


def render_component(template: str, **context) -> Markup:
    """Render `components/<template>` to HTML that Markdown leaves alone.

    Blank lines are dropped so Python-Markdown keeps the HTML as one raw block.
    """
    html = component_environment().get_template(template).render(**context)
    return Markup("\n".join(line for line in html.splitlines() if line.strip()))
