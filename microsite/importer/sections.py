"""Split an article into its title and sections.

Two kinds of article are understood, decided by the text itself:

* **Markdown headings** (`#`, `##`, … or a line underlined with `===`/`---`).
  When the highest heading level is used once, by the first heading, that
  heading is the article's title and the next level down starts sections;
  otherwise the highest level starts sections. Deeper headings stay inside
  their section.
* **Title lines**, used when there is no Markdown heading: a section starts at
  a line that (1) has at most 12 words and 80 characters, (2) starts with a
  capital letter or a digit and is not a list item, (3) ends with a letter, a
  digit, `?` or `)` and holds no full stop, `!` or `?` followed by a space
  (one phrase, not sentences), (4) comes first, after a blank line, after a
  line that ends a sentence, or right under the article's title, and (5) is followed by body text that does not
  start with a small letter (that would be a wrapped sentence going on), not
  by another title line. A first line followed directly by a title line is
  the article's title.

Text before the first section becomes a section called "Introduction".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .article import ImportProblem

LEAD_TITLE = "Introduction"
TITLE_LINE_MAX_WORDS = 12
TITLE_LINE_MAX_CHARS = 80

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_LIST_ITEM = re.compile(r"^\s*([-*+•–]|\d{1,3}[.)])\s")
_BOLD_LINE = re.compile(r"^(\*\*|__)(.+)\1$")
# A sentence ends with . ! ? or … and perhaps a closing quote or bracket.
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.S)
_FRONT_MATTER_TITLE = re.compile(r"^title:\s*[\"']?(.+?)[\"']?\s*$", re.M)

# A promotion tacked on after the conclusion ("Click here to subscribe").
_PROMOTION = re.compile(
    r"\b(click|register|registration|subscribe|sign up|join our|join us|newsletter|follow us|"
    r"buy now|discount|coupon|promo code|sponsored|advertisement)\b",
    re.I,
)
# … set apart as an aside: in brackets, or opened like a note.
_ASIDE = re.compile(r"^\s*(\(|\[|(note|p\.\s?s\.|ps|editor['’]s note|ad|advertisement|sponsored)\s*[:.–-])", re.I)
_INNER_SENTENCE_BREAK = re.compile(r"[.!?…][\"”’')\]]*\s")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"”’')\]]*(\s|$)")


@dataclass(frozen=True)
class Section:
    title: str
    # The section's text as Markdown blocks (paragraphs, lists, sub-headings), in order.
    blocks: tuple[str, ...]


@dataclass(frozen=True)
class Article:
    title: str | None
    sections: tuple[Section, ...]
    # Trailing advertisement paragraphs that were left out, for the summary.
    dropped: tuple[str, ...] = ()


def split_article(text: str, source: str, *, drop_trailing_ad: bool = True) -> Article:
    """The article's title and sections; `source` names the file in the error."""
    text, front_title = strip_front_matter(text)
    lines = text.split("\n")
    headings = markdown_headings(lines)
    if headings:
        title, sections = sections_from_headings(lines, headings)
    else:
        title, sections = sections_from_title_lines(lines)
    if not sections:
        raise ImportProblem(
            f"{source}: no sections found; put each section's title on a line of its own "
            "(or start it with '## ') and try again"
        )
    dropped: tuple[str, ...] = ()
    if drop_trailing_ad:
        sections, dropped = drop_trailing_advertisement(sections)
    return Article(title=front_title or title, sections=tuple(sections), dropped=dropped)


