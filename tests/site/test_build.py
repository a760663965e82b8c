"""Whole-site builds: the guide builds strictly, and author mistakes fail the
build with one sentence that names the page and what is wrong."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from helpers import assert_build_failed_with, build_site, built_pages, copy_fixture_site

# These checks run against the guide as each engine builds it (see tests/conftest.py).
pytestmark = pytest.mark.every_engine


def test_guide_builds_strictly_without_any_warning(built_site):
    warnings = [line for line in built_site.output.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert warnings == []
    assert "Traceback" not in built_site.output


def test_every_page_has_the_help_link_in_its_header(built_site):
    for page in built_pages(built_site.site_dir):
        soup = BeautifulSoup((built_site.site_dir / page / "index.html" if not page.endswith(".html") else built_site.site_dir / page).read_text(), "html.parser")
        link = soup.select_one("header a.microsite-help-link")
        assert link is not None and link.get_text(strip=True) == "Get help now", page


FETCHING_RELATIONS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch", "manifest"}


def test_no_page_loads_anything_from_another_host(built_site):
    loaders = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src", "video": "src", "audio": "src"}
    for html in built_site.site_dir.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(), "html.parser")
        for tag, attribute in loaders.items():
            for element in soup.find_all(tag):
                if tag == "link" and not FETCHING_RELATIONS & set(element.get("rel") or []):
                    continue  # canonical, prev, next: relations, not requests
                address = element.get(attribute) or ""
                assert not urlsplit(address).netloc, f"{html}: <{tag} {attribute}='{address}'>"
        assert "fonts.googleapis" not in html.read_text()


def test_not_found_page_uses_absolute_links_under_the_site_path(built_site):
    soup = BeautifulSoup((built_site.site_dir / "404.html").read_text(), "html.parser")
    assert soup.h1.get_text() == "Page not found"
    stylesheets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    assert stylesheets and all(href.startswith("/insecurity-guide/") for href in stylesheets)
    assert soup.find("a", string="Get help now")["href"] == "/insecurity-guide/help/"


def test_a_fixture_site_builds_and_renders_the_help_note(tmp_path):
    project = copy_fixture_site("minimal", tmp_path)
    result = build_site(project, tmp_path / "out")
    assert result.ok, result.output
    soup = BeautifulSoup((tmp_path / "out/index.html").read_text(), "html.parser")
    assert soup.select_one("aside.microsite-help-note a")["href"] == "help/"


def test_unknown_macro_fails_naming_the_page_and_the_name(tmp_path):
    project = copy_fixture_site("minimal", tmp_path)
    (project / "docs/help.md").write_text("# Help\n\n{{ worksheat('x') }}\n")
    result = build_site(project, tmp_path / "out")
    assert_build_failed_with(result, "docs/help.md: unknown macro or variable 'worksheat'")
    assert not (tmp_path / "out/index.html").exists()


def test_undefined_variable_fails_naming_the_page_and_the_name(tmp_path):
    project = copy_fixture_site("minimal", tmp_path)
    (project / "docs/index.md").write_text("# Home\n\nReviewed {{ last_reviewd }}.\n")
    result = build_site(project, tmp_path / "out")
    assert_build_failed_with(result, "docs/index.md: unknown macro or variable 'last_reviewd'")


def test_broken_internal_link_fails_a_strict_build_naming_the_page(tmp_path):
    project = copy_fixture_site("minimal", tmp_path)
    (project / "docs/help.md").write_text("# Help\n\nSee [the chapter](chapters/missing.md).\n")
    result = build_site(project, tmp_path / "out")
    assert not result.ok
    assert re.search(r"Doc file 'help.md' contains a link 'chapters/missing.md'", result.output)


def test_missing_help_page_is_explained(tmp_path):
    project = copy_fixture_site("minimal", tmp_path)
    (project / "docs/help.md").unlink()
    (project / "mkdocs.yml").write_text((project / "mkdocs.yml").read_text().replace("  - Help: help.md\n", ""))
    result = build_site(project, tmp_path / "out")
    assert_build_failed_with(result, "help_page 'help.md' is not in docs/; create that page or point help_page at your help page")


def test_settings_that_would_reach_other_sites_or_record_searches_stop_the_build(tmp_path):
    project = copy_fixture_site("minimal", tmp_path)
    config = (project / "mkdocs.yml").read_text()
    config = config.replace("  font: false\n", "  features:\n    - search.highlight\n")
    (project / "mkdocs.yml").write_text(config)
    result = build_site(project, tmp_path / "out")
    assert_build_failed_with(
        result,
        "mkdocs.yml: theme: set font: false; otherwise the theme loads its fonts from Google, which tells another "
        "company who reads the guide (the pages use the reader's own fonts instead)",
    )
    assert (
        "mkdocs.yml: theme: features: remove search.highlight; it puts what a reader searched for into the page's "
        "address, and so into their browser history"
    ) in result.output


def test_what_the_components_need_in_mkdocs_yml_is_named_with_the_line_to_add(tmp_path):
    project = copy_fixture_site("minimal", tmp_path)
    config = (project / "mkdocs.yml").read_text().replace("  - md_in_html\n", "  - attr_list\n")
    config = config.replace("      on_undefined: strict\n", "      on_undefined: keep\n")
    (project / "mkdocs.yml").write_text(config)
    result = build_site(project, tmp_path / "out")
    assert_build_failed_with(
        result, "mkdocs.yml: markdown_extensions: add '- md_in_html' (draft and placeholder blocks hold Markdown, which it renders)"
    )
    assert (
        "mkdocs.yml: plugins: macros: set on_undefined: strict (a misspelled macro must stop the build, naming the page)"
    ) in result.output
    assert "2 problems in the site data; nothing was built:" in result.output


def test_a_script_or_inline_style_written_into_a_page_stops_the_build_naming_the_page(tmp_path):
    project = copy_fixture_site("minimal", tmp_path)
    (project / "docs/help.md").write_text(
        '# Help\n\n<script>alert("hi")</script>\n\n<p style="color: red" onclick="steal()">Call now.</p>\n'
    )
    result = build_site(project, tmp_path / "out")
    assert_build_failed_with(
        result,
        "docs/help.md: holds inline code that the Content-Security-Policy would have to allow (a <script> element; "
        "a style=\"…\" attribute on <p>; an event handler (onclick=\"…\") on <p>); move behaviour into a component's "
        "script and styles into its stylesheet, or, if you trust this page's code, list the page under "
        "allow_inline_code (plugins: - microsite:) in mkdocs.yml",
    )
    assert not (tmp_path / "out/help/index.html").exists()


def test_a_page_listed_under_allow_inline_code_may_hold_it_and_the_policy_allows_exactly_that(tmp_path):
    project = copy_fixture_site("minimal", tmp_path)
    (project / "docs/help.md").write_text('# Help\n\n<script>window.trusted = 1;</script>\n')
    config = (project / "mkdocs.yml").read_text().replace("  - microsite:\n", "  - microsite:\n      allow_inline_code: [help.md]\n")
    (project / "mkdocs.yml").write_text(config)
    result = build_site(project, tmp_path / "out")
    assert result.ok, result.output
    policy = BeautifulSoup((tmp_path / "out/help/index.html").read_text(), "html.parser").find(
        "meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    from microsite.csp import source_hash

    assert source_hash("window.trusted = 1;") in policy


def test_every_page_links_the_accessibility_statement_and_help_from_its_foot(built_site):
    for page in [*built_pages(built_site.site_dir), "404.html"]:
        path = built_site.site_dir / (page if page.endswith(".html") else page + "index.html")
        footer = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("nav.microsite-footer-links")
        links = {a.get_text(): a["href"] for a in footer.select("a")}
        assert set(links) == {"Accessibility statement", "Get help now"}, page
        address = urljoin(f"https://example.org/insecurity-guide/{page}", links["Accessibility statement"])
        assert urlsplit(address).path == "/insecurity-guide/accessibility/", page


def test_a_link_to_a_missing_heading_fails_a_strict_build_without_any_validation_settings(tmp_path):
    project = copy_fixture_site("minimal", tmp_path)
    assert "validation" not in (project / "mkdocs.yml").read_text()
    (project / "docs/help.md").write_text("# Help\n\nSee [the numbers](index.md#numbers-to-call).\n")
    result = build_site(project, tmp_path / "out")
    assert not result.ok
    assert "contains a link 'index.md#numbers-to-call', but the doc 'index.md' does not contain an anchor '#numbers-to-call'" in result.output
