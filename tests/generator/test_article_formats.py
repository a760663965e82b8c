"""Articles in other formats: a saved web page, a Word file and UTF-16 text, chosen by content as well as
by extension; raw HTML in any article reaches the pages as text, never as markup."""

from __future__ import annotations

import io
import shutil

import pytest

from generation import ARTICLES, generate, guide_for
from microsite.importer.article import read_article


def chapter_titles(guide) -> list[str]:
    return [chapter.title for chapter in guide.chapters]


# --- A saved web page ------------------------------------------------------------------------------


def test_a_saved_web_page_gives_the_article_alone_with_its_title_headings_and_quote():
    guide = guide_for("saved-page.html")
    assert guide.title == "Five Small Ways to Worry Less"
    assert chapter_titles(guide) == [
        "Introduction", "Write your worries down", "Set a worry time", "Move your body",
        "Talk to someone you trust", "Notice what goes well",
    ]
    assert [(q["id"], q["speaker"], q["article_role"], q["text"]) for q in guide.quotes] == [
        ("okafor-naming", "Dr. Lena Okafor", "clinical psychologist", "Naming a worry is the first step to taming it"),
    ]


def test_a_saved_web_page_leaves_out_navigation_banners_ads_related_links_comments_and_scripts():
    text = read_article(ARTICLES / "saved-page.html").text
    for left_out in [
        "cookies", "Accept all", "About us", "Shop", "Ten tips for deeper sleep", "Related articles", "Comments",
        "This really helped me", "CALM20", "Advertisement", "newsletter", "All rights reserved", "track(",
        "dataLayer", "editor: check", "By Maya Osei",
    ]:
        assert left_out not in text, left_out
    # Lists and quotations are kept.
    assert "- Pick a time that is not close to bedtime.\n- Keep it to fifteen minutes." in text
    assert "> The body and the mind are not two separate things." in text


def test_a_txt_file_holding_a_web_page_is_read_as_one(tmp_path):
    article = tmp_path / "page.txt"
    shutil.copy(ARTICLES / "saved-page.html", article)
    source = read_article(article)
    assert source.kind == "web page"
    assert "cookies" not in source.text


# --- A Word file --------------------------------------------------------------------------------------


def word_file() -> bytes:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Walking for Wellbeing", style="Title")
    document.add_paragraph("Walking is free, and it is good for body and mind.")
    document.add_heading("Start small", level=1)
    document.add_paragraph("Ten minutes is enough to begin.")
    document.add_paragraph("Wear comfortable shoes", style="List Bullet")
    document.add_paragraph("Take some water", style="List Bullet")
    document.add_paragraph("Every walk counts, however short.", style="Quote")
    document.add_heading("Go with a friend", level=1)
    document.add_heading("Why company helps", level=2)
    paragraph = document.add_paragraph("Company makes it ")
    paragraph.add_run("easier").bold = True
    paragraph.add_run(". Coach Rosa Lind says, \u201cA friend turns a walk into a habit.\u201d")
    document.add_paragraph("Some pages show <script>alert(1)</script> as text.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_word_file_keeps_heading_styles_as_sections_and_its_lists_and_quotations(tmp_path):
    article = tmp_path / "walking.docx"
    article.write_bytes(word_file())
    source = read_article(article)
    assert source.kind == "Word file"
    guide = guide_for("walking.docx", text=source.text)
    assert guide.title == "Walking for Wellbeing"
    assert chapter_titles(guide) == ["Introduction", "Start small", "Go with a friend"]
    assert "- Wear comfortable shoes\n- Take some water" in source.text
    assert "> Every walk counts, however short." in source.text
    assert "### Why company helps" in source.text
    assert [(q["speaker"], q["article_role"], q["text"]) for q in guide.quotes] == [
        ("Rosa Lind", "Coach", "A friend turns a walk into a habit."),
    ]


def test_a_word_file_without_its_extension_is_still_a_word_file(tmp_path):
    article = tmp_path / "article"
    article.write_bytes(word_file())
    assert read_article(article).kind == "Word file"


def test_a_word_file_becomes_a_guide(tmp_path):
    article = tmp_path / "walking.docx"
    article.write_bytes(word_file())
    guide = generate(article, tmp_path / "guide")
    chapter = (guide / "docs/chapters/03-go-with-a-friend.md").read_text()
    assert "Company makes it **easier**." in chapter
    assert "&lt;script>alert(1)&lt;/script>" in chapter


# --- UTF-16 text ------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_text_with_a_utf16_or_utf32_byte_order_mark_is_read_as_text(tmp_path, encoding):
    article = tmp_path / "worry.txt"
    text = (ARTICLES / "title-lines.txt").read_text(encoding="utf-8").replace("\n", "\r\n")
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    article.write_bytes(data)
    assert read_article(article).text == (ARTICLES / "title-lines.txt").read_text(encoding="utf-8")
    assert chapter_titles(guide_for("worry.txt", text=read_article(article).text)) == [
        "Introduction", "Why does worry happen?", "Café culture", "Über Vertrauen", "Conclusion",
    ]


# --- Raw HTML is text ---------------------------------------------------------------------------------


def test_raw_html_in_an_article_is_escaped_in_the_chapters(tmp_path):
    guide = generate(ARTICLES / "raw-html.md", tmp_path / "guide")
    chapter = (guide / "docs/chapters/01-safe-pages.md").read_text()
    assert 'such as &lt;script>alert("hi")&lt;/script> or &lt;b>bold tags&lt;/b> in their text.' in chapter
    assert "Code like `<em>` stays code." in chapter
    assert "<script" not in chapter
