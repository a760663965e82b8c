"""Fixtures for the generator: the test articles, and a guide generated from the shared article."""

from __future__ import annotations

from pathlib import Path

import pytest

from microsite.cli import main

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
# The article our own guide is based on, as the whole team received it.
SHARED_ARTICLE = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_5681e3c11b38d739.txt"


def article_text(name: str) -> str:
    return (ARTICLES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shared_article() -> Path:
    # The article is not committed (the guide must not republish it); it sits
    # beside the repository where the team works.
    if not SHARED_ARTICLE.exists():
        pytest.skip(f"the shared source article is not beside this checkout ({SHARED_ARTICLE})")
    return SHARED_ARTICLE


def generate(article: Path, target: Path, *options: str) -> Path:
    """Run `microsite new` in this process; the guide's folder."""
    assert main(["new", str(article), str(target), *options]) == 0
    return target
