"""Worksheet storage in Chromium, with real localStorage: two tabs writing at
once, deletions reaching every open tab, storage filled by another site on the
same origin, and deletes the browser does not carry out. Every message must
tell the truth about what storage holds."""

from __future__ import annotations

import json

from playwright.sync_api import expect

from helpers import REPO, site_path_prefix

from browser.test_worksheet import (  # noqa: F401  (chapter_of, fixture_site_url and browser_context_args are fixtures)
    SAVED,
    STORAGE_PREFIX,
    answers_in,
    browser_context_args,
    chapter_of,
    export_file,
    fixture_site_url,
    open_worksheet,
    press,
    status_of,
    stored,
    type_in,
)

NOT_SAVED = "Not saved: this browser is not letting this page save"
# In this tab the autosave waits until the test runs it: the reader is still typing.
HOLD_SAVES = """(() => {
  const realSetTimeout = window.setTimeout;
  window.heldSaves = [];
  window.setTimeout = (callback, delay, ...rest) =>
    delay === 500 ? (window.heldSaves.push(callback), -1) : realSetTimeout(callback, delay, ...rest);
  window.runHeldSaves = () => window.heldSaves.splice(0).forEach((callback) => callback());
})();"""
# Another site on the same origin (GitHub Pages project sites share one) fills
# the storage quota: large values first, then smaller ones, until not one more
# character fits.
FILL_STORAGE = """() => {
  let size = 1 << 20, count = 0;
  while (size >= 1) {
    try { localStorage.setItem(`other-site-${count}`, "x".repeat(size)); count += 1; }
    catch (error) { if (error.name !== "QuotaExceededError") throw error; size = Math.floor(size / 2); }
  }
  return count;
}"""
# Deleting silently does nothing, as a broken or locked-down browser might.
REMOVE_DOES_NOTHING = "Storage.prototype.removeItem = function () {};"


def two_tabs(context, site_url, chapter_of, worksheet_id="thought-record", hold_second=False):
    first, second = context.new_page(), context.new_page()
    if hold_second:
        second.add_init_script(HOLD_SAVES)
    return [(tab, open_worksheet(tab, site_url, chapter_of, worksheet_id)) for tab in (first, second)]


def textbox(form, label):
    return form.get_by_role("textbox", name=label, exact=True)


def clear_worksheet(page, form):
    press(page, form.get_by_role("button", name="Clear answers"), "Enter")
    press(page, form.get_by_role("button", name="Yes, clear them"), "Enter")


def delete_all(page, site_url):
    page.goto(site_url + "worksheets/")
    control = page.locator("[data-module=microsite-delete-answers]")
    press(page, control.get_by_role("button", name="Delete all my answers on this device"), "Enter")
    press(page, control.get_by_role("button", name="Yes, delete them all"), "Enter")
    return control.locator("[data-worksheet-status]")


def wait_until_saved(page, worksheet_id: str, text: str) -> None:
    """The status may still say "Saved" from before: wait for the text itself."""
    page.wait_for_function("([key, text]) => (localStorage.getItem(key) || '').includes(text)", arg=[STORAGE_PREFIX + worksheet_id, text])


def our_keys(page) -> list[str]:
    return [key for key in page.evaluate("Object.keys(localStorage)") if key.startswith(STORAGE_PREFIX)]


def test_two_tabs_typing_in_different_fields_keep_both_answers(context, site_url, chapter_of):
    (first, one), (second, two) = two_tabs(context, site_url, chapter_of)
    type_in(first, textbox(one, "What happened?"), "Typed in tab one")
    expect(status_of(one)).to_have_text(SAVED)
    expect(textbox(two, "What happened?")).to_have_value("Typed in tab one")  # no reload needed
    type_in(second, textbox(two, "What did I feel?"), "Typed in tab two")
    expect(status_of(two)).to_have_text(SAVED)
    expect(textbox(one, "What did I feel?")).to_have_value("Typed in tab two")
    assert answers_in(stored(first, "thought-record")) == {"situation": "Typed in tab one", "feeling": "Typed in tab two"}
    first.reload()
    expect(textbox(first.locator("form#worksheet-thought-record"), "What happened?")).to_have_value("Typed in tab one")


