"""The guide's content, checked on the real build: chapters in the source article's
order, one h1 per page, each strategy chapter with its worksheet and quote, safety
caveats before unsafe advice (on the page, in each worksheet and in the workbook),
the riskiest signs of control, the chapter on asking and checking, worksheets that
match their chapters, the accessibility statement, plain language, US spelling,
no placeholders, our own words, and help numbers exactly as checked."""

from __future__ import annotations

import hashlib
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import REPO, built_pages

# These checks run against the guide as each engine builds it (see tests/conftest.py).
pytestmark = pytest.mark.every_engine

DOCS = REPO / "docs"
# Hashes of every 8-word run of the source article, so this check runs anywhere without
# a copy of the article. Regenerate: PYTHONPATH=tests python tests/site/test_content.py article.txt > <this file>
ARTICLE_RUNS = REPO / "tests" / "fixtures" / "source-article-8grams.txt"

# The source article's sections, in its order, with our chapter on asking and
# checking (which the article does not have) after the one on worried thoughts.
CHAPTERS = [
    "introduction",
    "open-communication",
    "focus-on-the-positive",
    "embrace-vulnerability",
    "self-compassion",
    "reframe-negative-thoughts",
    "reassurance-and-checking",
    "connect-with-values",
    "seek-professional-help",
    "conclusion",
]
# Each strategy chapter, its worksheet and its quote (None: the chapter is ours,
# not the article's, so it quotes no one).
STRATEGIES = [
    ("open-communication", "conversation-planner", "richards-communication"),
    ("focus-on-the-positive", "gratitude-log", "seppala-gratitude"),
    ("embrace-vulnerability", "trigger-map", "brown-vulnerability"),
    ("self-compassion", "self-compassion-break", "neff-self-compassion"),
    ("reframe-negative-thoughts", "thought-record", "oneill-reframing"),
    ("reassurance-and-checking", "reassurance-tracker", None),
    ("connect-with-values", "values-compass", "murray-values"),
    ("seek-professional-help", "therapist-finder", "allen-therapist"),
]
CHAPTER_OF_WORKSHEET = {worksheet_id: chapter for chapter, worksheet_id, _ in STRATEGIES}
# Chapters whose advice is unsafe with a partner who frightens or controls the
# reader: each warns before the advice. Worksheets with such advice carry a caveat.
CAVEATED_CHAPTERS = [
    "open-communication",
    "focus-on-the-positive",
    "embrace-vulnerability",
    "reframe-negative-thoughts",
    "reassurance-and-checking",
    "connect-with-values",
    "seek-professional-help",
    "conclusion",
]
CAVEATED_WORKSHEETS = [
    "conversation-planner",
    "gratitude-log",
    "trigger-map",
    "thought-record",
    "reassurance-tracker",
    "values-compass",
    "therapist-finder",
]
WORKSHEETS = REPO / "data" / "worksheets"
# Every page a reader can open, by its URL path.
PAGES = [f"guide/{chapter}/" for chapter in CHAPTERS] + ["", "worksheets/", "help/", "about/", "accessibility/"]
# British spellings (the guide writes US English), and the proper names that keep theirs.
BRITISH = re.compile(
    r"\b(colours?|behaviours?|favour\w*|honour\w*|neighbour\w*|humour|labour|centres?|programmes?|"
    r"counsell\w*|practis\w*|recognis\w*|realis\w*|organis\w*|apologis\w*|criticis\w*|prioritis\w*|"
    r"travell\w*|cancell\w*|judgement|licence|defence|offence|whilst|amongst|towards|grey|learnt)\b",
    re.IGNORECASE,
)
# Names keep their own spelling: a journal's, and every help line's (from data/helplines.yaml).
PROPER_NAMES = ["Behaviour Research and Therapy"] + [
    service["name"] for service in yaml.safe_load((REPO / "data/helplines.yaml").read_text(encoding="utf-8"))["services"]
]
PLACEHOLDER = re.compile(r"\bTODO\b|lorem ipsum|coming soon|being written", re.IGNORECASE)


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


def flat(text: str) -> str:
    return " ".join(text.split())


def comes_before(first, second) -> bool:
    """True if element `first` starts before element `second` in the document."""
    return second in first.find_all_next()


def worksheet_data(worksheet_id: str) -> dict:
    return yaml.safe_load((WORKSHEETS / f"{worksheet_id}.yaml").read_text(encoding="utf-8"))


def worksheet_form(built_site, worksheet_id: str):
    chapter = CHAPTER_OF_WORKSHEET[worksheet_id]
    return article(built_site, f"guide/{chapter}/").select_one(f"form[data-worksheet-id='{worksheet_id}']")


def field_of(form, field_id: str):
    return form.select_one(f"[data-field='{field_id}']")


