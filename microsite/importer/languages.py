"""The article's language, and how articles in that language attribute quotes.

Each language `microsite new` understands is one data file in `languages/`
(`en.yaml`, `es.yaml`, `de.yaml`): its quotation marks, lead-in patterns,
saying verbs, titles, job words and the small words that never start a name.
Adding a language means adding a file, not code.

The language is detected with py3langid (a well-kept fork of langid.py that
ships its model, so nothing is downloaded); `--language` overrides it. The
guide's `theme.language` must be one Material for MkDocs has words for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from ..i18n import shipped_languages
from .article import ImportProblem

RULES_DIR = Path(__file__).parent / "languages"
# Languages whose starter pages (home, help, about) come in their own words: those with a
# catalogue (microsite/locale/); the rest get English ones.
STARTER_PAGE_LANGUAGES = tuple(shipped_languages())
# Where the help page sends readers in a country the guide does not list (`help_directory` in a language's file).
DEFAULT_HELP_DIRECTORY = "https://findahelpline.com/"
# Enough text to tell a language apart; detection time stays flat for long articles.
DETECTION_SAMPLE = 20_000


@dataclass(frozen=True)
class LanguageRules:
    code: str
    name: str
    introduction: str
    unchecked_role: str  # shown as the role until the author checks it; {role} or {a_role}
    no_role: str
    help_directory: str  # the international directory of help lines, in this language where it has a version
    capitalised_nouns: bool  # German: a role's capital letter is not only the sentence's
    section_names: frozenset[str]
    quote_marks: dict[str, str]  # opening mark -> closing mark
    before_quote: tuple[re.Pattern, ...]  # lead-ins that open the quote's sentence, {who} as a group
    after_quote: tuple[re.Pattern, ...]  # attributions that follow the quotation
    titles: frozenset[str]  # lowercased, as written ("dr.", "professor")
    role_words: frozenset[str]
    organisation_words: frozenset[str]
    articles: frozenset[str]
    definite_articles: frozenset[str]
    prepositions: frozenset[str]
    context_words: frozenset[str]
    connectors: frozenset[str]
    not_names: frozenset[str]
    abbreviations: frozenset[str]  # lowercased, without the final full stop
    name_particles: frozenset[str]
    name_suffixes: frozenset[str]
    id_stop_words: frozenset[str]

    def is_title(self, word: str) -> bool:
        return word.lower() in self.titles

    def is_role_word(self, word: str) -> bool:
        """'therapist', and a longer word ending in a job word ('psychotherapist', 'Paartherapeutin')."""
        word = word.lower().strip(",.;:")
        return word in self.role_words or any(
            len(word) > length + 2 and word[-length:] in self.role_words for length in self.role_word_lengths
        )

    @property
    def role_word_lengths(self) -> frozenset[int]:
        return frozenset(map(len, self.role_words))


def lowered(words: list[str]) -> frozenset[str]:
    return frozenset(str(word).lower() for word in words)


def pattern(template: str, verbs: list[str], as_verbs: list[str]) -> re.Pattern:
    """'according to {who}' -> a regular expression; fixed words match in any case, verbs as written."""
    alternatives = {
        "{who}": r"(?P<who>.+?)",
        "{verb}": "(?:" + "|".join(re.escape(verb) for verb in sorted(verbs, key=len, reverse=True)) + ")",
        "{as_verb}": "(?:" + "|".join(re.escape(verb) for verb in sorted(as_verbs, key=len, reverse=True)) + ")",
    }
    parts = []
    for token in re.split(r"(\{who\}|\{verb\}|\{as_verb\})", template):
        if token in alternatives:
            parts.append(alternatives[token])
        elif token.strip():
            words = r"\s+".join(re.escape(word) for word in token.split())
            before = r",?\s+" if token[0].isspace() else ""
            after = r"\s+" if token[-1].isspace() else ""
            parts.append(before + "(?i:" + words + ")" + after)
        elif token:
            parts.append(r",?\s+")
    return re.compile("^" + "".join(parts) + "$")


@cache
def language_rules(code: str) -> LanguageRules | None:
    """The rules for a language code such as 'es', or None when we have none."""
    path = RULES_DIR / f"{code}.yaml"
    if not path.exists():
        return None
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    verbs, as_verbs = raw["verbs"], raw["as_verbs"]
    titles = lowered(raw["titles"])
    return LanguageRules(
        code=code,
        name=raw["name"],
        introduction=raw["introduction"],
        unchecked_role=raw["unchecked_role"],
        no_role=raw["no_role"],
        help_directory=raw.get("help_directory", DEFAULT_HELP_DIRECTORY),
        capitalised_nouns=raw["capitalised_nouns"],
        section_names=lowered(raw["section_names"]),
        quote_marks=dict(raw["quote_marks"]),
        before_quote=tuple(pattern(template, verbs, as_verbs) for template in raw["before_quote"]),
        after_quote=tuple(pattern(template, verbs, as_verbs) for template in raw["after_quote"]),
        titles=titles,
        role_words=lowered(raw["role_words"]),
        organisation_words=lowered(raw["organisation_words"]),
        articles=lowered(raw["articles"]),
        definite_articles=lowered(raw["definite_articles"]),
        prepositions=lowered(raw["prepositions"]),
        context_words=lowered(raw["context_words"]),
        connectors=lowered(raw["connectors"]),
        not_names=lowered(raw["not_names"]),
        abbreviations=frozenset(word.rstrip(".") for word in lowered(raw["abbreviations"]) | titles),
        name_particles=lowered(raw["name_particles"]),
        name_suffixes=frozenset(word.rstrip(".") for word in lowered(raw["name_suffixes"])),
        id_stop_words=lowered(raw["id_stop_words"]),
    )


def languages_with_rules() -> list[str]:
    return sorted(path.stem for path in RULES_DIR.glob("*.yaml"))


def all_section_names() -> frozenset[str]:
    """Section titles in any language we know ("Introduction", "Einleitung", …)."""
    return frozenset().union(*(language_rules(code).section_names for code in languages_with_rules()))


def detect_language(text: str) -> str:
    """The article's language as an ISO 639-1 code, such as 'en' or 'es'."""
    import py3langid  # loads its model on first use

    code, _score = py3langid.classify(text[:DETECTION_SAMPLE])
    return code


@cache
def theme_languages() -> frozenset[str]:
    """The codes Material for MkDocs has words for (its own list of translations)."""
    import material

    folder = Path(material.__file__).parent / "templates" / "partials" / "languages"
    return frozenset(path.stem for path in folder.glob("*.html"))


def language_name(code: str) -> str:
    """'es' -> 'Spanish', in English."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code.replace("-", "_")).get_display_name("en") or code
    except (UnknownLocaleError, ValueError):
        return code


@dataclass(frozen=True)
class GuideLanguage:
    code: str
    detected: bool  # False when given with --language
    rules: LanguageRules | None  # None: quotes are not looked for

    @property
    def name(self) -> str:
        return language_name(self.code)


def choose_language(text: str, given: str | None) -> GuideLanguage:
    """The language given with --language, or the one detected in the text.

    A detected language Material has no words for falls back to English; a
    given one is refused with the list to choose from.
    """
    if given is not None:
        code = given.strip()
        if code not in theme_languages():
            raise ImportProblem(
                f"--language {given}: Material for MkDocs has no language '{given}'; use one of: "
                + ", ".join(sorted(theme_languages()))
            )
        return GuideLanguage(code, detected=False, rules=language_rules(code))
    code = detect_language(text)
    if code not in theme_languages():
        code = "en"
    return GuideLanguage(code, detected=True, rules=language_rules(code))
