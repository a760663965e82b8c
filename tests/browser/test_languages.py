"""Guides in other languages, in Chromium.

Spanish (tests/fixtures/sites/lang-es): a worksheet saves, comes back and
clears, and the quick exit leaves after three Shift presses, each saying what
it says in the page's own data-* attributes, which are not the English words
(rendered here by the same components with the English messages).

Arabic (lang-ar, no catalogue, right to left): our components mirror, and every
page passes axe at desktop width and at 320 px without sideways scrolling.
"""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from axe_check import WCAG_TAGS, describe_violations, run_axe
from helpers import FIXTURE_SITES, build_site, built_pages, copy_fixture_site, serve_directory, site_path_prefix
from microsite.components.quick_exit import render_quick_exit
from microsite.components.worksheet import render_worksheet
from microsite.components.worksheet.model import load_worksheets
from microsite.errors import ErrorList
from microsite.i18n import ENGLISH
from microsite.render import render_component
from microsite.settings import QuickExit

NEUTRAL_URL = QuickExit().url  # neither fixture guide sets its own
NEUTRAL_PAGE = "<!doctype html><html lang='es'><title>El tiempo</title><h1>El tiempo</h1></html>"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 320, "height": 640}


def serve_fixture_guide(name: str, root):
    """A fixture guide built (not strictly: a language may lack a catalogue) and served."""
    project = copy_fixture_site(name, root)
    result = build_site(project, root / "site", strict=False)
    assert result.ok, result.output
    return result.site_dir, serve_directory(result.site_dir, site_path_prefix(project / "mkdocs.yml"))


@pytest.fixture(scope="module")
def spanish_guide(tmp_path_factory):
    _, server = serve_fixture_guide("lang-es", tmp_path_factory.mktemp("lang-es"))
    yield server.base_url
    server.stop()


@pytest.fixture(scope="module")
def site_url(spanish_guide) -> str:
    """The host the offsite guard (offsite_requests, tests/browser/conftest.py) treats as ours."""
    return spanish_guide


@pytest.fixture(scope="module")
def arabic_guide(tmp_path_factory):
    site_dir, server = serve_fixture_guide("lang-ar", tmp_path_factory.mktemp("lang-ar"))
    yield server.base_url, built_pages(site_dir)
    server.stop()


def data_attributes(html) -> dict[str, str]:
    """The data-* attributes of the first element of `html` that has any (a component's root)."""
    element = next(tag for tag in BeautifulSoup(str(html), "html.parser").find_all(True) if any(a.startswith("data-") for a in tag.attrs))
    return {name: value for name, value in element.attrs.items() if name.startswith("data-")}


def english_status_messages(worksheet_id: str) -> dict[str, str]:
    """The messages of a worksheet's status line, as the component writes them in English."""
    worksheets = load_worksheets(FIXTURE_SITES / "lang-es" / "data" / "worksheets", str, ErrorList())
    status = BeautifulSoup(str(render_worksheet(worksheets[worksheet_id], "english")), "html.parser").select_one("[data-worksheet-status]")
    return {name: value for name, value in status.attrs.items() if name.startswith("data-")}


def test_a_worksheet_saves_restores_and_clears_saying_so_in_spanish(page, spanish_guide):
    page.goto(spanish_guide + "guia/hablar/")
    assert page.locator("html").get_attribute("lang") == "es"
    form = page.locator("form[data-worksheet-id='plan-de-charla']")
    expect(form).to_have_attribute("data-enhanced", "")
    status = form.locator("[data-worksheet-status]")
    saved, cleared = status.get_attribute("data-saved"), status.get_attribute("data-cleared")

    topic = form.locator("[data-field='tema'] input")
    topic.fill("Los mensajes sin respuesta")
    expect(status).to_have_text(saved)
    page.reload()
    expect(topic).to_have_value("Los mensajes sin respuesta")

    form.locator("[data-confirm-open]").click()
    form.locator("[data-confirm-yes]").click()
    expect(topic).to_have_value("")
    expect(status).to_have_text(cleared)
    page.reload()
    expect(topic).to_have_value("")

    english = english_status_messages("plan-de-charla")
    assert saved != english["data-saved"], "the status line says it saved in English"
    assert cleared != english["data-cleared"], "the status line says it cleared in English"