def strip_front_matter(text: str) -> tuple[str, str | None]:
    """The text without a leading YAML front matter block, and its title if it has one."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, None
    title = _FRONT_MATTER_TITLE.search(match.group(1))
    return text[match.end():], title.group(1) if title else None


# --- Markdown headings -------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    line: int  # index of its first line
    size: int  # how many lines it takes (2 for an underlined heading)
    level: int
    text: str


def markdown_headings(lines: list[str]) -> list[Heading]:
    headings = []
    in_fence = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
        if in_fence:
            continue
        atx = _ATX.match(line)
        if atx and atx.group(2):
            headings.append(Heading(index, 1, len(atx.group(1)), clean_title(atx.group(2))))
        elif is_setext_underline(lines, index):
            level = 1 if lines[index].strip().startswith("=") else 2
            headings.append(Heading(index - 1, 2, level, clean_title(lines[index - 1])))
    return headings


def is_setext_underline(lines: list[str], index: int) -> bool:
    """`===` or `---` directly under a line of text (not under a blank line or a list)."""
    if index == 0 or not _SETEXT.match(lines[index]):
        return False
    above = lines[index - 1]
    return bool(above.strip()) and not _LIST_ITEM.match(above) and not _ATX.match(above) and not _SETEXT.match(above)


def sections_from_headings(lines: list[str], headings: list[Heading]) -> tuple[str | None, list[Section]]:
    title, section_level = title_and_section_level(headings)
    by_line = {heading.line: heading for heading in headings}
    collected: list[tuple[str, list[str]]] = [(LEAD_TITLE, [])]
    index = 0
    while index < len(lines):
        heading = by_line.get(index)
        if heading is None:
            collected[-1][1].append(lines[index])
            index += 1
            continue
        index += heading.size
        if title is not None and heading is headings[0]:
            continue
        if heading.level == section_level:
            collected.append((heading.text, []))
        else:
            # A deeper heading stays in its section, one level below the chapter's title.
            level = min(max(heading.level - section_level + 1, 2), 6)
            collected[-1][1].extend(["", "#" * level + " " + heading.text, ""])
    if len(collected) == 1:
        return title, []  # a title but no section headings
    (_, lead), *rest = collected
    sections = [Section(LEAD_TITLE, markdown_blocks(lead))] if markdown_blocks(lead) else []
    return title, sections + [Section(name, markdown_blocks(body)) for name, body in rest]


def title_and_section_level(headings: list[Heading]) -> tuple[str | None, int]:
    """The article's title (its one top-level heading, when it comes first) and the level of section headings."""
    levels = [heading.level for heading in headings]
    top = min(levels)
    if levels.count(top) == 1 and levels[0] == top:
        deeper = levels[1:]
        return headings[0].text, min(deeper) if deeper else 7  # 7: no heading starts a section
    return None, top


def markdown_blocks(lines: list[str]) -> tuple[str, ...]:
    """Blocks separated by blank lines, keeping fenced code (which may hold blank lines) whole."""
    blocks: list[str] = []
    current: list[str] = []
    in_fence = False
    for line in lines:
        if _FENCE.match(line):
            in_fence = not in_fence
        if not line.strip() and not in_fence:
            if current:
                blocks.append("\n".join(current))
            current = []
        else:
            current.append(line.rstrip())
    if current:
        blocks.append("\n".join(current))
    return tuple(blocks)


def clean_title(text: str) -> str:
    """A heading's words without surrounding bold markers or extra spaces."""
    text = " ".join(text.split())
    bold = _BOLD_LINE.match(text)
    return bold.group(2).strip() if bold else text


# --- Title lines ---------------------------------------------------------------


def sections_from_title_lines(lines: list[str]) -> tuple[str | None, list[Section]]:
    starts = title_line_indexes(lines)
    title = None
    first = first_text_line(lines)
    if first is not None and first not in starts and is_title_candidate(lines[first]):
        following = first_text_line(lines, first + 1)
        if following in starts:
            title = clean_title(lines[first])
    sections = []
    lead_from = 0 if title is None else first + 1
    if starts:
        lead = prose_blocks(lines[lead_from:starts[0]])
        if lead:
            sections.append(Section(LEAD_TITLE, lead))
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(lines)
        sections.append(Section(clean_title(lines[start]), prose_blocks(lines[start + 1:end])))
    return title, sections


