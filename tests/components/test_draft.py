"""The draft block: every named example renders a labelled note whose Markdown
body md_in_html can render, and each page holding one is recorded for the gate."""

from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import make_site
from microsite.components.draft import LABEL, draft_macro, render_draft
from microsite.context import PageRef
from microsite.late import SiteFacts, judge, read_page_facts

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


def test_each_page_with_a_draft_is_recorded_once_and_blocks_are_numbered():
    site = make_site(pages={"chapters/01-a.md": "chapters/01-a/", "chapters/02-b.md": "chapters/02-b/"})
    first_page = PageRef("chapters/01-a.md", "chapters/01-a/")
    first = draft_macro(site, first_page, caller=lambda: "One.")
    second = draft_macro(site, first_page, caller=lambda: "Two.")
    third = draft_macro(site, PageRef("chapters/02-b.md", "chapters/02-b/"), caller=lambda: "Three.")
    facts = SiteFacts({"chapters/01-a.md": read_page_facts(first + second), "chapters/02-b.md": read_page_facts(third)})
    assert [src for src, page in facts.pages.items() if page.drafts] == ["chapters/01-a.md", "chapters/02-b.md"]
    assert 'id="draft-1"' in first and 'id="draft-2"' in second


def test_strict_builds_are_blocked_and_plain_builds_warn_listing_the_pages():
    site = make_site(pages={"a.md": "a/", "b.md": "b/"})
    draft = read_page_facts(render_draft("Copied.", "draft-1"))
    facts = SiteFacts({"b.md": draft, "a.md": draft})
    assert "\n".join(judge(site, facts, strict=True).errors) == (
        "these pages still hold text copied from the source article (a draft block); rewrite it in your own "
        "words and remove the draft block before publishing:\n  - docs/a.md\n  - docs/b.md"
    )
    assert judge(site, facts, strict=False).errors == []
    assert judge(site, facts, strict=False).warnings == [
        "these pages still hold text copied from the source article (a draft block); rewrite it in your own "
        "words and remove the draft block before publishing (`mkdocs build --strict` stops until you do):"
        "\n  - docs/a.md\n  - docs/b.md"
    ]
    assert judge(site, facts, strict=True).warnings == []
