"""Find attributed quotes in a paragraph and split the speaker from the role.

The patterns come from the article's language (`languages/<code>.yaml`). A
quotation becomes a quote when its whole sentence is an attribution:

* the lead-in opens the sentence and the quotation ends it:
  `According to NAME, a ROLE, "…"`, `ROLE NAME says, "…"`, `As NAME puts it, "…"`
  (Spanish `Según …`, `… explica: «…»`; German `Laut …`, `Wie … sagt: „…“`);
* or the quotation opens the sentence and the attribution ends it:
  `"…," says NAME, a ROLE.`, `"…," NAME explains.`, `"…" — NAME, ROLE`.

The quote then replaces its sentence. Words before the name that are neither
name nor role ("In 2019 Dr. Ana Muller wrote") stay in the text before the
quote, so no words of the article are lost; a sentence with a clause before
the lead-in ("When in doubt, …") stays text, as does any other quotation.

A person phrase is split like this: a title ("Dr.", "Professor") starts the
name; otherwise the name is the run of capitalised words at the end, after any
opening word such as "Then" and after the last job word ("family therapist",
"Psychologin"). What comes before the name is the role. An organisation ("the
NHS", "a 2021 study by …", "researchers at Harvard") is not a person: its
quotation stays in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from .languages import LanguageRules
from .slugs import UniqueSlugs, slugify

# An attribution longer than this is prose, not a lead-in: it also keeps the
# search linear in a paragraph with no sentence breaks.
MAX_ATTRIBUTION = 300
_SENTENCE_BOUNDARY = re.compile(r"[.!?…][\"”’'»«“)\]]*(?:\s+|$)")
_LAST_WORD = re.compile(r"(\S+)$")
_DASH_ATTRIBUTION = re.compile(r"^\s*[—–―-]\s*(?P<who>\S.*)$", re.S)
_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~])")
_WORD = re.compile(r"[^\W_][\w’'-]*")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Person:
    speaker: str
    role: str | None  # as the article gave it, without a leading "a"/"the"
    context: str = ""  # words before the name that are neither name nor role ("In 2019")


@dataclass(frozen=True)
class FoundQuote:
    text: str  # the exact words between the quotation marks
    speaker: str
    article_role: str | None  # what the article called the speaker, if anything


@dataclass
class People:
    """Who the article has named so far, to resolve "Smith explains" to "Dr. Jane Smith".

    Each paragraph is searched at most once per surname asked about, so the
    time stays linear in the article's length.
    """

    quoted: dict[str, Person] = field(default_factory=dict)  # surname -> first quoted person
    paragraphs: list[str] = field(default_factory=list)  # paragraphs already read, the current one last
    # surname -> (paragraphs searched in full, where the search stopped in the current one, full name found)
    searched: dict[str, tuple[int, int, str | None]] = field(default_factory=dict)

    def remember(self, person: Person) -> None:
        self.quoted.setdefault(surname(person.speaker), person)

    def read(self, paragraph: str) -> None:
        self.paragraphs.append(paragraph)

    def resolve(self, name: str, position: int, rules: LanguageRules) -> Person | None:
        """The person named before `position` in the current paragraph, or earlier, whose surname is `name`."""
        key = name.casefold()
        if key in self.quoted:
            return self.quoted[key]
        done, stopped, found = self.searched.get(key, (0, 0, None))
        current = len(self.paragraphs) - 1
        for paragraph in self.paragraphs[done:current]:
            found = found or full_name_mentioned(paragraph, name, rules, stopped)
            stopped = 0
        if not found:
            found = full_name_mentioned(self.paragraphs[current], name, rules, stopped, position)
        self.searched[key] = (current, max(stopped, position), found)
        return Person(found, None) if found else None


def surname(speaker: str) -> str:
    return speaker.split()[-1].casefold()


def full_name_mentioned(
    text: str, name: str, rules: LanguageRules, start: int = 0, end: int | None = None
) -> str | None:
    """The first name of two words or more ending in `name` in `text[start:end]` ("Dr. Jane Smith" for "Smith")."""
    mention = re.compile(rf"(?<![\w’'-]){re.escape(name)}(?![\w’'-])")
    for match in mention.finditer(text, start, len(text) if end is None else end):
        words = text[max(0, match.start() - 80):match.start()].split()[-5:]
        person = role_and_name([*words, name], rules)
        if person is not None and len(name_words(person.speaker, rules)) > 1:
            return person.speaker
    return None


def split_quotes(
    paragraph: str, rules: LanguageRules | None, people: People | None = None
) -> list[str | FoundQuote]:
    """The paragraph as text pieces and quotes, in order; a quote replaces its whole sentence."""
    if rules is None:
        return [paragraph]
    pairs = quote_pairs(paragraph, rules.quote_marks)
    if not pairs:
        return [paragraph]
    people = people if people is not None else People()
    people.read(paragraph)
    sentences = Sentences(paragraph, rules)
    pieces: list[str | FoundQuote] = []
    done = 0  # everything before this index is in `pieces`
    search_from = 0
    for opening, closing in pairs:
        if opening < search_from:
            continue
        search_from = closing + 1
        start = sentences.start(opening, done)
        found = quote_with_lead_in(paragraph, start, opening, closing, sentences, rules) or quote_with_attribution_after(
            paragraph, start, opening, closing, sentences, rules
        )
        if found is None:
            continue
        text, person, cut_from, cut_to = found
        person = resolved(person, start, people, rules)
        people.remember(person)
        pieces.append(paragraph[done:cut_from])
        pieces.append(FoundQuote(text, person.speaker, person.role))
        done = search_from = cut_to
    pieces.append(paragraph[done:])
    return [piece for piece in map(strip_text, pieces) if piece]


Found = tuple[str, Person, int, int]  # the words, who said them, and the text the quote replaces


def quote_with_lead_in(
    text: str, start: int, opening: int, closing: int, sentences: Sentences, rules: LanguageRules
) -> Found | None:
    """`LEAD-IN "…"`: the lead-in opens the sentence and the quotation ends it."""
    lead_in = text[start:opening].strip()
    if not lead_in or len(lead_in) > MAX_ATTRIBUTION:
        return None
    end = sentence_end_after(text, opening, closing)
    if end is None:
        return None
    person = attribution(lead_in.rstrip(",:—–").strip(), rules.before_quote, rules)
    if person is None:
        return None
    # Words that are neither name nor role ("In 2019") stay in the text, with the lead-in.
    cut_from = opening if person.context else start
    return quote_words(text[opening + 1:closing]), person, cut_from, end


def quote_with_attribution_after(
    text: str, start: int, opening: int, closing: int, sentences: Sentences, rules: LanguageRules
) -> Found | None:
    """`"…," says NAME.`, `"…," NAME explains.` or `"…" — NAME, ROLE`: the quotation opens the sentence."""
    if text[start:opening].strip():
        return None
    tail_end, cut_to = sentences.end_after(closing + 1)
    tail = text[closing + 1:tail_end]
    if len(tail) > MAX_ATTRIBUTION:
        return None
    words = text[opening + 1:closing]
    dash = _DASH_ATTRIBUTION.match(tail)
    if dash:
        person = parse_person(dash.group("who").strip(), rules)
    else:
        stripped = tail.strip()
        if stripped.startswith(","):
            stripped = stripped[1:].strip()
        elif not words.rstrip().endswith((",", "!", "?", "…")):
            return None
        person = attribution(stripped, rules.after_quote, rules)
    if person is None or person.context:
        return None
    return quote_words(words.rstrip().removesuffix(",")), person, start, cut_to


def quote_words(text: str) -> str:
    """The quotation's words as a reader sees them: no Markdown escapes, no outer spaces."""
    return _MARKDOWN_ESCAPE.sub(r"\1", text).strip()


