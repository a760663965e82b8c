"""The guide's content, checked on the real build: chapters in the source article's
order, one h1 per page, each strategy chapter with its worksheet and quote, plain
language, no placeholders, our own words, and help numbers exactly as checked."""

from __future__ import annotations

import hashlib
import importlib.util
import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import REPO, built_pages

DOCS = REPO / "docs"
# Hashes of every 8-word run of the source article, so this check runs anywhere without
# a copy of the article. Regenerate: PYTHONPATH=tests python tests/site/test_content.py article.txt > <this file>
ARTICLE_RUNS = REPO / "tests" / "fixtures" / "source-article-8grams.txt"

# The source article's sections, in its order.
CHAPTERS = [
    "introduction",
    "open-communication",
    "focus-on-the-positive",
    "embrace-vulnerability",
    "self-compassion",
    "reframe-negative-thoughts",
    "connect-with-values",
    "seek-professional-help",
    "conclusion",
]
# Each strategy chapter, its worksheet and its quote.
STRATEGIES = [
    ("open-communication", "conversation-planner", "richards-communication"),
    ("focus-on-the-positive", "gratitude-log", "seppala-gratitude"),
    ("embrace-vulnerability", "trigger-map", "brown-vulnerability"),
    ("self-compassion", "self-compassion-break", "neff-self-compassion"),
    ("reframe-negative-thoughts", "thought-record", "oneill-reframing"),
    ("connect-with-values", "values-compass", "murray-values"),
    ("seek-professional-help", "therapist-finder", "allen-therapist"),
]
PLACEHOLDER = re.compile(r"\bTODO\b|lorem ipsum|coming soon|being written", re.IGNORECASE)
HIGHEST_GRADE = 8  # US school grade, Flesch-Kincaid; we aim for 6-7


def _load_readability():
    """scripts/readability.py, so the gate and the printed table measure the same way."""
    spec = importlib.util.spec_from_file_location("readability", REPO / "scripts" / "readability.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


readability = _load_readability()


def read_page(built_site, page: str) -> BeautifulSoup:
    """A built page by its URL path from the site root: '' for home, 'guide/introduction/'."""
    path = built_site.site_dir / page
    if not page.endswith(".html"):
        path = path / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article(built_site, page: str):
    return read_page(built_site, page).select_one("article.md-content__inner")


def eight_word_runs(text: str) -> set[str]:
    """Every run of 8 words, counted like the team's own-words hook, as short hashes."""
    words = re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))
    runs = (" ".join(words[i : i + 8]) for i in range(len(words) - 7))
    return {hashlib.sha256(run.encode()).hexdigest()[:16] for run in runs}


def test_navigation_lists_every_chapter_in_the_articles_order(built_site):
    nav = read_page(built_site, "").select_one("nav.md-nav--primary")
    links = [a["href"] for a in nav.select("a[href^='guide/']")]
    assert [href.removeprefix("guide/").rstrip("/") for href in links] == CHAPTERS


def test_every_page_has_exactly_one_h1(built_site):
    for page in built_pages(built_site.site_dir):
        count = len(read_page(built_site, page).find_all("h1"))
        assert count == 1, f"{page or 'home'}: {count} h1 elements"


@pytest.mark.parametrize(("chapter", "worksheet_id", "quote_id"), STRATEGIES)
def test_strategy_chapter_has_one_worksheet_and_its_quote(built_site, chapter, worksheet_id, quote_id):
    content = article(built_site, f"guide/{chapter}/")
    forms = content.select("form[data-module='microsite-worksheet']")
    assert [form["data-worksheet-id"] for form in forms] == [worksheet_id]
    assert content.select("figure.microsite-quote")
    source = (DOCS / "guide" / f"{chapter}.md").read_text(encoding="utf-8")
    assert re.findall(r"""quote\(["']([^"']+)""", source) == [quote_id]


@pytest.mark.parametrize("chapter", ["open-communication", "seek-professional-help"])
def test_chapter_warns_before_advice_that_is_unsafe_with_a_controlling_partner(built_site, chapter):
    warning = article(built_site, f"guide/{chapter}/").select_one(".admonition.warning")
    assert warning is not None and "frighten" in warning.get_text()
    assert warning.select_one("a[href='../../help/']")


@pytest.mark.parametrize("page", [f"guide/{chapter}/" for chapter in CHAPTERS] + ["", "help/"], ids=lambda page: page or "home")
def test_page_reads_at_grade_8_or_below(built_site, page):
    score = readability.measure_page(str(read_page(built_site, page)))
    assert score.words > 100, f"{page or 'home'}: only {score.words} words measured"
    assert score.grade <= HIGHEST_GRADE, f"{page or 'home'}: Flesch-Kincaid grade {score.grade:.1f}"


def test_no_page_has_placeholder_text(built_site):
    for page in built_pages(built_site.site_dir):
        soup = read_page(built_site, page)
        for code in soup(["script", "style"]):
            code.decompose()
        found = PLACEHOLDER.search(soup.get_text(" "))
        assert found is None, f"{page or 'home'}: placeholder text {found.group(0)!r}"


def test_no_page_repeats_eight_words_of_the_source_article():
    article_runs = set(ARTICLE_RUNS.read_text(encoding="utf-8").split())
    for page in sorted(DOCS.rglob("*.md")):
        shared = eight_word_runs(page.read_text(encoding="utf-8")) & article_runs
        assert not shared, f"{page.relative_to(REPO)} repeats {len(shared)} eight-word runs of the source article"


def test_help_numbers_are_exactly_as_checked_and_can_be_called(built_site):
    """Every number and address in data/helplines.yaml is on the help page exactly as
    written there, as a link that calls, texts, writes or opens it."""
    from microsite.components.helplines import load_helplines
    from microsite.components.helplines.views import address_in_words
    from microsite.errors import ErrorList

    errors = ErrorList()
    helplines = load_helplines(REPO / "data" / "helplines.yaml", lambda path: "data/helplines.yaml", errors)
    assert not errors and helplines is not None
    help_page = article(built_site, "help/")
    expected = {f"tel:{c.emergency}": c.emergency for c in helplines.countries if c.emergency}
    for service in helplines.services:
        for contact in service.contacts:
            expected[contact.href] = contact.value if contact.kind not in ("chat", "web") else address_in_words(contact.value)
    for href, text in expected.items():
        link_texts = {a.get_text() for a in help_page.find_all("a", href=href)}
        assert link_texts == {text}, f"{href}: {link_texts}"
    page_text = " ".join(help_page.get_text(" ").split())
    for country in helplines.countries:
        if country.emergency_note:
            assert " ".join(country.emergency_note.split()) in page_text


if __name__ == "__main__":
    print("\n".join(sorted(eight_word_runs(Path(sys.argv[1]).read_text(encoding="utf-8")))))
