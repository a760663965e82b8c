"""The same guide on MkDocs + Material, on ProperDocs and on Zensical (with
`microsite finish`): every engine is installed, and our components come out
the same on each, once engine-specific details of the markup are set aside."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from helpers import ENGINES

CHAPTER = "guide/open-communication/index.html"
COMPONENTS = {
    "worksheet form": "form.microsite-worksheet",
    "quote figure": "figure.microsite-quote",
    "help note": "aside.microsite-help-note",
    "reading time": "p.microsite-reading-time",
}


def normalised(html: str) -> str:
    """Markup with whitespace between tags and "./" at the start of links made uniform."""
    html = re.sub(r'(href|src)="\./', r'\1="', html)
    return re.sub(r">\s+<", "><", " ".join(html.split()))


def components(site_dir, page: str) -> dict[str, list[str]]:
    soup = BeautifulSoup((site_dir / page).read_text(encoding="utf-8"), "html.parser")
    return {name: [normalised(str(element)) for element in soup.select(selector)] for name, selector in COMPONENTS.items()}


@pytest.mark.parametrize("other", [name for name in ENGINES if name != "mkdocs"])
def test_each_engine_gives_the_same_component_markup_as_mkdocs(guide_builds, other):
    reference = components(guide_builds("mkdocs").site_dir, CHAPTER)
    assert all(reference.values()), reference
    assert components(guide_builds(other).site_dir, CHAPTER) == reference


@pytest.mark.parametrize("name", ENGINES)
def test_each_engine_publishes_the_workbook_and_a_policy_on_every_page(guide_builds, name):
    site = guide_builds(name).site_dir
    assert (site / "downloads/workbook-a4.pdf").is_file() and (site / "downloads/workbook-letter.pdf").is_file()
    for html in site.rglob("*.html"):
        assert 'http-equiv="Content-Security-Policy"' in html.read_text(encoding="utf-8"), html