def test_messages_fetched_with_the_export_script_are_in_spanish_too(page, spanish_guide):
    """Export's and import's messages come with their lazy script, not in the page."""
    page.goto(spanish_guide + "guia/hablar/")
    form = page.locator("form[data-worksheet-id='plan-de-charla']")
    expect(form).to_have_attribute("data-enhanced", "")
    status = form.locator("[data-worksheet-status]")
    assert status.get_attribute("data-nothing-to-export") is None
    form.locator("[data-export]").click()
    english = json.loads(str(render_component("worksheet/files.words.html")))["nothingToExport"]
    expect(status).to_have_text("Todavía no hay respuestas para exportar.")
    assert english != "Todavía no hay respuestas para exportar."


@pytest.fixture
def neutral_site(context, offsite_requests) -> list[str]:
    """A stand-in for the neutral site (registered after the offsite guard, so it answers first)."""
    visits: list[str] = []

    def serve(route):
        visits.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)

    context.route(lambda url: url.startswith(NEUTRAL_URL), serve)
    return visits


def test_three_shift_presses_leave_and_each_press_is_announced_in_spanish(page, spanish_guide, neutral_site, offsite_requests):
    page.goto(spanish_guide + "guia/escribir/")
    control = page.locator("[data-module='microsite-quick-exit']")
    said = {name: control.get_attribute(name) for name in ("data-press-2", "data-press-1")}

    status = page.locator("[data-quick-exit-status]")
    page.keyboard.press("Shift")
    expect(status).to_have_text(said["data-press-2"])
    page.keyboard.press("Shift")
    expect(status).to_have_text(said["data-press-1"])
    page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL_URL)
    assert len(neutral_site) == 1 and offsite_requests == []

    english = data_attributes(render_quick_exit(NEUTRAL_URL, ENGLISH))
    assert {name: text for name, text in said.items() if text == english[name]} == {}, "announced in English"


# --- Right to left -----------------------------------------------------------------

# Components with a rule on their starting side: in a right-to-left page it is on the right.
RULED_ON_THE_START_SIDE = {
    "guide/talk/": [".microsite-help-note", ".microsite-quote > blockquote", ".microsite-worksheet__caveat"],
    "help/": [".microsite-service"],
}
BORDERS = "(el) => { const s = getComputedStyle(el); return [parseFloat(s.borderRightWidth), parseFloat(s.borderLeftWidth)]; }"
MARGINS = "(el) => { const s = getComputedStyle(el); return [parseFloat(s.marginRight), parseFloat(s.marginLeft)]; }"


def test_right_to_left_pages_mirror_our_components(page, arabic_guide):
    base_url, _ = arabic_guide
    for path, selectors in RULED_ON_THE_START_SIDE.items():
        page.goto(base_url + path)
        assert page.locator("body").get_attribute("dir") == "rtl"
        for selector in selectors:
            right, left = page.locator(selector).first.evaluate(BORDERS)
            assert right > left, f"{path} {selector}: the wider rule is on the left ({left}px) not the right ({right}px)"
    page.goto(base_url + "guide/talk/")
    rating = page.locator("[data-field='nerves']")
    first, last = rating.locator("input[type=radio]").first.bounding_box(), rating.locator("input[type=radio]").last.bounding_box()
    assert first["x"] > last["x"], "the rating scale starts on the right"
    right, left = page.locator(".microsite-confirm__panel .microsite-button").first.evaluate(MARGINS)
    assert left > 0 and right == 0, "the buttons that confirm are spaced toward the left, where the line ends"
    page.goto(base_url + "about/")
    right, left = page.locator(".microsite-reading dd").first.evaluate(MARGINS)
    assert right > 0 and left == 0, "a study is indented from the right"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "320px"])
def test_every_right_to_left_page_passes_axe_without_sideways_scrolling(page, arabic_guide, viewport):
    base_url, paths = arabic_guide
    page.set_viewport_size(viewport)
    failures = {}
    for path in paths:
        page.goto(base_url + path)
        violations = run_axe(page, [*WCAG_TAGS, "best-practice"])
        if violations:
            failures[path] = describe_violations(violations)
        if page.evaluate("document.documentElement.scrollWidth") > viewport["width"]:
            failures[path] = failures.get(path, "") + f"\nscrolls sideways at {viewport['width']} px"
    assert failures == {}
