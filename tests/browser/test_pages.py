"""Every built page, in Chromium: it loads with no script error and no
Content-Security-Policy refusal, nothing it does (search, colour toggle,
worksheets) sends a request to another host, and navigation works under the
GitHub Pages sub-path. Accessibility is checked in test_accessibility.py."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest

from helpers import search

# These checks run against the guide as each engine builds it (see tests/conftest.py).
pytestmark = pytest.mark.every_engine


def test_every_page_loads_cleanly_and_stays_on_the_site(page, site_url, page_paths, offsite_requests, page_errors):
    for path in [*page_paths, "404.html"]:
        response = page.goto(site_url + path)
        assert response.status == 200, path
        assert page.locator("h1").count() == 1, path
    assert page_errors == []
    assert offsite_requests == []


def test_search_colours_and_worksheets_work_under_the_policy_and_stay_on_the_site(page, site_url, offsite_requests, page_errors):
    page.goto(site_url)
    assert search(page, "kind").count() > 0
    page.keyboard.press("Escape")

    scheme = lambda: page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    before = scheme()
    page.locator("label[for^='__palette']:visible").click()
    page.locator("label[for^='__palette']:visible").click()
    assert scheme() != before

    page.goto(site_url + "guide/reframe-negative-thoughts/")
    answer = page.get_by_role("textbox", name="What happened?")
    answer.fill("He did not reply for three hours.")
    expect_saved = page.locator("form.microsite-worksheet [data-worksheet-status]").first
    expect_saved.filter(has_text="Saved").wait_for()
    page.reload()
    assert page.get_by_role("textbox", name="What happened?").input_value() == "He did not reply for three hours."

    assert page_errors == []
    assert offsite_requests == []


def test_following_every_navigation_link_finds_no_missing_page_or_asset(page, site_url, page_paths):
    broken: list[str] = []
    page.on("response", lambda response: broken.append(f"{response.status} {response.url}") if response.status >= 400 else None)
    page.goto(site_url)
    nav_links = page.eval_on_selector_all("nav.md-nav--primary a.md-nav__link[href]", "links => links.map(a => a.href)")
    targets = sorted({urljoin(page.url, link).split("#")[0] for link in nav_links})
    assert len(targets) >= len(page_paths) - 1  # every page but the 404 is in the navigation
    for target in targets:
        assert urlsplit(target).path.startswith(urlsplit(site_url).path), target
        response = page.goto(target)
        assert response.status == 200, target
        footer_links = page.eval_on_selector_all("a.md-footer__link[href]", "links => links.map(a => a.href)")
        for link in footer_links:
            assert page.request.get(link).status == 200, f"{target} -> {link}"
    assert broken == []


def test_not_found_page_is_styled_and_links_work_from_any_depth(page, site_url):
    for depth in ("no-such-page/", "guide/deep/missing/page/"):
        response = page.goto(site_url + depth)
        assert response.status == 404
        assert page.locator("h1").inner_text() == "Page not found"
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        page.get_by_role("link", name="Get help now").first.click()
        assert page.locator("h1").inner_text() == "Get help now"


def test_colour_scheme_follows_the_system_and_can_be_toggled(page, site_url):
    page.emulate_media(color_scheme="dark")
    page.goto(site_url)
    assert page.evaluate("getComputedStyle(document.body).getPropertyValue('--md-default-bg-color').trim()") != ""
    scheme = lambda: page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert scheme() == "slate"
    toggle = page.locator("label[for^='__palette']:visible")
    assert toggle.get_attribute("title") == "Use light colours"
    toggle.click()
    assert scheme() == "default"
    page.reload()
    assert scheme() == "default"  # the choice is remembered on this device
