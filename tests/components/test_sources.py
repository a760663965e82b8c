"""The further-reading list: its schema and errors, its HTML, escaping, the
macro, and the guide's own reading list."""

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from microsite.components.sources import further_reading_macro, load_further_reading, render_further_reading
from microsite.components.sources.model import Reference, parse_further_reading
from microsite.context import PageRef
from microsite.errors import ErrorList, MicrositeError
from microsite.site import SiteData

from helpers import make_site

from axe_check import violations_in_fragment

REPO = Path(__file__).parents[2]
EXAMPLES = yaml.safe_load((REPO / "microsite/components/sources/examples.yaml").read_text(encoding="utf-8"))
LABEL = "data/further-reading.yaml"
ALGOE = EXAMPLES["one-reference"]["references"][0]


def parse(entries) -> tuple[list[Reference], list[str]]:
    errors = ErrorList()
    references = parse_further_reading(entries, LABEL, errors)
    return references, [str(problem) for problem in errors.problems]


def render_example_html(name: str) -> str:
    references, problems = parse(EXAMPLES[name]["references"])
    assert problems == []
    return render_further_reading(references)


def render_example(name: str) -> BeautifulSoup:
    return BeautifulSoup(render_example_html(name), "html.parser")


def test_an_entry_becomes_a_reference():
    references, problems = parse([ALGOE])
    assert problems == []
    assert references == [
        Reference(
            topic="Noticing the good",
            authors="Algoe, Gable and Maisel",
            year=2010,
            title="It’s the little things: Everyday gratitude as a booster shot for romantic relationships",
            journal="Personal Relationships",
            volume=17,
            pages="217–233",
            summary="A two-week diary study of couples. It shows a link, not proof.",
        )
    ]


def test_every_missing_key_is_reported_at_once_with_what_to_write():
    assert parse([{"topic": "Gratitude"}])[1] == [
        "data/further-reading.yaml: reference 1: missing 'authors'; add the authors' family names",
        "data/further-reading.yaml: reference 1: missing 'year'; add the year it came out",
        "data/further-reading.yaml: reference 1: missing 'title'; add the title of the paper",
        "data/further-reading.yaml: reference 1: missing 'journal'; add the journal it is in",
        "data/further-reading.yaml: reference 1: missing 'volume'; add the journal volume, a whole number",
        "data/further-reading.yaml: reference 1: missing 'pages'; add the pages, such as '217–233'",
        "data/further-reading.yaml: reference 1: missing 'summary'; "
        "add what kind of study it is and what it found, in our own plain words",
    ]


def test_wrong_values_and_unknown_keys_name_the_reference():
    entries = [ALGOE, {**ALGOE, "volume": "17(2)", "publisher": "Wiley"}, "Algoe 2010"]
    assert parse(entries)[1] == [
        "data/further-reading.yaml: reference 2: unknown key 'publisher'; known keys: topic, authors, year, title, "
        "journal, volume, pages, summary",
        "data/further-reading.yaml: reference 2: 'volume' must be a whole number, found '17(2)'",
        "data/further-reading.yaml: reference 3: must be a reference with its keys (topic, …), found 'Algoe 2010'",
    ]


def test_a_misspelt_key_suggests_the_right_one():
    entry = {key: value for key, value in ALGOE.items() if key != "summary"} | {"sumary": "A diary study."}
    assert parse([entry])[1] == [
        "data/further-reading.yaml: reference 1: unknown key 'sumary'; did you mean 'summary'?",
        "data/further-reading.yaml: reference 1: missing 'summary'; "
        "add what kind of study it is and what it found, in our own plain words",
    ]


def test_a_file_that_is_not_a_list_says_how_entries_start(tmp_path):
    path = tmp_path / "further-reading.yaml"
    path.write_text("topic: Gratitude\n", encoding="utf-8")
    errors = ErrorList()
    load_further_reading(path, lambda _: LABEL, errors)
    assert [str(problem) for problem in errors.problems] == [
        "data/further-reading.yaml: must be a list of references, each starting with '- topic:'"
    ]


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_example_lists_each_reference_under_its_topic_with_its_summary(name):
    entries = EXAMPLES[name]["references"]
    soup = render_example(name)
    topics = [term.get_text() for term in soup.find_all("dt")]
    assert topics == list(dict.fromkeys(entry["topic"] for entry in entries))
    for entry in entries:
        term = soup.find("dt", string=entry["topic"])
        described = [dd for dd in term.find_next_siblings("dd") if dd.find_previous_sibling("dt") is term]
        item = next(dd for dd in described if dd.cite.get_text() == entry["title"])
        reference = item.select_one(".microsite-reading__reference").get_text(" ", strip=True)
        assert reference.startswith(f"{entry['authors']} ({entry['year']}).")
        assert f"{entry['journal']}, volume {entry['volume']}, pages {entry['pages']}." in reference
        assert item.select_one(".microsite-reading__summary").get_text() == entry["summary"]


@pytest.mark.browser
def test_every_example_passes_axe(page):
    examples = "".join(render_example_html(name) for name in sorted(EXAMPLES))
    assert violations_in_fragment(page, examples, "Reading") == ""


def test_references_on_one_topic_are_listed_together_in_file_order():
    soup = render_example("two-references-on-one-topic")
    kindness = soup.find("dt", string="Being kind to yourself")
    first, second = kindness.find_next_siblings("dd")[:2]
    assert [first.cite.get_text(), second.cite.get_text()] == [
        "Self-compassion: An alternative conceptualization of a healthy attitude toward oneself",
        "The role of self-compassion in romantic relationships",
    ]


def test_text_from_the_data_is_shown_as_text_never_run_as_markup():
    soup = render_example("markup-in-text")
    assert soup.find(["script", "i", "b"]) is None
    assert soup.dt.get_text() == "Tests <script>alert(1)</script>"
    assert soup.cite.get_text() == "A <i>made-up</i> study"


def test_the_macro_refuses_to_render_an_empty_list():
    with pytest.raises(MicrositeError) as error:
        further_reading_macro(make_site(data=SiteData(further_reading=[])), PageRef("about.md", "about/"))
    assert str(error.value) == (
        "there is no further reading to list; add references to data/further-reading.yaml "
        "or remove {{ further_reading() }} from this page"
    )


def test_the_guides_reading_list_covers_every_strategy_and_attachment_security():
    errors = ErrorList()
    references = load_further_reading(REPO / "data/further-reading.yaml", lambda _: LABEL, errors)
    assert [str(problem) for problem in errors.problems] == []
    first_authors = [(reference.authors.split(",")[0].split(" and ")[0], reference.year) for reference in references]
    assert first_authors == [
        ("Hawkins", 2008),
        ("Algoe", 2010),
        ("Algoe", 2016),
        ("Laurenceau", 1998),
        ("Neff", 2003),
        ("Neff", 2013),
        ("Hofmann", 2012),
        ("Hayes", 2006),
        ("Johnson", 1999),
        ("Mikulincer", 2007),
        ("Öst", 2015),
        ("Doron", 2014),
    ]
