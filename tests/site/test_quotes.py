"""Quotes in whole builds: the fixture site `quotes-basic` (one traced, one
untraced quote) and what each setting or mistake does to it; then the guide
itself, where every quote must appear with its provenance."""

from __future__ import annotations

from pathlib import Path

import yaml
import pytest
from bs4 import BeautifulSoup

from helpers import REPO, assert_build_failed_with, build_site, built_pages, copy_fixture_site

# These checks run against the guide as each engine builds it (see tests/conftest.py).
pytestmark = pytest.mark.every_engine

UNTRACED_WORDS = "We could not find where this was first said."


def page(site_dir: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def quotes_site(tmp_path: Path, untraced_quotes: str = "show") -> Path:
    project = copy_fixture_site("quotes-basic", tmp_path)
    mkdocs_yml = project / "mkdocs.yml"
    mkdocs_yml.write_text(
        mkdocs_yml.read_text().replace("untraced_quotes: show", f"untraced_quotes: {untraced_quotes}")
    )
    return project


def warnings_in(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("WARNING")]


def test_quotes_show_their_provenance_and_link_to_their_entry_on_the_sources_page(tmp_path):
    result = build_site(quotes_site(tmp_path), tmp_path / "out")
    assert result.ok, result.output
    home, chapter, about = (page(result.site_dir, path) for path in ("", "chapter", "about"))
    traced = home.select_one("article figure.microsite-quote")
    untraced = chapter.select_one("article figure.microsite-quote")
    assert "Source: A Book About Kindness (2001), page 12." in traced.figcaption.get_text(" ", strip=True)
    assert UNTRACED_WORDS in untraced.figcaption.get_text(" ", strip=True)
    for figure, sources_link in ((traced, "about/#quote-ada-kindness"), (untraced, "../about/#quote-sam-listening")):
        assert figure.find("a", string="How we checked this quote")["href"] == sources_link
        assert about.find(id=sources_link.split("#")[1]).name == "figure"


def test_the_sources_page_lists_every_quote_and_the_further_reading(tmp_path):
    result = build_site(quotes_site(tmp_path), tmp_path / "out")
    about = page(result.site_dir, "about")
    listed = about.select(".microsite-quote-list > figure")
    assert [figure["id"] for figure in listed] == ["quote-ada-kindness", "quote-sam-listening"]
    assert "Called “therapist” in the source article." in listed[0].get_text()
    assert about.select_one(".microsite-reading dt").get_text() == "Listening"
    assert about.select_one(".microsite-reading cite").get_text() == "A made-up study of listening"


def test_excluded_untraced_quotes_are_left_out_of_the_site_and_not_reported_unused(tmp_path):
    project = quotes_site(tmp_path, untraced_quotes="exclude")
    (project / "docs/chapter.md").write_text("# A chapter\n\nNo quote here.\n")
    result = build_site(project, tmp_path / "out")
    assert result.ok, result.output
    assert warnings_in(result.output) == []
    about = page(result.site_dir, "about")
    assert [figure["id"] for figure in about.select(".microsite-quote-list > figure")] == ["quote-ada-kindness"]
    assert "Listen first, then speak." not in (result.site_dir / "about/index.html").read_text()
    assert page(result.site_dir, "").select_one("figure.microsite-quote--traced") is not None


def test_a_page_that_still_calls_an_excluded_quote_fails_naming_the_page_and_the_quote(tmp_path):
    result = build_site(quotes_site(tmp_path, untraced_quotes="exclude"), tmp_path / "out")
    assert_build_failed_with(
        result,
        "docs/chapter.md: quote 'sam-listening' is untraced, and mkdocs.yml leaves untraced quotes out "
        "(untraced_quotes: exclude); remove {{ quote('sam-listening') }} from this page, or set untraced_quotes: show"
    )
    assert not (tmp_path / "out/index.html").exists()


def test_an_unknown_quote_id_fails_naming_the_page_and_the_closest_id(tmp_path):
    project = quotes_site(tmp_path)
    (project / "docs/chapter.md").write_text('# A chapter\n\n{{ quote("sam-listenin") }}\n')
    result = build_site(project, tmp_path / "out", strict=False)
    assert_build_failed_with(result, "docs/chapter.md: unknown quote id 'sam-listenin'; did you mean 'sam-listening'?")


UNUSED_WARNING = (
    "data/quotes.yaml: quote 'sam-listening' is not used on any page; "
    "call it with {{ quote('sam-listening') }} or remove it"
)


def test_a_quote_no_page_uses_fails_a_strict_build_with_a_warning(tmp_path):
    project = quotes_site(tmp_path)
    (project / "docs/chapter.md").write_text("# A chapter\n\nNo quote here.\n")
    result = build_site(project, tmp_path / "out")
    assert not result.ok
    assert any(UNUSED_WARNING in line for line in warnings_in(result.output))


def test_a_quote_no_page_uses_is_only_a_warning_in_a_normal_build(tmp_path):
    project = quotes_site(tmp_path)
    (project / "docs/chapter.md").write_text("# A chapter\n\nNo quote here.\n")
    result = build_site(project, tmp_path / "out", strict=False)
    assert result.ok, result.output
    assert [UNUSED_WARNING in line for line in warnings_in(result.output)] == [True]


def test_mistakes_in_the_quotes_file_are_all_listed_before_anything_is_built(tmp_path):
    project = quotes_site(tmp_path)
    quotes_yaml = project / "data/quotes.yaml"
    quotes_yaml.write_text(
        quotes_yaml.read_text().replace("  work: A Book About Kindness\n", "").replace("provenance: untraced", "provenance: unsure")
    )
    result = build_site(project, tmp_path / "out")
    assert_build_failed_with(
        result,
        "2 problems in the site data; nothing was built:\n"
        "  - data/quotes.yaml: quote 'ada-kindness': provenance 'traced' needs a 'work' title (or use 'untraced')\n"
        "  - data/quotes.yaml: quote 'sam-listening': unknown provenance 'unsure' (expected one of: traced, partly, untraced)"
    )
    assert not (tmp_path / "out").exists()


# --- The guide itself --------------------------------------------------------


def guide_quotes() -> list[dict]:
    return yaml.safe_load((REPO / "data/quotes.yaml").read_text(encoding="utf-8"))


def test_every_quote_in_the_data_appears_in_a_chapter_with_its_provenance(built_site):
    found: dict[str, list[str]] = {}
    for path in built_pages(built_site.site_dir):
        if path == "about/" or path.endswith(".html"):
            continue
        for figure in page(built_site.site_dir, path).select("article figure.microsite-quote"):
            found.setdefault(figure.blockquote.get_text(strip=True), []).append(path)
            caption = figure.figcaption.get_text(" ", strip=True)
            assert "Source:" in caption or UNTRACED_WORDS in caption, path
    for quote in guide_quotes():
        assert found.get(quote["text"]), f"{quote['id']} is not on any chapter"


def test_no_page_quotes_an_expert_without_the_macro(built_site):
    openings = {quote["id"]: quote["text"][:40] for quote in guide_quotes()}
    for path in built_pages(built_site.site_dir):
        if path.endswith(".html"):
            continue
        article = page(built_site.site_dir, path).select_one("article")
        for figure in article.select("figure.microsite-quote"):
            figure.decompose()
        text = article.get_text(" ")
        assert [quote_id for quote_id, opening in openings.items() if opening in text] == [], path


def test_the_about_page_holds_the_generated_quote_list_and_further_reading(built_site):
    about = page(built_site.site_dir, "about")
    listed = about.select(".microsite-quote-list > figure")
    assert [figure["id"] for figure in listed] == [f"quote-{quote['id']}" for quote in guide_quotes()]
    references = yaml.safe_load((REPO / "data/further-reading.yaml").read_text(encoding="utf-8"))
    assert [cite.get_text() for cite in about.select(".microsite-reading cite")] == [
        reference["title"] for reference in references
    ]


def test_every_link_to_a_quotes_entry_finds_it(built_site):
    about = page(built_site.site_dir, "about")
    for path in built_pages(built_site.site_dir):
        if path.endswith(".html"):
            continue
        for link in page(built_site.site_dir, path).find_all("a", string="How we checked this quote"):
            target, anchor = link["href"].split("#")
            assert target.rstrip("/").endswith("about"), (path, link["href"])
            assert about.find(id=anchor) is not None, (path, link["href"])
