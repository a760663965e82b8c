"""Helpers for the generator's tests: the test articles, and `microsite new` run in this process."""

from __future__ import annotations

from pathlib import Path

from microsite.cli import main

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "articles"
# The article our own guide is based on, as the team received it (not committed).
SHARED_ARTICLE = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_5681e3c11b38d739.txt"


def article_text(name: str) -> str:
    return (ARTICLES / name).read_text(encoding="utf-8")


def generate(article: Path, target: Path, *options: str) -> Path:
    """Run `microsite new` in this process; the new guide's folder."""
    assert main(["new", str(article), str(target), *options]) == 0
    return target
