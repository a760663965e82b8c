"""How our scripts load, in Chromium: a page runs what every page needs (the
quick exit) from one file and its own components from another, so one that
fails cannot take the quick exit with it; a worksheet's export and import code
is fetched only when the reader heads for those buttons, and if it cannot be
fetched the reader is told and nothing is lost."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser.test_quick_exit import NEUTRAL_URL, neutral_site  # noqa: F401  (a fixture)
from browser.test_worksheet import (  # noqa: F401  (chapter_of and browser_context_args are fixtures)
    SAVED,
    browser_context_args,
    chapter_of,
    export_file,
    open_worksheet,
    status_of,
    stored,
    type_in,
)

pytestmark = pytest.mark.browser

CANNOT_LOAD = ("This page could not load what it needs to export or import, so nothing was changed. "
               "Your answers are still saved on this device. Check your connection and try again.")
OUR_SCRIPT = re.compile(r"/assets/microsite/[0-9a-f]+\.js$")


def our_scripts_in(page) -> list[str]:
    """The addresses of our scripts the page's HTML loads, in order."""
    return page.evaluate("""() => [...document.querySelectorAll('script[src*="assets/microsite/"]')].map((s) => s.src)""")


def test_a_page_loads_two_scripts_of_ours_and_the_first_is_the_same_everywhere(page, site_url, chapter_of):
    page.goto(site_url)
    home = our_scripts_in(page)
    page.goto(site_url + "help/")
    help_page = our_scripts_in(page)
    open_worksheet(page, site_url, chapter_of, "thought-record")
    chapter = our_scripts_in(page)
    assert len(chapter) == 2, chapter
    assert home[0] == help_page[0] == chapter[0]  # what every page runs: fetched once, then cached
    assert chapter[1] not in home + help_page  # the worksheet's code only where there is a worksheet


def test_the_about_page_deletes_answers_without_fetching_the_forms_script(page, site_url, chapter_of, built_site):
    form = open_worksheet(page, site_url, chapter_of, "thought-record")
    type_in(page, form.get_by_role("textbox", name="What happened?"), "To be deleted")
    expect(status_of(form)).to_have_text(SAVED)
    forms_script = our_scripts_in(page)[1]
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url) if "/assets/microsite/" in request.url else None)
    page.goto(site_url + "about/")
    own = our_scripts_in(page)[1]
    assert forms_script not in fetched and own != forms_script
    code = (built_site.site_dir / "assets/microsite" / own.rsplit("/", 1)[-1]).read_text(encoding="utf-8")
    assert "microsite-delete-answers" in code and "microsite-worksheet" not in code.replace("microsite-worksheet:", "")
    control = page.locator("[data-module=microsite-delete-answers]")
    control.get_by_role("button", name="Delete all my answers on this device").click()
    control.get_by_role("button", name="Yes, delete them all").click()
    expect(control.locator("[data-worksheet-status]")).to_have_text("All your worksheet answers were deleted from this device.")
    assert stored(page, "thought-record") is None


def test_the_quick_exit_works_when_the_pages_own_script_cannot_even_be_parsed(page, site_url, chapter_of, neutral_site):
    page.goto(site_url + chapter_of["thought-record"])
    own_script = our_scripts_in(page)[1]
    # As an old browser meets syntax it does not know: the whole file fails to parse.
    page.route(own_script, lambda route: route.fulfill(status=200, content_type="text/javascript", body="(() => { let = = ; })("))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + chapter_of["thought-record"])
    expect(page.locator("[data-worksheet-note='no-script']").first).to_be_visible()  # the form says answers are not saved
    assert errors, "the broken script should have failed to parse"
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL_URL + "**")
    assert len(neutral_site) == 1


def test_export_and_import_code_is_fetched_only_when_the_reader_heads_for_it(page, site_url, chapter_of, tmp_path):
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url) if OUR_SCRIPT.search(request.url) else None)
    form = open_worksheet(page, site_url, chapter_of, "thought-record")
    page.wait_for_load_state("networkidle")
    on_load = our_scripts_in(page)
    assert fetched == on_load, "only the page's two scripts, nothing more, on load"
    type_in(page, form.get_by_role("textbox", name="What happened?"), "A late reply")
    expect(status_of(form)).to_have_text(SAVED)
    assert len(fetched) == 2

    form.get_by_role("button", name="Export all my answers").hover()
    page.wait_for_load_state("networkidle")
    assert len(fetched) == 3, "pointing at Export fetches the export and import code"
    lazy = fetched[2]
    assert lazy not in on_load
    exported = export_file(page, form, tmp_path)
    assert exported["worksheets"]["thought-record"]["fields"]["situation"]["value"] == "A late reply"
    assert fetched.count(lazy) == 1  # fetched once, however often it is used


def test_when_that_code_cannot_be_fetched_the_reader_is_told_and_nothing_is_lost(page, site_url, chapter_of, tmp_path):
    form = open_worksheet(page, site_url, chapter_of, "thought-record")
    blocked: list[str] = []

    def offline(route):
        blocked.append(route.request.url)
        route.abort("internetdisconnected")

    # Any of our scripts fetched from now on: the page's own two are already loaded.
    page.route(OUR_SCRIPT, offline)
    type_in(page, form.get_by_role("textbox", name="What happened?"), "A late reply")
    expect(status_of(form)).to_have_text(SAVED)
    form.get_by_role("button", name="Export all my answers").click()
    expect(status_of(form)).to_have_text(CANNOT_LOAD)
    expect(status_of(form)).to_have_class(re.compile(r"\bis-error\b"))
    assert blocked, "the export code was asked for"
    assert stored(page, "thought-record")["fields"]["situation"]["value"] == "A late reply"

    form.get_by_label("Import answers from a file").set_input_files(
        {"name": "answers.json", "mimeType": "application/json", "buffer": b"{}"})
    expect(status_of(form)).to_have_text(CANNOT_LOAD)
    assert form.get_by_label("Import answers from a file").evaluate("(input) => input.value") == ""  # the same file can be chosen again

    # Back online: the next try fetches it again and works.
    page.unroute(OUR_SCRIPT)
    exported = export_file(page, form, tmp_path)
    assert exported["worksheets"]["thought-record"]["fields"]["situation"]["value"] == "A late reply"
