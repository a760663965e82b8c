"""What a strict build refuses to publish besides drafts: placeholders the
author has not filled in, quotes still marked for review, and chapters with
nothing but a title. A plain build (or `mkdocs serve`) warns instead."""

from __future__ import annotations

from bs4 import BeautifulSoup

from helpers import assert_build_failed_with, build_site, copy_fixture_site, edit_yaml

HELP_WITH_PLACEHOLDER = """# Help

Call your local emergency number.

{% call placeholder("the help lines your readers can reach, with numbers and hours") %}
List each service here.
{% endcall %}
"""


def test_a_placeholder_stops_a_strict_build_naming_the_page_and_what_to_write(tmp_path):
    project = copy_fixture_site("minimal", tmp_path)
    (project / "docs/help.md").write_text(HELP_WITH_PLACEHOLDER)
    result = build_site(project, tmp_path / "out")
    assert_build_failed_with(
        result,
        "these pages still hold placeholders (a placeholder block); write what each one asks for and remove "
        "the block before publishing:\n  - docs/help.md: the help lines your readers can reach, with numbers and hours",
    )
    assert not (tmp_path / "out/help/index.html").exists()


def test_a_plain_build_shows_the_placeholder_and_warns(tmp_path):
    project = copy_fixture_site("minimal", tmp_path)
    (project / "docs/help.md").write_text(HELP_WITH_PLACEHOLDER)
    result = build_site(project, tmp_path / "out", strict=False)
    assert result.ok, result.output
    assert "WARNING -  microsite: these pages still hold placeholders" in result.output
    block = BeautifulSoup((tmp_path / "out/help/index.html").read_text(), "html.parser").select_one(".microsite-draft")
    assert block.select_one(".microsite-draft__label").get_text(" ", strip=True) == (
        "To do before publishing: the help lines your readers can reach, with numbers and hours"
    )


def test_a_quote_marked_for_review_stops_a_strict_build_naming_it(tmp_path):
    project = copy_fixture_site("quotes-basic", tmp_path)
    edit_yaml(project / "data/quotes.yaml", lambda quotes: quotes[1].update(review="needed"))
    result = build_site(project, tmp_path / "out")
    assert_build_failed_with(
        result,
        "data/quotes.yaml: these quotes were found by `microsite new` and still say 'review: needed'; check each "
        "speaker and role against the source, then remove the 'review' line:\n  - sam-listening",
    )


def test_a_quote_marked_for_review_says_so_on_the_page_in_a_preview(tmp_path):
    project = copy_fixture_site("quotes-basic", tmp_path)
    edit_yaml(project / "data/quotes.yaml", lambda quotes: quotes[1].update(review="needed"))
    result = build_site(project, tmp_path / "out", strict=False)
    assert result.ok, result.output
    soup = BeautifulSoup((tmp_path / "out/chapter/index.html").read_text(), "html.parser")
    assert soup.select_one(".microsite-quote__review").get_text(" ", strip=True).startswith("Not checked yet:")


def test_review_accepts_only_needed(tmp_path):
    project = copy_fixture_site("quotes-basic", tmp_path)
    edit_yaml(project / "data/quotes.yaml", lambda quotes: quotes[1].update(review="done"))
    assert_build_failed_with(
        build_site(project, tmp_path / "out"),
        "data/quotes.yaml: quote 'sam-listening': 'review' can only be 'needed', found 'done'; once you have "
        "checked the speaker and the role, remove the 'review' line",
    )


def test_a_chapter_with_nothing_but_its_title_fails_a_strict_build(tmp_path):
    project = copy_fixture_site("minimal", tmp_path)
    (project / "docs/chapter.md").write_text("# An empty chapter\n\n{{ help_note() }}\n")
    edit_yaml(project / "mkdocs.yml", lambda config: config["nav"].insert(1, {"Chapters": ["chapter.md"]}))
    result = build_site(project, tmp_path / "out")
    assert not result.ok
    assert (
        "WARNING -  microsite: docs/chapter.md: the page has nothing but its title; write its text, or remove it "
        "from nav in mkdocs.yml"
    ) in result.output
