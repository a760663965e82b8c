"""Quick exit in Chromium: the "Exit this page" link and pressing Shift three
times both hide the page at once, replace its history entry and go to the
neutral site; coming back shows a neutral cover, not the page.

The neutral site is on another host, so the tests serve a stand-in for it
(registered after the offsite guard, which therefore never sees it) and
record every visit."""

from __future__ import annotations

import pytest

from helpers import REPO, build_site, copy_fixture_site, edit_yaml, read_mkdocs_yml, serve_directory
from microsite.config import QuickExitConfig

# These checks run against the guide as each engine builds it (see tests/conftest.py).
pytestmark = pytest.mark.every_engine

NEUTRAL_PAGE = "<!doctype html><html lang='en'><title>Weather</title><h1>Weather</h1></html>"
EXIT_NAME = "Exit this page"


def configured_quick_exit() -> QuickExitConfig:
    """The guide's quick-exit options from mkdocs.yml, with their defaults."""
    plugins = read_mkdocs_yml(REPO / "mkdocs.yml").get("plugins") or []
    options = next((plugin["microsite"] for plugin in plugins if isinstance(plugin, dict) and "microsite" in plugin), None) or {}
    config = QuickExitConfig()
    config.load_dict(options.get("quick_exit") or {})
    errors, _ = config.validate()
    assert errors == []
    return config


NEUTRAL_URL = configured_quick_exit().url


@pytest.fixture
def neutral_site(context, offsite_requests) -> list[dict]:
    """A stand-in for the neutral site; lists the headers of every visit to it."""
    visits: list[dict] = []

    def serve(route):
        visits.append(route.request.all_headers())
        route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)

    context.route(lambda url: url.startswith(NEUTRAL_URL), serve)
    return visits


def content_shown(page) -> bool:
    return page.locator("main").is_visible()


def test_every_page_has_the_exit_link_early_in_the_tab_order(page, site_url, page_paths):
    for path in [*page_paths, "404.html"]:
        page.goto(site_url + path)
        link = page.get_by_role("link", name=EXIT_NAME, exact=True)
        assert link.is_visible(), path
        assert link.get_attribute("href") == NEUTRAL_URL, path
        assert "noreferrer" in link.get_attribute("rel"), path
        hint = page.evaluate("document.getElementById(document.querySelector('[data-quick-exit-link]').getAttribute('aria-describedby')).textContent")
        assert hint == "Or press the Shift key 3 times.", path
        before = page.evaluate("""() => {
          const stops = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
            .filter((el) => el.tabIndex >= 0 && el.checkVisibility() && !el.disabled);
          return stops.indexOf(document.querySelector('[data-quick-exit-link]'));
        }""")
        assert 0 <= before <= 3, f"{path}: {before} Tab stops come before the quick exit"


def test_the_exit_link_hides_the_page_at_once_and_leaves_no_way_back_to_it(page, site_url, neutral_site, offsite_requests, page_errors):
    page.goto(site_url + "guide/introduction/")
    page.goto(site_url + "guide/open-communication/")
    hidden_at_once = page.evaluate("""() => {
      document.querySelector('[data-quick-exit-link]').click();
      return {covered: document.documentElement.classList.contains('microsite-exited'),
              contentVisible: document.querySelector('main').checkVisibility(),
              title: document.title};
    }""")
    assert hidden_at_once == {"covered": True, "contentVisible": False, "title": "Continue"}
    page.wait_for_url(NEUTRAL_URL)
    assert page.title() == "Weather"
    assert len(neutral_site) == 1 and "referer" not in neutral_site[0]

    page.go_back()
    assert page.url == site_url + "guide/introduction/"  # the page that was open is gone from history
    assert not content_shown(page)
    assert page.title() == "Continue"
    continue_button = page.get_by_role("button", name="Continue")
    assert continue_button.is_visible()
    assert page.evaluate("document.activeElement.textContent") == "Continue"

    continue_button.click()
    assert content_shown(page)
    assert page.title() == "Introduction - Feeling Secure Together"
    page.goto(site_url + "guide/self-compassion/")
    assert content_shown(page)  # continuing ends the cover for the whole tab
    assert offsite_requests == [] and page_errors == []


def test_a_returning_tab_never_draws_the_content(page, context, site_url, neutral_site):
    # Records, the moment <main> is parsed, whether the page was already covered.
    context.add_init_script("""new MutationObserver((records, observer) => {
      if (document.querySelector('main')) {
        window.coveredWhenMainArrived = document.documentElement.classList.contains('microsite-exited');
        observer.disconnect();
      }
    }).observe(document, {childList: true, subtree: true});""")
    page.goto(site_url + "help/")
    assert page.evaluate("window.coveredWhenMainArrived") is False
    page.get_by_role("link", name=EXIT_NAME, exact=True).click()
    page.wait_for_url(NEUTRAL_URL)
    page.goto(site_url + "about/")
    assert page.evaluate("window.coveredWhenMainArrived") is True
    assert not content_shown(page)
    page.reload()
    assert not content_shown(page)


@pytest.fixture
def browser_with_back_forward_cache(browser_type, browser_type_launch_args):
    """Chromium as readers have it: Playwright turns the back-forward cache off by default."""
    browser = browser_type.launch(**browser_type_launch_args, ignore_default_args=["--disable-back-forward-cache"])
    yield browser
    browser.close()


