"""Worksheets whose definitions change between two visits, in Chromium: the
fixture site is built twice (the guide's worksheets, then changed ones) and
served at one address, so the reader's storage carries over. An answer that no
longer fits its field is never erased: it is kept, exported and shown beside
the field as "Your earlier answer" until the reader removes it."""

from __future__ import annotations

import json
import shutil
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from axe_check import describe_violations, run_axe
from browser.test_worksheet import (  # noqa: F401  (chapter_of and browser_context_args are fixtures)
    SAVED,
    STORAGE_PREFIX,
    answers_in,
    browser_context_args,
    chapter_of,
    export_file,
    open_worksheet,
    press,
    status_of,
    type_in,
)
from helpers import REPO, build_site, copy_fixture_site, edit_yaml, serve_directory, site_path_prefix

EARLIER = "Your earlier answer"


def fields_by_id(data: dict) -> dict:
    return {field["id"]: field for field in data["fields"]}


def change_thought_record(data: dict) -> None:
    data["version"] += 1
    fields = fields_by_id(data)
    fields["situation"].update(kind="numbered-list", entries=3)  # its kind (and shape) changed
    del fields["situation"]["lines"]
    fields["feeling-before"]["max"] = 5  # its scale narrowed


def change_trigger_map(data: dict) -> None:
    data["version"] += 1
    fields = fields_by_id(data)
    fields["calming"]["entries"] = 2  # a shorter list
    fields["triggers"]["columns"].pop()  # a column removed
    fields["roots"]["kind"] = "short-text"  # one line only
    del fields["roots"]["lines"]


def change_values_compass(data: dict) -> None:
    data["version"] += 1
    fields = fields_by_id(data)
    fields["top-value"]["options"][1] = "Being kind"  # an option reworded
    fields["shared-goals"]["options"][1] = "Say thanks every day."


FROZEN_WORKSHEETS = REPO / "tests/fixtures/changing-worksheets"
CHANGES = {"thought-record": change_thought_record, "trigger-map": change_trigger_map, "values-compass": change_values_compass}


@pytest.fixture(scope="module")
def changing_site(tmp_path_factory):
    """tests/fixtures/sites/worksheet-pages built before and after CHANGES;
    `show("before" | "after")` serves one build or the other at the same address."""
    root = tmp_path_factory.mktemp("changing-worksheets")
    builds = {}
    for name in ("before", "after"):
        project = copy_fixture_site("worksheet-pages", root / name)
        shutil.copytree(REPO / "data/worksheets", project / "data/worksheets")
        # The three worksheets CHANGES edits, as the tests know them: the
        # guide's own may be reworded at any time.
        for definition in FROZEN_WORKSHEETS.glob("*.yaml"):
            shutil.copy(definition, project / "data/worksheets" / definition.name)
        if name == "after":
            for worksheet_id, change in CHANGES.items():
                edit_yaml(project / f"data/worksheets/{worksheet_id}.yaml", change)
        result = build_site(project, root / name / "site")
        assert result.ok, result.output
        builds[name] = result.site_dir
    served = root / "served"

    def show(name: str) -> None:
        served.unlink(missing_ok=True)
        served.symlink_to(builds[name], target_is_directory=True)

    show("before")
    server = serve_directory(served, site_path_prefix(project / "mkdocs.yml"))
    yield SimpleNamespace(url=server.base_url, show=show)
    server.stop()
    show("before")


def group(form, label):
    return form.get_by_role("group", name=label, exact=True)


def earlier_in(field):
    """The "Your earlier answer" blocks beside a field, by their text."""
    return field.locator("[data-earlier-answer]")