def eight_word_runs(text: str) -> set[str]:
    """Every run of 8 words, counted like the team's own-words hook, as short hashes."""
    words = re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))
    runs = (" ".join(words[i : i + 8]) for i in range(len(words) - 7))
    return {hashlib.sha256(run.encode()).hexdigest()[:16] for run in runs}


def test_navigation_lists_every_chapter_in_the_articles_order(built_site):
    nav = read_page(built_site, "").select_one("nav.md-nav--primary")
    # Zensical writes "./guide/…" where MkDocs writes "guide/…".
    hrefs = [a["href"].removeprefix("./") for a in nav.select("a[href]")]
    links = [href for href in hrefs if href.startswith("guide/")]
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
    assert bool(content.select("figure.microsite-quote")) == (quote_id is not None)
    source = (DOCS / "guide" / f"{chapter}.md").read_text(encoding="utf-8")
    assert re.findall(r"""quote\(["']([^"']+)""", source) == ([quote_id] if quote_id else [])


@pytest.mark.parametrize("chapter", CAVEATED_CHAPTERS)
def test_chapter_warns_before_advice_that_is_unsafe_with_a_controlling_partner(built_site, chapter):
    content = article(built_site, f"guide/{chapter}/")
    warning = content.select_one(".admonition.warning")
    assert warning is not None and "control" in warning.get_text()
    assert warning.select_one("a[href='../../help/']")
    first_list = content.find("ol")
    assert first_list is not None and comes_before(warning, first_list), "the warning must come before the first list of steps"
    steps = content.find("h2", id="steps-to-try")
    assert steps is None or comes_before(warning, steps)


def test_exactly_the_worksheets_with_unsafe_advice_carry_a_caveat():
    with_caveat = sorted(path.stem for path in WORKSHEETS.glob("*.yaml") if worksheet_data(path.stem).get("caveat"))
    assert with_caveat == sorted(CAVEATED_WORKSHEETS)


@pytest.mark.parametrize("worksheet_id", CAVEATED_WORKSHEETS)
def test_a_caveated_worksheet_says_before_you_start_ahead_of_its_fields(built_site, worksheet_id):
    form = worksheet_form(built_site, worksheet_id)
    caveat = form.select_one(".microsite-worksheet__caveat")
    assert caveat is not None
    assert flat(caveat.get_text(" ")) == "Before you start " + flat(worksheet_data(worksheet_id)["caveat"]) + " Get help now"
    link = caveat.select_one("a")  # help one tap away, right where the warning is
    assert link.get_text() == "Get help now" and link["href"].endswith("help/")
    assert comes_before(caveat, form.select_one("[data-field]"))


def test_the_worksheets_page_warns_before_listing_the_worksheets(built_site):
    content = article(built_site, "worksheets/")
    warning = content.select_one(".admonition.warning")
    assert warning is not None and "control" in warning.get_text() and "Before you start" in warning.get_text()
    assert warning.select_one("a[href='../help/']")
    assert comes_before(warning, content.select_one(".microsite-worksheet-index"))


