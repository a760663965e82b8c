"""The help page and the crisis lines on every chapter, checked on real builds
against data/helplines.yaml: every number is a link that works, every country
link lands on its section (in Chromium at phone width too), a stale check or a
bad entry stops the build, and a guide without help lines still builds."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from axe_check import describe_violations, run_axe
from helpers import REPO, assert_build_failed_with, build_site, copy_fixture_site
from microsite.components.helplines import crisis_summary, load_helplines
from microsite.errors import ErrorList

HELPLINE_FIXTURES = yaml.safe_load((REPO / "microsite/components/helplines/examples.yaml").read_text(encoding="utf-8"))
CHAPTERS = sorted(path.stem for path in (REPO / "docs/guide").glob("*.md"))
PHONE = {"width": 360, "height": 740}
LINK_TO_CALL = re.compile(r"tel:\+?[0-9]+|sms:\+?[0-9]+(\?body=[A-Za-z]+)?")
# A phone number left as plain text: six or more digits in one run of digits, spaces and hyphens.
BARE_NUMBER = re.compile(r"\+?\d[\d ()-]{4,}\d")


@pytest.fixture(scope="module")
def helplines():
    errors = ErrorList()
    data = load_helplines(REPO / "data/helplines.yaml", lambda path: "data/helplines.yaml", errors)
    assert not errors
    return data


def article(site_dir: Path, page: str) -> BeautifulSoup:
    html = (site_dir / page / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")


def assert_crisis_lines(block, helplines, help_url: str) -> None:
    assert block is not None
    assert block.select_one(".microsite-crisis__title").get_text() == "If you are thinking about ending your life"
    for line in crisis_summary(helplines):
        for country in line.countries:
            assert [a.get_text() for a in block.find_all("a", href=f"{help_url}#{country.id}")] == [country.name]
        for contact in line.contacts:
            assert block.find("a", href=contact.href) is not None, contact.href


# The guide, built once


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_chapter_ends_with_the_crisis_lines_from_the_data_file(built_site, helplines, chapter):
    note = article(built_site.site_dir, f"guide/{chapter}").select("aside.microsite-help-note")
    assert note, f"guide/{chapter}.md does not end with {{{{ help_note() }}}}"
    assert_crisis_lines(note[-1].select_one(".microsite-crisis"), helplines, "../../help/")


def test_the_help_page_opens_with_the_emergency_numbers_and_the_crisis_lines(built_site, helplines):
    page = article(built_site.site_dir, "help")
    danger = page.select_one(".admonition.danger")
    assert page.find(["div", "p", "h2", "nav"]) is danger  # the first thing under the title
    emergency = danger.select(".microsite-emergency > li")
    assert [item.strong.get_text() for item in emergency] == [f"{country.name}:" for country in helplines.countries]
    assert_crisis_lines(danger.select_one(".microsite-crisis"), helplines, "")


def test_every_number_on_the_help_page_is_a_link_that_calls_or_texts(built_site):
    page = article(built_site.site_dir, "help")
    links = page.select("a[href^='tel:'], a[href^='sms:']")
    assert len(links) > 50
    for link in links:
        assert LINK_TO_CALL.fullmatch(link["href"]), link["href"]
        assert re.search(r"\d", link.get_text()), link
    for link in page.find_all("a"):
        link.decompose()
    left = [match.group(0) for match in BARE_NUMBER.finditer(page.get_text(" ")) if len(re.sub(r"\D", "", match.group(0))) >= 6]
    assert left == [], f"numbers that are not links: {left}"


def test_the_country_links_land_on_their_sections(built_site, helplines):
    page = article(built_site.site_dir, "help")
    jump = page.select_one("nav#helplines-countries")
    assert [a["href"] for a in jump.find_all("a")] == [f"#{country.id}" for country in helplines.countries]
    for country in helplines.countries:
        heading = page.find(id=country.id)
        assert heading.name == "h2" and heading.get_text() == country.name
        assert heading.find_parent("section")["aria-labelledby"] == country.id
        for part in country.parts:
            assert page.find("h3", id=part.id).get_text() == f"In {part.name}"
    targets = {a["href"].removeprefix("#") for a in page.select("a[href^='#']")}
    assert all(page.find(id=target) is not None for target in targets), targets


@pytest.mark.browser
def test_each_country_link_scrolls_its_section_into_view_on_a_phone(page, site_url, helplines):
    page.set_viewport_size(PHONE)
    page.emulate_media(color_scheme="dark")
    page.goto(f"{site_url}help/")
    for country in helplines.countries:
        page.locator("#helplines-countries").scroll_into_view_if_needed()
        page.locator(f"#helplines-countries a[href='#{country.id}']").click()
        page.wait_for_function("(id) => location.hash === '#' + id", arg=country.id)
        header = page.locator("header.md-header").bounding_box()
        heading = page.locator(f"h2#{country.id}").bounding_box()
        assert header["y"] + header["height"] <= heading["y"] < PHONE["height"], (country.id, heading)


@pytest.mark.browser
def test_a_country_in_a_chapters_help_note_opens_its_section_of_the_help_page(page, site_url):
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}guide/{CHAPTERS[0]}/")
    page.locator("aside.microsite-help-note .microsite-crisis a", has_text="Australia").click()
    page.wait_for_url(f"{site_url}help/#au")
    heading = page.locator("h2#au").bounding_box()
    assert 0 <= heading["y"] < PHONE["height"]


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_the_help_page_passes_axe_and_its_numbers_are_big_targets_on_a_phone(page, site_url, scheme):
    page.set_viewport_size(PHONE)
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{site_url}help/")
    assert describe_violations(run_axe(page)) == ""
    sizes = page.eval_on_selector_all(
        "article a.microsite-phone, #helplines-countries a",
        "links => links.map(a => { const r = a.getBoundingClientRect(); return [a.textContent, r.width, r.height]; })",
    )
    small = [size for size in sizes if size[1] < 24 or size[2] < 24]
    assert sizes and small == []


# Small fixture sites


def fixture_with_helplines(tmp_path: Path, change=None) -> Path:
    project = copy_fixture_site("minimal", tmp_path)
    data = HELPLINE_FIXTURES["examples"]["two-countries-and-elsewhere"]
    data = yaml.safe_load(yaml.safe_dump(data))
    for service in data["services"]:
        service["checked"] = date.today()
    if change:
        change(data)
    (project / "data").mkdir()
    (project / "data/helplines.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    (project / "docs/help.md").write_text(
        "# Help\n\n{{ emergency_numbers() }}\n\n{{ suicide_lines() }}\n\n{{ helplines() }}\n", encoding="utf-8"
    )
    return project


def test_a_fixture_site_shows_its_own_help_lines_on_the_help_page_and_in_the_help_note(tmp_path):
    project = fixture_with_helplines(tmp_path)
    result = build_site(project, tmp_path / "out")
    assert result.ok, result.output
    help_page = article(tmp_path / "out", "help")
    assert help_page.find("a", href="tel:116123").get_text() == "116 123"
    assert help_page.find("h2", id="elsewhere") is not None
    home = BeautifulSoup((tmp_path / "out/index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one("aside.microsite-help-note a[href='help/#ie']").get_text() == "Ireland"


def test_a_line_not_checked_for_a_year_fails_a_strict_build_and_warns_otherwise(tmp_path):
    old = date.today() - timedelta(days=400)

    def age_samaritans(data):
        data["services"][0]["checked"] = old

    project = fixture_with_helplines(tmp_path, age_samaritans)
    message = (
        f"data/helplines.yaml: service 'samaritans': last checked {old.isoformat()}, more than 12 months ago; "
        "check the number and hours against https://example.org/samaritans and update 'checked'"
    )
    strict = build_site(project, tmp_path / "strict")
    assert_build_failed_with(strict, message)
    relaxed = build_site(project, tmp_path / "relaxed", strict=False)
    assert relaxed.ok and f"WARNING -  microsite: {message}" in relaxed.output, relaxed.output


@pytest.mark.parametrize("name", ["impossible-hours", "same-number-twice-for-one-country"])
def test_a_bad_entry_stops_the_build_with_its_sentence_and_writes_nothing(tmp_path, name):
    project = fixture_with_helplines(tmp_path)
    (project / "data/helplines.yaml").write_text(HELPLINE_FIXTURES["mistakes"][name]["source"], encoding="utf-8")
    result = build_site(project, tmp_path / "out")
    for error in HELPLINE_FIXTURES["mistakes"][name]["errors"]:
        assert_build_failed_with(result, f"  - {error}")
    assert "nothing was built" in result.output
    assert not (tmp_path / "out").exists()


def test_a_guide_without_help_lines_still_builds_and_the_help_macros_say_what_to_add(tmp_path):
    project = copy_fixture_site("minimal", tmp_path)
    result = build_site(project, tmp_path / "out")
    assert result.ok, result.output
    home = BeautifulSoup((tmp_path / "out/index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one("aside.microsite-help-note") is not None
    assert home.select_one(".microsite-crisis") is None
    (project / "docs/help.md").write_text("# Help\n\n{{ helplines() }}\n", encoding="utf-8")
    assert_build_failed_with(
        build_site(project, tmp_path / "again"),
        "docs/help.md: there are no help lines to show; add them to data/helplines.yaml "
        "(see 'Help lines' in the README) or remove {{ helplines() }} from this page",
    )
