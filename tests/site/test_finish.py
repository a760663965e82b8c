"""`microsite finish SITE_DIR` on a site Zensical built (no MkDocs plugin ran):
it does what the plugin does in a MkDocs build, and refuses, changing nothing,
a folder that is not a built guide, one already finished, or one built from
another configuration."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from helpers import build_with, copy_fixture_site

ZENSICAL_CONFIG = "INHERIT: mkdocs.yml\ntheme:\n  name: microsite\n  variant: classic\n"


def zensical_project(tmp_path: Path, name: str = "minimal") -> Path:
    project = copy_fixture_site(name, tmp_path)
    (project / "zensical.yml").write_text(ZENSICAL_CONFIG, encoding="utf-8")
    return project


def zensical_only(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "zensical", "build", "-f", "zensical.yml"], cwd=project, capture_output=True, text=True)


def finish(project: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "microsite", "finish", *arguments], cwd=project, capture_output=True, text=True)


def snapshot(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_a_zensical_build_finished_has_the_help_link_quick_exit_our_assets_and_a_policy(tmp_path):
    result = build_with("zensical", zensical_project(tmp_path), tmp_path / "out")
    assert result.ok, result.output
    soup = BeautifulSoup((tmp_path / "out/help/index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("a.microsite-help-link")["href"] == "./"
    assert soup.select_one("[data-quick-exit-link]")["href"] == "https://www.bbc.co.uk/weather"
    assert soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"}) is not None
    assert [link["href"] for link in soup.select("link[href*='assets/microsite/']")]
    assert not (tmp_path / "out/__init__.py").exists() and not (tmp_path / "out/mkdocs_theme.yml").exists()


def test_a_folder_that_is_not_a_built_site_is_refused(tmp_path):
    project = zensical_project(tmp_path)
    (project / "empty").mkdir()
    done = finish(project, "empty")
    assert done.returncode == 1
    assert done.stderr == f"{project / 'empty'}: is not a built site (it has no index.html); give the folder the build wrote\nNothing was changed.\n"


def test_finishing_twice_is_refused_and_leaves_the_site_as_it_was(tmp_path):
    project = zensical_project(tmp_path)
    assert zensical_only(project).returncode == 0
    assert finish(project, "site").returncode == 0
    before = snapshot(project / "site")
    again = finish(project, "site")
    assert again.returncode == 1
    assert "has already been finished; build the site again, then run `microsite finish` once" in again.stderr
    assert snapshot(project / "site") == before


def test_a_site_built_from_another_configuration_is_refused(tmp_path):
    project = zensical_project(tmp_path)
    assert zensical_only(project).returncode == 0
    (project / "docs/extra.md").write_text("# A page added after the build\n\nText.\n", encoding="utf-8")
    before = snapshot(project / "site")
    done = finish(project, "site")
    assert done.returncode == 1
    assert "does not match mkdocs.yml: 1 page of docs/ is not in it (such as extra/index.html); build again with this configuration" in done.stderr
    assert snapshot(project / "site") == before


def test_a_mistake_in_a_page_fails_the_finish_naming_the_page(tmp_path):
    project = zensical_project(tmp_path)
    (project / "docs/help.md").write_text('# Help\n\n{{ quote("nobody-said-this") }}\n', encoding="utf-8")
    assert zensical_only(project).returncode == 0
    before = snapshot(project / "site")
    done = finish(project, "site")
    assert done.returncode == 1
    assert "docs/help.md: unknown quote id 'nobody-said-this'; data/quotes.yaml holds no quotes yet" in done.stderr
    assert "Traceback" not in done.stderr
    assert snapshot(project / "site") == before
