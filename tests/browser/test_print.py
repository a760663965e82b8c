"""Printing the built guide in Chromium: print media emulated, and Chromium's
own print to PDF (read back with pdftotext), on A4 and US Letter."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from helpers import REPO

CHAPTER = "guide/reframe-negative-thoughts/"  # holds the thought record and a collapsed example
WORKSHEETS = "worksheets/"
HELP = "help/"
GUIDE = "Feeling Secure Together"
THOUGHT_RECORD = yaml.safe_load((REPO / "data/worksheets/thought-record.yaml").read_text(encoding="utf-8"))
# Chromium's A4 and Letter, in points.
PAPER = {"A4": (595.92, 842.88), "Letter": (612.0, 792.0)}

# Everything that is for the screen only, by the theme's and our class names.
SCREEN_ONLY = [
    ".md-header__button",
    ".md-header__topic[data-md-component=header-topic]",
    ".md-search",
    ".md-sidebar",
    ".md-tabs",
    ".md-footer",
    ".md-top",
    ".md-skip",
    "[data-md-component=palette]",
    ".microsite-help-link",
    "[class*=microsite-quick-exit]",
    "button",
    ".md-button",
    "input[type=file]",
    ".microsite-worksheet__note",
]

SHOWN = """(selector) => [...document.querySelectorAll(selector)]
    .filter((element) => element.checkVisibility({opacityProperty: true, visibilityProperty: true}))
    .map((element) => element.outerHTML.slice(0, 100))"""


def shown(page, selector: str) -> list[str]:
    return page.evaluate(SHOWN, selector)


def flat(text: str) -> str:
    return " ".join(text.split())


def print_to_pdf(page, tmp_path: Path, paper: str = "A4") -> tuple[Path, list[str]]:
    """Chromium's print to PDF of the page as it is now, and each page's text."""
    pdf = tmp_path / f"printed-{paper}.pdf"
    page.pdf(path=str(pdf), format=paper)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return pdf, [flat(page_text) for page_text in text.split("\f")[:-1]]


def canonical(page) -> str:
    return page.get_attribute("link[rel=canonical]", "href")


def unbroken(text: str) -> str:
    """Text without spaces and hyphens, as an address wrapped over two lines reads back."""
    return re.sub(r"[\s-]", "", text)


@pytest.mark.parametrize("path", [CHAPTER, WORKSHEETS, HELP])
def test_printing_shows_the_content_alone(page, site_url, path):
    page.goto(site_url + path)
    page.emulate_media(media="print")
    for selector in SCREEN_ONLY:
        assert shown(page, selector) == [], selector
    expect(page.locator("h1")).to_be_visible()


@pytest.mark.parametrize("path", [CHAPTER, WORKSHEETS])
def test_the_guides_name_the_page_title_and_its_address_print_once_at_the_top(page, site_url, path, tmp_path):
    page.goto(site_url + path)
    title = page.locator("h1").inner_text()
    _, pages = print_to_pdf(page, tmp_path)
    text = " ".join(pages)
    assert pages[0].startswith(GUIDE)
    assert canonical(page).startswith("https://") and unbroken(canonical(page)) in unbroken(pages[0])
    for once in (GUIDE, title):
        assert text.count(once) == 1, once
    assert unbroken(text).count(unbroken(canonical(page))) == 1


def test_the_worksheets_labels_print_and_empty_fields_print_as_space_to_write(page, site_url):
    page.goto(site_url + CHAPTER)
    page.emulate_media(media="print")
    form = page.locator("form.microsite-worksheet")
    for field in THOUGHT_RECORD["fields"]:
        label = form.locator(".microsite-worksheet__label", has_text=field["label"])
        expect(label).to_be_visible()
    for textarea in form.locator("textarea").all():
        expect(textarea).to_be_visible()
        rows = int(textarea.get_attribute("rows"))
        line = float(textarea.evaluate("(element) => parseFloat(getComputedStyle(element).lineHeight)"))
        assert textarea.bounding_box()["height"] >= rows * line - 1  # ruled space for every line


def test_the_worksheets_page_prints_its_list_and_the_workbook_links(page, site_url):
    page.goto(site_url + WORKSHEETS)
    page.emulate_media(media="print")
    titles = [yaml.safe_load(path.read_text(encoding="utf-8"))["title"] for path in (REPO / "data/worksheets").glob("*.yaml")]
    for title in titles:
        expect(page.locator("article").get_by_text(title, exact=True).first).to_be_visible()
    links = page.locator(".microsite-workbook-links a")
    expect(links).to_have_count(2)
    for link in links.all():
        expect(link).to_be_visible()
        response = page.request.get(link.evaluate("(a) => a.href"))
        assert response.status == 200 and response.headers["content-type"] == "application/pdf"


def test_an_answer_typed_before_printing_prints_as_text(page, site_url, tmp_path):
    page.goto(site_url + CHAPTER)
    form = page.locator("form.microsite-worksheet")
    form.get_by_label("What happened?").fill("He was late for dinner\nand did not call.")
    form.get_by_label("What did I feel?").fill("Left out")
    page.emulate_media(media="print")
    expect(form.get_by_label("What happened?")).to_be_hidden()  # the answer prints as text, not in a box
    expect(form.get_by_text("Left out", exact=True)).to_be_visible()
    _, pages = print_to_pdf(page, tmp_path)
    text = " ".join(pages)
    assert "He was late for dinner and did not call." in text
    assert "Left out" in text


def test_markup_in_an_answer_prints_as_the_characters_typed(page, site_url, tmp_path):
    answer = '<b>bold</b> <img src="x" onerror="window.injected = true">'
    page.goto(site_url + CHAPTER)
    form = page.locator("form.microsite-worksheet")
    form.get_by_label("What did I feel?").fill(answer)
    page.emulate_media(media="print")
    assert form.locator("b, img").count() == 0
    _, pages = print_to_pdf(page, tmp_path)
    assert answer in " ".join(pages)
    assert page.evaluate("window.injected") is None


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_a_chapter_prints_on_the_paper_with_the_worksheet_title_beside_its_first_field(page, site_url, tmp_path, paper):
    page.goto(site_url + CHAPTER)
    pdf, pages = print_to_pdf(page, tmp_path, paper)
    assert 4 <= len(pages) <= 9, len(pages)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert (width, height) == pytest.approx(PAPER[paper], abs=1)
    first_label = THOUGHT_RECORD["fields"][0]["label"]
    starts = [number for number, text in enumerate(pages) if text.startswith("Worksheet · about")]
    assert len(starts) == 1, "the worksheet starts a page of its own"
    assert THOUGHT_RECORD["title"] in pages[starts[0]]
    assert first_label in pages[starts[0]]


def test_collapsed_blocks_print_open(page, site_url, tmp_path):
    page.goto(site_url + CHAPTER)
    details = page.locator("article details").first
    hidden_text = details.locator("li").first
    expect(hidden_text).to_be_hidden()
    page.emulate_media(media="print")
    expect(hidden_text).to_be_visible()
    _, pages = print_to_pdf(page, tmp_path)
    assert flat(hidden_text.inner_text()) in " ".join(pages)


def test_the_print_script_opens_closed_blocks_before_printing_and_closes_them_after(page, site_url):
    page.goto(site_url + CHAPTER)
    is_open = lambda: page.evaluate("[...document.querySelectorAll('article details')].map((d) => d.open)")  # noqa: E731
    assert is_open() and not any(is_open())
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert all(is_open())
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert not any(is_open())


def test_links_to_other_sites_print_their_address_and_links_inside_the_guide_do_not(page, site_url, tmp_path):
    page.goto(site_url + HELP)
    external = page.locator("article a[href^='https://988lifeline.org']").first
    internal = page.locator("article a[href]:not([href^='http']):not([href^='#'])").first
    page.emulate_media(media="print")
    after = "(element) => getComputedStyle(element, '::after').content"
    assert external.evaluate(after) == '" (" attr(href) ")"' or "988lifeline.org" in external.evaluate(after)
    assert internal.evaluate(after) in ("none", "normal")
    _, pages = print_to_pdf(page, tmp_path)
    assert "988lifeline.org (https://988lifeline.org)" in " ".join(pages)


def test_long_words_and_code_wrap_instead_of_being_cut_off(page, site_url):
    page.set_viewport_size({"width": 600, "height": 900})
    page.goto(site_url + CHAPTER)
    page.evaluate(
        """() => document.querySelector('article').insertAdjacentHTML('beforeend',
            '<p id="long-word">' + 'https://example.org/' + 'a'.repeat(300) + '</p>' +
            '<pre id="long-code"><code>' + 'x'.repeat(300) + '</code></pre>')"""
    )
    page.emulate_media(media="print")
    for selector in ("#long-word", "#long-code code", "article"):
        sizes = page.eval_on_selector(selector, "(element) => [element.scrollWidth, element.clientWidth]")
        assert sizes[0] <= sizes[1], (selector, sizes)


def press_print_button(page, site_url, name: str, answer: str | None = "Left out"):
    """Fill one field, press one of the worksheet's print buttons; the print
    dialog is stubbed out, so the page stays as it is while it prints."""
    page.add_init_script("window.print = () => {};")
    page.goto(site_url + CHAPTER)
    form = page.locator("form.microsite-worksheet")
    form.get_by_label("What did I feel?").fill(answer)
    form.get_by_role("button", name=name).click()


def test_print_with_my_answers_prints_this_worksheet_and_its_answers_only(page, site_url, tmp_path):
    press_print_button(page, site_url, "Print with my answers")
    _, pages = print_to_pdf(page, tmp_path)
    text = " ".join(pages)
    assert THOUGHT_RECORD["title"] in text and "Left out" in text
    assert "Question your worried thoughts" not in text  # the chapter around it is left out


def test_print_blank_leaves_the_answers_out_of_the_printout_even_as_hidden_text(page, site_url, tmp_path):
    press_print_button(page, site_url, "Print blank")
    _, pages = print_to_pdf(page, tmp_path)
    text = " ".join(pages)
    assert THOUGHT_RECORD["title"] in text
    assert "Left out" not in text


def test_a_worksheet_printed_on_its_own_starts_on_the_first_page(page, site_url, tmp_path):
    press_print_button(page, site_url, "Print blank")
    _, pages = print_to_pdf(page, tmp_path)
    assert THOUGHT_RECORD["title"] in pages[0]


def test_a_dark_colour_scheme_prints_black_on_white(page, site_url):
    page.emulate_media(color_scheme="dark")
    page.goto(site_url + CHAPTER)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.emulate_media(media="print", color_scheme="dark")
    colour = "([selector, property]) => getComputedStyle(document.querySelector(selector))[property]"
    assert page.evaluate(colour, ["body", "backgroundColor"]) == "rgb(255, 255, 255)"
    assert page.evaluate(colour, ["article h2 + p", "color"]) == "rgb(0, 0, 0)"
