"""The help note component: every named example renders, text is escaped, and
with the guide's help lines the note gives the crisis lines right there."""

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from axe_check import violations_in_fragment
from microsite.components.help_note import DEFAULT_TITLE, render_help_note
from microsite.components.helplines import crisis_summary
from microsite.components.helplines.model import parse_helplines
from microsite.errors import ErrorList

REPO = Path(__file__).parents[2]
EXAMPLES = yaml.safe_load((REPO / "microsite/components/help_note/examples.yaml").read_text())
HELPLINES = yaml.safe_load((REPO / "microsite/components/helplines/examples.yaml").read_text(encoding="utf-8"))


def arguments(example: dict) -> dict:
    """An example's arguments, its named help-lines example parsed into the real records."""
    arguments = {key: value for key, value in example.items() if key != "helplines_example"}
    if "helplines_example" in example:
        errors = ErrorList()
        arguments["helplines"] = parse_helplines(
            HELPLINES["examples"][example["helplines_example"]], "data/helplines.yaml", errors, HELPLINES["today"]
        )
        assert not errors
    return arguments


def render(name: str) -> BeautifulSoup:
    return BeautifulSoup(render_help_note(**arguments(EXAMPLES[name])), "html.parser")


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_renders_a_labelled_aside_with_a_help_link(name):
    example = EXAMPLES[name]
    soup = render(name)
    aside = soup.find("aside")
    title = soup.find(id=example["dom_id"])
    assert aside["aria-labelledby"] == example["dom_id"]
    assert title.get_text() == example.get("title", DEFAULT_TITLE)
    assert soup.find("a", href=example["help_url"]).get_text() == "Get help now"


def test_text_from_an_author_is_escaped_not_interpreted():
    html = render_help_note(**EXAMPLES["custom-text"])
    assert "<b>" not in html
    assert "&lt;b&gt;talking openly&lt;/b&gt;" in html


def test_without_help_lines_the_note_only_points_to_the_help_page():
    soup = render("default")
    assert soup.select_one(".microsite-crisis") is None
    assert [a["href"] for a in soup.find_all("a")] == ["../help/"]


def test_with_help_lines_the_note_gives_every_crisis_line_and_links_each_country_to_the_help_page():
    example = arguments(EXAMPLES["with-crisis-lines"])
    crisis = render("with-crisis-lines").select_one("aside .microsite-crisis")
    assert crisis.select_one(".microsite-crisis__title").get_text() == "If you are thinking about ending your life"
    for line in crisis_summary(example["helplines"]):
        for country in line.countries:
            assert crisis.find("a", href=f"../../help/#{country.id}").get_text() == country.name
        for contact in line.contacts:
            assert crisis.find("a", href=contact.href) is not None


@pytest.mark.browser
def test_the_note_with_crisis_lines_passes_axe(page):
    css = "".join(
        (REPO / f"microsite/components/{path}").read_text(encoding="utf-8")
        for path in ("help_note/help_note.css", "helplines/helplines.css")
    )
    html = render_help_note(**arguments(EXAMPLES["with-crisis-lines"]))
    fragment = f'<style>{css}</style><div class="md-typeset"><h1>A chapter</h1>{html}</div>'
    assert violations_in_fragment(page, fragment, "Help note") == ""
