"""Guides in other languages, built for real with MkDocs.

Spanish and German (tests/fixtures/sites/lang-es, lang-de) each use every
component. Each builds strictly, says its language in <html lang>, and shows
no English message of ours anywhere a reader looks: no message of the English
catalogue (microsite/locale/microsite.pot) in its pages or its PDF workbook,
and none of the words its scripts show (the data-* attributes they read)
the same as in an English build of the same guide.

Arabic (lang-ar) has no catalogue: it builds with English words, a warning
lists every missing message (so --strict fails), no placeholder is left
unfilled, and its pages are laid out right to left (the browser checks are in
tests/browser/test_languages.py).

Also: readability is scored by each language's own formula, reading times
count words in any script, and bad input stops the build in one sentence.
"""

from __future__ import annotations

import datetime
import re
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from helpers import (
    REPO,
    FIXTURE_SITES,
    BuildResult,
    assert_build_failed_with,
    build_site,
    copy_fixture_site,
    edit_yaml,
)
from microsite.components import MACROS
from microsite.components.worksheet.kinds import KINDS
from microsite.errors import ErrorList
from microsite.i18n import ENGLISH, message_ids, messages_for

sys.path.insert(0, str(REPO / "scripts"))
import readability  # noqa: E402  scripts/readability.py, which tests/site/test_content.py's gate uses too

SHIPPED = {"lang-es": "es", "lang-de": "de"}
PLACEHOLDER = re.compile(r"\{\w+\}")
# Attribute values that read as words ("Guardado en este aparato", "Continue"),
# not as ids or names ("plan-de-charla", "short-text").
WORDS_IN_ATTRIBUTE = re.compile(r"[A-Z]|\s")
# A draft or placeholder block stops a strict build, so a guide ready to publish has neither.
NOT_IN_A_FINISHED_GUIDE = {"draft", "placeholder"}


# --- Building the fixture guides -----------------------------------------------


def copy_checked_today(name: str, destination: Path, language: str | None = None) -> Path:
    """A copy of a fixture guide with its help lines checked today (a check more
    than a year old stops a strict build), in `language` if given."""
    project = copy_fixture_site(name, destination)
    helplines = project / "data" / "helplines.yaml"
    text = helplines.read_text(encoding="utf-8")
    today = datetime.date.today().isoformat()
    helplines.write_text(re.sub(r"(?m)^(\s+checked: )\d{4}-\d{2}-\d{2}$", rf"\g<1>{today}", text), encoding="utf-8")
    if language:
        edit_yaml(project / "mkdocs.yml", lambda config: config["theme"].update(language=language))
    return project


@pytest.fixture(scope="module")
def guides(tmp_path_factory):
    """Build a fixture guide once (in another language if asked). Not strictly:
    each strict build is a test of its own, so the other checks run even while
    a catalogue is incomplete."""
    built: dict[tuple[str, str | None], BuildResult] = {}

    def build(name: str, language: str | None = None) -> BuildResult:
        key = (name, language)
        if key not in built:
            root = tmp_path_factory.mktemp(f"{name}-{language or 'own'}")
            result = build_site(copy_checked_today(name, root, language), root / "site", strict=False)
            assert result.ok, result.output
            built[key] = result
        return built[key]

    return build


def html_pages(site_dir: Path) -> dict[str, str]:
    """Every HTML page of a built site (404.html too), by its path in the site."""
    return {path.relative_to(site_dir).as_posix(): path.read_text(encoding="utf-8") for path in sorted(site_dir.rglob("*.html"))}


# --- What counts as an English word of ours -------------------------------------


def english_forms() -> list[str]:
    """Every English message of the catalogue, singular and plural."""
    return [form for singular, plural in message_ids() for form in (singular, plural) if form]


def literal_words(message: str) -> int:
    return len(re.findall(r"[A-Za-z]+", PLACEHOLDER.sub(" ", message)))


def as_pattern(message: str) -> re.Pattern:
    """A message as it reads on a page: its placeholders filled with anything, any spacing."""
    literal = r".+?".join(r"\s+".join(map(re.escape, part.split(" "))) for part in PLACEHOLDER.split(message))
    return re.compile(rf"(?<!\w){literal}(?!\w)")


# Messages of more than two words: shorter ones ("Call", "Free.") may be words of the guide itself.
LONG_MESSAGES = {message: as_pattern(message) for message in english_forms() if literal_words(message) > 2}


def english_messages_in(text: str) -> list[str]:
    flat = " ".join(text.split())
    return [message for message, pattern in LONG_MESSAGES.items() if pattern.search(flat)]


def readable_text(html: str, script_messages: bool = True) -> str:
    """What a reader can meet on a page: its text, and every attribute value (titles,
    labels, and, unless told not to, the data-* messages scripts show); not the code of
    scripts and styles."""
    soup = BeautifulSoup(html, "html.parser")
    values = [
        " ".join(value) if isinstance(value, list) else value
        for element in soup.find_all(True)
        for name, value in element.attrs.items()
        if script_messages or not name.startswith("data-")
    ]
    for code in soup(["script", "style"]):
        code.string = ""
    return soup.get_text(" ") + "\n" + "\n".join(values)


