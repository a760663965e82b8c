"""Find attributed quotes in a paragraph and split the speaker from the role.

A quote is recognised when its sentence opens with one of these lead-ins
(straight "…" or curly “…” quotation marks):

* `According to NAME, a ROLE, "…"` and `According to ROLE NAME, "…"`
* `NAME, a ROLE, says, "…"` (or suggests, explains, writes, notes, …)
* `NAME suggests, "…"` and `ROLE NAME suggests, "…"`
* `As NAME puts it, "…"` (also `As ROLE NAME puts it` and `As NAME, a ROLE, puts it`)

when the lead-in is the whole start of its sentence and the quotation ends
it: the quote then replaces the sentence, and no other words of the article
are lost. Anything else (an unattributed quotation, one in mid-sentence, or a
lead-in after other words) stays in the text as it is.

A "ROLE NAME" phrase is split like this: a title (Dr., Prof., Mr., Mrs., Ms.,
Mx., Rev., Sir, Dame) starts the name; otherwise the name is the run of
capitalised words at the end, after the last job word in it (therapist,
psychologist, coach, …). What comes before the name is the role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .slugs import slugify, unique

OPENING_QUOTES = {'"': '"', "“": "”"}
SAYING_VERBS = (
    "says", "said", "suggests", "suggested", "explains", "explained", "writes", "wrote", "notes", "noted",
    "adds", "added", "argues", "argued", "advises", "advised", "recommends", "recommended", "observes",
    "observed", "states", "stated", "believes", "tells us", "told us", "reminds us", "points out",
    "pointed out", "emphasizes", "emphasises", "stresses", "shares", "shared", "warns", "warned",
)
AS_VERBS = ("puts it", "put it", "says", "said", "writes", "wrote", "notes", "noted", "explains", "explained")
TITLES = {"dr", "prof", "mr", "mrs", "ms", "mx", "rev", "sir", "dame"}
# Job words: in "Cognitive Behavioral Therapist Rachel O'Neill" the name starts after the last one.
ROLE_WORDS = {
    "therapist", "psychotherapist", "psychologist", "psychiatrist", "counsellor", "counselor", "coach",
    "author", "writer", "researcher", "professor", "lecturer", "teacher", "educator", "doctor", "physician",
    "nurse", "expert", "specialist", "scientist", "neuroscientist", "sociologist", "consultant", "advisor",
    "adviser", "clinician", "founder", "director", "editor", "journalist", "mediator", "worker",
}
NAME_PARTICLES = {"van", "von", "de", "der", "den", "da", "del", "della", "di", "du", "la", "le", "bin", "ibn", "al", "st."}
NAME_SUFFIXES = {"jr", "sr", "phd", "md", "ii", "iii", "iv"}
# Capitalised words that open sentences but never name a speaker ("This suggests, …").
NOT_NAMES = {
    "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "you", "one", "someone",
    "everyone", "research", "studies", "science", "evidence", "experts", "experience", "data", "history",
}
# Words that do not make a quote's id: "It’s important to …" -> "important".
ID_STOP_WORDS = {
    "a", "an", "the", "and", "or", "but", "if", "when", "as", "at", "by", "for", "from", "in", "into", "of",
    "on", "to", "with", "is", "are", "was", "were", "be", "been", "it", "its", "it's", "this", "that",
    "these", "those", "there", "here", "i", "i'm", "me", "my", "we", "our", "you", "your", "you're", "he",
    "she", "his", "her", "they", "their", "them", "what", "which", "who", "so", "not", "do", "does", "can",
    "will", "would", "should", "could", "about", "all", "more", "most", "very", "make", "take", "get",
    "have", "has", "had", "let", "just", "also", "even", "only", "don't",
}
ABBREVIATIONS = TITLES | {"st", "jr", "sr", "vs", "etc", "e.g", "i.e", "no", "mt"}

_VERBS = "|".join(re.escape(verb) for verb in SAYING_VERBS)
_AS_VERBS = "|".join(re.escape(verb) for verb in AS_VERBS)
_ACCORDING_TO = re.compile(r"^According to\s+(?P<who>.+)$")
_AS_PUTS_IT = re.compile(rf"^As\s+(?P<who>.+?),?\s+(?:{_AS_VERBS})$")
_SAYS = re.compile(rf"^(?P<who>.+?),?\s+(?:{_VERBS})$")
_LEADING_ARTICLE = re.compile(r"^(?:a|an)\s+", re.I)
_SENTENCE_BOUNDARY = re.compile(r"[.!?…][\"”’')\]]*\s+")
_WORD = re.compile(r"[^\W_][\w’'-]*")


@dataclass(frozen=True)
class FoundQuote:
    text: str  # the exact words between the quotation marks
    speaker: str
    article_role: str | None  # what the article called the speaker, if anything


def split_quotes(paragraph: str) -> list[str | FoundQuote]:
    """The paragraph as text pieces and quotes, in order; a quote replaces its whole sentence."""
    pieces: list[str | FoundQuote] = []
    done = 0  # everything before this index is in `pieces`
    search_from = 0
    while (opening := find_opening_quote(paragraph, search_from)) is not None:
        closing = find_closing_quote(paragraph, opening)
        if closing is None:
            break
        search_from = closing + 1
        end = sentence_end_after(paragraph, opening, closing)
        start = sentence_start(paragraph, opening, done)
        who = attribution(paragraph[start:opening])
        if end is None or who is None:
            continue
        speaker, role = who
        pieces.append(paragraph[done:start])
        pieces.append(FoundQuote(paragraph[opening + 1:closing], speaker, role))
        done = search_from = end
    pieces.append(paragraph[done:])
    return [piece for piece in map(strip_text, pieces) if piece]


def strip_text(piece: str | FoundQuote) -> str | FoundQuote:
    return piece.strip() if isinstance(piece, str) else piece


def find_opening_quote(text: str, start: int) -> int | None:
    positions = [text.find(mark, start) for mark in OPENING_QUOTES]
    found = [position for position in positions if position >= 0]
    return min(found) if found else None


def find_closing_quote(text: str, opening: int) -> int | None:
    """The matching closing mark; curly quotes may nest (“a “b” c”)."""
    mark = text[opening]
    closing_mark = OPENING_QUOTES[mark]
    if mark == closing_mark:
        position = text.find(mark, opening + 1)
        return position if position >= 0 else None
    depth = 0
    for position in range(opening + 1, len(text)):
        if text[position] == mark:
            depth += 1
        elif text[position] == closing_mark:
            if depth == 0:
                return position
            depth -= 1
    return None


def sentence_end_after(text: str, opening: int, closing: int) -> int | None:
    """Where the quote's sentence ends, or None when the sentence goes on after the quote."""
    end = closing + 1
    if end < len(text) and text[end] in ".!?":
        end += 1
    elif not re.search(r"[.!?…][’']?$", text[opening + 1:closing].rstrip()):
        return None
    if end < len(text) and not text[end].isspace():
        return None
    return end