def resolved(person: Person, position: int, people: People, rules: LanguageRules) -> Person:
    """A one-word speaker ("Smith") as the person named earlier, when there is one."""
    names = name_words(person.speaker, rules)
    if len(names) != 1:
        return person
    earlier = people.resolve(names[0], position, rules)
    if earlier is None:
        return person
    return Person(earlier.speaker, person.role or earlier.role, person.context)


def strip_text(piece: str | FoundQuote) -> str | FoundQuote:
    return piece.strip() if isinstance(piece, str) else piece


# --- Quotation marks and sentences ------------------------------------------------


def quote_pairs(text: str, marks: dict[str, str]) -> list[tuple[int, int]]:
    """(opening, closing) positions of every quotation, in order, found in one pass over the marks.

    Curly quotes and guillemets may nest (“a “b” c”); straight quotes pair in turn.
    """
    every_mark = re.compile("[" + re.escape("".join(set(marks) | set(marks.values()))) + "]")
    positions = [(match.start(), match.group()) for match in every_mark.finditer(text)]
    pairs: list[tuple[int, int]] = []
    for opening_mark, closing_mark in marks.items():
        if opening_mark == closing_mark:
            straight = [index for index, mark in positions if mark == opening_mark]
            pairs += list(zip(straight[::2], straight[1::2]))
            continue
        stack: list[int] = []
        for index, mark in positions:
            if mark == opening_mark:
                stack.append(index)
            elif mark == closing_mark and stack:
                pairs.append((stack.pop(), index))
    return sorted(pairs)


