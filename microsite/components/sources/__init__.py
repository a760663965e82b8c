"""Further reading: {{ further_reading() }} lists the research behind the
guide's strategies, from data/further-reading.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from markupsafe import Markup

from ...context import PageRef, SiteContext
from ...datafile import load_yaml
from ...errors import ErrorList, MicrositeError
from ...i18n import ENGLISH, Messages
from ...render import render_component
from .model import Reference, group_by_topic, parse_further_reading


def load_further_reading(path: Path, label: Callable[[Path], str], errors: ErrorList) -> list[Reference]:
    if not path.exists():
        return []  # a guide may have no reading list; further_reading() then says so
    return parse_further_reading(load_yaml(path, label(path), errors), label(path), errors)


def render_further_reading(references: list[Reference], messages: Messages = ENGLISH) -> Markup:
    return render_component("sources/template.html", messages=messages, topics=group_by_topic(references))


def further_reading_macro(site: SiteContext, page: PageRef) -> Markup:
    """{{ further_reading() }}: each topic with its studies and what they found."""
    if not site.data.further_reading:
        raise MicrositeError(
            f"there is no further reading to list; add references to {site.settings.reading_file} "
            "or remove {{ further_reading() }} from this page"
        )
    return render_further_reading(site.data.further_reading, site.messages)
