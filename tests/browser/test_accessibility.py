"""WCAG 2.2 AA in Chromium, on every built page: axe in both colour schemes at
desktop width and at 320 px, reflow, 200% text, target sizes, headings and
language, reduced motion, and a keyboard-only walk through a chapter and its
worksheet."""

from __future__ import annotations

import pytest

from axe_check import WCAG_TAGS, describe_violations, run_axe

AXE_TAGS = [*WCAG_TAGS, "best-practice"]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 320, "height": 640}
SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's scheme
MIN_TARGET = 24  # CSS px, WCAG 2.5.8

FOCUSABLE = (
    "a[href], button, input:not([type=hidden]), select, textarea, summary, "
    "label[tabindex], [tabindex]:not([tabindex='-1'])"
)

# Interactive elements smaller than 24 x 24 px, minus WCAG 2.5.8's exceptions:
# links inside a sentence, and targets whose 24 px circle touches no other
# target. A target counts only where a pointer can reach it: scrolled into
# view, the point at its centre must hit it (not a closed drawer, not a cover).
UNDERSIZED_TARGETS_JS = """(selector) => {
  // Palette radios are drawn by their label; the label is the target.
  const target = (el) => el.matches('input.md-option') ? el.nextElementSibling || el : el;
  const reachable = (el) => {
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) return false;
    if (getComputedStyle(el).pointerEvents === 'none') return false;
    el.scrollIntoView({block: 'center', inline: 'center'});
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && (el.contains(hit) || (el.control && el.control === hit));
  };
  const inSentence = (el) => {
    if (el.tagName !== 'A') return false;
    const block = el.parentElement.closest('p, li, td, th, dd, figcaption, blockquote, label');
    return block !== null && block.textContent.trim().length > el.textContent.trim().length;
  };
  const targets = [...new Set([...document.querySelectorAll(selector)].map(target))].filter(reachable);
  window.scrollTo(0, 0);
  const boxes = targets.map((el) => ({el, r: el.getBoundingClientRect()}));
  const small = boxes.filter(({el, r}) => (r.width < 24 || r.height < 24) && !inSentence(el));
  const centre = (r) => [r.left + r.width / 2, r.top + r.height / 2];
  const distanceToBox = ([x, y], r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
  const describe = (el) => `${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\\s+/).join('.')} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40)}"`;
  return small.filter(({el, r}) => boxes.some((other) => other.el !== el && !other.el.contains(el) && !el.contains(other.el) && (
      distanceToBox(centre(r), other.r) < 12 ||
      (small.includes(other) && Math.hypot(centre(r)[0] - centre(other.r)[0], centre(r)[1] - centre(other.r)[1]) < 24)))
  ).map(({el, r}) => `${describe(el)} ${Math.round(r.width)}x${Math.round(r.height)}`);
}"""


def report(failures: dict) -> str:
    return "\n\n".join(f"{path}:\n{problems if isinstance(problems, str) else chr(10).join(problems)}" for path, problems in failures.items())


@pytest.fixture
def every_page(page_paths) -> list[str]:
    """Every built page, the 404 page included."""
    return [*page_paths, "404.html"]


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "320px"])
def test_every_page_passes_axe_and_reflows(browser, site_url, every_page, scheme, viewport):
    check_every_page(browser, site_url, every_page, scheme, viewport)


@pytest.mark.every_engine(besides_mkdocs=True)
def test_every_page_of_the_other_engines_builds_passes_axe_on_a_phone_in_dark(browser, site_url, every_page):
    check_every_page(browser, site_url, every_page, "dark", PHONE)


