"""A generated guide is a working site: it builds (with a warning while drafts
remain), refuses a strict build until every draft is rewritten, passes its own
smoke test, and every page passes the same axe check as our guide."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from axe_check import describe_violations, run_axe
from generation import ARTICLES, generate
from helpers import build_site, built_pages, serve_directory, site_path_prefix

CHAPTERS = [
    "docs/chapters/01-introduction.md",
    "docs/chapters/02-why-does-worry-happen.md",
    "docs/chapters/03-cafe-culture.md",
    "docs/chapters/04-uber-vertrauen.md",
    "docs/chapters/05-conclusion.md",
]
DRAFT_BLOCK = re.compile(r"\{% call draft\(\) %\}\n.*?\n\{% endcall %\}", re.S)


def log_lines(output: str, level: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(level)]


@pytest.fixture(scope="module")
def guide(tmp_path_factory):
    return generate(ARTICLES / "title-lines.txt", tmp_path_factory.mktemp("generated") / "guide")


@pytest.fixture(scope="module")
def preview(guide, tmp_path_factory):
    """The guide built the way `mkdocs serve` builds it: not strict."""
    return build_site(guide, tmp_path_factory.mktemp("preview") / "site", strict=False)


def test_a_plain_build_succeeds_and_warns_listing_the_draft_pages(preview):
    assert preview.ok, preview.output
    warning_start = (
        "WARNING -  microsite: these pages still hold text copied from the source article (a draft block); "
        "rewrite it in your own words and remove the draft block before publishing "
        "(`mkdocs build --strict` stops until you do):"
    )
    assert log_lines(preview.output, "WARNING") == [warning_start]
    listed = preview.output.split(warning_start)[1].splitlines()[1:1 + len(CHAPTERS)]
    assert listed == [f"  - {chapter}" for chapter in CHAPTERS]
    assert "Traceback" not in preview.output


def test_the_preview_marks_every_draft_and_shows_quotes_in_their_place(preview):
    chapter = (preview.site_dir / "chapters/02-why-does-worry-happen/index.html").read_text()
    assert chapter.count('class="microsite-draft"') == 1
    assert chapter.count("Draft from the source article:</strong> rewrite in your own words before publishing") == 1
    assert chapter.count('class="microsite-quote microsite-quote--untraced"') == 2
    assert "Brené Brown" in chapter and "described in the source article as a research professor" in chapter


def test_a_strict_build_fails_listing_the_draft_pages_and_writes_nothing(guide, tmp_path):
    result = build_site(guide, tmp_path / "site", strict=True)
    assert not result.ok
    assert (
        "ERROR   -  these pages still hold text copied from the source article (a draft block); rewrite it in "
        "your own words and remove the draft block before publishing:\n"
        + "\n".join(f"  - {chapter}" for chapter in CHAPTERS)
    ) in result.output
    assert not (tmp_path / "site" / "index.html").exists()


def test_the_gate_lifts_once_every_draft_is_rewritten(guide, tmp_path):
    rewritten = shutil.copytree(guide, tmp_path / "guide")
    for chapter in CHAPTERS:
        path = rewritten / chapter
        path.write_text(DRAFT_BLOCK.sub("Our own words, written for our readers.", path.read_text()))
    result = build_site(rewritten, tmp_path / "site", strict=True)
    assert result.ok, result.output
    assert log_lines(result.output, "WARNING") == []
    assert "Draft from the source article" not in (tmp_path / "site/chapters/01-introduction/index.html").read_text()


def test_the_guide_passes_its_own_smoke_test(guide):
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=guide, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout


@pytest.mark.browser
def test_every_generated_page_passes_axe(preview, guide, page):
    server = serve_directory(preview.site_dir, site_path_prefix(guide / "mkdocs.yml"))
    try:
        failures = []
        for path in built_pages(preview.site_dir):
            page.goto(server.base_url + path)
            violations = run_axe(page)
            if violations:
                failures.append(f"{path}:\n{describe_violations(violations)}")
        assert failures == []
    finally:
        server.stop()
