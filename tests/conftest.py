"""Fixtures shared by every test: the guide built once per engine, a static
server on 127.0.0.1 that serves it under its GitHub Pages sub-path, and Chromium.

Tests that use the built guide run against the MkDocs build. Those marked
`every_engine` run against the MkDocs, ProperDocs and Zensical builds alike
(an engine that is not installed fails them). MICROSITE_ENGINES=mkdocs,zensical
narrows that for a quick local run; CI never sets it."""

from __future__ import annotations

import os

import pytest

from helpers import CHROMIUM_FLAGS, ENGINES, REPO, BuildResult, build_with, find_chromium, serve_directory, site_path_prefix


def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        pytest.fail("Chromium not found: run 'apt-get install -y chromium' or set CHROMIUM=/path/to/chromium")
    return path


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium instead of a downloaded browser (none can be fetched here)."""
    return {**browser_type_launch_args, "executable_path": chromium_path(), "args": CHROMIUM_FLAGS}


def engines_to_test() -> tuple[str, ...]:
    chosen = os.environ.get("MICROSITE_ENGINES")
    return tuple(chosen.split(",")) if chosen else ENGINES


def pytest_generate_tests(metafunc):
    if "site_engine" in metafunc.fixturenames:
        marker = metafunc.definition.get_closest_marker("every_engine")
        engines = engines_to_test() if marker else ("mkdocs",)
        if marker and marker.kwargs.get("besides_mkdocs"):
            # A lighter version of a check the MkDocs build already gets in full.
            engines = tuple(name for name in engines if name != "mkdocs")
        metafunc.parametrize("site_engine", engines, indirect=True, scope="session")


@pytest.fixture(scope="session")
def site_engine(request) -> str:
    """The engine that built the guide a test checks (see every_engine above)."""
    return getattr(request, "param", "mkdocs")


@pytest.fixture(scope="session")
def guide_builds(tmp_path_factory):
    """The guide as an engine builds it, strictly and as its README says; once per session each."""
    builds: dict[str, BuildResult] = {}

    def build(engine: str) -> BuildResult:
        if engine not in builds:
            result = build_with(engine, REPO, tmp_path_factory.mktemp(f"guide-{engine}") / "site")
            assert result.ok, result.output
            builds[engine] = result
        return builds[engine]

    return build


@pytest.fixture(scope="session")
def built_site(site_engine, guide_builds) -> BuildResult:
    return guide_builds(site_engine)


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """Base URL of the built guide, served under its GitHub Pages sub-path."""
    server = serve_directory(built_site.site_dir, site_path_prefix(REPO / "mkdocs.yml"))
    yield server.base_url
    server.stop()