def test_a_field_being_typed_in_keeps_its_text_when_another_tab_saves(context, site_url, chapter_of):
    (first, one), (second, two) = two_tabs(context, site_url, chapter_of, hold_second=True)
    type_in(second, textbox(two, "What did I feel?"), "Still typing here")
    type_in(second, textbox(two, "What happened?"), "Typed here, not saved yet")
    type_in(first, textbox(one, "What happened?"), "Saved in tab one")
    expect(status_of(one)).to_have_text(SAVED)
    # The other tab's answer arrives; what is being typed here is not touched.
    expect(textbox(two, "What did I feel?")).to_have_value("Still typing here")
    expect(textbox(two, "What happened?")).to_have_value("Typed here, not saved yet")
    second.evaluate("runHeldSaves()")
    wait_until_saved(second, "thought-record", "Still typing here")
    # Both tabs changed "What happened?": the later save wins, and both tabs show it.
    expect(textbox(one, "What happened?")).to_have_value("Typed here, not saved yet")
    expect(textbox(one, "What did I feel?")).to_have_value("Still typing here")
    assert answers_in(stored(first, "thought-record")) == {"situation": "Typed here, not saved yet", "feeling": "Still typing here"}


def test_a_worksheet_cleared_in_one_tab_is_cleared_in_the_other_and_stays_cleared(context, site_url, chapter_of):
    (first, one), (second, two) = two_tabs(context, site_url, chapter_of)
    type_in(first, textbox(one, "What happened?"), "Written before the clear")
    press(first, one.get_by_role("group", name="How strong was the feeling?").get_by_role("radio", name="6"))
    expect(status_of(one)).to_have_text(SAVED)
    expect(textbox(two, "What happened?")).to_have_value("Written before the clear")
    clear_worksheet(second, two)
    expect(status_of(two)).to_have_text("Your answers to this worksheet were cleared.")
    expect(textbox(one, "What happened?")).to_have_value("")
    expect(one.get_by_role("group", name="How strong was the feeling?").get_by_role("radio", name="6")).not_to_be_checked()
    expect(one.get_by_role("button", name="Print with my answers")).to_be_hidden()
    # The first tab goes on writing: only the new answer is saved.
    type_in(first, textbox(one, "What did I feel?"), "Written after the clear")
    wait_until_saved(first, "thought-record", "Written after the clear")
    assert answers_in(stored(first, "thought-record")) == {"feeling": "Written after the clear"}
    second.reload()
    two = second.locator("form#worksheet-thought-record")
    expect(textbox(two, "What happened?")).to_have_value("")
    expect(textbox(two, "What did I feel?")).to_have_value("Written after the clear")


def test_delete_all_in_one_tab_empties_an_open_worksheet_in_another(context, site_url, chapter_of):
    (first, one), (second, _) = two_tabs(context, site_url, chapter_of)
    type_in(first, textbox(one, "What happened?"), "Written before deleting")
    expect(status_of(one)).to_have_text(SAVED)
    expect(delete_all(second, site_url)).to_have_text("All your worksheet answers were deleted from this device.")
    expect(textbox(one, "What happened?")).to_have_value("")
    type_in(first, textbox(one, "What did I feel?"), "New")
    wait_until_saved(first, "thought-record", "New")
    assert answers_in(stored(first, "thought-record")) == {"feeling": "New"}


def test_delete_all_on_a_page_with_worksheets_empties_them_and_what_was_not_saved_yet_stays_unsaved(page, fixture_site_url):
    """"Delete all" (shared.js) and the forms (worksheet.js) on one page: the
    forms drop what they hold in memory, so no later save brings it back."""
    prefix = site_path_prefix(REPO / "tests/fixtures/sites/worksheet-pages/mkdocs.yml") + "worksheet:"
    page.add_init_script(HOLD_SAVES)
    page.goto(fixture_site_url)
    record, triggers = page.locator("form#worksheet-thought-record"), page.locator("form#worksheet-trigger-map")
    trigger = triggers.get_by_role("group", name="Trigger 1").get_by_role("textbox", name="What set it off")
    type_in(page, textbox(record, "What happened?"), "Saved")
    page.evaluate("window.runHeldSaves()")
    expect(status_of(record)).to_have_text(SAVED)
    type_in(page, trigger, "Typed, not saved yet")
    control = page.locator("[data-module=microsite-delete-answers]")
    press(page, control.get_by_role("button", name="Delete all my answers on this device"), "Enter")
    press(page, control.get_by_role("button", name="Yes, delete them all"), "Enter")
    expect(control.locator("[data-worksheet-status]")).to_have_text("All your worksheet answers were deleted from this device.")
    expect(textbox(record, "What happened?")).to_have_value("")
    expect(trigger).to_have_value("")
    page.evaluate("window.runHeldSaves()")  # the save that was waiting for the reader to pause
    assert [key for key in page.evaluate("Object.keys(localStorage)") if key.startswith(prefix)] == []
    page.reload()
    expect(trigger).to_have_value("")


