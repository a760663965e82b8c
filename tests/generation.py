"""Helpers for the generator's tests: the test articles, and `microsite new` run in this process."""

from __future__ import annotations

from pathlib import Path

from microsite.cli import main
from microsite.importer.article import read_article
from microsite.importer.guide import Guide, build_guide
from microsite.importer.languages import all_section_names, language_rules
from microsite.importer.sections import Article, split_article

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "articles"
# The article our own guide is based on, as the team received it (not committed).
SHARED_ARTICLE = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_5681e3c11b38d739.txt"
ENGLISH = language_rules("en")


def article_text(name: str) -> str:
    return (ARTICLES / name).read_text(encoding="utf-8")


def article_for(name: str, text: str | None = None, language: str = "en", **options) -> Article:
    """The fixture article split as `microsite new` splits it (read from its file unless `text` is given)."""
    if text is None:
        source = read_article(ARTICLES / name)
        text, options = source.text, {"title_hint": source.title_hint, **options}
    rules = language_rules(language)
    return split_article(
        text, name, introduction=rules.introduction, section_names=all_section_names(), **options
    )


def guide_for(name: str, text: str | None = None, language: str = "en") -> Guide:
    return build_guide(article_for(name, text, language), Path(name), rules=language_rules(language))


def generate(article: Path, target: Path, *options: str) -> Path:
    """Run `microsite new` in this process; the new guide's folder."""
    assert main(["new", str(article), str(target), *options]) == 0
    return target
