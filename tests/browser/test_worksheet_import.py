"""Importing answers in Chromium: the newer answer wins field by field, with a
summary that says what came in, what was newer here and what was set aside;
limits that follow what storage can hold; big tables that import and show
every row; files that could never come from this guide refused in one plain
sentence, with nothing changed."""

from __future__ import annotations

import io
import json

from playwright.sync_api import expect
from pypdf import PdfReader

from browser.test_worksheet import (  # noqa: F401  (chapter_of, page_errors and browser_context_args are fixtures)
    BAD_FILE,
    GUIDE_WORKSHEETS,
    SAVED,
    STORAGE_PREFIX,
    answers_in,
    browser_context_args,
    chapter_of,
    export_file,
    open_worksheet,
    page_errors,
    press,
    status_of,
    stored,
    type_in,
    upload,
)

LATER, EARLIER = "2999-01-01T00:00:00.000Z", "2001-01-01T00:00:00.000Z"
TRIGGER_COLUMNS = ("trigger", "feeling", "old-reaction", "new-way")


def answers_file(worksheets: dict) -> bytes:
    return json.dumps({"format": "microsite-worksheet-answers", "formatVersion": 2,
                       "exported": "2026-01-01T00:00:00.000Z", "worksheets": worksheets}).encode()


def entry(shape: str, value, time: str = EARLIER, version: int = 1) -> dict:
    return {"shape": shape, "version": version, "time": time, "value": value}


def table(rows: int) -> list[dict]:
    return [{column: f"{column} {row}" for column in TRIGGER_COLUMNS} for row in range(1, rows + 1)]


def storage(page) -> str:
    return page.evaluate("JSON.stringify(localStorage)")


def select_all_and_type(page, control, text: str) -> None:
    control.focus()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.press("Delete")
    if text:
        page.keyboard.type(text)


def test_an_older_export_brings_back_nothing_changed_emptied_or_unticked_since(page, site_url, chapter_of, tmp_path):
    planner = open_worksheet(page, site_url, chapter_of, "conversation-planner")
    ready = planner.get_by_role("group", name="Before I start").get_by_role("checkbox").first
    press(page, ready)
    expect(status_of(planner)).to_have_text(SAVED)
    form = open_worksheet(page, site_url, chapter_of, "thought-record")
    situation, feeling = form.get_by_role("textbox", name="What happened?"), form.get_by_role("textbox", name="What did I feel?")
    type_in(page, situation, "First version")
    type_in(page, feeling, "Sad")
    expect(status_of(form)).to_have_text(SAVED)
    older = export_file(page, form, tmp_path)

    select_all_and_type(page, situation, "Second version")
    select_all_and_type(page, feeling, "")  # emptied on purpose
    expect(status_of(form)).to_have_text(SAVED)
    planner = open_worksheet(page, site_url, chapter_of, "conversation-planner")
    press(page, ready)  # unticked on purpose
    expect(status_of(planner)).to_have_text(SAVED)

    upload(planner, "older.json", json.dumps(older))
    expect(status_of(planner)).to_have_text("Answers taken from the file: 0. Answers not changed, because yours here were newer: 3.")
    expect(ready).not_to_be_checked()
    form = open_worksheet(page, site_url, chapter_of, "thought-record")
    expect(situation).to_have_value("Second version")
    expect(feeling).to_have_value("")


def test_the_newer_answer_wins_field_by_field_and_the_summary_says_which(page, site_url, chapter_of):
    form = open_worksheet(page, site_url, chapter_of, "thought-record")
    situation, feeling = form.get_by_role("textbox", name="What happened?"), form.get_by_role("textbox", name="What did I feel?")
    type_in(page, situation, "Mine, older than the file's")
    type_in(page, feeling, "Mine, newer than the file's")
    expect(status_of(form)).to_have_text(SAVED)
    upload(form, "answers.json", answers_file({"thought-record": {"format": 2, "fields": {
        "situation": entry("text", "From the file", LATER),
        "feeling": entry("text", "Older, from the file", EARLIER),
        "friend": entry("text", "Only in the file", EARLIER),
    }}}))
    expect(status_of(form)).to_have_text("Answers taken from the file: 2. Answers not changed, because yours here were newer: 1.")
    expect(situation).to_have_value("From the file")
    expect(feeling).to_have_value("Mine, newer than the file's")
    expect(form.get_by_role("textbox", name="What would I tell a friend who had this thought?")).to_have_value("Only in the file")
    assert stored(page, "thought-record")["fields"]["situation"]["time"] == LATER  # the time travels with the answer


