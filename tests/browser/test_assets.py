"""Our styles and scripts are published under names made from their content,
so a browser that visited before a deploy fetches the new files after it
instead of running a stale copy."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from helpers import REPO, build_site, copy_fixture_site, serve_directory, site_path_prefix

pytestmark = pytest.mark.browser


def build_deploy(tmp_path: Path, name: str, package: Path | None = None) -> Path:
    project = copy_fixture_site("worksheet-pages", tmp_path / name)
    shutil.copytree(REPO / "data/worksheets", project / "data/worksheets")
    env = {"PYTHONPATH": str(package)} if package else None
    result = build_site(project, tmp_path / name / "site", extra_env=env)
    assert result.ok, result.output
    return result.site_dir


def package_with_a_changed_script(tmp_path: Path) -> Path:
    """A copy of the microsite package whose worksheet script does one more thing."""
    copy = tmp_path / "package"
    shutil.copytree(REPO / "microsite", copy / "microsite", ignore=shutil.ignore_patterns("__pycache__"))
    script = copy / "microsite/components/worksheet/worksheet.js"
    script.write_text(script.read_text(encoding="utf-8") + "\nwindow.micrositeDeploy = 2;\n", encoding="utf-8")
    return copy


def our_files(site: Path, suffix: str) -> set[str]:
    return {path.name for path in (site / "assets/microsite").glob(f"*{suffix}")}


def page_script(site: Path, page: str = "") -> str:
    """The name of the page's own script (the home page holds two worksheets),
    which comes after the one every page loads."""
    html = (site / page / "index.html").read_text(encoding="utf-8")
    return re.findall(r'<script src="[./]*assets/microsite/([0-9a-f]+\.js)">', html)[-1]


def test_a_new_deploy_changes_the_script_name_and_the_browser_fetches_it(tmp_path, page):
    first = build_deploy(tmp_path, "first")
    second = build_deploy(tmp_path, "second", package_with_a_changed_script(tmp_path))
    assert our_files(first, ".css") == our_files(second, ".css")
    # Only the script of pages with a worksheet changed its name; the others keep theirs (and the cache).
    assert our_files(second, ".js") - our_files(first, ".js") == {page_script(second)}
    assert page_script(first, "help/") == page_script(second, "help/")

    live = tmp_path / "live"
    shutil.copytree(first, live)
    server = serve_directory(live, site_path_prefix(REPO / "tests/fixtures/sites/worksheet-pages/mkdocs.yml"))
    try:
        fetched: list[str] = []
        page.on("request", lambda request: fetched.append(request.url.rsplit("/", 1)[-1]) if "/assets/microsite/" in request.url else None)
        page.goto(server.base_url)
        assert page.evaluate("window.micrositeDeploy") is None
        shutil.rmtree(live)
        shutil.copytree(second, live)
        # A reader who reloads: the browser asks again for the page (which it may
        # otherwise keep a while, as it may with any page) but takes its scripts
        # from its cache when their names have not changed.
        page.reload()
        assert page_script(second) != page_script(first) and page_script(second) in fetched
        assert page.evaluate("window.micrositeDeploy") == 2
    finally:
        server.stop()