def worded_data_attributes(site_dir: Path) -> set[tuple[str, str, str]]:
    """(page, attribute, value) for every data-* attribute whose value reads as words:
    the messages our scripts show, read from the page."""
    found = set()
    for page, html in html_pages(site_dir).items():
        for element in BeautifulSoup(html, "html.parser").find_all(True):
            for name, value in element.attrs.items():
                if name.startswith("data-") and isinstance(value, str) and WORDS_IN_ATTRIBUTE.search(value):
                    found.add((page, name, value))
    return found


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


# --- Spanish and German -----------------------------------------------------------


def fixture_sources(name: str) -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted((FIXTURE_SITES / name / "docs").rglob("*.md")))


@pytest.mark.parametrize("name", [*SHIPPED, "lang-ar"])
def test_each_language_fixture_uses_every_component_and_every_kind_of_field(name):
    used = set(re.findall(r"\{\{\s*(\w+)\(", fixture_sources(name)))
    expected = set(MACROS) - NOT_IN_A_FINISHED_GUIDE
    if name == "lang-ar":
        expected.discard("workbook_links")  # its workbook is off (see its mkdocs.yml)
    assert expected - used == set()
    kinds = {
        field["kind"]
        for path in (FIXTURE_SITES / name / "data" / "worksheets").glob("*.yaml")
        for field in yaml.safe_load(path.read_text(encoding="utf-8"))["fields"]
    }
    assert kinds == set(KINDS)


@pytest.mark.parametrize("name", SHIPPED)
def test_a_shipped_language_guide_builds_strictly(name, tmp_path):
    """Fails until microsite/locale/<language>/LC_MESSAGES/microsite.po has words for every message."""
    result = build_site(copy_checked_today(name, tmp_path), tmp_path / "site", strict=True)
    assert result.ok, result.output


@pytest.mark.parametrize("name", SHIPPED)
def test_every_page_says_its_language(name, guides):
    site = guides(name).site_dir
    for page, html in html_pages(site).items():
        soup = BeautifulSoup(html, "html.parser")
        assert soup.html.get("lang") == SHIPPED[name], page
        assert soup.body.get("dir") == "ltr", page


@pytest.mark.parametrize("name", SHIPPED)
def test_no_page_shows_an_english_message_of_ours(name, guides):
    """Fails until the language's catalogue has words for every message."""
    found = {
        page: english
        for page, html in html_pages(guides(name).site_dir).items()
        if (english := english_messages_in(readable_text(html)))
    }
    assert found == {}


@pytest.mark.parametrize("name", SHIPPED)
def test_the_words_our_scripts_show_are_not_the_english_ones(name, guides):
    """Each data-* attribute with words (what the worksheet and quick-exit scripts
    say) differs from the same attribute in an English build of the same guide."""
    english = worded_data_attributes(guides(name, "en").site_dir)
    assert english, "the English build has no worded data-* attributes: the check would see nothing"
    assert sorted(english & worded_data_attributes(guides(name).site_dir)) == []


@pytest.mark.parametrize("name", SHIPPED)
def test_the_pdf_workbook_has_no_english_message_of_ours(name, guides):
    """Fails until the language's catalogue has words for every message."""
    pdfs = sorted((guides(name).site_dir / "downloads").glob("*.pdf"))
    assert len(pdfs) == 2, "an A4 and a US Letter edition"
    assert {pdf.name: english_messages_in(pdf_text(pdf)) for pdf in pdfs} == {pdf.name: [] for pdf in pdfs}


# --- Readability and reading time, by language -------------------------------------


@pytest.mark.parametrize(
    ("name", "formulas"),
    [("lang-es", ["Fernández Huerta", "Szigriszt-Pazos (INFLESZ)"]), ("lang-de", ["Amstad's Flesch"])],
)
def test_chapters_are_scored_by_their_languages_own_formulas_and_meet_the_aim(name, formulas, guides):
    site = guides(name).site_dir
    chapters = [page for page in html_pages(site) if page.count("/") == 2]  # <section>/<chapter>/index.html
    assert len(chapters) == 2
    for page in chapters:
        score = readability.measure_page((site / page).read_text(encoding="utf-8"))
        assert score.language == SHIPPED[name]
        assert [each.formula.name for each in score.scores] == formulas
        assert score.words > 100 and score.missed_aims() == [], page


def test_a_language_without_a_formula_is_said_to_be_not_measured(guides):
    score = readability.measure_page((guides("lang-ar").site_dir / "guide/talk/index.html").read_text(encoding="utf-8"))
    assert (score.language, score.scores, score.why_unscored()) == ("ar", (), "no readability formula for 'ar'; not measured")
    assert score.words > 100


