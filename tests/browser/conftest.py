"""Browser fixtures: every page opened with requests to other hosts blocked and
recorded, and axe-core (bundled by the axe-playwright-python package) at hand."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import axe_playwright_python
import pytest

from helpers import built_pages

AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def run_axe(page, tags=WCAG_TAGS) -> list[dict]:
    """axe-core's violations on the page as it is now (injected through the
    DevTools protocol, so the page's Content-Security-Policy does not block it)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        tags,
    )
    return result["violations"]


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:5]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} -> {targets}")
    return "\n".join(lines)


@pytest.fixture
def offsite_requests(context, site_url):
    """Every request to another host is aborted and listed here; tests assert it stays empty."""
    own_host = urlsplit(site_url).netloc
    seen: list[str] = []

    def guard(route):
        url = route.request.url
        if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).netloc != own_host:
            seen.append(url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", guard)
    return seen


@pytest.fixture(scope="session")
def page_paths(built_site) -> list[str]:
    return built_pages(built_site.site_dir)