def test_parts_of_a_file_this_page_cannot_read_are_set_aside_and_kept_text_is_kept(page, site_url, chapter_of):
    form = open_worksheet(page, site_url, chapter_of, "thought-record")
    upload(form, "answers.json", answers_file({
        "thought-record": {"format": 2, "fields": {"feeling": entry("text", "Calm")}, "kept": "{damaged on another device"},
        "trigger-map": {"format": 3, "rows": [["anything a newer guide writes"]]},
    }))
    expect(status_of(form)).to_have_text(
        "Answers taken from the file: 1. Parts of the file set aside, because this page cannot read them: 1. The file still has them.")
    assert stored(page, "thought-record")["kept"] == "{damaged on another device"
    assert stored(page, "trigger-map") is None
    expect(form.get_by_text("Some answers saved on this device for this worksheet could not be read")).to_be_visible()


def test_a_5000_row_table_imports_and_every_row_is_shown(page, site_url, chapter_of):
    form = open_worksheet(page, site_url, chapter_of, "trigger-map")
    upload(form, "answers.json", answers_file({"trigger-map": {"format": 2, "fields": {"triggers": entry("rows", table(5000))}}}))
    expect(status_of(form)).to_have_text("Answers taken from the file: 1.", timeout=30_000)
    for _ in range(2):  # after the import, and after a reload
        rows = form.locator("[data-row]")
        expect(rows).to_have_count(5000, timeout=30_000)  # not a timing test: scripts/bench_worksheet_import.py is
        last = form.get_by_role("group", name="Trigger 5000", exact=True)
        expect(last.get_by_role("textbox", name="A new way to cope")).to_have_value("new-way 5000")
        expect(form.get_by_role("button", name="Add a row")).to_be_hidden()  # a table holds 5,000 rows at most
        page.reload()
        form = page.locator("form#worksheet-trigger-map")
        expect(form).to_have_attribute("data-enhanced", "", timeout=30_000)


def test_a_table_longer_than_this_guide_keeps_is_refused_in_a_plain_sentence(page, site_url, chapter_of):
    form = open_worksheet(page, site_url, chapter_of, "trigger-map")
    before = storage(page)
    upload(form, "answers.json", answers_file({"trigger-map": {"format": 2, "fields": {"triggers": entry("rows", table(5001))}}}))
    expect(status_of(form)).to_have_text('This file could not be used: the answer “triggers” in the worksheet “trigger-map” '
                                         "is longer than this guide can keep. Nothing was changed.")
    assert storage(page) == before


def test_a_deeply_nested_file_is_refused_without_breaking_the_page(page, site_url, chapter_of, page_errors):
    form = open_worksheet(page, site_url, chapter_of, "thought-record")
    before = storage(page)
    deep = "[" * 200_000 + "]" * 200_000
    for content in (
        '{"format": "microsite-worksheet-answers", "formatVersion": 1, "worksheets": {"thought-record": {"version": %s, "answers": {}}}}' % deep,
        '{"format": "microsite-worksheet-answers", "formatVersion": 2, "worksheets": {"thought-record": {"format": 2, "fields": %s}}}' % deep,
    ):
        upload(form, "answers.json", content)
        expect(status_of(form)).to_have_text(BAD_FILE)
        assert storage(page) == before
        page.evaluate("document.querySelector('form#worksheet-thought-record [data-worksheet-status]').textContent = ''")
    type_in(page, form.get_by_role("textbox", name="What happened?"), "Still works")
    expect(status_of(form)).to_have_text(SAVED)
    assert page_errors == []


