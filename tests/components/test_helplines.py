"""The help-lines component: the file's schema and its mistakes (word for word,
from examples.yaml), hours in words, the crisis summary, each macro's HTML,
escaping, the stale-check warning, and the guide's own file."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from axe_check import violations_in_fragment
from helpers import REPO, make_site
from microsite.components.helplines import (
    crisis_summary,
    emergency_numbers_macro,
    helplines_macro,
    load_helplines,
    render_emergency_numbers,
    render_helplines,
    render_suicide_lines,
    suicide_lines_macro,
)
from microsite.components.helplines.model import one_year_before, parse_helplines, stale_check_warnings
from microsite.components.helplines.views import GROUPS, TEXT_OR_CHAT_TITLE, days_in_words, hours_in_words
from microsite.context import PageRef, page_url
from microsite.errors import ErrorList, MicrositeError
from microsite.site import SiteData

FIXTURES = yaml.safe_load((REPO / "microsite/components/helplines/examples.yaml").read_text(encoding="utf-8"))
TODAY = FIXTURES["today"]
EXAMPLES = FIXTURES["examples"]
MISTAKES = FIXTURES["mistakes"]
LABEL = "data/helplines.yaml"
TEL_OR_SMS = re.compile(r"(tel:\+?[0-9]+|sms:\+?[0-9]+(\?body=[A-Za-z]+)?)")


def parse(raw, today: date = TODAY):
    errors = ErrorList()
    helplines = parse_helplines(raw, LABEL, errors, today)
    return helplines, [str(problem) for problem in errors.problems]


def example(name: str):
    helplines, problems = parse(EXAMPLES[name])
    assert problems == []
    return helplines


def soup_of(html) -> BeautifulSoup:
    return BeautifulSoup(str(html), "html.parser")


def links_to(soup: BeautifulSoup, href: str) -> list[str]:
    return [a.get_text() for a in soup.find_all("a", href=href)]


# The file and its mistakes


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_each_mistake_is_reported_in_one_sentence_naming_the_file_the_entry_and_the_fix(name):
    helplines, problems = parse(yaml.safe_load(MISTAKES[name]["source"]))
    assert helplines is None
    assert problems == MISTAKES[name]["errors"]


def test_an_entry_becomes_typed_records_with_links_that_can_be_called():
    helplines = example("two-countries-and-elsewhere")
    assert [country.id for country in helplines.countries] == ["uk", "ie", "elsewhere"]
    assert [part.id for part in helplines.countries[0].parts] == ["scotland", "wales"]
    respect = next(service for service in helplines.services if service.id == "respect")
    assert [(contact.kind, contact.value, contact.href) for contact in respect.contacts] == [
        ("call", "0808 802 4040", "tel:+448088024040"),
        ("chat", "https://example.org/respect/chat", "https://example.org/respect/chat"),
    ]
    text_line = next(service for service in helplines.services if service.id == "ie-text")
    assert [contact.href for contact in text_line.contacts] == ["sms:50808?body=TALK", "tel:1800000000"]
    assert helplines.countries[2].emergency is None and helplines.countries[2].emergency_href is None


def test_a_missing_file_means_no_help_lines_and_no_problem(tmp_path):
    errors = ErrorList()
    assert load_helplines(tmp_path / "helplines.yaml", lambda path: LABEL, errors) is None
    assert not errors


def test_broken_yaml_and_an_empty_file_say_what_to_do(tmp_path):
    path = tmp_path / "helplines.yaml"
    errors = ErrorList()
    path.write_text("countries:\n  - id: uk\n   name: United Kingdom\n", encoding="utf-8")
    assert load_helplines(path, lambda _: LABEL, errors) is None
    path.write_text("", encoding="utf-8")
    assert load_helplines(path, lambda _: LABEL, errors) is None
    assert [str(problem) for problem in errors.problems] == [
        "data/helplines.yaml: line 3, column 4: invalid YAML: expected <block end>, but found '<block mapping start>'; "
        "check the indentation and quotes there",
        "data/helplines.yaml: is empty; add 'countries:' and 'services:' (see the comments in the guide's own file)",
    ]


# Dates


def test_a_check_older_than_12_months_is_a_warning_naming_the_service_and_its_source():
    helplines = example("two-countries-and-elsewhere")  # samaritans checked 2026-11-01, the rest 2026-11-30
    assert stale_check_warnings(helplines, LABEL, date(2027, 11, 1)) == []
    assert stale_check_warnings(helplines, LABEL, date(2027, 11, 2)) == [
        "data/helplines.yaml: service 'samaritans': last checked 2026-11-01, more than 12 months ago; "
        "check the number and hours against https://example.org/samaritans and update 'checked'"
    ]
    assert len(stale_check_warnings(helplines, LABEL, date(2028, 1, 1))) == len(helplines.services)
    assert stale_check_warnings(None, LABEL, date(2028, 1, 1)) == []


def test_a_year_before_29_february_is_28_february():
    assert one_year_before(date(2028, 2, 29)) == date(2027, 2, 28)


def test_checked_today_is_fine_and_tomorrow_is_a_mistake():
    raw = EXAMPLES["neighbours-reached-alike"]
    assert parse(raw, today=date(2026, 11, 30))[1] == []
    problems = parse(raw, today=date(2026, 11, 29))[1]
    assert problems[0] == (
        "data/helplines.yaml: service 'us-988': 'checked' 2026-11-30 is in the future; "
        "write the date you checked the number and hours"
    )


# Words


@pytest.mark.parametrize("case", FIXTURES["hours"], ids=lambda case: case["words"][:40])
def test_hours_have_one_wording(case):
    raw = {**EXAMPLES["neighbours-reached-alike"]}
    raw["services"] = [{**raw["services"][0], "hours": case["hours"]}]
    helplines, problems = parse(raw)
    assert problems == []
    assert hours_in_words(helplines.services[0].hours) == case["words"]


@pytest.mark.parametrize(
    ("days", "words"),
    [((0,), "Monday"), ((5, 6), "Saturday and Sunday"), ((0, 1, 2, 3, 4), "Monday to Friday"), ((0, 2, 4), "Monday, Wednesday and Friday"),
     ((0, 1, 2, 3, 6), "Sunday to Thursday"), ((0, 4, 5, 6), "Friday to Monday"), ((0, 2, 6), "Sunday, Monday and Wednesday")],
)
def test_days_are_named_as_people_say_them(days, words):
    assert days_in_words(days) == words


# The crisis lines


def test_neighbours_reached_the_same_way_share_one_crisis_line():
    lines = crisis_summary(example("neighbours-reached-alike"))
    assert [[country.id for country in line.countries] for line in lines] == [["us", "ca"], ["au"]]
    assert [[service.id for service in line.services] for line in lines] == [["us-988", "ca-988"], ["au-qlife"]]
    assert [(contact.kind, contact.value) for contact in lines[0].contacts] == [("call", "988"), ("text", "988")]


def test_each_country_gets_its_first_suicide_line_and_elsewhere_its_directory():
    lines = crisis_summary(example("two-countries-and-elsewhere"))
    assert [[country.id for country in line.countries] for line in lines] == [["uk", "ie"], ["elsewhere"]]
    assert lines[0].services[0].id == "samaritans"
    assert [(contact.kind, contact.href) for contact in lines[1].contacts] == [("web", "https://findahelpline.com/")]


@pytest.mark.parametrize("help_url", ["", "../../help/"])
def test_suicide_lines_give_every_crisis_number_to_tap_and_link_each_country_to_its_section(help_url):
    helplines = example("two-countries-and-elsewhere")
    soup = soup_of(render_suicide_lines(helplines, help_url))
    assert soup.select_one(".microsite-crisis__title").get_text() == "If you are thinking about ending your life"
    for line in crisis_summary(helplines):
        for country in line.countries:
            assert links_to(soup, f"{help_url}#{country.id}") == [country.name]
        for contact in line.contacts:
            assert links_to(soup, contact.href) == [contact.value if contact.is_number else "findahelpline.com"]
    item = soup.select(".microsite-crisis__lines li")[0].get_text(" ", strip=True)
    assert " ".join(item.split()) == "United Kingdom and Ireland : call 116 123"


def test_suicide_lines_say_they_answer_day_and_night_only_when_every_line_does():
    always = soup_of(render_suicide_lines(example("two-countries-and-elsewhere"))).get_text(" ")
    assert "They answer day and night." in always
    not_always = soup_of(render_suicide_lines(example("neighbours-reached-alike"))).get_text(" ")
    assert "day and night" not in not_always  # QLife closes at midnight
    assert "call 988 or text 988" in " ".join(not_always.split())


# The emergency numbers and the help page


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_emergency_numbers_are_each_a_link_to_call_with_their_note(name):
    helplines = example(name)
    soup = soup_of(render_emergency_numbers(helplines))
    items = soup.select(".microsite-emergency > li")
    assert len(items) == len(helplines.countries)
    for item, country in zip(items, helplines.countries):
        assert item.strong.get_text() == f"{country.name}:"
        if country.emergency:
            assert [a["href"] for a in item.find_all("a")] == [f"tel:{country.emergency}"]
        if country.emergency_note:
            assert item.select_one(".microsite-emergency__note").get_text() == country.emergency_note


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_the_help_page_has_a_section_per_country_with_every_way_to_reach_each_line(name):
    helplines = example(name)
    soup = soup_of(render_helplines(helplines))
    jump = [a["href"] for a in soup.select("#helplines-countries a")]
    assert jump == [f"#{country.id}" for country in helplines.countries]
    for country in helplines.countries:
        section = soup.find("h2", id=country.id).find_parent("section")
        assert section["aria-labelledby"] == country.id
        for service in helplines.serving(country.id):
            for contact in service.contacts:
                assert section.find("a", href=contact.href), f"{country.id}: {service.id} {contact.href}"
        for part in country.parts:
            if helplines.serving(part.id):
                assert section.find("h3", id=part.id).get_text() == f"In {part.name}"
    for link in soup.select("a.microsite-phone"):
        assert TEL_OR_SMS.fullmatch(link["href"]), link


def test_lines_are_grouped_by_need_and_ways_to_text_or_chat_are_gathered():
    soup = soup_of(render_helplines(example("two-countries-and-elsewhere")))
    uk = soup.find("h2", id="uk").find_parent("section")
    headings = [heading.get_text() for heading in uk.find_all(["h3", "h4"])]
    titles = {group.id: group.title for group in GROUPS}
    assert headings == [
        titles["crisis"], titles["domestic-abuse"], titles["lgbt"], titles["own-behavior"], TEXT_OR_CHAT_TITLE,
        "In Scotland", titles["domestic-abuse"], TEXT_OR_CHAT_TITLE,
    ]
    text_or_chat = uk.find("h3", string=TEXT_OR_CHAT_TITLE).find_next_sibling("ul").get_text(" ", strip=True)
    assert " ".join(text_or_chat.split()) == "Chat online at example.org/respect/chat (Respect Phoneline) (Monday to Friday, 10 am to 5 pm)"
    assert "Wales" not in uk.get_text()  # a part with no lines of its own is not listed
    elsewhere = soup.find("h2", id="elsewhere").find_parent("section")
    assert [heading.get_text() for heading in elsewhere.find_all("h3")] == [titles["directory"]]


def test_a_line_shows_whom_it_is_for_and_when_it_is_open():
    soup = soup_of(render_helplines(example("two-countries-and-elsewhere")))
    cards = {card.select_one(".microsite-service__name").get_text(): card for card in soup.select(".microsite-service")}
    respect = cards["Respect Phoneline"]
    assert "People who worry about their own behavior." in respect.get_text()
    assert respect.select_one(".microsite-service__hours").get_text() == (
        "Open: Monday to Thursday, 10 am to 8 pm; Friday, 10 am to 5 pm."
    )
    assert cards["Samaritans"].select_one(".microsite-service__hours").get_text() == "Open: Any time, day or night. Free."
    assert cards["Find A Helpline"].select_one(".microsite-service__hours") is None  # a website is never closed
    assert links_to(cards["Galop"], "mailto:help@example.org") == ["help@example.org"]


def test_text_from_the_data_is_shown_as_text_never_run_as_markup():
    helplines = example("markup-in-text")
    for html in (render_emergency_numbers(helplines), render_suicide_lines(helplines), render_helplines(helplines)):
        soup = soup_of(html)
        assert soup.find(["script", "b", "i"]) is None
    page = soup_of(render_helplines(helplines))
    assert page.find("h2", id="uk").get_text() == "United <b>Kingdom</b>"
    assert page.find("a", href="https://example.org/?a=1&b=2").get_text() == "example.org/?a=1&b=2"


@pytest.mark.browser
@pytest.mark.parametrize("name", ["two-countries-and-elsewhere", "neighbours-reached-alike"])
def test_every_example_passes_axe_with_the_components_own_styles(page, name):
    """With helplines.css, as on the site, so the tap targets are measured as readers get them."""
    helplines = example(name)
    css = (REPO / "microsite/components/helplines/helplines.css").read_text(encoding="utf-8")
    html = render_emergency_numbers(helplines) + render_suicide_lines(helplines) + render_helplines(helplines)
    fragment = f'<style>{css}</style><div class="md-typeset"><h1>Help</h1>{html}</div>'
    assert violations_in_fragment(page, fragment, "Help lines") == ""


# Macros


def site_with(helplines):
    pages = {"index.md": "", "help.md": "help/", "guide/intro.md": "guide/intro/"}
    return make_site(pages=pages, data=SiteData(helplines=helplines))


def fake_page(src_path):
    return PageRef(src_path, page_url(src_path))


@pytest.mark.parametrize(
    ("macro", "name"),
    [(emergency_numbers_macro, "emergency_numbers"), (suicide_lines_macro, "suicide_lines"), (helplines_macro, "helplines")],
)
def test_without_a_help_lines_file_each_macro_says_what_to_add(macro, name):
    with pytest.raises(MicrositeError) as error:
        macro(site_with(None), fake_page("help.md"))
    assert str(error.value) == (
        "there are no help lines to show; add them to data/helplines.yaml (see 'Help lines' in the README) "
        f"or remove {{{{ {name}() }}}} from this page"
    )


def test_suicide_lines_link_within_the_help_page_and_to_it_from_elsewhere():
    site = site_with(example("two-countries-and-elsewhere"))
    on_help_page = soup_of(suicide_lines_macro(site, fake_page("help.md")))
    elsewhere = soup_of(suicide_lines_macro(site, fake_page("guide/intro.md")))
    assert on_help_page.find("a", string="Ireland")["href"] == "#ie"
    assert elsewhere.find("a", string="Ireland")["href"] == "../../help/#ie"


# The guide's own file


def test_the_guides_help_lines_load_cleanly_cover_every_country_and_are_checked_recently():
    errors = ErrorList()
    helplines = load_helplines(REPO / "data/helplines.yaml", lambda _: LABEL, errors)
    assert [str(problem) for problem in errors.problems] == []
    assert [country.id for country in helplines.countries] == ["us", "ca", "uk", "ie", "au", "nz", "elsewhere"]
    assert stale_check_warnings(helplines, LABEL, date.today()) == []
    for country in helplines.countries[:-1]:
        topics = {topic for service in helplines.serving(country.id) for topic in service.topics}
        assert {"suicide", "domestic-abuse", "lgbt", "own-behavior"} <= topics, country.id
        ways = {contact.kind for service in helplines.serving(country.id) for contact in service.contacts}
        assert ways & {"text", "chat"}, country.id
    numbers = {(line.countries[0].id, contact.kind, contact.value) for line in crisis_summary(helplines) for contact in line.contacts}
    assert {("us", "call", "988"), ("us", "text", "988"), ("uk", "call", "116 123"), ("au", "call", "13 11 14"), ("nz", "call", "1737")} <= numbers
    listed = {contact.value for service in helplines.services for contact in service.contacts}
    assert {"0800 999 5428", "0800 027 1234", "0808 2000 247", "1-800-799-7233"} <= listed
