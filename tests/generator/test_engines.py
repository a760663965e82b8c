"""`microsite new --engine`: a new guide for MkDocs (the default), ProperDocs
or Zensical, whose two README commands and smoke test use that engine, and
which that engine builds with our components in place."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from generation import ARTICLES, generate
from helpers import build_with

ARTICLE = ARTICLES / "title-lines.txt"


@pytest.mark.parametrize(
    ("engine", "extras", "serve"),
    [
        ("mkdocs", "microsite[test]", '"$VENV/bin/mkdocs" serve'),
        ("properdocs", "microsite[test,properdocs]", '"$VENV/bin/properdocs" serve -f mkdocs.yml'),
        ("zensical", "microsite[test,zensical]", '"$VENV/bin/microsite" preview -f zensical.yml'),
    ],
)
def test_the_project_installs_serves_and_checks_with_its_engine(tmp_path, engine, extras, serve):
    guide = generate(ARTICLE, tmp_path / "guide", "--engine", engine)
    requirement = [line for line in (guide / "requirements.txt").read_text().splitlines() if line.startswith("microsite")]
    assert requirement[0].startswith(extras + " @ ") or requirement[0].startswith(extras + "==")
    assert f"exec {serve}" in (guide / "scripts/dev.sh").read_text()
    assert (guide / "zensical.yml").exists() == (engine == "zensical")
    readme = (guide / "README.md").read_text()
    strict = {"mkdocs": ".venv/bin/mkdocs build --strict", "properdocs": ".venv/bin/properdocs build -f mkdocs.yml --strict",
              "zensical": ".venv/bin/zensical build -f zensical.yml --strict && .venv/bin/microsite finish site --strict"}[engine]
    assert f"```bash\n{strict}\n```" in readme


@pytest.mark.parametrize("engine", ["properdocs", "zensical"])
def test_the_new_guide_builds_with_its_engine_and_passes_its_smoke_test(tmp_path, engine):
    guide = generate(ARTICLE, tmp_path / "guide", "--engine", engine)
    result = build_with(engine, guide, tmp_path / "site", strict=False)
    assert result.ok, result.output
    page = BeautifulSoup((tmp_path / "site/help/index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select_one("a.microsite-help-link") is not None
    assert page.find("meta", attrs={"http-equiv": "Content-Security-Policy"}) is not None
    smoke = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"], cwd=guide,
                           capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