class Sentences:
    """Where the sentences of a paragraph start and end, found once ('Dr. Brown' is one sentence)."""

    def __init__(self, text: str, rules: LanguageRules):
        self.length = len(text)
        self.breaks: list[int] = []  # where each sentence's final punctuation starts
        self.punctuation_ends: list[int] = []  # … and ends (closing marks included)
        self.starts: list[int] = []  # where the next sentence starts
        for boundary in _SENTENCE_BOUNDARY.finditer(text):
            if text[boundary.start()] == "." and is_abbreviation(text, boundary.start(), rules):
                continue
            self.breaks.append(boundary.start())
            self.punctuation_ends.append(boundary.start() + len(boundary.group().rstrip()))
            self.starts.append(boundary.end())

    def start(self, position: int, floor: int) -> int:
        """Where the sentence holding `position` starts, not before `floor`."""
        index = bisect_right(self.starts, position) - 1
        return max(floor, self.starts[index]) if index >= 0 else floor

    def end_after(self, position: int) -> tuple[int, int]:
        """The sentence's final punctuation at or after `position`, and the end of that punctuation."""
        index = bisect_left(self.breaks, position)
        if index == len(self.breaks):
            return self.length, self.length
        return self.breaks[index], self.punctuation_ends[index]


def is_abbreviation(text: str, dot: int, rules: LanguageRules) -> bool:
    """'Dr.', 'e.g.' or an initial ('J.') before this full stop."""
    word = _LAST_WORD.search(text, max(0, dot - 40), dot)
    word = word.group(1).lower().lstrip("(\"“„«»") if word else ""
    return word in rules.abbreviations or (len(word) == 1 and word.isalpha())


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


# --- Who said it ---------------------------------------------------------------------


def attribution(phrase: str, patterns: tuple[re.Pattern, ...], rules: LanguageRules) -> Person | None:
    """The person when `phrase` is one of the language's attributions."""
    for pattern in patterns:
        match = pattern.match(phrase)
        if match:
            person = parse_person(match.group("who"), rules)
            if person is not None:
                return person
    return None


def parse_person(who: str, rules: LanguageRules) -> Person | None:
    """'NAME, a ROLE' (the role may hold commas) or 'ROLE NAME'; None when no person is named."""
    who = who.strip().strip(",").strip()
    if not who:
        return None
    name_part, comma, role_part = (part.strip() for part in who.partition(","))
    person = role_and_name(name_part.split(), rules)
    if not comma or person is None:
        return person
    role_part = role_part.strip(", ")
    if not role_part or not is_apposition(role_part, rules):
        return None
    role = without_leading_article(role_part, rules)
    return Person(person.speaker, f"{person.role}, {role}" if person.role else role, person.context)


def is_apposition(role: str, rules: LanguageRules) -> bool:
    """', a psychologist' / ', psicóloga clínica' / ', Psychologin in Berlin': words that describe a person."""
    first = role.split()[0]
    return first.lower() in rules.articles or first[:1].islower() or any(map(rules.is_role_word, role.split()))


def without_leading_article(role: str, rules: LanguageRules) -> str:
    first, _, rest = role.partition(" ")
    return rest if rest and first.lower() in rules.articles else role


def role_and_name(words: list[str], rules: LanguageRules) -> Person | None:
    """Split 'family therapist Doctor Ana Muller' into role and name; None for no person or an organisation."""
    if not words:
        return None
    name_at = title_position(words, rules)
    titled = name_at is not None
    if name_at is None:
        name_at = capitalised_run_start(words, rules)
        while name_at < len(words) and words[name_at].lower() in rules.context_words:
            name_at += 1  # "Then Sarah", "Die Psychologin …": an opening word, not a name
        jobs = [index for index in range(name_at, len(words)) if rules.is_role_word(words[index])]
        if jobs:
            name_at = jobs[-1] + 1
    name, before = words[name_at:], words[:name_at]
    if not is_name(name, rules) or is_organisation(name, before, rules, titled=titled):
        return None
    context, role = split_role(before, rules)
    return Person(" ".join(name), role, context)


def title_position(words: list[str], rules: LanguageRules) -> int | None:
    """Where a title that starts the name stands: 'Dr.' always; 'Professor' when it heads a name
    ('family therapist Doctor Ana Muller'), not when it ends a capitalised role ('Research Professor')."""
    for index, word in enumerate(words[:-1]):
        if not rules.is_title(word) or not is_capitalised(words[index + 1]):
            continue
        if word.endswith(".") or index == 0:
            return index
        before = words[index - 1]
        if word[:1].isupper() and (not is_capitalised(before) or before.lower() in rules.context_words):
            return index
    return None


def capitalised_run_start(words: list[str], rules: LanguageRules) -> int:
    """Index of the first word of the capitalised run that ends `words` (len(words) if none)."""
    start = len(words)
    while start > 0 and (
        is_capitalised(words[start - 1]) or (start < len(words) and words[start - 1].lower() in rules.name_particles)
    ):
        start -= 1
    while start < len(words) and words[start].lower() in rules.name_particles and not is_capitalised(words[start]):
        start += 1
    return start


