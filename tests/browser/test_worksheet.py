"""Worksheets in Chromium, on the built guide's chapters (and on a small fixture
site for two worksheets on one page): filled with the keyboard, kept on the
device, cleared, exported, imported, printed, and never sent anywhere."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from axe_check import describe_violations, run_axe
from helpers import REPO, build_site, copy_fixture_site, serve_directory, site_path_prefix
from microsite.components.worksheet.model import KINDS, load_worksheets
from microsite.errors import ErrorList

SHAPES = {"short-text": "text", "long-text": "text", "date": "text", "numbered-list": "list",
          "rating": "one", "single-choice": "one", "checklist": "many", "table": "rows"}
DATE_TYPED, DATE_VALUE = "03142026", "2026-03-14"  # typed as an en-US reader types it
HOSTILE = "<script>alert(1)</script> and <b>x</b>"
BAD_FILE = "This file could not be used: it is not an answers file from this guide, or it is damaged. Nothing was changed."
NEWER_FILE = "This file was made by a newer version of this guide, so this page cannot read it. Nothing was changed."
GUIDE_WORKSHEETS = load_worksheets(REPO / "data/worksheets", str, ErrorList())
STORAGE_PREFIX = site_path_prefix(REPO / "mkdocs.yml") + "worksheet:"
SAVED = "Saved on this device"

NO_STORAGE = """Object.defineProperty(window, 'localStorage', {
  get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }});"""
FULL_STORAGE = """Storage.prototype.setItem = function () {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };"""
# Printing is stubbed: the test looks at the page as it would print instead.
STUB_PRINT = "window.print = () => { window.printed = (window.printed || 0) + 1; };"


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "en-US", "accept_downloads": True}


@pytest.fixture(scope="session")
def chapter_of(built_site) -> dict[str, str]:
    """Each worksheet id -> the path of the built chapter that holds it."""
    homes = {}
    for html in sorted(built_site.site_dir.rglob("index.html")):
        for form in BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select("form[data-worksheet-id]"):
            homes.setdefault(form["data-worksheet-id"], html.parent.relative_to(built_site.site_dir).as_posix() + "/")
    return homes


@pytest.fixture(scope="module")
def fixture_site_url(tmp_path_factory):
    """tests/fixtures/sites/worksheet-pages with the guide's worksheets, built and served."""
    root = tmp_path_factory.mktemp("worksheet-pages")
    project = copy_fixture_site("worksheet-pages", root)
    shutil.copytree(REPO / "data/worksheets", project / "data/worksheets")
    result = build_site(project, root / "site")
    assert result.ok, result.output
    server = serve_directory(result.site_dir, site_path_prefix(project / "mkdocs.yml"))
    yield server.base_url
    server.stop()


