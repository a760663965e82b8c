"""Fixtures shared by every test: the guide built once, a static server on
127.0.0.1 that serves it under its GitHub Pages sub-path, and Chromium."""

from __future__ import annotations

import pytest

from helpers import CHROMIUM_FLAGS, REPO, BuildResult, build_site, find_chromium, serve_directory, site_path_prefix


def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        pytest.fail("Chromium not found: run 'apt-get install -y chromium' or set CHROMIUM=/path/to/chromium")
    return path


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium instead of a downloaded browser (none can be fetched here)."""
    return {**browser_type_launch_args, "executable_path": chromium_path(), "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuildResult:
    """The guide, built once per test session with `mkdocs build --strict`."""
    result = build_site(REPO, tmp_path_factory.mktemp("guide") / "site")
    assert result.ok, result.output
    return result


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """Base URL of the built guide, served under its GitHub Pages sub-path."""
    server = serve_directory(built_site.site_dir, site_path_prefix(REPO / "mkdocs.yml"))
    yield server.base_url
    server.stop()
