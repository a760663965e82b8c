"""Privacy in Chromium: no cookies, no analytics, nothing sent to or loaded
from another host, a Content-Security-Policy that the browser enforces, no
referrer given to other sites, and answers that can be deleted from the device."""

from __future__ import annotations

import re

import pytest

from helpers import search

# These checks run against the guide as each engine builds it (see tests/conftest.py).
pytestmark = pytest.mark.every_engine

ANALYTICS_GLOBALS = ["gtag", "ga", "dataLayer", "_gaq", "_paq", "plausible", "umami", "fathom", "posthog", "mixpanel", "_hsq"]


def test_no_page_sets_a_cookie_or_loads_analytics_even_after_search_and_colour_toggle(page, context, site_url, page_paths, offsite_requests):
    for path in [*page_paths, "404.html"]:
        page.goto(site_url + path)
        assert page.evaluate("document.cookie") == "", path
        present = page.evaluate("(names) => names.filter((name) => name in window)", ANALYTICS_GLOBALS)
        assert present == [], f"{path}: analytics globals {present}"
    page.locator("label[for^='__palette']:visible").click()
    search(page, "help")
    assert page.evaluate("document.cookie") == ""
    assert context.cookies() == []
    assert offsite_requests == []


def test_every_page_carries_a_strict_policy_right_after_its_charset(page, site_url, page_paths):
    for path in [*page_paths, "404.html"]:
        page.goto(site_url + path)
        head = page.evaluate("[...document.head.children].slice(0, 2).map((el) => el.outerHTML)")
        assert head[0] == '<meta charset="utf-8">', path
        policy = re.fullmatch(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', head[1]).group(1)
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        assert directives["default-src"] == "'self'", path
        assert directives["script-src"].startswith("'self' 'sha256-"), path
        assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'", path
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, path
        assert page.evaluate("document.querySelector('meta[name=referrer]').content") == "no-referrer", path


def test_the_browser_refuses_script_the_policy_does_not_list(page, site_url, page_errors):
    page.goto(site_url)
    page.evaluate("""() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
      const remote = document.createElement('img');
      remote.src = 'https://tracker.invalid/pixel.gif';
      document.body.append(remote);
    }""")
    page.wait_for_function("() => true")
    assert page.evaluate("window.injected === undefined")
    refused = [error for error in page_errors if "Content-Security-Policy violation" in error]
    assert any("script-src" in error for error in refused), page_errors
    assert any("img-src blocked https://tracker.invalid/pixel.gif" in error for error in refused), page_errors


def test_a_link_to_another_site_does_not_say_where_the_reader_came_from(page, context, site_url):
    sent: list[dict] = []

    def other_site(route):
        sent.append(route.request.all_headers())
        route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>Elsewhere</title><p>Elsewhere")

    context.route("https://findahelpline.com/**", other_site)
    page.goto(site_url + "help/")
    page.locator("a[href^='https://findahelpline.com']").first.click()
    page.wait_for_url("https://findahelpline.com/**")
    assert len(sent) == 1
    assert "referer" not in sent[0]


@pytest.mark.parametrize("where", ["worksheets/", "about/"])
def test_delete_all_my_answers_removes_every_answer_from_this_device(page, site_url, offsite_requests, page_errors, where):
    page.goto(site_url + "guide/reframe-negative-thoughts/")
    page.get_by_role("textbox", name="What happened?").fill("A private answer")
    page.locator("[data-worksheet-status]", has_text="Saved").first.wait_for()
    page.goto(site_url + "guide/open-communication/")
    page.locator("form.microsite-worksheet textarea").first.fill("Another private answer")
    page.locator("[data-worksheet-status]", has_text="Saved").first.wait_for()
    stored = "() => Object.keys(localStorage).filter((key) => key.includes('worksheet:'))"
    assert len(page.evaluate(stored)) == 2

    page.goto(site_url + where)
    page.get_by_role("button", name="Delete all my answers on this device").click()
    page.get_by_role("button", name="Yes, delete them all").click()
    page.get_by_role("status").filter(has_text="All your worksheet answers were deleted from this device.").wait_for()
    assert page.evaluate(stored) == []

    page.goto(site_url + "guide/reframe-negative-thoughts/")
    assert page.get_by_role("textbox", name="What happened?").input_value() == ""
    assert offsite_requests == [] and page_errors == []


def test_saying_no_to_delete_keeps_the_answers(page, site_url):
    page.goto(site_url + "guide/reframe-negative-thoughts/")
    page.get_by_role("textbox", name="What happened?").fill("Keep me")
    page.locator("[data-worksheet-status]", has_text="Saved").first.wait_for()
    page.goto(site_url + "worksheets/")
    page.get_by_role("button", name="Delete all my answers on this device").click()
    page.get_by_role("button", name="No, keep them").click()
    page.goto(site_url + "guide/reframe-negative-thoughts/")
    assert page.get_by_role("textbox", name="What happened?").input_value() == "Keep me"


def test_a_search_result_opens_without_the_search_terms_in_the_address_or_history(page, site_url):
    page.goto(site_url)
    search(page, "partner").first.click()
    page.wait_for_load_state()
    assert "partner" not in page.url and "?h=" not in page.url
    addresses = page.evaluate("performance.getEntriesByType('navigation').map((entry) => entry.name)")
    assert all("partner" not in address for address in addresses), addresses
