"""Sections: Markdown headings, title lines and numbered headings, in order, with ASCII slugs; the
article's title; advertisements left out without ever emptying a chapter."""

from __future__ import annotations

import pytest

from generation import article_for, article_text, guide_for
from microsite.importer.article import ImportProblem
from microsite.importer.sections import is_title_candidate, split_article
from microsite.importer.slugs import UniqueSlugs, slugify


def titles(name: str, **options) -> list[str]:
    return [section.title for section in article_for(name, **options).sections]


def chapter_paths(name: str) -> list[str]:
    return [chapter.path for chapter in guide_for(name).chapters]


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
    kept = split_article(article_text("advertisement.txt"), "x", drop_ads=False)
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
    unique = UniqueSlugs()
    assert [unique("a"), unique("a"), unique("a-2"), unique("a")] == ["a", "a-2", "a-2-2", "a-3"]


# --- Numbered sections and the article's title ------------------------------------------------


@pytest.mark.parametrize(
    "name, title, sections",
    [
        (
            "listicle.txt",
            "Seven Small Habits for a Calmer Week",
            ["Introduction", "Practice gratitude", "Get outside", "Put the phone down", "Breathe slowly",
             "Final thoughts"],
        ),
        (
            "numbered-parenthesis.txt",
            "Three Ways to Rest Better",
            ["Introduction", "Plan a quiet hour", "Say no to one thing", "Take real breaks"],
        ),
        ("numbered-steps.txt", None, ["Notice the worry", "Check the facts", "Choose one action"]),
        ("numbered-tips.txt", "Better Mornings", ["Wake at the same time", "Drink a glass of water", "Move a little"]),
        ("numbered-bold.md", "Cooking on a Budget", ["Introduction", "Plan your meals", "Cook in batches", "Use what you have"]),
        (
            "numbered-headings.md",
            "Getting Started with Running",
            ["Introduction", "Buy good shoes", "Start slowly", "Rest between runs"],
        ),
    ],
)
def test_numbered_sections_in_every_common_form_become_chapters_without_their_numbers(name, title, sections):
    article = article_for(name)
    assert article.title == title
    assert [section.title for section in article.sections] == sections


def test_each_numbered_section_keeps_its_own_text():
    article = article_for("listicle.txt")
    # Lines that end a sentence are paragraphs of their own, as text pasted from a web page has them.
    assert article.sections[3].blocks == (
        "Leave your phone in another room for the first hour of the day.",
        "Notice how the morning feels without it.",
    )


def test_a_numbered_list_stays_a_list_inside_its_section():
    text = "Packing\nTake what you need.\n\n1. Water\n2. A map\n3. A warm coat\n\nDone\nEnjoy the walk.\n"
    article = split_article(text, "x")
    assert [section.title for section in article.sections] == ["Packing", "Done"]
    assert article.sections[0].blocks == ("Take what you need.", "1. Water\n2. A map\n3. A warm coat")


def test_numbers_that_do_not_run_from_one_are_not_sections():
    text = "Notes\nSome text here.\n\n3. Third point\nMore text.\n\n7. Seventh point\nEven more.\n"
    assert titles("x", text=text) == ["Notes"]


@pytest.mark.parametrize(
    "name, title, source",
    [
        ("listicle.txt", "Seven Small Habits for a Calmer Week", "its first line"),
        ("title-front-matter.md", "Making Friends as an Adult", "its front matter"),
        ("title-lone-heading.md", "Looking After Your Back", "its only top-level heading"),
        ("title-lines.txt", "Living With Worry", "its first line"),
        ("saved-page.html", "Five Small Ways to Worry Less", "its only top-level heading"),
    ],
)
def test_the_article_title_is_found_in_the_usual_layouts(name, title, source):
    article = article_for(name)
    assert (article.title, article.title_source) == (title, source)


def test_a_lone_top_heading_over_plain_text_is_the_title_and_title_lines_make_sections():
    assert titles("title-lone-heading.md") == ["Introduction", "Keep Moving", "Lift With Care"]


def test_a_first_line_called_introduction_is_a_section_not_the_title():
    article = article_for("x", text="Introduction\n\nSome words first.\n\nNext Part\nMore words here.\n")
    assert article.title is None
    assert [section.title for section in article.sections] == ["Introduction", "Next Part"]


def test_a_first_line_without_a_blank_line_after_it_stays_a_section():
    assert article_for("advertisement.txt").title is None
    assert titles("advertisement.txt") == ["Getting Started", "Conclusion"]


def test_chapter_numbers_have_one_width_for_the_whole_guide():
    nine = "".join(f"Part {word}\nSome text.\n\n" for word in "ABCDEFGHI")
    assert [chapter.path for chapter in guide_for("x", text=nine).chapters][-1] == "chapters/09-part-i.md"
    many = "".join(f"{number}. Part number {number}\nSome text.\n\n" for number in range(1, 121))
    paths = [chapter.path for chapter in guide_for("x", text="A Long Article\n\n" + many).chapters]
    assert (len(paths), paths[0], paths[9], paths[-1]) == (
        120, "chapters/001-part-number-1.md", "chapters/010-part-number-10.md", "chapters/120-part-number-120.md",
    )


# --- Advertisements and empty sections -----------------------------------------------------------


def test_only_promotion_beyond_doubt_is_dropped_and_advice_that_mentions_registering_stays():
    article = article_for("listicle.txt")
    assert article.dropped == ("Click here to subscribe to our newsletter and get a free planner!",)
    assert article.sections[-1].blocks == (
        "Small habits add up over time. Be patient with yourself while you learn them.",
        "If you are struggling, register with a local GP or call a helpline near you. Asking for help is a sign "
        "of strength.",
    )


def test_an_advertisement_that_is_a_whole_section_is_kept_so_no_chapter_is_empty():
    article = article_for("advice-not-ad.txt")
    assert article.dropped == ()
    assert article.kept == ("Use code SAVE20 for 20% off our grief journal.",)
    assert [section.title for section in article.sections] == ["Coping With Loss", "Special Offer", "Where to Find Support"]
    assert article.sections[-1].blocks[-1] == (
        "If you are struggling, register with a local GP or call a helpline. You do not have to cope alone."
    )
    assert all(section.blocks for section in article.sections)


def test_a_section_with_no_text_is_joined_with_the_next_and_its_title_kept():
    article = split_article("## Part One\n## First Step\nDo this.\n## Second Step\nThen this.\n## Notes\n", "x.md")
    assert [(section.title, section.blocks) for section in article.sections] == [
        ("Part One", ("## First Step", "Do this.")),
        ("Second Step", ("Then this.", "## Notes")),
    ]
    assert article.joined == (("Part One", "First Step"), ("Notes", "Second Step"))


def test_headings_with_no_text_at_all_are_refused():
    with pytest.raises(ImportProblem) as raised:
        split_article("## One\n## Two\n", "empty.md")
    assert str(raised.value) == "empty.md: the article has headings but no text under them; paste its text and try again"