def fill_before(page, site):
    """Answers to the fields CHANGES will change, and one that stays as it is."""
    site.show("before")
    page.goto(site.url)
    record, triggers = page.locator("form#worksheet-thought-record"), page.locator("form#worksheet-trigger-map")
    type_in(page, record.get_by_role("textbox", name="What happened?"), "My partner was late")
    press(page, group(record, "How strong was the feeling?").get_by_role("radio", name="8", exact=True))
    type_in(page, record.get_by_role("textbox", name="What did I feel?"), "Worried")
    for number, text in enumerate(["Walk", "Breathe", "Call a friend"], start=1):
        type_in(page, group(triggers, "Things that help me calm down").get_by_role("textbox", name=str(number), exact=True), text)
    type_in(page, group(triggers, "Trigger 1").get_by_role("textbox", name="A new way to cope"), "Ask calmly")
    roots = triggers.get_by_role("textbox", name="Where might these feelings come from?")
    type_in(page, roots, "An old relationship")
    page.keyboard.press("Enter")
    page.keyboard.type("Moving a lot as a child")
    expect(status_of(triggers)).to_have_text(SAVED)
    expect(status_of(record)).to_have_text(SAVED)
    page.goto(site.url + "twice/")
    compass = page.locator("form#worksheet-values-compass")
    press(page, group(compass, "Which of these matters most to me?").get_by_role("radio", name="Kindness"))
    press(page, group(compass, "Goals we could share").get_by_role("checkbox", name="Say thank you for something every day."))
    expect(status_of(compass)).to_have_text(SAVED)


def answered_then_changed(page, site):
    """The answers of fill_before, then the page as the changed worksheets show it."""
    fill_before(page, site)
    site.show("after")
    page.goto(site.url)
    page.reload()  # the address is the same: make sure the new build is shown


def test_answers_that_no_longer_fit_a_changed_worksheet_are_kept_shown_and_exported(page, changing_site, tmp_path):
    answered_then_changed(page, changing_site)
    record, triggers = page.locator("form#worksheet-thought-record"), page.locator("form#worksheet-trigger-map")
    expect(record.get_by_role("textbox", name="What did I feel?")).to_have_value("Worried")  # unchanged field, unchanged answer
    expected = {
        group(record, "What happened?"): "My partner was late",
        group(record, "How strong was the feeling?"): "8",
        group(triggers, "Things that help me calm down"): "Walk\nBreathe\nCall a friend",
        group(triggers, "My triggers"): "new-way: Ask calmly",
        triggers.locator("[data-field=roots]"): "An old relationship\nMoving a lot as a child",
    }
    for field, text in expected.items():
        blocks = earlier_in(field)
        expect(blocks).to_have_count(1)
        expect(blocks.get_by_text(EARLIER, exact=True)).to_be_visible()
        assert blocks.locator("[data-earlier-text]").inner_text() == text
    # The fields themselves start empty: nothing that does not fit is forced in.
    expect(group(record, "How strong was the feeling?").locator(":checked")).to_have_count(0)
    expect(group(record, "What happened?").get_by_role("textbox", name="1", exact=True)).to_have_value("")
    # Copying in is offered where the field takes one text.
    expect(earlier_in(group(record, "What happened?")).get_by_role("button", name="Copy it into the answer")).to_be_hidden()
    expect(earlier_in(triggers.locator("[data-field=roots]")).get_by_role("button", name="Copy it into the answer")).to_be_visible()

    page.goto(changing_site.url + "twice/")
    for form_id in ("worksheet-values-compass", "worksheet-values-compass--2"):
        compass = page.locator(f"form#{form_id}")
        expect(earlier_in(group(compass, "Which of these matters most to me?")).locator("[data-earlier-text]")).to_have_text("Kindness")
        expect(earlier_in(group(compass, "Goals we could share")).locator("[data-earlier-text]")).to_have_text("Say thank you for something every day.")

    exported = export_file(page, page.locator("form#worksheet-values-compass"), tmp_path)["worksheets"]
    assert answers_in(exported["thought-record"]) == {"situation": "My partner was late", "feeling-before": "8", "feeling": "Worried"}
    assert answers_in(exported["values-compass"]) == {"top-value": "Kindness", "shared-goals": ["Say thank you for something every day."]}
    assert exported["trigger-map"]["fields"]["calming"]["value"] == ["Walk", "Breathe", "Call a friend"]