def check_every_page(browser, site_url, every_page, scheme, viewport):
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = context.new_page()
    failures = {}
    for path in every_page:
        page.goto(site_url + path)
        problems = []
        material_scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        if material_scheme != SCHEMES[scheme]:
            problems.append(f"Material shows scheme {material_scheme!r}, expected {SCHEMES[scheme]!r}")
        violations = run_axe(page, AXE_TAGS)
        if violations:
            problems.append(describe_violations(violations))
        widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if widths[0] > widths[1]:
            problems.append(f"scrolls sideways: content {widths[0]} px wide in a {widths[1]} px window")
        undersized = page.evaluate(UNDERSIZED_TARGETS_JS, FOCUSABLE)
        if undersized:
            problems.append("targets under 24x24 px: " + "; ".join(undersized))
        if problems:
            failures[path] = "\n".join(problems)
    context.close()
    assert not failures, report(failures)


def test_every_page_has_a_language_one_h1_and_a_heading_outline(page, site_url, every_page):
    failures = {}
    for path in every_page:
        page.goto(site_url + path)
        problems = []
        if page.evaluate("document.documentElement.lang") != "en":
            problems.append("html lang is not 'en'")
        levels = page.evaluate("[...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => +h.tagName[1])")
        if levels.count(1) != 1 or levels[0] != 1:
            problems.append(f"needs exactly one h1, first: heading levels are {levels}")
        jumps = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
        if jumps:
            problems.append(f"heading levels skip: {jumps} in {levels}")
        if problems:
            failures[path] = "; ".join(problems)
    assert not failures, report(failures)


def test_every_control_has_an_accessible_name(page, site_url, every_page):
    interactive = {"link", "button", "textbox", "searchbox", "checkbox", "radio", "combobox", "listbox", "slider", "spinbutton", "switch", "tab", "menuitem"}
    failures = {}
    for path in every_page:
        page.goto(site_url + path)
        session = page.context.new_cdp_session(page)
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
        session.detach()
        unnamed = [
            f"{node['role']['value']} (backend node {node.get('backendDOMNodeId')})"
            for node in nodes
            if not node.get("ignored") and node.get("role", {}).get("value") in interactive and not node.get("name", {}).get("value", "").strip()
        ]
        if unnamed:
            failures[path] = unnamed
    assert not failures, report(failures)


CLIPPED_TEXT_JS = """() => {
  const article = document.querySelector('article');
  const edge = article.getBoundingClientRect().right + 1;
  const problems = [];
  for (const el of article.querySelectorAll('*')) {
    const s = getComputedStyle(el), r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1 || s.display === 'none') continue;  // not drawn, or visually hidden
    const clips = ['hidden', 'clip'].includes(s.overflowX) || ['hidden', 'clip'].includes(s.overflowY);
    if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) {
      problems.push(`${el.tagName.toLowerCase()}.${el.className} clips its text`);
    }
    if (r.right > edge && !['auto', 'scroll'].includes(getComputedStyle(el.parentElement).overflowX)) {
      problems.push(`${el.tagName.toLowerCase()}.${el.className} runs ${Math.round(r.right - edge)} px past the content`);
    }
  }
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth) problems.push(`page scrolls sideways by ${doc.scrollWidth - doc.clientWidth} px`);
  return problems;
}"""


def test_text_at_200_percent_loses_nothing(browser, site_url, every_page):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    failures = {}
    for path in every_page:
        page.goto(site_url + path)
        # Text-only zoom: Material sizes everything in rem, so doubling the
        # root size doubles all text without changing the viewport.
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        problems = page.evaluate(CLIPPED_TEXT_JS)
        if problems:
            failures[path] = problems
    context.close()
    assert not failures, report(failures)


def test_reduced_motion_stops_animation_transitions_and_smooth_scrolling(browser, site_url, every_page):
    context = browser.new_context(viewport=DESKTOP, reduced_motion="reduce")
    page = context.new_page()
    failures = {}
    for path in every_page:
        page.goto(site_url + path)
        page.locator(".md-search__input").click()  # opens Material's search panel
        moving = page.evaluate("""() => {
          const seconds = (value) => Math.max(...value.split(',').map(parseFloat));
          const moving = [];
          for (const el of [document.documentElement, ...document.querySelectorAll('*')]) {
            for (const pseudo of [null, '::before', '::after']) {
              const s = getComputedStyle(el, pseudo);
              if (s.animationName !== 'none' && seconds(s.animationDuration) > 0) moving.push(`${el.tagName} animation ${s.animationName}`);
              if (seconds(s.transitionDuration) > 0) moving.push(`${el.tagName}.${el.className} transition ${s.transitionProperty}`);
              if (s.scrollBehavior === 'smooth') moving.push(`${el.tagName} smooth scrolling`);
            }
          }
          return [...new Set(moving)].slice(0, 10);
        }""")
        if moving:
            failures[path] = moving
    context.close()
    assert not failures, report(failures)


