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


@pytest.fixture(scope="session")
def page_paths(built_site) -> list[str]:
    return built_pages(built_site.site_dir)
