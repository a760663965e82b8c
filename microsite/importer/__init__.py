"""`microsite new`: turn an article into a new guide project.

read_article -> split_article (sections) -> build_guide (chapters, quotes)
-> render_project (files) -> write_project (all at once, or nothing).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .article import ImportProblem, read_article
from .guide import Guide, build_guide
from .project import render_project, write_project
from .sections import split_article

__all__ = ["ImportProblem", "NewGuide", "new_guide"]


@dataclass(frozen=True)
class NewGuide:
    guide: Guide
    dropped: tuple[str, ...]  # trailing advertisement paragraphs left out


def new_guide(
    article_path: Path,
    target: Path,
    *,
    title: str | None = None,
    drop_trailing_ad: bool = True,
    force: bool = False,
) -> NewGuide:
    """Write a guide project for the article at `article_path` into `target`."""
    article = split_article(read_article(article_path), str(article_path), drop_trailing_ad=drop_trailing_ad)
    guide = build_guide(article, article_path, title=title)
    write_project(render_project(guide, article_path), target, force=force, article_path=article_path)
    return NewGuide(guide=guide, dropped=article.dropped)