@pytest.fixture
def page_errors(page) -> list[str]:
    """Uncaught errors from our scripts (assets/microsite/microsite.js, which holds
    worksheet.js), and any dialog (an injected alert() would open one).

    Material's own scripts throw when storage is blocked; they are not ours to fix."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(error.stack) if "assets/microsite/" in (error.stack or "") else None)
    page.on("dialog", lambda dialog: (errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    return errors


def open_worksheet(page, site_url, chapter_of, worksheet_id: str):
    page.goto(site_url + chapter_of[worksheet_id])
    form = page.locator(f"form#worksheet-{worksheet_id}")
    expect(form).to_have_attribute("data-enhanced", "")
    return form


def stored(page, worksheet_id: str, prefix: str = STORAGE_PREFIX):
    text = page.evaluate("(key) => localStorage.getItem(key)", prefix + worksheet_id)
    return None if text is None else json.loads(text)


def status_of(form):
    return form.locator("[data-worksheet-status]")


def is_empty(value) -> bool:
    if isinstance(value, str):
        return not value.strip()
    return all(is_empty(item) for item in (value.values() if isinstance(value, dict) else value))


def answers_in(record: dict) -> dict:
    """The answers a stored or exported record holds, by field id; emptied fields left out."""
    return {field_id: entry["value"] for field_id, entry in record["fields"].items() if not is_empty(entry["value"])}


# Filling every kind of field with the keyboard, controls found by role and name.

@dataclass
class Filled:
    """What was entered in one field, and how to find its controls again."""

    field: object
    form: object

    def group(self):
        return self.form.get_by_role("group", name=self.field.label, exact=True)

    def textbox(self):
        return self.form.get_by_role("textbox", name=self.field.label, exact=True)


def type_in(page, control, text: str) -> None:
    control.focus()
    page.keyboard.type(text)


def press(page, control, key: str = "Space") -> None:
    control.focus()
    page.keyboard.press(key)


def answer_for(field) -> object:
    """A distinct answer for each kind of field."""
    match field.kind:
        case "short-text":
            return f"short {field.id}"
        case "long-text":
            return f"long {field.id}\nsecond line"
        case "date":
            return DATE_VALUE
        case "numbered-list":
            return [f"entry {n} of {field.id}" for n in range(1, field.entries + 1)]
        case "rating":  # the second point of its scale, which may go in steps
            return str(field.min + field.step)
        case "checklist":
            return [field.options[0], field.options[-1]]
        case "single-choice":
            return field.options[-1]
        case "table":  # the first row, and one more added with "Add a row"
            return {row: {column.id: f"{column.id} {row}" for column in field.columns} for row in (1, field.rows + 1)}


def fill_with_keyboard(page, filled: Filled, answer) -> None:
    field = filled.field
    if field.kind in ("short-text", "long-text"):
        first_line, *more_lines = answer.split("\n")
        type_in(page, filled.textbox(), first_line)
        for line in more_lines:  # Enter in a text area starts a new line
            page.keyboard.press("Enter")
            page.keyboard.type(line)
    elif field.kind == "date":
        type_in(page, filled.textbox(), DATE_TYPED)
    elif field.kind == "numbered-list":
        for number, text in enumerate(answer, start=1):
            type_in(page, filled.group().get_by_role("textbox", name=str(number), exact=True), text)
    elif field.kind == "rating":
        press(page, filled.group().get_by_role("radio", name=answer, exact=True))
    elif field.kind == "checklist":
        for option in answer:
            press(page, filled.group().get_by_role("checkbox", name=option, exact=True))
    elif field.kind == "single-choice":
        press(page, filled.group().get_by_role("radio", name=answer, exact=True))
    elif field.kind == "table":
        press(page, filled.group().get_by_role("button", name="Add a row"), "Enter")
        for row, cells in answer.items():
            row_group = filled.group().get_by_role("group", name=f"{field.row_label} {row}", exact=True)
            for column in field.columns:
                type_in(page, row_group.get_by_role("textbox", name=column.label, exact=True), cells[column.id])


def expect_answer(filled: Filled, answer) -> None:
    field = filled.field
    if field.kind in ("short-text", "long-text", "date"):
        expect(filled.textbox()).to_have_value(answer)
    elif field.kind == "numbered-list":
        for number, text in enumerate(answer, start=1):
            expect(filled.group().get_by_role("textbox", name=str(number), exact=True)).to_have_value(text)
    elif field.kind in ("rating", "single-choice", "checklist"):
        role = "checkbox" if field.kind == "checklist" else "radio"
        chosen = answer if isinstance(answer, list) else [answer]
        for control in filled.group().get_by_role(role).all():
            name = control.get_attribute("value")
            assert control.is_checked() == (name in chosen), f"{field.id}: {name}"
    elif field.kind == "table":
        for row, cells in answer.items():
            row_group = filled.group().get_by_role("group", name=f"{field.row_label} {row}", exact=True)
            for column in field.columns:
                expect(row_group.get_by_role("textbox", name=column.label, exact=True)).to_have_value(cells[column.id])


def test_the_worksheets_filled_below_use_every_kind_of_field():
    assert {field.kind for worksheet in GUIDE_WORKSHEETS.values() for field in worksheet.fields} == set(KINDS)


@pytest.mark.every_engine
@pytest.mark.parametrize("worksheet_id", sorted(GUIDE_WORKSHEETS))
def test_every_field_is_filled_with_the_keyboard_and_comes_back_after_a_reload(
    worksheet_id, page, site_url, chapter_of, page_errors
):
    worksheet = GUIDE_WORKSHEETS[worksheet_id]
    form = open_worksheet(page, site_url, chapter_of, worksheet_id)
    print_answers = form.get_by_role("button", name="Print with my answers")
    expect(print_answers).to_be_hidden()
    answers = {field.id: answer_for(field) for field in worksheet.fields}
    for field in worksheet.fields:
        fill_with_keyboard(page, Filled(field, form), answers[field.id])
    expect(status_of(form)).to_have_text(SAVED)
    expect(print_answers).to_be_visible()

    page.reload()
    form = page.locator(f"form#worksheet-{worksheet_id}")
    for field in worksheet.fields:
        expect_answer(Filled(field, form), answers[field.id])
    expect(print_answers).to_be_visible()
    record = stored(page, worksheet_id)
    assert set(answers_in(record)) == set(answers)
    for field in worksheet.fields:  # each answer with its shape, the definition's version and its time
        entry = record["fields"][field.id]
        assert (entry["shape"], entry["version"]) == (SHAPES[field.kind], worksheet.version), field.id
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT.+Z", entry["time"])
    assert page_errors == []


def test_what_was_typed_just_before_leaving_is_kept(page, site_url, chapter_of):
    form = open_worksheet(page, site_url, chapter_of, "thought-record")
    type_in(page, form.get_by_role("textbox", name="What happened?"), "Typed just now")
    page.reload()  # before the autosave delay is over: saved as the page goes away
    expect(page.get_by_role("textbox", name="What happened?")).to_have_value("Typed just now")


def test_after_a_definition_changes_answers_come_back_by_field_id_and_old_ones_are_kept(page, site_url, chapter_of):
    open_worksheet(page, site_url, chapter_of, "thought-record")
    old_record = {"version": 0, "updated": "2026-01-01T00:00:00Z", "answers": {"situation": "Kept", "removed-field": "Still here"}}
    page.evaluate("([key, record]) => localStorage.setItem(key, JSON.stringify(record))", [STORAGE_PREFIX + "thought-record", old_record])
    form = open_worksheet(page, site_url, chapter_of, "thought-record")
    expect(form.get_by_role("textbox", name="What happened?")).to_have_value("Kept")
    type_in(page, form.get_by_role("textbox", name="What did I feel?"), "Calmer")
    expect(status_of(form)).to_have_text(SAVED)
    record = stored(page, "thought-record")
    assert answers_in(record) == {"situation": "Kept", "removed-field": "Still here", "feeling": "Calmer"}
    # Migrated from format 1 with the record's version and time; the new answer has today's.
    assert record["fields"]["situation"] == {"version": 0, "time": "2026-01-01T00:00:00Z", "value": "Kept"}
    assert record["fields"]["feeling"]["version"] == GUIDE_WORKSHEETS["thought-record"].version


def test_a_worksheet_missing_a_part_says_so_and_stays_a_plain_form(page, site_url, chapter_of, page_errors):
    messages = []
    page.on("console", lambda message: messages.append(message.text) if message.type == "error" else None)
    # Remove the status line as the page is parsed, before worksheet.js runs.
    page.add_init_script("""new MutationObserver(() => document.querySelectorAll(
      'form[data-module] [data-worksheet-status]').forEach((el) => el.remove())).observe(document, {childList: true, subtree: true});""")
    page.goto(site_url + chapter_of["thought-record"])
    form = page.locator("form#worksheet-thought-record")
    expect(form.get_by_text("Answers are not saved on this page right now", exact=False)).to_be_visible()
    assert any(m.startswith("microsite-worksheet: #worksheet-thought-record has no status") for m in messages), messages
    type_in(page, form.get_by_role("textbox", name="What happened?"), "Still a form")
    expect(form.get_by_role("textbox", name="What happened?")).to_have_value("Still a form")
    expect(form.get_by_role("button", name="Clear answers")).to_be_hidden()
    assert page_errors == []


def test_tab_reaches_every_control_and_button_in_order(page, site_url, chapter_of):
    form = open_worksheet(page, site_url, chapter_of, "conversation-planner")
    form.get_by_role("textbox", name="What do I feel?").focus()
    visited = []
    while page.evaluate("document.activeElement.closest('form#worksheet-conversation-planner') !== null"):
        focused = page.evaluate("document.activeElement.id || document.activeElement.textContent.trim()")
        if not visited or visited[-1] != focused:  # Tab also steps through a date's day, month and year
            visited.append(focused)
        page.keyboard.press("Tab")
    controls = form.locator("[data-field-id]").evaluate_all("els => els.map(el => el.id)")
    assert [id_ for id_ in visited if id_ in controls] == controls  # every control, in reading order
    assert visited[-4:] == ["Print blank", "Clear answers", "Export all my answers", "worksheet-conversation-planner__import"]


def test_clearing_asks_first_and_can_be_cancelled(page, site_url, chapter_of):
    form = open_worksheet(page, site_url, chapter_of, "thought-record")
    situation = form.get_by_role("textbox", name="What happened?")
    type_in(page, situation, "A late reply")
    expect(status_of(form)).to_have_text(SAVED)
    clear = form.get_by_role("button", name="Clear answers")

    press(page, clear, "Enter")
    question = form.get_by_text("Clear every answer on this worksheet? This cannot be undone.")
    expect(question).to_be_focused()
    expect(clear).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(question).to_be_hidden()
    expect(clear).to_be_focused()
    press(page, clear, "Enter")
    press(page, form.get_by_role("button", name="No, keep them"), "Enter")
    expect(situation).to_have_value("A late reply")

    press(page, clear, "Enter")
    press(page, form.get_by_role("button", name="Yes, clear them"), "Enter")
    expect(situation).to_have_value("")
    expect(status_of(form)).to_have_text("Your answers to this worksheet were cleared.")
    expect(form.get_by_role("button", name="Print with my answers")).to_be_hidden()
    assert stored(page, "thought-record") is None
    page.reload()
    expect(page.get_by_role("textbox", name="What happened?")).to_have_value("")


def export_file(page, form, tmp_path: Path) -> dict:
    with page.expect_download() as download_info:
        press(page, form.get_by_role("button", name="Export all my answers"), "Enter")
    download = download_info.value
    assert re.fullmatch(r"worksheet-answers-\d{4}-\d{2}-\d{2}\.json", download.suggested_filename)
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.every_engine
def test_export_then_clear_then_import_brings_every_answer_back(page, site_url, chapter_of, tmp_path):
    planner = open_worksheet(page, site_url, chapter_of, "conversation-planner")
    type_in(page, planner.get_by_role("textbox", name="Where will we talk?"), "On a walk")
    expect(status_of(planner)).to_have_text(SAVED)
    # An answer to a field a later version of the worksheet no longer has.
    page.evaluate("""(key) => {
      const record = JSON.parse(localStorage.getItem(key));
      record.fields["old-field"] = {version: 0, time: "2026-01-01T00:00:00.000Z", value: "kept from version 0"};
      localStorage.setItem(key, JSON.stringify(record)); }""", STORAGE_PREFIX + "conversation-planner")
    form = open_worksheet(page, site_url, chapter_of, "thought-record")
    type_in(page, form.get_by_role("textbox", name="What happened?"), "A late reply")
    press(page, form.get_by_role("group", name="How strong was the feeling?").get_by_role("radio", name="7"))

    exported = export_file(page, form, tmp_path)
    assert exported["format"] == "microsite-worksheet-answers" and exported["formatVersion"] == 2
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT.+Z", exported["exported"])
    assert set(exported["worksheets"]) == {"conversation-planner", "thought-record"}
    record = exported["worksheets"]["thought-record"]
    assert {entry["version"] for entry in record["fields"].values()} == {GUIDE_WORKSHEETS["thought-record"].version}
    assert answers_in(record) == {"situation": "A late reply", "feeling-before": "7"}
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT.+Z", entry["time"]) for entry in record["fields"].values())
    assert answers_in(exported["worksheets"]["conversation-planner"])["old-field"] == "kept from version 0"

    press(page, form.get_by_role("button", name="Clear answers"), "Enter")
    press(page, form.get_by_role("button", name="Yes, clear them"), "Enter")
    page.evaluate("(key) => localStorage.removeItem(key)", STORAGE_PREFIX + "conversation-planner")
    expect(form.get_by_role("textbox", name="What happened?")).to_have_value("")

    form.get_by_label("Import answers from a file").set_input_files(tmp_path / next(tmp_path.glob("*.json")).name)
    expect(status_of(form)).to_have_text("Answers taken from the file: 4.")
    expect(form.get_by_role("textbox", name="What happened?")).to_have_value("A late reply")
    expect(form.get_by_role("group", name="How strong was the feeling?").get_by_role("radio", name="7")).to_be_checked()
    assert answers_in(stored(page, "conversation-planner")) == {"where": "On a walk", "old-field": "kept from version 0"}
    page.reload()
    expect(page.get_by_role("textbox", name="What happened?")).to_have_value("A late reply")


def answers_file(worksheets: dict) -> dict:
    return {"format": "microsite-worksheet-answers", "formatVersion": 1, "exported": "2026-01-01T00:00:00Z", "worksheets": worksheets}


def upload(form, name: str, content: str | bytes) -> None:
    buffer = content if isinstance(content, bytes) else content.encode()
    form.get_by_label("Import answers from a file").set_input_files({"name": name, "mimeType": "application/json", "buffer": buffer})


def test_import_adds_to_what_is_here_without_writing_over_newer_answers(page, site_url, chapter_of):
    form = open_worksheet(page, site_url, chapter_of, "trigger-map")
    roots = form.get_by_role("textbox", name="Where might these feelings come from?")
    calming = form.get_by_role("group", name="Things that help me calm down")
    type_in(page, roots, "Mine")
    type_in(page, calming.get_by_role("textbox", name="1", exact=True), "Breathe")
    upload(form, "answers.json", json.dumps(answers_file({"trigger-map": {"version": 1, "answers": {
        "roots": "Theirs",
        "calming": ["Walk", "Breathe", ""],
        "triggers": [{"trigger": "A late reply", "feeling": "Worried"}],
    }}})))
    expect(status_of(form)).to_have_text("Answers taken from the file: 1. Answers not changed, because yours here were newer: 2.")
    expect(roots).to_have_value("Mine")
    expect(calming.get_by_role("textbox", name="1", exact=True)).to_have_value("Breathe")
    expect(calming.get_by_role("textbox", name="2", exact=True)).to_have_value("")  # the whole list here is newer
    first_row = form.get_by_role("group", name="Trigger 1")
    expect(first_row.get_by_role("textbox", name="What set it off")).to_have_value("A late reply")


@pytest.mark.parametrize("content", [
    b"{this is not json",
    b"\x89PNG\r\n\x1a\n\x00\x00",
    json.dumps({"format": "something-else", "formatVersion": 1, "worksheets": {}}),
    json.dumps(answers_file({"thought-record": {"answers": {"situation": 42}}})),
    json.dumps(answers_file({"../thought-record": {"answers": {}}})),
    (json.dumps({**answers_file({}), "formatVersion": 99}), NEWER_FILE),
], ids=["not-json", "binary", "other-format", "wrong-value", "bad-id", "newer-format"])
def test_a_wrong_or_damaged_file_is_explained_and_changes_nothing(content, page, site_url, chapter_of):
    content, message = content if isinstance(content, tuple) else (content, BAD_FILE)
    form = open_worksheet(page, site_url, chapter_of, "thought-record")
    type_in(page, form.get_by_role("textbox", name="What happened?"), "Mine")
    expect(status_of(form)).to_have_text(SAVED)
    before = page.evaluate("JSON.stringify(localStorage)")
    upload(form, "answers.json", content)
    expect(status_of(form)).to_have_text(message)
    expect(status_of(form)).to_have_class(re.compile("is-error"))
    assert page.evaluate("JSON.stringify(localStorage)") == before
    expect(form.get_by_role("textbox", name="What happened?")).to_have_value("Mine")


def test_corrupt_saved_answers_leave_the_page_working_and_say_so(page, site_url, chapter_of, page_errors, tmp_path):
    open_worksheet(page, site_url, chapter_of, "thought-record")
    unreadable = {"thought-record": "{broken", "conversation-planner": json.dumps({"answers": {"where": ["x", 1]}})}
    for worksheet_id, text in unreadable.items():
        page.evaluate("([key, text]) => localStorage.setItem(key, text)", [STORAGE_PREFIX + worksheet_id, text])
    for worksheet_id, text in unreadable.items():
        form = open_worksheet(page, site_url, chapter_of, worksheet_id)
        note = form.get_by_text("Some answers saved on this device for this worksheet could not be read")
        expect(note).to_be_visible()
        textbox = form.get_by_role("textbox").first
        type_in(page, textbox, "new answer")
        expect(status_of(form)).to_have_text(SAVED)
        expect(note).to_be_visible()  # what could not be read is still kept, as it was
        record = stored(page, worksheet_id)
        assert "new answer" in json.dumps(record) and record["kept"] == text
    exported = export_file(page, form, tmp_path)
    assert {worksheet_id: exported["worksheets"][worksheet_id]["kept"] for worksheet_id in unreadable} == unreadable
    assert page_errors == []


@pytest.mark.parametrize("init_script", [NO_STORAGE, FULL_STORAGE], ids=["blocked", "full"])
def test_without_storage_the_form_works_and_says_answers_will_not_be_kept(init_script, page, site_url, chapter_of, page_errors, tmp_path):
    page.add_init_script(init_script)
    form = open_worksheet(page, site_url, chapter_of, "thought-record")
    expect(form.get_by_text("This browser is not letting this page save, so your answers will not be kept")).to_be_visible()
    type_in(page, form.get_by_role("textbox", name="What happened?"), "Still works")
    expect(status_of(form)).to_have_text("Not saved: this browser is not letting this page save")
    expect(form.get_by_role("button", name="Print with my answers")).to_be_visible()
    exported = export_file(page, form, tmp_path)  # a copy can still be kept
    assert answers_in(exported["worksheets"]["thought-record"]) == {"situation": "Still works"}
    assert page_errors == []


def test_two_worksheets_on_one_page_keep_separate_answers(page, fixture_site_url):
    page.goto(fixture_site_url)
    record = page.locator("form#worksheet-thought-record")
    triggers = page.locator("form#worksheet-trigger-map")
    type_in(page, record.get_by_role("textbox", name="What happened?"), "Only in the record")
    type_in(page, triggers.get_by_role("group", name="Trigger 1").get_by_role("textbox", name="What set it off"), "Only in the map")
    expect(status_of(triggers)).to_have_text(SAVED)
    expect(status_of(record)).to_have_text(SAVED)
    page.reload()
    expect(record.get_by_role("textbox", name="What happened?")).to_have_value("Only in the record")
    expect(triggers.get_by_role("group", name="Trigger 1").get_by_role("textbox", name="What set it off")).to_have_value("Only in the map")
    prefix = site_path_prefix(REPO / "tests/fixtures/sites/worksheet-pages/mkdocs.yml") + "worksheet:"
    assert answers_in(stored(page, "thought-record", prefix)) == {"situation": "Only in the record"}
    assert answers_in(stored(page, "trigger-map", prefix)) == {"triggers": [
        {"trigger": "Only in the map", "feeling": "", "old-reaction": "", "new-way": ""}, *[{"trigger": "", "feeling": "", "old-reaction": "", "new-way": ""}] * 2]}
    press(page, record.get_by_role("button", name="Clear answers"), "Enter")
    press(page, record.get_by_role("button", name="Yes, clear them"), "Enter")
    expect(triggers.get_by_role("group", name="Trigger 1").get_by_role("textbox", name="What set it off")).to_have_value("Only in the map")


def test_the_same_worksheet_twice_shows_the_same_answers_in_both(page, fixture_site_url):
    page.goto(fixture_site_url + "twice/")
    first, second = page.locator("form#worksheet-values-compass"), page.locator("form#worksheet-values-compass--2")
    goal = "A goal we could share, if I feel safe to suggest it"
    type_in(page, first.get_by_role("textbox", name=goal), "Cook together")
    expect(second.get_by_role("textbox", name=goal)).to_have_value("Cook together")
    value = lambda form: form.get_by_role("group", name="Value 1").get_by_role("textbox", name="The value, in my words")  # noqa: E731
    type_in(page, value(second), "Kindness")
    expect(value(first)).to_have_value("Kindness")
    expect(first.get_by_role("textbox", name=goal)).to_have_value("Cook together")


def test_markup_in_an_answer_stays_text_on_screen_and_in_print(page, fixture_site_url, page_errors):
    page.goto(fixture_site_url)
    record = page.locator("form#worksheet-thought-record")
    textboxes = [
        record.get_by_role("textbox", name="What happened?"),
        record.get_by_role("textbox", name="What did I feel?"),
        page.locator("form#worksheet-trigger-map").get_by_role("group", name="Trigger 1").get_by_role("textbox", name="What I felt"),
    ]
    for textbox in textboxes:
        type_in(page, textbox, HOSTILE)
    page.reload()
    for textbox in textboxes:
        expect(textbox).to_have_value(HOSTILE)
    page.emulate_media(media="print")
    copies = page.locator("[data-print-copy]:not(:empty)")
    expect(copies).to_have_count(3)
    for copy in copies.all():
        expect(copy).to_be_visible()
        assert copy.inner_text() == HOSTILE
    for textbox in textboxes:
        expect(textbox).to_be_hidden()
    assert page.locator("form script, form b").count() == 0
    assert page_errors == []


@pytest.mark.every_engine
def test_no_request_carries_an_answer(page, site_url, chapter_of, tmp_path):
    form = open_worksheet(page, site_url, chapter_of, "thought-record")
    page.wait_for_load_state("networkidle")
    requests = []
    page.on("request", lambda request: requests.append(request))
    secret = "only-on-this-device-1234"
    type_in(page, form.get_by_role("textbox", name="What happened?"), secret)
    press(page, form.get_by_role("group", name="How strong was the feeling?").get_by_role("radio", name="3"))
    expect(status_of(form)).to_have_text(SAVED)
    export_file(page, form, tmp_path)
    page.reload()
    for request in requests:
        assert request.method == "GET" and not request.post_data, request.url
        assert secret not in request.url and "situation" not in request.url


def test_print_buttons_print_this_worksheet_blank_or_with_answers(page, site_url, chapter_of):
    page.add_init_script(STUB_PRINT)
    form = open_worksheet(page, site_url, chapter_of, "thought-record")
    situation = form.get_by_role("textbox", name="What happened?")
    type_in(page, situation, "A late reply")
    press(page, form.get_by_role("group", name="How strong was the feeling?").get_by_role("radio", name="7"))
    copy = form.locator("[data-print-copy]").first

    press(page, form.get_by_role("button", name="Print blank"), "Enter")
    assert page.evaluate("window.printed") == 1
    page.emulate_media(media="print")
    expect(page.locator("h1")).to_be_hidden()  # the rest of the chapter is not printed
    expect(form).to_be_hidden()
    blank = page.locator("form[data-blank-copy]")
    expect(blank.get_by_text("Thought record", exact=True)).to_be_visible()
    expect(blank.get_by_text("What happened?", exact=True)).to_be_visible()
    assert "A late reply" not in blank.evaluate("el => el.textContent + [...el.querySelectorAll('textarea, input')].map(c => c.value).join()")
    assert blank.locator("[id], [data-answered], [data-print-copy], :checked").count() == 0

    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    expect(blank).to_have_count(0)
    page.emulate_media(media="screen")
    press(page, form.get_by_role("button", name="Print with my answers"), "Enter")
    page.emulate_media(media="print")
    expect(copy).to_have_text("A late reply")
    expect(copy).to_be_visible()
    expect(situation).to_be_hidden()

    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    expect(page.locator("h1")).to_be_visible()  # printing the page from the browser prints it all


def test_printing_keeps_labels_and_gives_empty_fields_writing_space(page, site_url, chapter_of):
    form = open_worksheet(page, site_url, chapter_of, "self-compassion-break")
    page.emulate_media(media="print")
    for label in ("What is hurting right now?", "A short, kind letter to myself"):
        expect(form.get_by_text(label, exact=True)).to_be_visible()
    expect(form.get_by_text("Write as a caring friend would.", exact=False)).to_be_visible()
    letter = form.get_by_role("textbox", name="A short, kind letter to myself")
    style = letter.evaluate("el => ({image: getComputedStyle(el).backgroundImage, height: el.getBoundingClientRect().height, line: parseFloat(getComputedStyle(el).lineHeight)})")
    assert "repeating-linear-gradient" in style["image"]
    assert style["height"] >= 8 * style["line"] - 1  # `lines: 8` ruled lines
    for hidden in ("Print blank", "Clear answers", "Export all my answers"):
        expect(form.get_by_role("button", name=hidden)).to_be_hidden()
    assert form.evaluate("el => getComputedStyle(el).breakBefore") == "page"
    assert form.locator("[data-field]").first.evaluate("el => getComputedStyle(el).breakInside") == "avoid"


@pytest.mark.every_engine
def test_delete_all_removes_every_worksheets_answers_after_asking(page, site_url, chapter_of):
    for worksheet_id, label in (("thought-record", "What happened?"), ("gratitude-log", "At the end of the week, what did you notice?")):
        form = open_worksheet(page, site_url, chapter_of, worksheet_id)
        type_in(page, form.get_by_role("textbox", name=label), "Something")
        expect(status_of(form)).to_have_text(SAVED)
    page.evaluate("localStorage.setItem('unrelated', 'stays')")
    page.goto(site_url + "worksheets/")
    control = page.locator("[data-module=microsite-delete-answers]")
    expect(control.get_by_text("clear the data for this site", exact=False)).to_be_hidden()
    press(page, control.get_by_role("button", name="Delete all my answers on this device"), "Enter")
    expect(control.get_by_text("Delete your answers to every worksheet on this device?", exact=False)).to_be_focused()
    press(page, control.get_by_role("button", name="Yes, delete them all"), "Enter")
    expect(control.locator("[data-worksheet-status]")).to_have_text("All your worksheet answers were deleted from this device.")
    keys = page.evaluate("Object.keys(localStorage)")
    assert [key for key in keys if key.startswith(STORAGE_PREFIX)] == [] and "unrelated" in keys


def test_without_javascript_the_form_is_complete_and_explains_saving(browser, site_url, chapter_of):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + chapter_of["thought-record"])
    form = page.locator("form#worksheet-thought-record")
    expect(form.get_by_text("Answers are not saved on this page right now", exact=False)).to_be_visible()
    expect(form.get_by_role("button", name="Clear answers")).to_be_hidden()
    form.get_by_role("textbox", name="What happened?").fill("Typed without a script")
    form.get_by_role("textbox", name="What did I feel?").press("Enter")  # submitting goes nowhere
    expect(form.get_by_role("textbox", name="What happened?")).to_have_value("Typed without a script")
    assert "?" not in page.url
    page.goto(site_url + "worksheets/")
    expect(page.get_by_text("clear the data for this site", exact=False)).to_be_visible()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_in_any_state_of_a_worksheet(scheme, page, site_url, chapter_of):
    page.emulate_media(color_scheme=scheme)
    form = open_worksheet(page, site_url, chapter_of, "trigger-map")
    press(page, form.get_by_role("button", name="Add a row"), "Enter")
    page.keyboard.type("Typed")
    press(page, form.get_by_role("button", name="Clear answers"), "Enter")
    upload(form, "answers.json", b"not an answers file")
    expect(status_of(form)).to_have_text(BAD_FILE)
    violations = run_axe(page)
    assert violations == [], describe_violations(violations)


def test_a_worksheet_fits_a_320_px_screen_without_sideways_scrolling(page, site_url, chapter_of):
    page.set_viewport_size({"width": 320, "height": 640})
    for worksheet_id in ("trigger-map", "thought-record"):
        open_worksheet(page, site_url, chapter_of, worksheet_id)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, worksheet_id
