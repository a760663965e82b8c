"""Browser fixtures: every page opened with requests to other hosts blocked and
recorded, and axe-core (bundled by the axe-playwright-python package) at hand."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from axe_check import WCAG_TAGS, describe_violations, run_axe  # noqa: F401  (re-exported for tests)
from helpers import built_pages

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


# A refused script, style, worker or request is logged with what it broke.
REPORT_POLICY_VIOLATIONS = """document.addEventListener('securitypolicyviolation', (event) =>
  console.error(`Content-Security-Policy violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`));"""


@pytest.fixture
def page_errors(context) -> list[str]:
    """Console errors (a Content-Security-Policy refusal is one) and uncaught script
    errors on every page of the test's browser context; tests assert it stays empty."""
    seen: list[str] = []
    context.add_init_script(REPORT_POLICY_VIOLATIONS)
    context.on("console", lambda message: seen.append(f"{message.page.url if message.page else ''}: {message.text}") if message.type == "error" else None)
    context.on("weberror", lambda error: seen.append(f"{error.page.url if error.page else ''}: uncaught {error.error}"))
    return seen


@pytest.fixture(scope="session")
def page_paths(built_site) -> list[str]:
    return built_pages(built_site.site_dir)

