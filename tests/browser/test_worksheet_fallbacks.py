"""Worksheets where the script cannot do everything: printed with JavaScript
off (every line of a long answer is on paper), and in browsers that lack a
newer feature (each one gives its own message, and answers are still saved
wherever localStorage exists)."""

from __future__ import annotations

import io
import json
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from browser.test_worksheet import (  # noqa: F401  (chapter_of, page_errors and browser_context_args are fixtures)
    SAVED,
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

LONG_ANSWER = [f"Line {number} of a long answer, written without the script" for number in range(1, 31)]
CANNOT_IMPORT = ("This browser cannot read files from this page, so nothing was imported. "
                 "The file may be fine: try it in a newer browser.")
CANNOT_EXPORT = "This browser cannot save a file from this page. To keep a copy of your answers, print them instead."
# What a US Letter sheet holds inside print.css's @page margins (15 mm + 18 mm), in CSS px.
LETTER_SHEET_PX = (279.4 - 33) / 25.4 * 96
NO_SCRIPT_NOTE = "Answers are not saved on this page right now, because its script is not running."


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("script", [False, True], ids=["without-javascript", "with-javascript"])
def test_a_30_line_answer_prints_in_full(script, browser, site_url, chapter_of):
    context = browser.new_context(java_script_enabled=script)
    page = context.new_page()
    page.goto(site_url + chapter_of["self-compassion-break"])
    letter = page.get_by_role("textbox", name="A short, kind letter to myself")  # 8 lines tall on paper
    letter.fill("\n".join(LONG_ANSWER))
    page.emulate_media(media="print")
    if not script:
        # The text area grows to hold every line, and fits one sheet: a form
        # field cannot run on to the next, so anything below the sheet is cut.
        box = letter.evaluate("(element) => [element.scrollHeight, element.clientHeight, element.getBoundingClientRect().height]")
        assert box[0] <= box[1] + 1 and box[2] <= LETTER_SHEET_PX, box
    text = re.sub(r"\s+", " ", pdf_text(page.pdf()))
    for line in LONG_ANSWER:
        assert line in text
    context.close()


def without(feature: str) -> str:
    """An init script that removes `feature` (an expression like Blob.prototype.text)."""
    owner, name = feature.rsplit(".", 1)
    return f"delete {owner}[{name!r}];"


def save_and_reload(page, site_url, chapter_of) -> None:
    form = open_worksheet(page, site_url, chapter_of, "thought-record")
    type_in(page, form.get_by_role("textbox", name="What happened?"), "Saved in an older browser")
    expect(status_of(form)).to_have_text(SAVED)
    form = open_worksheet(page, site_url, chapter_of, "thought-record")
    expect(form.get_by_role("textbox", name="What happened?")).to_have_value("Saved in an older browser")


ANSWERS_FILE = json.dumps({"format": "microsite-worksheet-answers", "formatVersion": 2, "exported": "2026-01-01T00:00:00.000Z",
                           "worksheets": {"thought-record": {"format": 2, "fields": {"feeling": {
                               "shape": "text", "version": 1, "time": "2999-01-01T00:00:00.000Z", "value": "From the file"}}}}})


def test_without_blob_text_saving_works_and_import_says_the_browser_cannot_read_files(page, site_url, chapter_of, page_errors):
    page.add_init_script(without("Blob.prototype.text"))
    save_and_reload(page, site_url, chapter_of)
    form = page.locator("form#worksheet-thought-record")
    before = page.evaluate("JSON.stringify(localStorage)")
    upload(form, "answers.json", ANSWERS_FILE)  # a good file
    expect(status_of(form)).to_have_text(CANNOT_IMPORT)
    assert page.evaluate("JSON.stringify(localStorage)") == before
    assert page_errors == []


def test_without_object_urls_saving_works_and_export_says_the_browser_cannot_save_files(page, site_url, chapter_of, page_errors):
    page.add_init_script(without("URL.createObjectURL"))
    save_and_reload(page, site_url, chapter_of)
    form = page.locator("form#worksheet-thought-record")
    press(page, form.get_by_role("button", name="Export all my answers"), "Enter")
    expect(status_of(form)).to_have_text(CANNOT_EXPORT)
    assert page_errors == []


@pytest.mark.parametrize("feature", [
    "Object.fromEntries",
    "window.structuredClone",
    "Element.prototype.toggleAttribute",
    "Element.prototype.replaceChildren",
    "Array.prototype.flat",
    "Array.prototype.at",
    "String.prototype.replaceAll",
])
def test_without_a_newer_feature_the_script_does_not_need_everything_still_works(feature, page, site_url, chapter_of, page_errors, tmp_path):
    page.add_init_script(without(feature))
    save_and_reload(page, site_url, chapter_of)
    form = page.locator("form#worksheet-thought-record")
    upload(form, "answers.json", ANSWERS_FILE)
    expect(status_of(form)).to_have_text("Answers taken from the file: 1.")
    exported = export_file(page, form, tmp_path)
    assert answers_in(exported["worksheets"]["thought-record"]) == {"situation": "Saved in an older browser", "feeling": "From the file"}
    assert page_errors == []


@pytest.mark.parametrize("feature", ["Element.prototype.closest", "Element.prototype.after", "NodeList.prototype.forEach"])
def test_without_a_feature_saving_needs_the_form_stays_plain_and_says_answers_are_not_saved(feature, page, site_url, chapter_of, page_errors):
    messages = []
    page.on("console", lambda message: messages.append(message.text) if message.type == "error" else None)
    page.add_init_script(without(feature))
    page.goto(site_url + chapter_of["thought-record"])
    form = page.locator("form#worksheet-thought-record")
    expect(form.get_by_text(NO_SCRIPT_NOTE, exact=False)).to_be_visible()
    expect(form.get_by_role("button", name="Clear answers")).to_be_hidden()
    form.get_by_role("textbox", name="What happened?").fill("Still a form")
    expect(form.get_by_role("textbox", name="What happened?")).to_have_value("Still a form")
    assert "microsite-worksheet: this browser lacks what saving needs; the form still works without saving." in messages
    assert page_errors == []
    assert stored(page, "thought-record") is None
