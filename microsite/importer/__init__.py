"""`microsite new`: turn an article into a new guide project.

read_article (text, web page or Word file, as Markdown) -> choose_language
-> split_article (title, sections) -> build_guide (chapters, quotes)
-> render_project (files) -> write_project (all at once, or nothing).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .article import ImportProblem, read_article
from .guide import Guide, build_guide
from .languages import GuideLanguage, all_section_names, choose_language
from .project import render_project, write_project
from .sections import LEAD_TITLE, Article, split_article

__all__ = ["ImportProblem", "NewGuide", "new_guide"]


@dataclass(frozen=True)
class NewGuide:
    guide: Guide
    article: Article  # what was left out, kept or joined, and where the title came from
    language: GuideLanguage
    kind: str  # "text", "web page" or "Word file"
    title_given: bool  # the title came from --title


def new_guide(
    article_path: Path,
    target: Path,
    *,
    title: str | None = None,
    drop_ads: bool = True,
    force: bool = False,
    discard_changes: bool = False,
    language: str | None = None,
    engine: str = "mkdocs",
) -> NewGuide:
    """Write a guide project for the article at `article_path` into `target`."""
    source = read_article(article_path)
    chosen = choose_language(source.text, language)
    rules = chosen.rules
    article = split_article(
        source.text,
        str(article_path),
        drop_ads=drop_ads,
        title_hint=source.title_hint,
        introduction=rules.introduction if rules else LEAD_TITLE,
        section_names=all_section_names(),
    )
    guide = build_guide(article, article_path, title=title, rules=rules)
    files = render_project(guide, article_path, language=chosen.code, engine=engine)
    write_project(files, target, force=force, article_path=article_path, discard_changes=discard_changes)
    return NewGuide(guide, article, chosen, source.kind, title_given=title is not None)
