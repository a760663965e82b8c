"""Fixtures for the generator's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from generation import SHARED_ARTICLE


@pytest.fixture(scope="session")
def shared_article() -> Path:
    # The article is not committed (the guide must not republish it); it sits
    # beside the repository where the team works.
    if not SHARED_ARTICLE.exists():
        pytest.skip(f"the shared source article is not beside this checkout ({SHARED_ARTICLE})")
    return SHARED_ARTICLE