def is_capitalised(word: str) -> bool:
    letter = next((char for char in word if char.isalpha()), "")
    return letter.isupper()


def name_words(speaker: str, rules: LanguageRules) -> list[str]:
    """The words of a name without its titles and suffixes: 'Dr. Jane Smith' -> ['Jane', 'Smith']."""
    return [
        word for word in speaker.split()
        if not rules.is_title(word) and word.lower().strip(".,") not in rules.name_suffixes
    ]


def is_name(words: list[str], rules: LanguageRules) -> bool:
    if not 1 <= len(words) <= 6 or not is_capitalised(words[-1]):
        return False
    if _DIGIT.search(" ".join(words)):
        return False
    names = name_words(" ".join(words), rules)
    if not names or (len(names) == 1 and names[0].lower() in rules.context_words | rules.not_names):
        return False
    return all(is_capitalised(word) or word.lower() in rules.name_particles for word in words)


def is_organisation(name: list[str], before: list[str], rules: LanguageRules, *, titled: bool = False) -> bool:
    """'the NHS', 'Harvard University', 'a 2021 study by …', 'researchers at Harvard': not a person.

    A name with a title ('la Dra. Elena Soto') is a person whatever small word stands before it.
    """
    bare = [word.strip(".,;:’'()") for word in name if not rules.is_title(word)]
    if any(word.lower() in rules.organisation_words for word in bare):
        return True
    if any(is_acronym(word, rules) for word in bare):
        return True
    if any(word.lower().strip(",") in rules.organisation_words for word in before):
        return True
    last = before[-1].lower() if before and not titled else ""
    return last in rules.definite_articles or last in rules.prepositions


def is_acronym(word: str, rules: LanguageRules) -> bool:
    return len(word) > 1 and word.isalpha() and word.isupper() and word.lower() not in rules.name_suffixes


def split_role(words: list[str], rules: LanguageRules) -> tuple[str, str | None]:
    """The words before a name as (context, role): 'In 2019' is context; 'a family therapist' a role.

    A role is the run of words right before the name that holds no number, no
    comma and no small word such as 'in' or 'then' (job words joined by 'and'
    stay together); an article right before it is dropped.
    """
    start = len(words)
    while start > 0:
        word = words[start - 1]
        joins = word.lower() in rules.connectors and start - 2 >= 0 and is_role_part(words[start - 2], rules)
        if not (is_role_part(word, rules) or (joins and start < len(words))):
            break
        start -= 1
    while start < len(words) and words[start].lower() in rules.connectors:
        start += 1
    role = " ".join(words[start:]) or None
    context_end = start
    while context_end > 0 and words[context_end - 1].lower() in rules.articles:
        context_end -= 1
    context = words[:context_end]
    return " ".join(context), role


def is_role_part(word: str, rules: LanguageRules) -> bool:
    return not word.endswith(",") and not _DIGIT.search(word) and word.lower() not in rules.context_words


# --- What the author should check -------------------------------------------------------


def doubts(speaker: str, role: str | None, rules: LanguageRules) -> list[str]:
    """Why a speaker or role may be wrong, in short phrases for the summary (empty when it looks right)."""
    found = []
    first = speaker.split()[0]
    if first[:1].islower() or first.lower() in rules.context_words:
        found.append(f'the speaker "{speaker}" starts with "{first}", which is not part of a name')
    if _DIGIT.search(speaker):
        found.append(f'the speaker "{speaker}" holds a number')
    if len(name_words(speaker, rules)) == 1:
        found.append(f'the speaker "{speaker}" is a single name; write the full name')
    if is_organisation(speaker.split(), [], rules):
        found.append(f'the speaker "{speaker}" looks like an organisation, not a person')
    if role:
        role_first = role.split()[0]
        if role_first.lower() in rules.context_words and role_first.lower() not in rules.articles:
            found.append(f'the role "{role}" starts with "{role_first}", which does not describe a person')
        if _DIGIT.search(role):
            found.append(f'the role "{role}" holds a number')
    return found


def quote_id(quote: FoundQuote, taken: UniqueSlugs, rules: LanguageRules) -> str:
    """'<surname>-<first significant word>', e.g. 'brown-vulnerability'; unique among the ids `taken` gave."""
    names = [word for word in quote.speaker.split() if word.lower().strip(".") not in rules.name_suffixes]
    family_name = slugify(names[-1] if names else quote.speaker, "speaker")
    words = [word.lower().replace("’", "'") for word in _WORD.findall(quote.text)]
    keyword = next((word for word in words if word not in rules.id_stop_words and len(word) > 2), "quote")
    return taken(f"{family_name}-{slugify(keyword, 'quote')}")
