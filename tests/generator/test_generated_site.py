"""A generated guide is a working site: it builds (with warnings while drafts, placeholders and unchecked
quotes remain), refuses a strict build until each is done, passes its own smoke test, and every page
passes the same axe check as our guide."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

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
QUOTES = ["brown-vulnerability", "david-emotions", "neff-kind", "perez-ask"]
HELP_TODOS = [
    "your readers' emergency number, and a crisis line they can call or text at any hour",
    "the services your readers can reach where they live: the name, what it helps with, its phone number, "
    "its opening hours and its website",
]
DRAFT_BLOCK = re.compile(r"\{% call draft\(\) %\}\n.*?\n\{% endcall %\}", re.S)
PLACEHOLDER_BLOCK = re.compile(r"\{% call placeholder\(.*?\) %\}\n.*?\n\{% endcall %\}", re.S)
AFTER_BUILD = " (`mkdocs build --strict` stops until you do)"


def log_lines(output: str, level: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(level)]


@pytest.fixture(scope="module")
def guide(tmp_path_factory):
    return generate(ARTICLES / "title-lines.txt", tmp_path_factory.mktemp("generated") / "guide")


@pytest.fixture(scope="module")
def preview(guide, tmp_path_factory):
    """The guide built the way `mkdocs serve` builds it: not strict."""
    return build_site(guide, tmp_path_factory.mktemp("preview") / "site", strict=False)


def finish(guide, tmp_path, *, drafts=True, placeholders=True, reviews=True):
    """A copy of the guide with the chosen kinds of unfinished work done."""
    done = shutil.copytree(guide, tmp_path / "guide")
    for page in [*CHAPTERS, "docs/help.md"] if drafts or placeholders else []:
        text = (done / page).read_text()
        if drafts:
            text = DRAFT_BLOCK.sub("Our own words, written for our readers.", text)
        if placeholders:
            text = PLACEHOLDER_BLOCK.sub("Call 111 at any hour for advice.", text)
        (done / page).write_text(text)
    if reviews:
        quotes = done / "data/quotes.yaml"
        quotes.write_text(quotes.read_text().replace("  review: needed\n", ""))
    return done


def test_a_plain_build_succeeds_and_warns_listing_drafts_placeholders_and_quotes_to_check(preview):
    assert preview.ok, preview.output
    drafts = (
        "WARNING -  microsite: these pages still hold text copied from the source article (a draft block); "
        "rewrite it in your own words and remove the draft block before publishing" + AFTER_BUILD + ":"
    )
    placeholders = (
        "WARNING -  microsite: these pages still hold placeholders (a placeholder block); write what each one "
        "asks for and remove the block before publishing" + AFTER_BUILD + ":"
    )
    quotes = (
        "WARNING -  microsite: data/quotes.yaml: these quotes were found by `microsite new` and still say "
        "'review: needed'; check each speaker and role against the source, then remove the 'review' line"
        + AFTER_BUILD + ":"
    )
    assert log_lines(preview.output, "WARNING") == [drafts, placeholders, quotes]
    assert preview.output.split(drafts)[1].splitlines()[1:1 + len(CHAPTERS)] == [f"  - {page}" for page in CHAPTERS]
    assert preview.output.split(placeholders)[1].splitlines()[1:3] == [f"  - docs/help.md: {todo}" for todo in HELP_TODOS]
    assert preview.output.split(quotes)[1].splitlines()[1:5] == [f"  - {quote}" for quote in QUOTES]
    assert "Traceback" not in preview.output


def test_the_preview_marks_every_draft_and_shows_quotes_in_their_place(preview):
    chapter = (preview.site_dir / "chapters/02-why-does-worry-happen/index.html").read_text()
    assert chapter.count('class="microsite-draft"') == 1
    assert chapter.count("Draft from the source article:</strong> rewrite in your own words before publishing") == 1
    assert chapter.count('class="microsite-quote microsite-quote--untraced"') == 2
    assert "Brené Brown" in chapter and "described in the source article as a research professor" in chapter
    assert chapter.count("Not checked yet:") == 2


def test_the_help_page_shows_what_to_write_before_publishing(preview):
    soup = BeautifulSoup((preview.site_dir / "help/index.html").read_text(), "html.parser")
    labels = [label.get_text(" ", strip=True) for label in soup.select(".microsite-draft__label")]
    assert labels == [f"To do before publishing: {todo}" for todo in HELP_TODOS]


def test_a_strict_build_fails_listing_everything_unfinished_and_writes_nothing(guide, tmp_path):
    result = build_site(guide, tmp_path / "site", strict=True)
    assert not result.ok
    assert (
        "ERROR   -  these pages still hold text copied from the source article (a draft block); rewrite it in "
        "your own words and remove the draft block before publishing:\n"
        + "\n".join(f"  - {chapter}" for chapter in CHAPTERS)
        + "\nthese pages still hold placeholders (a placeholder block); write what each one asks for and remove "
        "the block before publishing:\n"
        + "\n".join(f"  - docs/help.md: {todo}" for todo in HELP_TODOS)
        + "\ndata/quotes.yaml: these quotes were found by `microsite new` and still say 'review: needed'; check "
        "each speaker and role against the source, then remove the 'review' line:\n"
        + "\n".join(f"  - {quote}" for quote in QUOTES)
    ) in result.output
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.parametrize(
    "left, message",
    [
        ({"drafts": False}, "these pages still hold text copied from the source article"),
        ({"placeholders": False}, "these pages still hold placeholders (a placeholder block)"),
        ({"reviews": False}, "data/quotes.yaml: these quotes were found by `microsite new` and still say"),
    ],
)
def test_each_gate_alone_still_stops_a_strict_build(guide, tmp_path, left, message):
    result = build_site(finish(guide, tmp_path, **left), tmp_path / "site", strict=True)
    assert not result.ok
    assert message in result.output


def test_the_gates_lift_once_drafts_placeholders_and_quotes_are_done(guide, tmp_path):
    result = build_site(finish(guide, tmp_path), tmp_path / "site", strict=True)
    assert result.ok, result.output
    assert log_lines(result.output, "WARNING") == []
    assert "Draft from the source article" not in (tmp_path / "site/chapters/01-introduction/index.html").read_text()
    assert "To do before publishing" not in (tmp_path / "site/help/index.html").read_text()


def test_a_chapter_emptied_by_the_author_stops_a_strict_build(guide, tmp_path):
    done = finish(guide, tmp_path)
    (done / CHAPTERS[-1]).write_text("# Conclusion\n\n{{ help_note() }}\n")
    result = build_site(done, tmp_path / "site", strict=True)
    assert not result.ok
    assert (
        "WARNING -  microsite: docs/chapters/05-conclusion.md: the page has nothing but its title; write its "
        "text, or remove it from nav in mkdocs.yml"
    ) in result.output


def test_the_guide_passes_its_own_smoke_test(guide):
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=guide, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout


@pytest.mark.parametrize("article, language", [("spanish.txt", "es"), ("german.txt", "de")])
def test_a_guide_from_a_spanish_or_german_article_builds_in_its_language(tmp_path, article, language):
    guide = generate(ARTICLES / article, tmp_path / "guide")
    result = build_site(guide, tmp_path / "site", strict=False)
    assert result.ok, result.output
    chapter = next((tmp_path / "site/chapters").glob("02-*/index.html"))
    page = BeautifulSoup(chapter.read_text(), "html.parser")
    assert page.html["lang"] == language
    assert len(page.select(".microsite-quote")) == 1


def test_raw_html_in_the_article_reaches_the_page_as_text(tmp_path):
    guide = generate(ARTICLES / "raw-html.md", tmp_path / "guide")
    result = build_site(guide, tmp_path / "site", strict=False)
    assert result.ok, result.output
    soup = BeautifulSoup((tmp_path / "site/chapters/01-safe-pages/index.html").read_text(), "html.parser")
    draft = soup.select_one(".microsite-draft")
    assert draft.select("script, b") == []
    assert 'such as <script>alert("hi")</script> or <b>bold tags</b> in their text.' in draft.get_text()
    assert not any("alert" in (script.string or "") for script in soup.select("script"))
    # Tags in a heading are left out: MkDocs writes a page's title into <title> unescaped.
    last = (tmp_path / "site/chapters/03-the-last-word/index.html").read_text()
    assert "<title>The Last Word - Raw html</title>" in last


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
