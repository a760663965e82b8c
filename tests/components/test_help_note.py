"""The help note component: every named example renders, and text is escaped."""

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from microsite.components.help_note import DEFAULT_TITLE, render_help_note

EXAMPLES = yaml.safe_load((Path(__file__).parents[2] / "microsite/components/help_note/examples.yaml").read_text())


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_renders_a_labelled_aside_with_a_help_link(name):
    example = EXAMPLES[name]
    soup = BeautifulSoup(render_help_note(**example), "html.parser")
    aside = soup.find("aside")
    title = soup.find(id=example["dom_id"])
    assert aside["aria-labelledby"] == example["dom_id"]
    assert title.get_text() == example.get("title", DEFAULT_TITLE)
    assert soup.find("a", href=example["help_url"]).get_text() == "Get help now"


def test_text_from_an_author_is_escaped_not_interpreted():
    html = render_help_note(**EXAMPLES["custom-text"])
    assert "<b>" not in html
    assert "&lt;b&gt;talking openly&lt;/b&gt;" in html
