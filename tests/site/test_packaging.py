"""The package fits into another MkDocs project: it declares version ranges,
not pins, so a project with other (compatible) versions of MkDocs' pieces can
install it as they are, and its components work there."""

from __future__ import annotations

import os
import subprocess
import venv

from bs4 import BeautifulSoup

from helpers import REPO, copy_fixture_site

OTHER_VERSIONS = ["mkdocs-material==9.7.6", "mkdocs-macros-plugin==1.4.1"]


def pinned(package: str) -> str:
    for line in (REPO / "constraints.txt").read_text().splitlines():
        if line.lower().startswith(package + "=="):
            return line.split("==")[1]
    raise AssertionError(f"{package} is not pinned")


def test_the_package_installs_beside_other_compatible_versions_and_its_components_work(tmp_path):
    assert pinned("mkdocs-material") != "9.7.6" and pinned("mkdocs-macros-plugin") != "1.4.1"
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin/python"
    installed = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(REPO), *OTHER_VERSIONS],
        capture_output=True, text=True, timeout=600,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    versions = subprocess.run([str(python), "-m", "pip", "freeze"], capture_output=True, text=True).stdout
    assert "mkdocs-material==9.7.6" in versions and "mkdocs-macros-plugin==1.4.1" in versions
    project = copy_fixture_site("minimal", tmp_path)
    built = subprocess.run(
        [str(environment / "bin/mkdocs"), "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=300,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    page = BeautifulSoup((tmp_path / "site/index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select_one("a.microsite-help-link") is not None
    assert page.select_one("aside.microsite-help-note") is not None
    assert "mkdocs-material-9.7.6" in page.find("meta", attrs={"name": "generator"})["content"]
