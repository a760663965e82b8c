"""Render component templates: markup lives in each component's template.html.

Autoescaping is on, so text from data files can never inject markup.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, TemplateNotFound, select_autoescape
from markupsafe import Markup, escape

from .i18n import ENGLISH, Messages

COMPONENTS_DIR = Path(__file__).parent / "components"


class FileLoader(BaseLoader):
    """Templates named by their absolute path: the markup a worksheet field kind
    keeps in its own folder, which may lie outside the package."""

    def get_source(self, environment, template):
        path = Path(template)
        if not path.is_absolute() or not path.is_file():
            raise TemplateNotFound(template)
        mtime = path.stat().st_mtime
        return path.read_text(encoding="utf-8"), str(path), lambda: path.exists() and path.stat().st_mtime == mtime


@lru_cache(maxsize=None)
def html_environment(folder: Path) -> Environment:
    """Jinja for HTML templates in `folder`: escaped, strict about missing values."""
    return Environment(
        loader=ChoiceLoader([FileSystemLoader(str(folder)), FileLoader()]),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def component_environment() -> Environment:
    return html_environment(COMPONENTS_DIR)


def words_for(messages: Messages) -> dict:
    """What templates call for their words: t("…"), tn("…", "…", n)."""
    return {"t": messages.t, "tn": messages.tn, "messages": messages}


def render_component(template: str, *, messages: Messages = ENGLISH, **context) -> Markup:
    """Render `components/<template>` to HTML that Markdown leaves alone, in the
    language of `messages`.

    Blank lines are dropped so Python-Markdown keeps the HTML as one raw block.
    """
    html = component_environment().get_template(template).render(**words_for(messages), **context)
    return Markup("\n".join(line for line in html.splitlines() if line.strip()))


def late_part(name: str, **attributes: str) -> Markup:
    """A placeholder for a part that needs every page first (an index, a list
    of chapters with reading times); the late step of the build fills it in.
    See `microsite.late`."""
    extra = "".join(f' data-{key.replace("_", "-")}="{escape(value)}"' for key, value in attributes.items())
    return Markup(f'<div data-microsite-late="{escape(name)}"{extra}></div>')
