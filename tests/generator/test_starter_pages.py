"""The starter pages `microsite new` writes come in the article's language.

A Spanish and a German test article become guides whose home, help and about
pages, navigation, colour toggles, README, worksheet example and quotes file
hold no English message from our catalogue: every message of more than three
words is looked for, piece by piece between its {placeholders}, in the files
and in the built pages. The same check finds English in an English guide, and
in a French one, which has no catalogue yet.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from generation import ARTICLES, generate
from helpers import build_site
from microsite.i18n import message_ids

ARTICLE_FOR = {"es": "spanish.txt", "de": "german.txt"}
# The files `microsite new` writes in the guide's language, besides the chapters.
STARTER_FILES = (
    "docs/index.md",
    "docs/help.md",
    "docs/about.md",
    "mkdocs.yml",
    "README.md",
    "data/worksheets/README.md",
    "data/quotes.yaml",
)
HELP_DIRECTORY = {
    "en": "https://findahelpline.com/",
    "es": "https://findahelpline.com/es-419",
    "de": "https://findahelpline.com/de-DE",
}


def english_pieces() -> set[str]:
    """The English words of every message longer than three words, split at its placeholders."""
    pieces = set()
    for singular, plural in message_ids():
        for message in filter(None, (singular, plural)):
            if len(message.split()) <= 3:
                continue
            pieces |= {piece.strip() for piece in re.split(r"\{\w+\}", message) if len(piece.split()) > 3}
    return pieces


ENGLISH = english_pieces()


def english_in(text: str) -> list[str]:
    flat = " ".join(text.split())
    return sorted(piece for piece in ENGLISH if piece in flat)


def english_in_starter_files(guide: Path) -> dict[str, list[str]]:
    found = {name: english_in((guide / name).read_text(encoding="utf-8")) for name in STARTER_FILES if (guide / name).exists()}
    return {name: pieces for name, pieces in found.items() if pieces}


@pytest.fixture(scope="module", params=sorted(ARTICLE_FOR))
def guide(request, tmp_path_factory):
    language = request.param
    return language, generate(ARTICLES / ARTICLE_FOR[language], tmp_path_factory.mktemp(language) / "guide")


def test_the_check_finds_english_starter_pages(tmp_path):
    english = english_in_starter_files(generate(ARTICLES / "title-lines.txt", tmp_path / "en"))
    assert set(english) == set(STARTER_FILES)
    french = generate(ARTICLES / "title-lines.txt", tmp_path / "fr", "--language", "fr")
    assert "Read them in order, or start with the one that fits you today." in english_in_starter_files(french)["docs/index.md"]


def test_the_starter_files_hold_no_english_message(guide):
    language, folder = guide
    assert f"\n  language: {language}\n" in (folder / "mkdocs.yml").read_text(encoding="utf-8")
    assert all((folder / name).is_file() for name in STARTER_FILES)
    assert english_in_starter_files(folder) == {}


def test_the_built_pages_hold_no_english_message(guide, tmp_path):
    _, folder = guide
    result = build_site(folder, tmp_path / "site", strict=False)
    assert result.ok, result.output
    pages = sorted((tmp_path / "site").rglob("*.html"))
    assert len(pages) >= 6  # home, help, about, the chapters, 404
    found = {
        page.relative_to(tmp_path / "site").as_posix(): english_in(BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").get_text(" "))
        for page in pages
    }
    assert {page: pieces for page, pieces in found.items() if pieces} == {}


def test_navigation_and_colour_toggles_are_in_the_guides_language(guide):
    language, folder = guide
    config = yaml.safe_load((folder / "mkdocs.yml").read_text(encoding="utf-8"))
    toggles = [entry["toggle"]["name"] for entry in config["theme"]["palette"]]
    sections = [next(iter(item)) for item in config["nav"]]
    assert {
        "es": (toggles, sections) == (
            ["Usar colores claros", "Usar colores oscuros", "Seguir la configuración de mi dispositivo"],
            ["Inicio", "Capítulos", "Sobre esta guía y sus fuentes", "Pide ayuda"],
        ),
        "de": (toggles, sections) == (
            ["Helle Farben verwenden", "Dunkle Farben verwenden", "Einstellung meines Geräts übernehmen"],
            ["Startseite", "Kapitel", "Über diesen Ratgeber und seine Quellen", "Hilfe holen"],
        ),
    }[language]


def test_the_english_toggles_say_colors():
    from microsite.importer.project import render_project

    from generation import guide_for

    config = yaml.safe_load(render_project(guide_for("title-lines.txt"), Path("title-lines.txt"))["mkdocs.yml"])
    assert [entry["toggle"]["name"] for entry in config["theme"]["palette"]] == [
        "Use light colors", "Use dark colors", "Follow my device's setting"
    ]


@pytest.mark.parametrize("language", ["en", "es", "de"])
def test_the_help_page_points_to_the_directory_in_the_guides_language(tmp_path, language):
    article = ARTICLE_FOR.get(language, "title-lines.txt")
    help_page = (generate(ARTICLES / article, tmp_path / "guide", "--language", language) / "docs/help.md").read_text()
    assert f"[findahelpline.com]({HELP_DIRECTORY[language]})" in help_page


def test_the_first_chapter_and_the_home_button_are_in_the_guides_language(guide):
    language, folder = guide
    first_chapter = sorted((folder / "docs/chapters").glob("01-*.md"))[0].read_text(encoding="utf-8")
    home = (folder / "docs/index.md").read_text(encoding="utf-8")
    heading, button = {"es": ("# Introducción", "[Pide ayuda](help.md)"), "de": ("# Einleitung", "[Hilfe holen](help.md)")}[language]
    assert first_chapter.startswith(heading + "\n")
    assert button + "{ .md-button .md-button--primary }" in home


def test_the_translated_worksheet_example_is_a_valid_worksheet(guide):
    from microsite.components.worksheet.model import load_worksheets
    from microsite.errors import ErrorList

    language, folder = guide
    readme = (folder / "data/worksheets/README.md").read_text(encoding="utf-8")
    example = readme.split("```yaml\n", 1)[1].split("```", 1)[0]
    (folder / "data/worksheets/daily-check-in.yaml").write_text(example, encoding="utf-8")
    try:
        errors = ErrorList()
        worksheets = load_worksheets(folder / "data/worksheets", str, errors)
    finally:
        (folder / "data/worksheets/daily-check-in.yaml").unlink()
    assert not errors, errors.problems
    title = {"es": "Un breve repaso del día", "de": "Ein kurzer Blick auf den Tag"}[language]
    assert worksheets["daily-check-in"].title == title