def test_a_file_larger_than_any_export_of_this_guide_is_refused_unread(page, site_url, chapter_of, tmp_path):
    form = open_worksheet(page, site_url, chapter_of, "thought-record")
    too_large = tmp_path / "answers.json"
    too_large.write_bytes(b" " * 31_500_001)  # 6 bytes for each of 5.25 M stored characters, and one more
    form.get_by_label("Import answers from a file").set_input_files(too_large)
    expect(status_of(form)).to_have_text("This file could not be used: it is larger than any answers file from this guide can be. Nothing was changed.")


# One text field of each worksheet in the guide, grown in turn until storage
# refuses even a little more: the largest export the guide can make. The text
# takes 3 bytes a character in the file.
FILL_WITH_ANSWERS = """([prefix, fields]) => {
  const record = (field, length) => JSON.stringify({format: 2, fields: {[field]: {
    shape: "text", version: 1, time: "2026-01-01T00:00:00.000Z", value: "界".repeat(length)}}});
  const lengths = Object.fromEntries(Object.keys(fields).map((id) => [id, 0]));
  let step = 1 << 18, turn = 0;
  while (step >= 1) {
    const id = Object.keys(fields)[turn % Object.keys(fields).length];
    try { localStorage.setItem(prefix + id, record(fields[id], lengths[id] + step)); lengths[id] += step; turn += 1; }
    catch (error) { if (error.name !== "QuotaExceededError") throw error; step = Math.floor(step / 2); }
  }
  return Object.values(lengths).reduce((a, b) => a + b, 0);
}"""


def test_the_largest_export_this_guide_can_make_imports_again(page, site_url, chapter_of, tmp_path):
    form = open_worksheet(page, site_url, chapter_of, "thought-record")
    text_fields = {worksheet.id: next(field.id for field in worksheet.fields if field.kind == "long-text")
                   for worksheet in GUIDE_WORKSHEETS.values() if any(field.kind == "long-text" for field in worksheet.fields)}
    characters = page.evaluate(FILL_WITH_ANSWERS, [STORAGE_PREFIX, text_fields])
    assert characters > 4_000_000  # storage is full of answers
    form = open_worksheet(page, site_url, chapter_of, "thought-record")
    exported = export_file(page, form, tmp_path)
    path = next(tmp_path.glob("*.json"))
    assert path.stat().st_size > 12_000_000  # far beyond the 2 MB the page used to accept
    records_before = {worksheet_id: stored(page, worksheet_id) for worksheet_id in text_fields}
    assert exported["worksheets"] == records_before

    page.evaluate("(prefix) => Object.keys(localStorage).filter((key) => key.startsWith(prefix)).forEach((key) => localStorage.removeItem(key))",
                  STORAGE_PREFIX)
    form = open_worksheet(page, site_url, chapter_of, "thought-record")
    form.get_by_label("Import answers from a file").set_input_files(path)
    expect(status_of(form)).to_have_text(f"Answers taken from the file: {len(text_fields)}.", timeout=30_000)
    assert {worksheet_id: stored(page, worksheet_id) for worksheet_id in text_fields} == records_before
    expect(form.get_by_role("textbox", name="What happened?")).to_have_value("界" * len(records_before["thought-record"]["fields"]["situation"]["value"]))


def test_a_long_table_prints_every_row(page, site_url, chapter_of):
    """Rows out of sight are not laid out on screen; on paper every one is."""
    form = open_worksheet(page, site_url, chapter_of, "trigger-map")
    upload(form, "answers.json", answers_file({"trigger-map": {"format": 2, "fields": {"triggers": entry("rows", table(60))}}}))
    expect(status_of(form)).to_have_text("Answers taken from the file: 1.")
    text = " ".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(page.pdf())).pages)
    for row in (1, 21, 60):
        assert f"new-way {row}" in text, row
