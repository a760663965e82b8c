"""The draft block: every named example renders a labelled note whose Markdown
body md_in_html can render, and each page holding one is recorded for the gate."""

from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from microsite.components.draft import LABEL, draft_macro, render_draft
from microsite.site import BuildState

EXAMPLES = yaml.safe_load((Path(__file__).parents[2] / "microsite/components/draft/examples.yaml").read_text())


def as_page_html(block: str) -> BeautifulSoup:
    """The block as it ends up on a page: Python-Markdown with md_in_html."""
    return BeautifulSoup(markdown.markdown(str(block), extensions=["md_in_html"]), "html.parser")


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_renders_a_labelled_note_around_its_text(name):
    example = EXAMPLES[name]
    soup = as_page_html(render_draft(**example))
    block = soup.select_one("div.microsite-draft")
    assert block["role"] == "note"
    assert block["aria-labelledby"] == example["dom_id"]
    assert soup.find(id=example["dom_id"]).get_text() == LABEL
    assert "markdown" not in block.attrs


def test_markdown_inside_the_block_is_rendered():
    soup = as_page_html(render_draft(**EXAMPLES["markdown-inside"]))
    block = soup.select_one("div.microsite-draft")
    assert block.find("em").get_text() == "first"
    assert [item.get_text() for item in block.find_all("li")] == ["a list item", "another one"]


def fake_page(src_uri: str):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri))


def test_each_page_with_a_draft_is_recorded_once_and_blocks_are_numbered():
    plugin = SimpleNamespace(state=BuildState())
    first = draft_macro(plugin, fake_page("chapters/01-a.md"), caller=lambda: "One.")
    second = draft_macro(plugin, fake_page("chapters/01-a.md"), caller=lambda: "Two.")
    draft_macro(plugin, fake_page("chapters/02-b.md"), caller=lambda: "Three.")
    assert plugin.state.draft_pages == ["docs/chapters/01-a.md", "docs/chapters/02-b.md"]
    assert 'id="draft-1"' in first and 'id="draft-2"' in second


def test_strict_builds_are_blocked_and_plain_builds_warn_listing_the_pages():
    state = BuildState(draft_pages=["docs/b.md", "docs/a.md"])
    data = SimpleNamespace(quotes={}, config=SimpleNamespace(untraced_quotes="show"))
    assert state.blocking_problems(strict=True) == (
        "these pages still hold text copied from the source article (a draft block); rewrite it in your own "
        "words and remove the draft block before publishing:\n  - docs/a.md\n  - docs/b.md"
    )
    assert state.blocking_problems(strict=False) is None
    assert state.warnings(data, strict=False) == [
        "these pages still hold text copied from the source article (a draft block); rewrite it in your own "
        "words and remove the draft block before publishing (`mkdocs build --strict` stops until you do):"
        "\n  - docs/a.md\n  - docs/b.md"
    ]
    assert state.warnings(data, strict=True) == []