def test_with_storage_full_reading_export_clear_and_delete_all_tell_the_truth(page, site_url, chapter_of, tmp_path):
    form = open_worksheet(page, site_url, chapter_of, "thought-record")
    type_in(page, textbox(form, "What happened?"), "Saved before it filled up")
    expect(status_of(form)).to_have_text(SAVED)
    # Records this page cannot show: a worksheet this guide no longer has,
    # damaged JSON, and a record from a newer version of the guide.
    retired = {"format": 2, "fields": {"old": {"shape": "text", "version": 1, "time": "2026-01-01T00:00:00.000Z", "value": "Kept"}}}
    future = {"format": 3, "answers": [{"field": "where", "text": "From the future"}]}
    others = {"retired-worksheet": json.dumps(retired), "values-compass": "{broken", "trigger-map": json.dumps(future)}
    page.evaluate("([prefix, others]) => Object.entries(others).forEach(([id, text]) => localStorage.setItem(prefix + id, text))",
                  [STORAGE_PREFIX, others])
    assert page.evaluate(FILL_STORAGE) > 0

    form = open_worksheet(page, site_url, chapter_of, "thought-record")
    expect(textbox(form, "What happened?")).to_have_value("Saved before it filled up")  # reading still works
    expect(form.get_by_text("This browser is not letting this page save, so your answers will not be kept")).to_be_visible()
    type_in(page, textbox(form, "What did I feel?"), "Typed while full")
    expect(status_of(form)).to_have_text(NOT_SAVED)

    exported = export_file(page, form, tmp_path)
    expect(status_of(form)).to_have_text("Your answers were exported. Look for the file in your downloads.")
    records = exported["worksheets"]
    assert answers_in(records["thought-record"]) == {"situation": "Saved before it filled up", "feeling": "Typed while full"}
    assert records["retired-worksheet"] == retired
    assert records["values-compass"]["kept"] == "{broken"
    assert json.loads(records["trigger-map"]["kept"]) == future

    clear_worksheet(page, form)
    expect(status_of(form)).to_have_text("Your answers to this worksheet were cleared.")
    assert stored(page, "thought-record") is None
    expect(textbox(form, "What happened?")).to_have_value("")
    expect(textbox(form, "What did I feel?")).to_have_value("")

    expect(delete_all(page, site_url)).to_have_text("All your worksheet answers were deleted from this device.")
    assert our_keys(page) == []
    assert "other-site-0" in page.evaluate("Object.keys(localStorage)")  # only ours were deleted
    form = open_worksheet(page, site_url, chapter_of, "thought-record")
    expect(textbox(form, "What did I feel?")).to_have_value("")  # the unsaved answer is gone too


def test_a_clear_or_delete_the_browser_does_not_carry_out_is_not_reported_as_done(page, site_url, chapter_of):
    form = open_worksheet(page, site_url, chapter_of, "thought-record")
    type_in(page, textbox(form, "What happened?"), "Still here")
    expect(status_of(form)).to_have_text(SAVED)
    page.add_init_script(REMOVE_DOES_NOTHING)
    form = open_worksheet(page, site_url, chapter_of, "thought-record")
    clear_worksheet(page, form)
    expect(status_of(form)).to_have_text(
        "Your answers were not cleared: this browser did not let this page change what it saved. "
        "You can clear this site's data in your browser's settings.")
    expect(textbox(form, "What happened?")).to_have_value("Still here")  # the page shows what is really stored
    expect(delete_all(page, site_url)).to_have_text(
        "Not all your answers could be deleted: this browser did not let this page change what it saved. "
        "You can clear this site's data in your browser's settings.")
    assert STORAGE_PREFIX + "thought-record" in our_keys(page)


def test_saving_after_storage_frees_up_writes_what_could_not_be_written_before(page, site_url, chapter_of):
    """A failed write is retried with the next save; it never turns storage off."""
    form = open_worksheet(page, site_url, chapter_of, "thought-record")
    page.evaluate("""() => {
      const realSetItem = Storage.prototype.setItem;
      window.refuseWrites = true;
      Storage.prototype.setItem = function (...args) {
        if (window.refuseWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return realSetItem.apply(this, args);
      };
    }""")
    type_in(page, textbox(form, "What happened?"), "Typed while full")
    expect(status_of(form)).to_have_text(NOT_SAVED)
    page.evaluate("window.refuseWrites = false")
    type_in(page, textbox(form, "What did I feel?"), "Typed after space was freed")
    expect(status_of(form)).to_have_text(SAVED)  # it said "Not saved" before
    expect(form.get_by_text("This browser is not letting this page save")).to_be_hidden()
    assert answers_in(stored(page, "thought-record")) == {"situation": "Typed while full", "feeling": "Typed after space was freed"}
