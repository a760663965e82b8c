"""Saved web pages and Word files as Markdown, with well-kept libraries.

* A web page goes through trafilatura, which finds the article's main content
  and leaves out navigation, cookie banners, related-article lists, comments,
  advertisements and scripts; it returns that content as simple HTML
  (headings, paragraphs, lists, quotations, tables).
* A Word file goes through mammoth, which turns heading styles into headings,
  the Quote styles into quotations (with the style map below) and Word lists
  into lists. The Title style becomes the top heading, so Heading 1 starts
  sections under it.

markdownify then writes that simple HTML as Markdown. Links keep their text,
not their address; images are left out. Text that looks like HTML in the
article ("<script>") arrives as text and is escaped when the chapters are
written (project.py), so it can never reach a page as markup.
"""

from __future__ import annotations

import io

from .article import ImportProblem

# Mammoth's default map knows Heading 1-6; the Title style and the quotes are ours.
# Headings move one level down so that a Title (h1) sits above Heading 1 (h2).
WORD_STYLE_MAP = "\n".join(
    [
        "p[style-name='Title'] => h1:fresh",
        *(f"p[style-name='heading {level}'] => h{min(level + 1, 6)}:fresh" for level in range(1, 6)),
        "p[style-name='Quote'] => blockquote > p:fresh",
        "p[style-name='Intense Quote'] => blockquote > p:fresh",
        "p[style-name='Subtitle'] => p:fresh",
    ]
)


def html_to_markdown(html: str) -> str:
    from markdownify import markdownify

    markdown = markdownify(html, heading_style="ATX", bullets="-", strip=["a", "img"], escape_misc=False)
    # markdownify leaves runs of blank lines where block elements meet.
    lines = [line.rstrip() for line in markdown.split("\n")]
    collapsed: list[str] = []
    for line in lines:
        if line or (collapsed and collapsed[-1]):
            collapsed.append(line)
    return "\n".join(collapsed).strip() + "\n"


def web_page_to_markdown(html: str, source: str) -> tuple[str, str | None]:
    """The page's main content as Markdown, and the page's title."""
    import trafilatura

    content = trafilatura.extract(
        html,
        output_format="html",
        include_formatting=True,
        include_comments=False,
        include_tables=True,
        include_links=False,
        include_images=False,
        favor_precision=True,
    )
    if not content:
        raise ImportProblem(
            f"{source}: no article text found in this web page; save the page again with its text, "
            "or copy the article's text into a .txt file"
        )
    metadata = trafilatura.extract_metadata(html)
    title = metadata.title.strip() if metadata and metadata.title else None
    return html_to_markdown(content), title


def word_file_to_markdown(data: bytes, source: str) -> str:
    import mammoth

    try:
        result = mammoth.convert_to_html(io.BytesIO(data), style_map=WORD_STYLE_MAP)
    except Exception:  # mammoth raises many kinds of error on a damaged file
        raise ImportProblem(f"{source}: this Word file could not be read; open it in Word and save it again") from None
    markdown = html_to_markdown(result.value)
    if not markdown.strip():
        raise ImportProblem(f"{source}: the Word file holds no text; paste your article into it and try again")
    return markdown
