"""Chapter list and reading times: the estimate, the list, and where they show."""

from bs4 import BeautifulSoup

from helpers import build_site, copy_fixture_site
from microsite.components.chapter_list import ChapterLink, render_chapter_list
from microsite.late import count_words, read_page_facts, reading_minutes


def test_words_are_counted_in_the_rendered_page_without_forms_quotes_or_tags():
    content = (
        "<h1>Start here</h1><form data-worksheet-id='a'><label>Not counted</label></form>"
        "<figure class='microsite-quote'><blockquote><p>Not ours</p></blockquote></figure><div class='x'>Two words</div>"
    )
    assert read_page_facts(content).words == 4


def test_words_are_counted_in_any_script():
    assert count_words("Über Vertrauen, mit 3 Schritten — und Ruhe.") == 7
    assert count_words("الثقة بين الشريكين") == 3
    assert count_words("भरोसा बनाना") == 2
    assert count_words("信任需要时间") == 6  # Chinese has no spaces: each character counts
    assert count_words("— … ·") == 0


def test_reading_time_rounds_up_and_is_never_zero():
    assert reading_minutes(0, 200) == 1
    assert reading_minutes(201, 200) == 2


def test_title_comes_from_the_first_level_one_heading():
    assert read_page_facts("<p>Intro</p><h1>Be kind to yourself</h1><h2>Steps</h2>").title == "Be kind to yourself"
    assert read_page_facts("<p>No heading here</p>").title is None


def test_chapter_list_escapes_titles_and_shows_minutes():
    html = render_chapter_list([ChapterLink("Trust & <b>care</b>", "one/", 4)])
    item = BeautifulSoup(html, "html.parser").li
    assert item.a["href"] == "one/"
    assert item.a.get_text() == "Trust & <b>care</b>"
    assert "(4 min read)" in item.get_text()


def _site_with_a_chapter_section(tmp_path):
    project = copy_fixture_site("minimal", tmp_path)
    (project / "docs/chapters").mkdir()
    (project / "docs/chapters/first.md").write_text("# The first step\n\n" + "word " * 450 + "\n")
    (project / "docs/chapters/second.md").write_text("# The second step\n\nShort.\n")
    (project / "docs/index.md").write_text("# Home\n\n{{ chapter_list() }}\n")
    config = (project / "mkdocs.yml").read_text().replace(
        "  - Help: help.md\n", "  - Chapters:\n      - chapters/first.md\n      - chapters/second.md\n  - Help: help.md\n"
    )
    (project / "mkdocs.yml").write_text(config)
    return project


def test_home_lists_the_section_and_chapters_show_their_reading_time(tmp_path):
    project = _site_with_a_chapter_section(tmp_path)
    result = build_site(project, tmp_path / "out")
    assert result.ok, result.output
    home = BeautifulSoup((tmp_path / "out/index.html").read_text(), "html.parser")
    items = [li.get_text(" ", strip=True) for li in home.select(".microsite-chapter-list li")]
    assert items == ["The first step (3 min read)", "The second step (1 min read)"]
    assert home.select_one(".microsite-reading-time") is None
    chapter = BeautifulSoup((tmp_path / "out/chapters/first/index.html").read_text(), "html.parser")
    assert chapter.h1.find_next_sibling("p").get_text() == "About 3 minutes to read"


def test_a_missing_section_is_named_with_the_sections_there_are(tmp_path):
    project = _site_with_a_chapter_section(tmp_path)
    (project / "docs/index.md").write_text("# Home\n\n{{ chapter_list('Guide') }}\n")
    result = build_site(project, tmp_path / "out")
    assert not result.ok
    assert "docs/index.md: chapter_list: the navigation in mkdocs.yml has no section 'Guide' (sections: 'Chapters')" in result.output