def test_the_workbook_shows_each_caveat_before_the_worksheets_fields(built_site):
    pdf = built_site.site_dir / "downloads" / "workbook-a4.pdf"
    text = flat(subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    for worksheet_id in CAVEATED_WORKSHEETS:
        data = worksheet_data(worksheet_id)
        caveat = text.find("Before you start " + flat(data["caveat"]))
        assert caveat != -1, f"{worksheet_id}: caveat missing from the workbook"
        assert text.find(data["fields"][0]["label"], caveat) != -1, f"{worksheet_id}: caveat is not before the fields"


def test_the_introduction_names_the_riskiest_signs_and_the_danger_of_leaving(built_site):
    content = article(built_site, "guide/introduction/")
    text = flat(content.get_text(" "))
    for sign in ("sex", "choked or strangled", "hurt or kill you, your children or your pets",
                 "hurt or kill themselves", "tracks where you are"):
        assert sign in text, sign
    assert "Leaving, or getting ready to leave, can be a time of higher danger" in text
    assert "safety plan" in text
    assert content.select_one("a[href='../../help/#signs-of-control']")
    assert "worried about their own behavior" in text and content.select_one("a[href='../../help/']")
    attachment = content.find(id="anxious-attachment")
    assert attachment is not None and "anxious attachment" in attachment.get_text()


def test_the_chapter_on_asking_and_checking_explains_the_loop_and_a_step_to_try(built_site):
    content = article(built_site, "guide/reassurance-and-checking/")
    text = flat(content.get_text(" "))
    assert "relief" in text and "check your partner's phone" in text
    steps = flat(content.find("h2", id="steps-to-try").find_next("ol").get_text(" "))
    for step in ("Notice the urge", "Wait", "Do something else"):
        assert step in steps, step
    ocd = content.find("h2", id="relationship-ocd")
    section = flat(" ".join(element.get_text(" ") for element in ocd.find_next_siblings("p", limit=2)))
    assert "relationship OCD" in section and "specialist" in section
    assert content.select_one("a[href='../introduction/#anxious-attachment']")
    assert "worried about their own behavior" in text


def test_the_urge_tracker_tracks_each_urge_and_its_strength_before_and_after(built_site):
    urges = field_of(worksheet_form(built_site, "reassurance-tracker"), "urges")
    labels = [label.get_text() for label in urges.select("[data-row='1'] label")]
    assert labels == ["When", "The urge", "What I did instead", "How strong before (0 to 10)", "How strong after (0 to 10)"]


def rating_points(field) -> list[int]:
    return [int(radio["value"]) for radio in field.select("input[type=radio]")]


def test_the_thought_record_matches_its_chapter(built_site):
    chapter = article(built_site, "guide/reframe-negative-thoughts/")
    traps = chapter.find("h2", id="common-thinking-traps").find_next("ul")
    chapter_traps = [item.strong.get_text().rstrip(".") for item in traps.find_all("li")]
    form = worksheet_form(built_site, "thought-record")
    options = [label.get_text() for label in field_of(form, "thinking-traps").select("label")]
    assert [option.split(":")[0] for option in options] == chapter_traps
    for field_id in ("belief-before", "belief-after"):
        assert rating_points(field_of(form, field_id)) == list(range(0, 101, 10)), field_id
    fields = [field["data-field"] for field in form.select("[data-field]")]
    assert fields.index("belief-before") < fields.index("evidence-for") < fields.index("belief-after")


def test_the_values_worksheet_has_the_readers_own_values_scored_and_up_to_three_chosen(built_site):
    form = worksheet_form(built_site, "values-compass")
    columns = [label.get_text() for label in field_of(form, "values").select("[data-row='1'] label")]
    assert columns == ["The value, in my words", "How important (0 to 10)", "How well I live it (0 to 10)"]
    assert len(field_of(form, "focus").select("input")) == 3


def test_the_self_compassion_break_rates_how_upset_before_and_after(built_site):
    form = worksheet_form(built_site, "self-compassion-break")
    fields = [field["data-field"] for field in form.select("[data-field]")]
    assert fields[0] == "upset-before" and fields[-1] == "upset-after"
    for field_id in ("upset-before", "upset-after"):
        assert rating_points(field_of(form, field_id)) == list(range(0, 11))


def test_the_therapist_finder_uses_each_countrys_words_and_names_low_cost_routes(built_site):
    text = flat(worksheet_form(built_site, "therapist-finder").get_text(" "))
    for words in ("US and Canada, look for a license", "registered or accredited", "BACP", "UKCP", "HCPC",
                  "check with your country's professional body", "NHS Talking Therapies", "Relate",
                  "community mental health clinic", "university training clinic", "employee assistance program",
                  "sliding scale"):
        assert words in text, words


def test_the_accessibility_statement_is_in_the_navigation_and_says_how_to_report_a_problem(built_site):
    nav = read_page(built_site, "").select_one("nav.md-nav--primary")
    assert nav.select_one("a[href='accessibility/'], a[href='./accessibility/']")
    content = article(built_site, "accessibility/")
    text = flat(content.get_text(" "))
    assert content.h1.get_text(strip=True) == "Accessibility statement"
    for words in ("WCAG", "version 2.2, at level AA", "axe-core", "Known limits", "open an issue"):
        assert words in text, words
    assert re.search(r"on (January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}", text)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page or "home")
def test_page_uses_us_spelling(built_site, page):
    text = article(built_site, page).get_text(" ")
    for name in PROPER_NAMES:
        text = text.replace(name, "")
    assert BRITISH.findall(text) == []


def test_data_files_use_us_spelling():
    for path in sorted((REPO / "data").rglob("*.yaml")):
        # Addresses and ids are not words a reader reads; names keep their own spelling.
        text = re.sub(r"https?://\S+|\bid: \S+", "", path.read_text(encoding="utf-8"))
        for name in PROPER_NAMES:
            text = text.replace(name, "")
        assert BRITISH.findall(text) == [], path.relative_to(REPO)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page or "home")
def test_page_meets_the_plain_language_aim_of_its_language(built_site, page):
    """English: Flesch-Kincaid grade 8 or below (we aim for 6-7); other languages
    by their own formulas (scripts/readability.py, README "Languages and readability")."""
    score = readability.measure_page(str(read_page(built_site, page)))
    assert score.words > 100, f"{page or 'home'}: only {score.words} words measured"
    if not score.scores:
        pytest.skip(f"{page or 'home'}: {score.why_unscored()}")
    assert score.missed_aims() == [], f"{page or 'home'}"


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