# What the focused element looks like once its transitions have finished:
# where it is, whether a focus indicator is drawn (on it, or on the label that
# stands in for a hidden input), and whether something covers it.
FOCUS_JS = """async () => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  await frame();
  await frame();  // Material reacts to focus a frame later
  await Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => null)));
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const drawnBy = [el, ...(el.labels || [])];
  if (el.matches('input.md-option') && el.nextElementSibling) drawnBy.push(el.nextElementSibling);
  const parse = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const f = (c) => (c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const backgroundBehind = (node) => {
    for (let n = node.parentElement; n; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const indicators = drawnBy.map((node) => {
    const s = getComputedStyle(node);
    if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) {
      if (s.outlineStyle === 'auto') return 'auto outline';
      const [a, b] = [luminance(parse(s.outlineColor)), luminance(backgroundBehind(node))].sort((x, y) => y - x);
      return `outline ${((a + 0.05) / (b + 0.05)).toFixed(1)}:1`;
    }
    return s.boxShadow !== 'none' ? 'box-shadow' : null;
  }).filter(Boolean);
  const shown = drawnBy.find((node) => node.getBoundingClientRect().width > 1) || el;
  const r = shown.getBoundingClientRect();
  const [cx, cy] = [r.left + r.width / 2, r.top + r.height / 2];
  // Covered if the point just inside its top edge shows something else.
  const top = document.elementFromPoint(Math.min(Math.max(cx, 0), window.innerWidth - 1), Math.min(Math.max(r.top + 2, 0), window.innerHeight - 1));
  const covered = top !== null && !drawnBy.some((node) => node.contains(top)) && !top.contains(shown);
  const describe = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${String(el.className).trim().split(/\\s+/).join('.')} "${(el.getAttribute('aria-label') || el.textContent || el.value || '').trim().slice(0, 30)}"`;
  // A number per element, so a stop is known again whatever the scrolling.
  window.focusStops = window.focusStops || new WeakMap();
  if (!window.focusStops.has(el)) window.focusStops.set(el, (window.focusStopCount = (window.focusStopCount || 0) + 1));
  return {
    key: window.focusStops.get(el),
    describe,
    indicators,
    underHeader: covered && top.closest('.md-header') !== null,
    box: [r.left, r.top, r.width, r.height].map(Math.round),
    // Out of sight unless a line of it shows (24 px, or all of a smaller one):
    // Chromium scrolls a text area's caret into view, not its whole box.
    offScreen: r.width === 0 || r.height === 0
      || Math.min(r.bottom, window.innerHeight) - Math.max(r.top, 0) < Math.min(r.height, 24)
      || Math.min(r.right, window.innerWidth) - Math.max(r.left, 0) < Math.min(r.width, 24),
    inContent: el.closest('.md-content') !== null,
    isQuickExit: el.matches('[data-quick-exit-link]'),
    isSkipLink: el.matches('a.md-skip'),
    id: el.id,
    name: el.name || '',
  };
}"""

WORKSHEET_CONTROLS_JS = """() => [...document.querySelectorAll('form.microsite-worksheet :is(input, textarea, select, button)')]
  .filter((el) => !el.disabled && el.checkVisibility() || el.matches('input[type=file]') && el.labels.length && el.labels[0].checkVisibility())
  .map((el) => ({id: el.id, name: el.type === 'radio' ? el.name : '', label: el.id || el.textContent.trim()}))"""


