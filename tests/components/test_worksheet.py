"""The worksheet component: definitions are validated with exact messages, and
every field kind renders as an accessible form. Cases come from examples.yaml."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import REPO, assert_build_failed_with, build_site, copy_fixture_site
from microsite.components.worksheet import (
    render_delete_all_answers,
    render_worksheet,
    worksheet_dom_id,
    worksheet_macro,
)
from microsite.components.worksheet.model import KINDS, load_worksheets
from helpers import make_site
from microsite.context import PageRef
from microsite.errors import ErrorList, MicrositeError
from microsite.render import render_component
from microsite.site import SiteData

COMPONENT = REPO / "microsite/components/worksheet"
FIXTURES = yaml.safe_load((COMPONENT / "examples.yaml").read_text(encoding="utf-8"))
EXAMPLES = FIXTURES["examples"]
MISTAKES = FIXTURES["mistakes"]


def load(folder: Path) -> tuple[dict, list[str]]:
    errors = ErrorList()
    worksheets = load_worksheets(folder, lambda path: f"data/worksheets/{path.name}", errors)
    return worksheets, [str(problem) for problem in errors.problems]


def load_example(name: str, tmp_path: Path):
    (tmp_path / f"{name}.yaml").write_text(yaml.safe_dump(EXAMPLES[name], sort_keys=False), encoding="utf-8")
    worksheets, problems = load(tmp_path)
    assert problems == []
    return worksheets[name]


def soup_of(html) -> BeautifulSoup:
    return BeautifulSoup(str(html), "html.parser")


def assert_accessible_form(soup: BeautifulSoup) -> None:
    """Labels, groups, descriptions and ids as a screen reader needs them."""
    ids = [element["id"] for element in soup.find_all(id=True)]
    assert [id_ for id_, count in Counter(ids).items() if count > 1] == []
    for control in soup.select("input, textarea, select"):
        label = soup.find("label", attrs={"for": control["id"]})
        assert label is not None and label.get_text(strip=True), control
        assert not label.find_parent(attrs={"hidden": True}) or control.find_parent(attrs={"hidden": True})
    for choice in soup.select("input[type=radio], input[type=checkbox]"):
        fieldset = choice.find_parent("fieldset")
        assert fieldset is not None and fieldset.find("legend").get_text(strip=True), choice
    described = soup.select("[aria-describedby]")
    for element in described:
        for target in element["aria-describedby"].split():
            assert soup.find(id=target) is not None, f"{element.name} describedby missing #{target}"
    referenced = {target for element in described for target in element["aria-describedby"].split()}
    for help_text in soup.select(".microsite-worksheet__hint[id], .microsite-worksheet__example[id]"):
        assert help_text["id"] in referenced, f"#{help_text['id']} is not tied to any control"


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_example_loads_and_renders_an_accessible_form(name, tmp_path):
    worksheet = load_example(name, tmp_path)
    soup = soup_of(render_worksheet(worksheet, worksheet_dom_id(name, 1)))
    form = soup.find("form")
    assert form["data-module"] == "microsite-worksheet"
    assert form["data-worksheet-id"] == name
    assert form["data-worksheet-version"] == str(EXAMPLES[name]["version"])
    assert form["method"] == "dialog" and not form.get("action")  # never sent anywhere
    assert form["aria-labelledby"] == soup.find("h2").get("id")
    assert all(button["type"] == "button" for button in soup.find_all("button"))
    assert [field["data-field"] for field in soup.select("[data-field]")] == [f["id"] for f in EXAMPLES[name]["fields"]]
    assert_accessible_form(soup)


def test_header_shows_title_purpose_instructions_and_time(tmp_path):
    soup = soup_of(render_worksheet(load_example("every-kind", tmp_path), "worksheet-every-kind"))
    assert soup.find("h2", id="worksheet-every-kind__title").get_text() == "Every kind of field"
    header = soup.select_one(".microsite-worksheet__header")
    paragraphs = [p.get_text() for p in header.find_all("p")]
    assert paragraphs == [
        "Worksheet · about 10 minutes",
        "Shows one field of each kind.",
        "First paragraph of the instructions, over two lines.",
        "Second paragraph.",
    ]


def field_of(soup: BeautifulSoup, field_id: str):
    return soup.select_one(f"[data-field='{field_id}']")


def test_each_kind_renders_its_own_controls(tmp_path):
    soup = soup_of(render_worksheet(load_example("every-kind", tmp_path), "ws"))
    assert field_of(soup, "name").select_one("input")["type"] == "text"
    assert field_of(soup, "story").select_one("textarea")["rows"] == "6"
    assert field_of(soup, "when").select_one("input")["type"] == "date"

    good_things = field_of(soup, "good-things")
    assert good_things.name == "fieldset" and good_things.legend.get_text() == "Three good things"
    assert [label.get_text() for label in good_things.select("label")] == ["1", "2", "3"]

    rating = field_of(soup, "strength")
    radios = rating.select("input[type=radio]")
    assert [radio["value"] for radio in radios] == [str(n) for n in range(11)]
    assert {radio["name"] for radio in radios} == {"ws__strength"}
    names = [soup.find("label", attrs={"for": radio["id"]}).get_text() for radio in radios]
    assert names[0] == "0, Not at all" and names[5] == "5" and names[10] == "10, Very strongly"

    checks = field_of(soup, "checks").select("input[type=checkbox]")
    assert [box["value"] for box in checks] == ["License", "Fees", "Insurance"]
    choices = field_of(soup, "meeting").select("input[type=radio]")
    assert [c["value"] for c in choices] == ["In person", "Online"] and len({c["name"] for c in choices}) == 1

    table = field_of(soup, "triggers")
    rows = table.select("fieldset[data-row]")
    assert [row.legend.get_text() for row in rows] == ["Trigger 1", "Trigger 2"]
    assert [label.get_text() for label in rows[1].select("label")] == ["What set it off", "What I felt"]
    assert [cell["data-column"] for cell in rows[1].select("textarea")] == ["trigger", "feeling"]
    assert table.find("button", attrs={"data-add-row": True}).get_text() == "Add a row"

    for control in soup.select("input[type=text], input[type=date], textarea, input[type=radio], input[type=checkbox]"):
        assert control.find_parent(attrs={"data-field": True})["data-field"] == control["data-field-id"]


def test_hints_and_examples_are_tied_to_their_controls(tmp_path):
    soup = soup_of(render_worksheet(load_example("every-kind", tmp_path), "ws"))
    assert soup.find(id="ws__name")["aria-describedby"] == "ws__name--hint ws__name--example"
    assert soup.find(id="ws__name--example").get_text() == "For example: Sam"
    assert field_of(soup, "meeting")["aria-describedby"] == "ws__meeting--hint"
    assert field_of(soup, "strength")["aria-describedby"] == "ws__strength--example"
    assert not soup.find(id="ws__story").has_attr("aria-describedby")


def test_defaults_fill_in_what_the_author_left_out(tmp_path):
    worksheet = load_example("smallest", tmp_path)
    answer, numbered, table = worksheet.fields
    assert (answer.lines, numbered.entries, table.rows, table.row_label) == (4, 3, 3, None)
    # No row_label: each row is called "Row", in the guide's language.
    legends = soup_of(render_worksheet(worksheet, "ws")).select(".microsite-worksheet__row-label")
    assert [legend.get_text() for legend in legends] == ["Row 1", "Row 2", "Row 3"]
    assert answer.hint is None and answer.example is None


def test_no_text_from_a_definition_can_inject_markup(tmp_path):
    html = str(render_worksheet(load_example("markup-in-text", tmp_path), "ws"))
    soup = soup_of(html)
    assert soup.find_all(["script", "b", "i", "img"]) == []
    text = soup.get_text()
    for shown in ('<script>alert("title")</script>', "<b>purpose</b>", "<i>instructions</i>",
                  '<script>alert("label")</script>', "<b>hint</b>", "For example: <img src=x onerror=alert(1)>",
                  "<b>low</b>", "<b>high</b>", '<script>alert("option")</script>', "<b>row</b> 1",
                  '<script>alert("column")</script>'):
        assert shown in text
    assert soup.find("input", attrs={"value": '"quoted" option'}) is not None


def test_the_script_sends_nothing_and_every_message_it_shows_is_written(tmp_path):
    script = "\n".join((COMPONENT / name).read_text(encoding="utf-8") for name in ("shared.js", "worksheet.js", "files.lazy.js"))
    # The one request: worksheet.js fetching files.lazy.js, from this site, with nothing in its address.
    loader = [line.strip() for line in script.splitlines() if ".src =" in line]
    assert loader == ['tag.src = new URL(FILES_SCRIPT, script ? script.src : location.href).href;']
    assert 'const FILES_SCRIPT = "@lazy/files.lazy.js";' in script
    for network in ("fetch(", "XMLHttpRequest", "sendBeacon", "WebSocket", "EventSource", "import(", "new Image"):
        assert network not in script
    shown = set(re.findall(r'say\([^,]+, (?:[^,]+ \? )?"(\w+)"(?: : "(\w+)")?', script))
    keys = {key for pair in shown for key in pair if key} | {"kept"}
    statuses = soup_of(str(render_worksheet(load_example("smallest", tmp_path), "ws")) + str(render_delete_all_answers("d")))
    written = {re.sub(r"-(\w)", lambda m: m[1].upper(), name[5:])
               for status in statuses.select("[data-worksheet-status]") for name in status.attrs if name.startswith("data-")}
    written |= set(json.loads(str(render_component("worksheet/files.words.html"))))  # what files.lazy.js brings along
    assert keys >= {"saved", "notSaved", "badFile", "deleted"}
    assert keys <= written


def site_with(worksheets: dict):
    return make_site(data=SiteData(worksheets=worksheets))


def chapter(src_uri: str = "guide/chapter.md"):
    return PageRef(src_uri, src_uri.removesuffix(".md") + "/")


@pytest.fixture(scope="module")
def guide_worksheets() -> dict:
    worksheets, problems = load(REPO / "data/worksheets")
    assert problems == []
    return worksheets


def test_two_worksheets_and_the_same_one_twice_keep_every_id_unique(guide_worksheets):
    site, page = site_with(guide_worksheets), chapter()
    html = "".join(str(worksheet_macro(site, page, worksheet_id))
                   for worksheet_id in ("thought-record", "trigger-map", "thought-record"))
    soup = soup_of(html)
    assert [form["id"] for form in soup.find_all("form")] == [
        "worksheet-thought-record", "worksheet-trigger-map", "worksheet-thought-record--2"]
    assert_accessible_form(soup)
    radio_groups = {radio["name"] for radio in soup.select("input[type=radio]")}
    assert "worksheet-thought-record__feeling-before" in radio_groups
    assert "worksheet-thought-record--2__feeling-before" in radio_groups
    # A new page starts counting again, so a worksheet's anchor is stable.
    other = soup_of(worksheet_macro(site, chapter("guide/other.md"), "thought-record"))
    assert other.find("form")["id"] == "worksheet-thought-record"


def test_an_unknown_worksheet_id_names_it_and_suggests_the_closest(guide_worksheets):
    with pytest.raises(MicrositeError) as raised:
        worksheet_macro(site_with(guide_worksheets), chapter(), "thought-recrd")
    assert str(raised.value) == "unknown worksheet id 'thought-recrd'; did you mean 'thought-record'?"


def test_the_guide_has_its_eight_worksheets_using_every_kind(guide_worksheets):
    assert sorted(guide_worksheets) == [
        "conversation-planner", "gratitude-log", "reassurance-tracker", "self-compassion-break", "therapist-finder",
        "thought-record", "trigger-map", "values-compass"]
    kinds = {field.kind for worksheet in guide_worksheets.values() for field in worksheet.fields}
    assert kinds == set(KINDS)
    for worksheet in guide_worksheets.values():
        assert_accessible_form(soup_of(render_worksheet(worksheet, worksheet_dom_id(worksheet.id, 1))))


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_each_mistake_is_reported_in_words_an_author_can_act_on(name, tmp_path):
    mistake = MISTAKES[name]
    (tmp_path / f"{mistake['file']}.yaml").write_text(mistake["source"], encoding="utf-8")
    worksheets, problems = load(tmp_path)
    assert problems == mistake["errors"]
    assert worksheets == {}


def test_every_problem_in_every_file_is_reported_in_one_pass(tmp_path):
    for mistake in MISTAKES.values():
        (tmp_path / f"{mistake['file']}.yaml").write_text(mistake["source"], encoding="utf-8")
    (tmp_path / "smallest.yaml").write_text(yaml.safe_dump(EXAMPLES["smallest"]), encoding="utf-8")
    worksheets, problems = load(tmp_path)
    files = {mistake["file"] for mistake in MISTAKES.values()}
    assert {problem.split(".yaml")[0].removeprefix("data/worksheets/") for problem in problems} == files
    assert list(worksheets) == ["smallest"]


def test_a_yml_file_is_not_silently_ignored(tmp_path):
    (tmp_path / "thought-record.yml").write_text("id: thought-record\n", encoding="utf-8")
    assert load(tmp_path)[1] == [
        "data/worksheets/thought-record.yml: worksheet files end in .yaml; rename it to thought-record.yaml"]


def test_a_site_without_a_worksheets_folder_has_no_worksheets(tmp_path):
    assert load(tmp_path / "missing") == ({}, [])


# Whole builds: mistakes stop the build before anything is written.

def test_a_page_calling_an_unknown_worksheet_fails_naming_page_id_and_closest(tmp_path):
    project = copy_fixture_site("minimal", tmp_path)
    data = project / "data/worksheets"
    data.mkdir(parents=True)
    (data / "thought-record.yaml").write_text((REPO / "data/worksheets/thought-record.yaml").read_text())
    (project / "docs/index.md").write_text('# Home\n\n{{ worksheet("thought-recrd") }}\n')
    result = build_site(project, tmp_path / "out")
    assert_build_failed_with(result, "docs/index.md: unknown worksheet id 'thought-recrd'; did you mean 'thought-record'?")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.html"))


def test_a_broken_definition_fails_the_build_with_every_problem_listed(tmp_path):
    project = copy_fixture_site("minimal", tmp_path)
    data = project / "data/worksheets"
    data.mkdir(parents=True)
    for name in ("unknown-kind", "rating-ends-reversed"):
        (data / f"{MISTAKES[name]['file']}.yaml").write_text(MISTAKES[name]["source"])
    result = build_site(project, tmp_path / "out")
    assert not result.ok
    assert "2 problems in the site data; nothing was built:" in result.output
    for name in ("unknown-kind", "rating-ends-reversed"):
        assert f"  - {MISTAKES[name]['errors'][0]}" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_the_index_lists_worksheets_in_reading_order_and_unused_ones_last_without_a_link(tmp_path):
    project = copy_fixture_site("worksheet-pages", tmp_path)
    shutil.copytree(REPO / "data/worksheets", project / "data/worksheets")
    result = build_site(project, tmp_path / "out")
    assert result.ok, result.output
    soup = BeautifulSoup((tmp_path / "out/all/index.html").read_text(encoding="utf-8"), "html.parser")
    titles = [(item.select_one(".microsite-worksheet-index__title").name, item.select_one(".microsite-worksheet-index__title").get_text())
              for item in soup.select(".microsite-worksheet-index__item")]
    assert titles == [
        ("a", "Thought record"), ("a", "Trigger map"), ("a", "Values compass"),  # as the navigation meets them
        ("span", "Plan a calm talk"), ("span", "Gratitude log"), ("span", "Urge tracker"), ("span", "A self-compassion break"),
        ("span", "Find a therapist"),
    ]
    links = [a["href"] for a in soup.select("a.microsite-worksheet-index__title")]
    assert links == ["../#worksheet-thought-record", "../#worksheet-trigger-map", "../twice/#worksheet-values-compass"]
    assert "In the chapter “The same one twice”" in soup.select(".microsite-worksheet-index__item")[2].get_text()
    assert "In the chapter" not in soup.select(".microsite-worksheet-index__item")[3].get_text()


# The guide itself: the index, the chapters and the delete control.

def built_page(built_site, path: str) -> BeautifulSoup:
    return BeautifulSoup((built_site.site_dir / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_the_worksheets_page_links_each_worksheet_to_the_chapter_that_holds_it(built_site, guide_worksheets):
    items = built_page(built_site, "worksheets").select(".microsite-worksheet-index__item")
    assert len(items) == len(guide_worksheets)
    for item in items:
        link = item.select_one("a.microsite-worksheet-index__title")
        worksheet = next(w for w in guide_worksheets.values() if w.title == link.get_text())
        page, anchor = link["href"].split("#")
        assert page.startswith("../guide/") and anchor == f"worksheet-{worksheet.id}"
        chapter_soup = built_page(built_site, page.removeprefix("../"))
        assert chapter_soup.find("form", id=anchor)["data-worksheet-id"] == worksheet.id
        assert f"In the chapter “{chapter_soup.h1.get_text(strip=True)}”" in item.get_text()
        assert worksheet.purpose in item.get_text() and f"About {worksheet.minutes} minutes" in item.get_text()


def test_the_delete_all_control_explains_itself_without_a_script(built_site):
    for path in ("worksheets", "about"):
        control = built_page(built_site, path).select_one("[data-module=microsite-delete-answers]")
        assert "clear the data for this site" in control.select_one("[data-without-script]").get_text()
        assert control.select_one("[data-with-script]").has_attr("hidden")
        assert control.find("button").get_text() == "Delete all my answers on this device"


def test_a_caveat_comes_before_the_first_field_and_a_stepped_rating_has_its_points(tmp_path):
    soup = soup_of(render_worksheet(load_example("caveat-and-step", tmp_path), "worksheet-caveat-and-step"))
    caveat = soup.select_one(".microsite-worksheet__caveat")
    assert caveat["role"] == "note"
    assert caveat.get_text(" ", strip=True).startswith("Before you start Only do this with a partner who is safe")
    first_field = soup.select_one("[data-field]")
    assert caveat in first_field.find_all_previous("div")
    assert [radio["value"] for radio in soup.select("input[type=radio]")] == [str(point) for point in range(0, 101, 10)]


def test_the_index_follows_what_pages_show_not_what_their_markdown_mentions(tmp_path):
    """A call with keyword arguments counts; a call shown in a code sample does not."""
    project = copy_fixture_site("worksheet-pages", tmp_path)
    shutil.copytree(REPO / "data/worksheets", project / "data/worksheets")
    (project / "docs/index.md").write_text(
        "# How to add a worksheet\n\nWrite this in a chapter:\n\n"
        '```\n{% raw %}{{ worksheet("thought-record") }}{% endraw %}\n```\n'
    )
    (project / "docs/twice.md").write_text('# One with a keyword\n\n{{ worksheet(worksheet_id="values-compass") }}\n')
    result = build_site(project, tmp_path / "out")
    assert result.ok, result.output
    index = BeautifulSoup((tmp_path / "out/all/index.html").read_text(encoding="utf-8"), "html.parser")
    linked = {a.get_text(): a["href"] for a in index.select("a.microsite-worksheet-index__title")}
    assert linked == {"Values compass": "../twice/#worksheet-values-compass"}
    code = BeautifulSoup((tmp_path / "out/index.html").read_text(encoding="utf-8"), "html.parser").select_one("pre code")
    assert code.get_text().strip() == '{{ worksheet("thought-record") }}'
