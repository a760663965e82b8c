"""Split an article into its title and sections.

Two kinds of article are understood, decided by the text itself:

* **Markdown headings** (`#`, `##`, … or a line underlined with `===`/`---`).
  When the highest heading level is used once, by the first heading, that
  heading is the article's title and the next level down starts sections;
  otherwise the highest level starts sections. Deeper headings stay inside
  their section. A lone title heading over plain text is the title, and the
  text below it is split by title lines.
* **Title lines**, used when there is no Markdown heading: a section starts at
  a line that (1) has at most 12 words and 80 characters, (2) starts with a
  capital letter or a digit and is not a list item, (3) ends with a letter, a
  digit, `?` or `)` and holds no full stop, `!` or `?` followed by a space
  (one phrase, not sentences), (4) comes first, after a blank line, after a
  line that ends a sentence, or right under the article's title, and (5) is
  followed by body text that does not start with a small letter (that would
  be a wrapped sentence going on), not by another title line.
* **Numbered headings** in either kind: "1. Title", "1) Title", "Step 1:
  Title", "Tip #1: Title", "**1. Title**", "# 1. Title". Lines in one such
  form whose numbers run 1, 2, 3… (two or more, each followed by its own
  text rather than by the next number, which would make a list) start
  sections; the number is left out of the chapter's title.

The article's title is its front matter `title:`, its one top heading, or a
first line that stands alone: directly followed by a title line, or followed
by a blank line and an introduction (unless it is a section name such as
"Introduction"). Text before the first section becomes a section called
"Introduction" (in the article's language).

Paragraphs that are advertisements beyond doubt are left out (see
promotions.py), but never so that a section is left empty; a section with no
text of its own is joined with the next one. No chapter is ever empty.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from .article import ImportProblem
from .promotions import is_promotion

LEAD_TITLE = "Introduction"
TITLE_LINE_MAX_WORDS = 12
TITLE_LINE_MAX_CHARS = 80

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_LIST_ITEM = re.compile(r"^\s*([-*+•–]|\d{1,3}[.)])\s")
_BOLD_LINE = re.compile(r"^(\*\*|__)(.+)\1$")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
# "1. Title", "1) Title", "Step 1: Title", "Tip #1: Title", "Day 3 – Title".
_NUMBERED = re.compile(
    r"^(?:(?P<word>[^\W\d_][\w-]{0,15})\s+)?#?(?P<number>\d{1,4})(?P<mark>[.):]|\s+[-–—])\s+(?P<title>\S.*)$"
)
# A sentence ends with . ! ? or … and perhaps a closing quote or bracket.
_SENTENCE_END = re.compile(r"[.!?…][\"”’'»«“)\]]*$")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.S)
_FRONT_MATTER_TITLE = re.compile(r"^title:\s*[\"']?(.+?)[\"']?\s*$", re.M)
_INNER_SENTENCE_BREAK = re.compile(r"[.!?…][\"”’')\]]*\s")


@dataclass(frozen=True)
class Section:
    title: str
    # The section's text as Markdown blocks (paragraphs, lists, sub-headings), in order.
    blocks: tuple[str, ...]


@dataclass(frozen=True)
class Article:
    title: str | None
    sections: tuple[Section, ...]
    # Where the title came from, in words for the summary ("its first line").
    title_source: str | None = None
    # Advertisement paragraphs that were left out, for the summary.
    dropped: tuple[str, ...] = ()
    # Advertisement paragraphs kept because leaving them out would empty their section.
    kept: tuple[str, ...] = ()
    # (section with no text of its own, the section it was joined with).
    joined: tuple[tuple[str, str], ...] = ()


def split_article(
    text: str,
    source: str,
    *,
    drop_ads: bool = True,
    title_hint: tuple[str, str] | None = None,
    introduction: str = LEAD_TITLE,
    section_names: frozenset[str] = frozenset(),
) -> Article:
    """The article's title and sections; `source` names the file in the error.

    `title_hint` is a title found outside the text (a web page's <title>) and
    where it came from; `section_names` are titles never taken for the
    article's own ("Introduction").
    """
    text, front_title = strip_front_matter(text)
    lines = text.split("\n")
    headings = markdown_headings(lines)
    title, source_of_title, sections = None, None, []
    if headings:
        title, sections = sections_from_headings(lines, headings, introduction)
        source_of_title = "its only top-level heading" if title else None
        if title is not None and not sections:
            # A title heading over plain text: the text below is split by title lines.
            first = headings[0]
            rest = lines[:first.line] + lines[first.line + first.size:]
            _, sections = sections_from_title_lines(rest, introduction, section_names, find_title=False)
    else:
        title, sections = sections_from_title_lines(lines, introduction, section_names)
        source_of_title = "its first line" if title else None
    if not sections:
        raise ImportProblem(
            f"{source}: no sections found; put each section's title on a line of its own "
            "(or start it with '## ') and try again"
        )
    if front_title:
        title, source_of_title = front_title, "its front matter"
    elif title is None and title_hint is not None:
        title, source_of_title = title_hint
    dropped: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()
    if drop_ads:
        sections, dropped, kept = drop_promotions(sections)
    sections, joined = join_empty_sections(sections, source)
    return Article(title, tuple(sections), source_of_title, dropped, kept, joined)


def strip_front_matter(text: str) -> tuple[str, str | None]:
    """The text without a leading YAML front matter block, and its title if it has one."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, None
    title = _FRONT_MATTER_TITLE.search(match.group(1))
    return text[match.end():], title.group(1) if title else None


# --- Numbered headings ---------------------------------------------------------


def numbering(text: str) -> tuple[tuple[str, str], int, str] | None:
    """('step', ':'), 1, 'Title' for 'Step 1: Title'; None when the text is not numbered."""
    match = _NUMBERED.match(text)
    if not match or (match.group("word") and not match.group("word")[0].isupper()):
        return None
    form = ((match.group("word") or "").lower(), match.group("mark").strip())
    return form, int(match.group("number")), match.group("title").strip()


def numbered_series(texts: dict[int, str]) -> set[int]:
    """The keys of `texts` numbered 1, 2, 3… in one form, two or more of them."""
    by_form: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for key, text in texts.items():
        numbered = numbering(text)
        if numbered:
            by_form[numbered[0]].append((key, numbered[1]))
    series: set[int] = set()
    for items in by_form.values():
        if len(items) > 1 and [number for _, number in items] == list(range(1, len(items) + 1)):
            series.update(key for key, _ in items)
    return series


def without_number(title: str) -> str:
    numbered = numbering(title)
    return numbered[2] if numbered else title


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


def sections_from_headings(
    lines: list[str], headings: list[Heading], introduction: str
) -> tuple[str | None, list[Section]]:
    title, section_level = title_and_section_level(headings)
    by_line = {heading.line: heading for heading in headings}
    collected: list[tuple[str, list[str]]] = [(introduction, [])]
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
    numbered = numbered_series({index: name for index, (name, _) in enumerate(rest)})
    sections = [Section(introduction, markdown_blocks(lead))] if markdown_blocks(lead) else []
    return title, sections + [
        Section(without_number(name) if index in numbered else name, markdown_blocks(body))
        for index, (name, body) in enumerate(rest)
    ]


def title_and_section_level(headings: list[Heading]) -> tuple[str | None, int]:
    """The article's title and the level of section headings.

    The title is the one top-level heading, when it comes first, or a first
    top-level heading above numbered ones ("# Title", "# 1. …", "# 2. …").
    """
    levels = [heading.level for heading in headings]
    top = min(levels)
    if levels.count(top) == 1 and levels[0] == top:
        deeper = levels[1:]
        return headings[0].text, min(deeper) if deeper else 7  # 7: no heading starts a section
    others = {index: heading.text for index, heading in enumerate(headings[1:]) if heading.level == top}
    if levels[0] == top and not numbering(headings[0].text) and numbered_series(others) == set(others):
        return headings[0].text, top
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
    """A heading's words without surrounding bold markers, HTML tags or extra spaces.

    Tags go because MkDocs puts a page's title in its <title> unescaped.
    """
    text = _TAG.sub("", text).replace("<", "").replace(">", "")
    text = " ".join(text.split())
    bold = _BOLD_LINE.match(text)
    return bold.group(2).strip() if bold else text


# --- Title lines ---------------------------------------------------------------


def sections_from_title_lines(
    lines: list[str], introduction: str, section_names: frozenset[str] = frozenset(), *, find_title: bool = True
) -> tuple[str | None, list[Section]]:
    numbered = numbered_heading_indexes(lines)
    starts = title_line_indexes(lines, numbered)
    title = None
    first = first_text_line(lines)
    if find_title and first is not None and first not in numbered:
        if first not in starts and is_title_candidate(lines[first]):
            if first_text_line(lines, first + 1) in starts:
                title = clean_title(lines[first])
        elif first in starts and stands_alone_before_introduction(lines, first, starts, section_names):
            title = clean_title(lines[first])
            starts.remove(first)
    sections = []
    lead_from = 0 if title is None else first + 1
    if starts:
        lead = prose_blocks(lines[lead_from:starts[0]])
        if lead:
            sections.append(Section(introduction, lead))
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(lines)
        name = clean_title(lines[start])
        sections.append(Section(without_number(name) if start in numbered else name, prose_blocks(lines[start + 1:end])))
    return title, sections


def stands_alone_before_introduction(
    lines: list[str], first: int, starts: list[int], section_names: frozenset[str]
) -> bool:
    """A first line, a blank line, then an introduction: the article's title, not its first section."""
    followed_by_blank = first + 1 < len(lines) and not lines[first + 1].strip()
    is_section_name = clean_title(lines[first]).casefold() in section_names
    return followed_by_blank and not is_section_name and len(starts) > 1


def numbered_heading_indexes(lines: list[str]) -> set[int]:
    """Lines such as '1. Practice gratitude' that start sections (see the module's docstring)."""
    candidates = {}
    for index, line in enumerate(lines):
        text = clean_title(line)
        numbered = numbering(text) if text[:1].isdigit() or text[:1].isupper() or text[:1] == "#" else None
        if numbered and is_title_text(numbered[2]) and stands_apart(lines, index) and not continues_below(lines, index):
            candidates[index] = text
    series = numbered_series(candidates)
    # Numbers that follow each other line after line are a list, not headings.
    if any(first_text_line(lines, index + 1) in series for index in series):
        return set()
    return series


def title_line_indexes(lines: list[str], numbered: set[int] = frozenset()) -> list[int]:
    """The lines that start sections, by the rule in this module's docstring."""
    starts: list[int] = []
    next_is_title = True  # nothing follows the last line, so it cannot be a title
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if not line.strip():
            continue
        is_title = index in numbered or (
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
    return not _LIST_ITEM.match(line) and is_title_text(clean_title(line))


def is_title_text(text: str) -> bool:
    if not text or len(text) > TITLE_LINE_MAX_CHARS or len(text.split()) > TITLE_LINE_MAX_WORDS:
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


# --- Advertisements and empty sections ---------------------------------------------


def drop_promotions(sections: list[Section]) -> tuple[list[Section], tuple[str, ...], tuple[str, ...]]:
    """The sections without advertisement paragraphs, what was left out, and what was kept so no section is empty."""
    result, dropped, kept = [], [], []
    for section in sections:
        promotions = [block for block in section.blocks if is_promotion(block)]
        if promotions and len(promotions) == len(section.blocks):
            kept += promotions
            result.append(section)
            continue
        dropped += promotions
        result.append(Section(section.title, tuple(block for block in section.blocks if block not in promotions)))
    return result, tuple(dropped), tuple(kept)


def join_empty_sections(sections: list[Section], source: str) -> tuple[list[Section], tuple[tuple[str, str], ...]]:
    """Each section with no text of its own joined with the next one (the last with the one before).

    The joined section's title becomes a sub-heading, so no words are lost.
    """
    result: list[Section] = []
    joined: list[tuple[str, str]] = []
    waiting: list[Section] = []  # empty sections not yet joined
    for section in sections:
        if not section.blocks:
            waiting.append(section)
            continue
        if waiting:
            first, *others = waiting
            headings = [f"## {other.title}" for other in [*others, section]]
            joined += [(empty.title, first.title if empty is not first else section.title) for empty in waiting]
            section = Section(first.title, (*headings, *section.blocks))
            waiting = []
        result.append(section)
    if waiting:
        if not result:
            raise ImportProblem(
                f"{source}: the article has headings but no text under them; paste its text and try again"
            )
        last = result.pop()
        result.append(Section(last.title, (*last.blocks, *(f"## {empty.title}" for empty in waiting))))
        joined += [(empty.title, last.title) for empty in waiting]
    return result, tuple(joined)