def test_back_forward_cache_pages_come_back_covered_after_an_exit_and_shown_otherwise(browser_with_back_forward_cache, site_url):
    context = browser_with_back_forward_cache.new_context()
    context.add_init_script("window.addEventListener('pageshow', (event) => { window.restoredFromCache = event.persisted; });")
    context.route(lambda url: url.startswith(NEUTRAL_URL), lambda route: route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE))
    page = context.new_page()

    page.goto(site_url + "guide/introduction/")
    page.goto(site_url + "guide/open-communication/")
    page.go_back(wait_until="commit")
    page.wait_for_function("window.restoredFromCache === true")
    assert content_shown(page)  # an ordinary Back shows the page

    page.goto(site_url + "guide/open-communication/")
    page.get_by_role("link", name=EXIT_NAME, exact=True).click()
    page.wait_for_url(NEUTRAL_URL)
    page.go_back(wait_until="commit")
    page.wait_for_function("window.restoredFromCache === true")
    assert page.url == site_url + "guide/introduction/"
    assert not content_shown(page)
    assert page.get_by_role("button", name="Continue").is_visible()
    assert page.title() == "Continue"
    context.close()


def test_a_page_restored_from_the_back_forward_cache_is_covered(page, site_url):
    page.goto(site_url + "guide/introduction/")
    restore = "new PageTransitionEvent('pageshow', {persisted: true})"
    page.evaluate(f"() => {{ sessionStorage.setItem('microsite-quick-exit', '1'); window.dispatchEvent({restore}); }}")
    assert not content_shown(page)
    assert page.get_by_role("button", name="Continue").is_visible()
    page.evaluate(f"() => {{ sessionStorage.removeItem('microsite-quick-exit'); window.dispatchEvent({restore}); }}")
    assert content_shown(page)


def test_pressing_shift_three_times_exits_and_each_press_is_announced(page, site_url, neutral_site, page_errors):
    page.goto(site_url + "guide/self-compassion/")
    status = page.locator("[data-quick-exit-status]")
    assert status.get_attribute("role") == "status"
    page.keyboard.press("Shift")
    assert status.text_content() == "Shift, press 2 more times to exit."
    assert page.locator("[data-module='microsite-quick-exit']").get_attribute("data-presses") == "1"
    page.keyboard.press("Shift")
    assert status.text_content() == "Shift, press 1 more time to exit."
    page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL_URL)
    assert len(neutral_site) == 1
    assert page_errors == []


def test_shift_used_for_capitals_or_broken_by_another_key_does_not_exit(page, site_url, neutral_site):
    page.goto(site_url + "guide/reframe-negative-thoughts/")
    field = page.get_by_role("textbox", name="What happened?")
    field.click()
    for letter in "ABC":
        page.keyboard.down("Shift")
        page.keyboard.press(f"Key{letter}")
        page.keyboard.up("Shift")
    assert field.input_value() == "ABC"
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("x")
    page.keyboard.press("Shift")
    assert page.locator("[data-quick-exit-status]").text_content() == "Shift, press 2 more times to exit."
    assert content_shown(page) and neutral_site == []


def test_shift_presses_expire_after_five_seconds(page, site_url, neutral_site):
    page.clock.install()
    page.goto(site_url)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.clock.run_for(5001)
    assert page.locator("[data-quick-exit-status]").text_content() == "Exit this page expired."
    page.keyboard.press("Shift")
    assert page.locator("[data-quick-exit-status]").text_content() == "Shift, press 2 more times to exit."
    assert content_shown(page) and neutral_site == []


def test_the_exit_still_works_when_storage_is_blocked(page, context, site_url, neutral_site, page_errors):
    context.add_init_script("Object.defineProperty(window, 'sessionStorage', {get() { throw new DOMException('blocked', 'SecurityError'); }});")
    page.goto(site_url + "help/")
    assert content_shown(page)
    page.get_by_role("link", name=EXIT_NAME, exact=True).click()
    page.wait_for_url(NEUTRAL_URL)
    assert len(neutral_site) == 1
    assert [error for error in page_errors if "quick" in error.lower()] == []


def test_without_javascript_the_exit_link_still_leaves(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    context.route(lambda url: url.startswith(NEUTRAL_URL), lambda route: route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE))
    page = context.new_page()
    page.goto(site_url + "guide/introduction/")
    page.get_by_role("link", name=EXIT_NAME, exact=True).click()
    page.wait_for_url(NEUTRAL_URL)
    context.close()


def test_switched_off_there_is_no_control_and_shift_does_nothing(browser, tmp_path):
    project = copy_fixture_site("minimal", tmp_path)

    def switch_off(config):
        for plugin in config["plugins"]:
            if isinstance(plugin, dict) and "microsite" in plugin:
                plugin["microsite"]["quick_exit"] = {"enabled": False}

    edit_yaml(project / "mkdocs.yml", switch_off)
    result = build_site(project, tmp_path / "site")
    assert result.ok, result.output
    server = serve_directory(tmp_path / "site")
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(server.base_url)
        assert page.get_by_role("link", name=EXIT_NAME).count() == 0
        for _ in range(3):
            page.keyboard.press("Shift")
        assert page.url == server.base_url
        assert page.evaluate("sessionStorage.getItem('microsite-quick-exit')") is None
        assert content_shown(page)
    finally:
        context.close()
        server.stop()