def title_line_indexes(lines: list[str]) -> list[int]:
    """The lines that start sections, by the rule in this module's docstring."""
    starts: list[int] = []
    next_is_title = True  # nothing follows the last line, so it cannot be a title
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if not line.strip():
            continue
        is_title = (
            not next_is_title
            and is_title_candidate(line)
            and stands_apart(lines, index)
            and not continues_below(lines, index)
        )
        if is_title:
            starts.append(index)
        next_is_title = is_title
    return starts[::-1]


def is_title_candidate(line: str) -> bool:
    text = clean_title(line)
    if not text or len(text) > TITLE_LINE_MAX_CHARS or len(text.split()) > TITLE_LINE_MAX_WORDS:
        return False
    if _LIST_ITEM.match(line):
        return False
    first_letter = next((char for char in text if char.isalnum()), None)
    if first_letter is None or not (first_letter.isupper() or first_letter.isdigit()):
        return False
    if _INNER_SENTENCE_BREAK.search(text):
        return False
    last = text[-1]
    return last.isalnum() or last == "?" or (last == ")" and not text.startswith("("))


def continues_below(lines: list[str], index: int) -> bool:
    """The next line starts with a small letter: `line` is part of a wrapped sentence."""
    below = first_text_line(lines, index + 1)
    first = next((char for char in lines[below] if char.isalpha()), "") if below is not None else ""
    return first.islower()


def stands_apart(lines: list[str], index: int) -> bool:
    """First line, after a blank line, after a line that ends a sentence, or right under the article's title."""
    if index == 0:
        return True
    above = lines[index - 1].rstrip()
    under_title = index - 1 == first_text_line(lines) and is_title_candidate(above)
    return not above or bool(_SENTENCE_END.search(above)) or under_title


def first_text_line(lines: list[str], start: int = 0) -> int | None:
    return next((index for index in range(start, len(lines)) if lines[index].strip()), None)


def prose_blocks(lines: list[str]) -> tuple[str, ...]:
    """Paragraphs of plain text: one ends at a blank line or at a line that ends a sentence.

    Text pasted from a web page has one paragraph per line; hard-wrapped text
    breaks lines mid-sentence. Both come out as whole paragraphs. List items
    stay one per line so Markdown still sees a list.
    """
    blocks: list[str] = []
    current: list[str] = []

    def close() -> None:
        if current:
            joiner = "\n" if any(_LIST_ITEM.match(line) for line in current) else " "
            blocks.append(joiner.join(line.strip() for line in current))
            current.clear()

    for line in lines:
        if not line.strip():
            close()
            continue
        if _LIST_ITEM.match(line) and current and not _LIST_ITEM.match(current[0]):
            close()
        current.append(line)
        if _SENTENCE_END.search(line.rstrip()) and not _LIST_ITEM.match(line):
            close()
    close()
    return tuple(blocks)


# --- Trailing advertisement --------------------------------------------------------


def drop_trailing_advertisement(sections: list[Section]) -> tuple[list[Section], tuple[str, ...]]:
    """The sections without promotional paragraphs at the very end, and those paragraphs.

    A last paragraph is an advertisement when it uses a promotional phrase
    ("click", "register", "subscribe", "join our", …) and is set apart as an
    aside (in brackets, or opened with "Note:", "P.S." and the like) or is at
    most two sentences long.
    """
    last = sections[-1]
    blocks = list(last.blocks)
    dropped: list[str] = []
    while blocks and is_advertisement(blocks[-1]):
        dropped.insert(0, blocks.pop())
    if not dropped:
        return sections, ()
    return [*sections[:-1], Section(last.title, tuple(blocks))], tuple(dropped)


def is_advertisement(block: str) -> bool:
    if not _PROMOTION.search(block):
        return False
    return bool(_ASIDE.match(block)) or len(_SENTENCE_BREAK.findall(block)) <= 2
