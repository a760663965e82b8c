"""Sections: Markdown headings and title lines, in order, with ASCII slugs."""

from __future__ import annotations

from pathlib import Path

import pytest

from generation import article_text
from microsite.importer.article import ImportProblem
from microsite.importer.guide import build_guide
from microsite.importer.sections import is_title_candidate, split_article
from microsite.importer.slugs import slugify, unique


def titles(name: str, **options) -> list[str]:
    return [section.title for section in split_article(article_text(name), name, **options).sections]


def chapter_paths(name: str) -> list[str]:
    article = split_article(article_text(name), name)
    return [chapter.path for chapter in build_guide(article, Path(name)).chapters]


def test_markdown_headings_make_sections_and_the_single_top_heading_is_the_title():
    article = split_article(article_text("markdown-headings.md"), "markdown-headings.md")
    assert article.title == "Sleeping Well"
    # Text before the first section becomes an Introduction; the underlined
    # "Wind Down" is a level-2 heading like the others.
    assert [section.title for section in article.sections] == [
        "Introduction", "Why Sleep Matters", "Build a Routine", "Wind Down", "Is it Insomnia?",
    ]


def test_a_heading_directly_followed_by_text_keeps_that_text():
    sections = split_article(article_text("markdown-headings.md"), "x").sections
    assert sections[1].blocks[0].startswith("Sleep repairs the body.")


def test_deeper_headings_and_code_stay_inside_their_section():
    build_a_routine = split_article(article_text("markdown-headings.md"), "x").sections[2]
    assert build_a_routine.blocks == (
        "Go to bed at the same time each night.",
        "## In the evening",
        "Dim the lights an hour before bed.",
        "```\n# this is code, not a heading\n```",
    )


def test_title_lines_make_sections_including_questions_and_non_ascii_letters():
    article = split_article(article_text("title-lines.txt"), "title-lines.txt")
    assert article.title == "Living With Worry"
    assert [section.title for section in article.sections] == [
        "Introduction", "Why does worry happen?", "Café culture", "Über Vertrauen", "Conclusion",
    ]


def test_hard_wrapped_lines_are_joined_not_taken_for_titles():
    sections = split_article(article_text("title-lines.txt"), "x").sections
    assert sections[3].blocks[-1] == (
        "Some people keep a worry diary. They write each worry down and look at it again a week later."
    )


def test_the_shared_article_gives_the_nine_sections_of_our_guide_in_order(shared_article):
    article = split_article(shared_article.read_text(encoding="utf-8"), str(shared_article))
    assert [section.title for section in article.sections] == [
        "Introduction",
        "Openly Communicate with your Partner",
        "Focus on the Positive Aspects of your Relationship",
        "Embrace Your Vulnerabilities",
        "Practice Self-Compassion",
        "Reframe Negative Thoughts",
        "Connect with Your Values",
        "Seek Professional Help if Needed",
        "Conclusion",
    ]
    # Every paragraph is kept: two per section, one in the conclusion once the advertisement is gone.
    assert [len(section.blocks) for section in article.sections] == [2, 2, 2, 2, 2, 2, 2, 2, 1]
    assert "authors team" not in " ".join(article.sections[-1].blocks)


@pytest.mark.parametrize(
    "line, is_title",
    [
        ("Conclusion", True),
        ("Why does insecurity happen?", True),
        ("Über Vertrauen", True),
        ("Seek Professional Help (If Needed)", True),
        ("**Bold title**", True),
        ("2. Next Steps", False),  # a numbered list item
        ("- Jealousy", False),
        ("Be patient.", False),
        ("Here are the signs:", False),
        ("lowercase start", False),
        ("Two sentences. In one line", False),
        ("(Note: a promotion)", False),
        ("A line of far too many words to be the title of any section at all", False),
    ],
)
def test_title_line_rule(line, is_title):
    assert is_title_candidate(line) is is_title


def test_an_article_without_sections_is_refused_naming_the_file():
    with pytest.raises(ImportProblem) as raised:
        split_article(article_text("no-sections.txt"), "notes/no-sections.txt")
    assert str(raised.value) == (
        "notes/no-sections.txt: no sections found; put each section's title on a line of its own "
        "(or start it with '## ') and try again"
    )


def test_a_markdown_title_alone_is_not_a_section():
    with pytest.raises(ImportProblem):
        split_article("# Only a title\n\nSome text.\n", "x.md")


def test_front_matter_is_left_out_and_gives_the_title():
    article = split_article("---\ntitle: From the front matter\n---\n## One\nText.\n## Two\nMore.\n", "x.md")
    assert article.title == "From the front matter"
    assert [section.title for section in article.sections] == ["One", "Two"]


def test_trailing_advertisement_is_dropped_by_default_and_kept_on_request():
    assert split_article(article_text("advertisement.txt"), "x").sections[-1].blocks == (
        "You can do this. Keep going, one day at a time.",
    )
    kept = split_article(article_text("advertisement.txt"), "x", drop_trailing_ad=False)
    assert kept.sections[-1].blocks[-1].startswith("(Note: Enjoyed this article?")
    assert kept.dropped == ()


def test_a_last_paragraph_without_promotion_is_not_an_advertisement():
    article = split_article("Ending\nThat is all.\n(Note: names have been changed.)\n", "x")
    assert article.sections[-1].blocks == ("That is all.", "(Note: names have been changed.)")


def test_chapter_files_are_numbered_ascii_and_unique():
    assert chapter_paths("repeated-and-non-latin.md") == [
        "chapters/01-summary.md",
        "chapters/02-summary-2.md",
        "chapters/03-section-3.md",
        "chapters/04-strasse-aero.md",
    ]
    assert chapter_paths("title-lines.txt") == [
        "chapters/01-introduction.md",
        "chapters/02-why-does-worry-happen.md",
        "chapters/03-cafe-culture.md",
        "chapters/04-uber-vertrauen.md",
        "chapters/05-conclusion.md",
    ]


def test_slugs_are_stable_and_fall_back_when_nothing_ascii_is_left():
    assert slugify("Dr. Rachel O’Neill", "x") == "dr-rachel-oneill"
    assert slugify("Why does insecurity happen?", "x") == slugify("Why does insecurity happen?", "x")
    assert slugify("信任", "section-3") == "section-3"
    assert len(slugify("word " * 40, "x")) <= 60
    taken: set[str] = set()
    assert [unique("a", taken), unique("a", taken), unique("a", taken)] == ["a", "a-2", "a-3"]