def test_answering_a_changed_field_keeps_the_earlier_answer_until_the_reader_removes_it(page, changing_site):
    answered_then_changed(page, changing_site)
    record = page.locator("form#worksheet-thought-record")
    situation = group(record, "What happened?")
    type_in(page, situation.get_by_role("textbox", name="1", exact=True), "They were late")
    expect(status_of(record)).to_have_text(SAVED)
    page.reload()
    expect(situation.get_by_role("textbox", name="1", exact=True)).to_have_value("They were late")
    expect(earlier_in(situation).locator("[data-earlier-text]")).to_have_text("My partner was late")
    stored = page.evaluate("() => Object.entries(localStorage).find(([key]) => key.endsWith('worksheet:thought-record'))[1]")
    entry = json.loads(stored)["fields"]["situation"]
    assert (entry["shape"], entry["version"], entry["value"]) == ("list", 2, ["They were late", "", ""])
    assert [(old["shape"], old["version"], old["value"]) for old in entry["earlier"]] == [("text", 1, "My partner was late")]

    press(page, earlier_in(situation).get_by_role("button", name="Remove it"), "Enter")
    expect(earlier_in(situation)).to_have_count(0)
    expect(situation.get_by_role("textbox", name="1", exact=True)).to_be_focused()
    expect(situation.get_by_role("textbox", name="1", exact=True)).to_have_value("They were late")
    page.reload()
    expect(earlier_in(situation)).to_have_count(0)
    # Removing one earlier answer leaves the others.
    expect(earlier_in(group(record, "How strong was the feeling?"))).to_have_count(1)


def test_an_earlier_answer_can_be_copied_into_a_text_field(page, changing_site):
    answered_then_changed(page, changing_site)
    roots_field = page.locator("form#worksheet-trigger-map [data-field=roots]")
    roots = roots_field.get_by_role("textbox", name="Where might these feelings come from?")
    expect(roots).to_have_value("")
    press(page, earlier_in(roots_field).get_by_role("button", name="Copy it into the answer"), "Enter")
    expect(roots).to_have_value("An old relationship Moving a lot as a child")  # one line holds no line break
    expect(roots).to_be_focused()
    expect(status_of(page.locator("form#worksheet-trigger-map"))).to_have_text(SAVED)
    page.reload()
    expect(roots).to_have_value("An old relationship Moving a lot as a child")
    expect(earlier_in(roots_field)).to_have_count(1)  # kept until the reader removes it


def test_a_record_from_a_newer_format_is_kept_exported_and_not_overwritten(page, changing_site, tmp_path):
    changing_site.show("before")
    page.goto(changing_site.url)
    newer = {"format": 3, "answers": [{"field": "situation", "text": "Written by a newer guide"}]}
    prefix = site_path_prefix(REPO / "tests/fixtures/sites/worksheet-pages/mkdocs.yml") + "worksheet:"
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [prefix + "thought-record", json.dumps(newer)])
    page.reload()
    record = page.locator("form#worksheet-thought-record")
    note = record.get_by_text("Some answers saved on this device for this worksheet could not be read")
    expect(note).to_be_visible()
    type_in(page, record.get_by_role("textbox", name="What did I feel?"), "Calm")
    expect(status_of(record)).to_have_text(SAVED)
    saved = json.loads(page.evaluate("(key) => localStorage.getItem(key)", prefix + "thought-record"))
    assert json.loads(saved["kept"]) == newer and answers_in(saved) == {"feeling": "Calm"}
    page.reload()
    expect(note).to_be_visible()
    exported = export_file(page, record, tmp_path)["worksheets"]["thought-record"]
    assert json.loads(exported["kept"]) == newer and answers_in(exported) == {"feeling": "Calm"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_beside_earlier_answers(scheme, page, site_url, chapter_of):
    page.emulate_media(color_scheme=scheme)
    open_worksheet(page, site_url, chapter_of, "thought-record")
    record = {"format": 2, "fields": {
        "situation": {"shape": "list", "version": 0, "time": "2026-01-01T00:00:00.000Z", "value": ["Late", "No reply"]},
        "feeling-before": {"shape": "one", "version": 0, "time": "2026-01-01T00:00:00.000Z", "value": "15"}}}
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [STORAGE_PREFIX + "thought-record", json.dumps(record)])
    form = open_worksheet(page, site_url, chapter_of, "thought-record")
    expect(form.get_by_text(EARLIER, exact=True)).to_have_count(2)
    violations = run_axe(page)
    assert violations == [], describe_violations(violations)