def walk_with_tab(page, key="Tab", limit=600) -> list[dict]:
    """Every focus stop, pressing `key` from where focus is until it leaves the page."""
    stops = []
    for _ in range(limit):
        page.keyboard.press(key)
        stop = page.evaluate(FOCUS_JS)
        if stop is None or (stops and stop["key"] == stops[0]["key"]):
            return stops
        stops.append(stop)
    raise AssertionError(f"keyboard trap: {limit} presses of {key} never left the page; last stops: {[s['describe'] for s in stops[-5:]]}")


def focus_problems(stops: list[dict]) -> list[str]:
    problems = []
    for stop in stops:
        if not stop["indicators"]:
            problems.append(f"{stop['describe']}: no visible focus indicator")
        for indicator in stop["indicators"]:
            if indicator.startswith("outline ") and float(indicator.split()[1].split(":")[0]) < 3:
                problems.append(f"{stop['describe']}: focus outline contrast {indicator.split()[1]} is under 3:1")
        if stop["underHeader"]:
            problems.append(f"{stop['describe']}: focused but hidden behind the sticky header")
        if stop["offScreen"]:
            problems.append(f"{stop['describe']}: focused but outside the window, at {stop['box']}")
    return problems


@pytest.fixture(scope="session")
def worksheet_page_paths(built_site, page_paths) -> list[str]:
    """Pages holding at least one worksheet form."""
    def source(path):
        return (built_site.site_dir / path / "index.html").read_text(encoding="utf-8")
    return [path for path in page_paths if 'data-module="microsite-worksheet"' in source(path)]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "320px"])
def test_keyboard_alone_reaches_everything_through_a_chapter_and_its_worksheet(browser, site_url, worksheet_page_paths, viewport):
    assert worksheet_page_paths, "no page has a worksheet to walk through"
    path = worksheet_page_paths[0]
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(site_url + path)

    stops = walk_with_tab(page)
    assert stops[0]["isSkipLink"], f"the first Tab should reach the skip link, not {stops[0]['describe']}"
    assert any(stop["isQuickExit"] for stop in stops[:4]), "the quick exit should be among the first four Tab stops"
    problems = focus_problems(stops)
    assert not problems, "\n".join(problems)

    visited = {stop["id"] for stop in stops} | {stop["name"] for stop in stops if stop["name"]}
    controls = page.evaluate(WORKSHEET_CONTROLS_JS)
    missed = [control["label"] for control in controls if control["id"] not in visited and control["name"] not in visited]
    assert controls and missed == [], f"never reached by Tab: {missed}"

    backwards = walk_with_tab(page, "Shift+Tab")
    assert [stop["key"] for stop in reversed(backwards)] == [stop["key"] for stop in stops]
    context.close()


def test_the_skip_link_takes_keyboard_focus_to_the_content(browser, site_url, worksheet_page_paths):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site_url + worksheet_page_paths[0])
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    assert page.evaluate(FOCUS_JS)["isSkipLink"]
    assert skip.inner_text() == "Skip to content"
    box = skip.bounding_box()
    assert box["y"] >= 0 and box["height"] >= 24 and page.evaluate("getComputedStyle(document.querySelector('a.md-skip')).opacity") == "1"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    after = page.evaluate(FOCUS_JS)
    assert after["inContent"], f"after the skip link, Tab went to {after['describe']}"
    assert focus_problems([after]) == []
    context.close()


def test_on_a_small_screen_the_keyboard_opens_the_menu_and_reaches_its_links(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url)
    menu = page.locator("label[for='__drawer'].md-header__button")
    assert menu.inner_text().strip() == "Navigation"  # read by screen readers, not shown
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('for')") == "__drawer"
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked")
    # The drawer follows the header in the page: a few more Tabs reach it.
    stops = []
    for _ in range(8):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUS_JS))
    in_drawer = [stop for stop in stops if "md-nav__link" in stop["describe"]]
    assert in_drawer, [stop["describe"] for stop in stops]
    assert focus_problems(in_drawer) == []
    context.close()