def test_the_same_text_scores_differently_under_each_languages_formula():
    text = "Habla con calma. Di lo que sientes con frases cortas.\nEscucha sin cortar."
    spanish, as_english = readability.measure(text, "es"), readability.measure(text, "en")
    assert [score.formula.name for score in spanish.scores] != [score.formula.name for score in as_english.scores]
    # Fernández Huerta by hand: 13 words, 3 sentences, 21 syllables (textstat counts the same).
    words, sentences, syllables = 13, 3, 21
    assert spanish.scores[0].value == pytest.approx(206.84 - 1.02 * words / sentences - 60 * syllables / words)


# Long pages in scripts with and without spaces between words: 10 Arabic words a
# sentence; 20 Chinese characters (each read as a word) a sentence.
ARABIC_SENTENCE = "أكتب كل يوم بضع كلمات قصيرة عن شعوري وعن يومي."
CHINESE_SENTENCE = "我们每天都可以慢慢学习怎样说出自己的感受。"


def test_reading_time_counts_words_in_any_script(guides, tmp_path):
    project = copy_checked_today("lang-ar", tmp_path)
    (project / "docs/guide/arabic.md").write_text("# نص طويل\n\n" + "\n\n".join([" ".join([ARABIC_SENTENCE] * 5)] * 11), encoding="utf-8")
    (project / "docs/guide/chinese.md").write_text("# 长文\n\n" + "\n\n".join([" ".join([CHINESE_SENTENCE] * 5)] * 9), encoding="utf-8")
    edit_yaml(project / "mkdocs.yml", lambda config: config["nav"][1]["الدليل"].extend(["guide/arabic.md", "guide/chinese.md"]))
    result = build_site(project, tmp_path / "site", strict=False)
    assert result.ok, result.output
    words = messages_for("ar", ErrorList())
    # 2 + 550 words: 3 minutes at 200 a minute; 2 + 900 characters: 5 minutes.
    for page, minutes in (("guide/arabic/index.html", 3), ("guide/chinese/index.html", 5)):
        soup = BeautifulSoup((result.site_dir / page).read_text(encoding="utf-8"), "html.parser")
        expected = words.tn("About {n} minute to read", "About {n} minutes to read", minutes)
        assert soup.select_one(".microsite-reading-time").get_text(strip=True) == expected, page


# --- A language without a catalogue: Arabic ----------------------------------------


def test_a_language_without_a_catalogue_warns_listing_every_missing_message(guides):
    output = guides("lang-ar").output
    warnings = [line for line in output.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 1, output
    (warning,) = warnings
    assert f"mkdocs.yml: theme: language 'ar': {len(message_ids())} of our messages have no words in this language" in warning
    assert [singular for singular, _ in message_ids() if f"'{singular}'" not in warning] == []
    assert "microsite/locale/ar/LC_MESSAGES/microsite.po" in warning


def test_a_language_without_a_catalogue_fails_a_strict_build(tmp_path):
    result = build_site(copy_checked_today("lang-ar", tmp_path), tmp_path / "site", strict=True)
    assert_build_failed_with(result, "mkdocs.yml: theme: language 'ar': ")
    assert "Aborted with 1 warnings in strict mode!" in result.output


def test_a_language_without_a_catalogue_shows_english_words_with_every_placeholder_filled(guides):
    pages = html_pages(guides("lang-ar").site_dir)
    # Scripts fill the placeholders of their own messages when they show them ("kept ({count})").
    unfilled = {page: PLACEHOLDER.findall(readable_text(html, script_messages=False)) for page, html in pages.items()}
    assert {page: found for page, found in unfilled.items() if found} == {}
    chapter = BeautifulSoup(pages["guide/talk/index.html"], "html.parser")
    assert chapter.select_one(".microsite-help-note__title").get_text(strip=True) == ENGLISH.t("If this is not enough")
    assert chapter.select_one("[data-module=microsite-quick-exit]")["data-continue"] == ENGLISH.t("Continue")


def test_a_right_to_left_language_is_laid_out_right_to_left(guides):
    for page, html in html_pages(guides("lang-ar").site_dir).items():
        soup = BeautifulSoup(html, "html.parser")
        assert (soup.html.get("lang"), soup.body.get("dir")) == ("ar", "rtl"), page


# --- Bad input ------------------------------------------------------------------------


def test_an_unknown_language_stops_the_build_in_one_sentence_and_writes_nothing(tmp_path):
    project = copy_checked_today("lang-es", tmp_path, language="xx-nowhere")
    result = build_site(project, tmp_path / "site")
    assert_build_failed_with(result, "mkdocs.yml: theme: language: unknown language 'xx-nowhere'; use a code such as en, es or de")
    assert not (tmp_path / "site").exists()


def test_an_override_for_a_message_that_does_not_exist_stops_the_build_in_one_sentence_and_writes_nothing(tmp_path):
    project = copy_checked_today("lang-es", tmp_path)
    (project / "data" / "messages.yaml").write_text('"Exit this pgae": "Salir ya"\n', encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert_build_failed_with(result, "data/messages.yaml: message 'Exit this pgae': no such message; did you mean 'Exit this page'?")
    assert not (tmp_path / "site").exists()