def sentence_start(text: str, position: int, floor: int) -> int:
    """Where the sentence holding `position` starts, not before `floor`; 'Dr. Brown' is one sentence."""
    start = floor
    for boundary in _SENTENCE_BOUNDARY.finditer(text, floor, position):
        words_before = text[floor:boundary.start()].split()
        word = words_before[-1].lower().lstrip("(\"“") if words_before else ""
        is_initial = len(word) == 1 and word.isalpha()
        if text[boundary.start()] == "." and (word in ABBREVIATIONS or is_initial):
            continue
        start = boundary.end()
    return start


def attribution(lead_in: str) -> tuple[str, str | None] | None:
    """(speaker, role as given) when `lead_in` attributes the quote that follows it."""
    lead_in = lead_in.strip().rstrip(",:").strip()
    for pattern in (_ACCORDING_TO, _AS_PUTS_IT, _SAYS):
        match = pattern.search(lead_in)
        if match:
            return speaker_and_role(match.group("who"))
    return None


def speaker_and_role(who: str) -> tuple[str, str | None] | None:
    """Split 'NAME, a ROLE' (the role may hold commas) or 'ROLE NAME'."""
    name, _, role = (part.strip() for part in who.partition(","))
    if role:
        if is_name(name.split()) and (_LEADING_ARTICLE.match(role) or role[:1].islower()):
            return name, _LEADING_ARTICLE.sub("", role)
        return None
    return role_and_name(name)


def role_and_name(phrase: str) -> tuple[str, str | None] | None:
    words = phrase.split()
    title_at = next((index for index, word in enumerate(words) if word.lower().rstrip(".") in TITLES), None)
    if title_at is not None:
        name_at = title_at
    else:
        name_at = capitalised_run_start(words)
        role_words = [index for index in range(name_at, len(words)) if words[index].lower() in ROLE_WORDS]
        if role_words:
            name_at = role_words[-1] + 1
    name = words[name_at:]
    if not is_name(name):
        return None
    role = _LEADING_ARTICLE.sub("", " ".join(words[:name_at])) or None
    return " ".join(name), role


def capitalised_run_start(words: list[str]) -> int:
    """Index of the first word of the capitalised run that ends `words` (len(words) if none)."""
    start = len(words)
    while start > 0 and (is_capitalised(words[start - 1]) or (start < len(words) and words[start - 1] in NAME_PARTICLES)):
        start -= 1
    while start < len(words) and words[start] in NAME_PARTICLES:
        start += 1
    return start


def is_capitalised(word: str) -> bool:
    letter = next((char for char in word if char.isalpha()), "")
    return letter.isupper()


def is_name(words: list[str]) -> bool:
    if not 1 <= len(words) <= 6 or not is_capitalised(words[-1]):
        return False
    if len(words) == 1 and words[0].lower() in NOT_NAMES:
        return False
    return all(is_capitalised(word) or word in NAME_PARTICLES for word in words)


def quote_id(quote: FoundQuote, taken: set[str]) -> str:
    """'<surname>-<first significant word>', e.g. 'brown-vulnerability'; unique within `taken`."""
    names = [word for word in quote.speaker.split() if word.lower().strip(".") not in NAME_SUFFIXES]
    surname = slugify(names[-1] if names else quote.speaker, "speaker")
    words = [word.lower().replace("’", "'") for word in _WORD.findall(quote.text)]
    keyword = next((word for word in words if word not in ID_STOP_WORDS and len(word) > 2), "quote")
    return unique(f"{surname}-{slugify(keyword, 'quote')}", taken)
