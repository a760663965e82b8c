"""Every word our components show a reader, in the guide's language.

The words live in gettext catalogues, one per language, under
microsite/locale/<language>/LC_MESSAGES/microsite.po (Babel reads and compiles
them; `pybabel` keeps them in step with the code, see the README). The message
ids are the English words, so English needs no catalogue of its own.
`theme.language`, the setting Material already reads, picks the language, so
one line switches Material's words and ours. A guide may replace any message
with its own wording in data/messages.yaml.

Components get a `Messages` and call `t("Saved on this device")` or
`tn("About {n} minute to read", "About {n} minutes to read", n)`; named
placeholders in braces are filled after translation, numbers written the
way the language writes them.
"""

from __future__ import annotations

import difflib
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations

from .errors import ErrorList

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "microsite"
SOURCE_LANGUAGE = "en"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def N_(message: str) -> str:
    """Marks a message to translate later (the catalogue tools find it); returns it as it is."""
    return message


def placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


def catalogue_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def shipped_languages() -> list[str]:
    """English, and every language with a catalogue in the package."""
    found = sorted(path.parent.parent.name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return [SOURCE_LANGUAGE, *found]


@lru_cache(maxsize=None)
def message_ids() -> tuple[tuple[str, str | None], ...]:
    """Every message the code uses, as (singular, plural or None), from the catalogue template."""
    template = LOCALE_DIR / f"{DOMAIN}.pot"
    with template.open("rb") as file:
        catalog = read_po(file)
    return tuple(
        (message.id[0], message.id[1]) if isinstance(message.id, tuple) else (message.id, None)
        for message in catalog
        if message.id
    )


@dataclass(frozen=True, eq=False)
class Messages:
    """The words of one language, with the guide's own replacements on top."""

    language: str
    translations: Translations | None = None  # None: English, or a language with no catalogue
    translated: frozenset[str] = frozenset()  # the messages the catalogue has words for
    overrides: dict[str, Any] = field(default_factory=dict)  # English message -> the guide's words

    @property
    def locale(self) -> Locale:
        return Locale.parse(self.language.replace("-", "_"))

    @property
    def direction(self) -> str:
        return "rtl" if self.locale.character_order == "right-to-left" else "ltr"

    def number(self, value: int | float) -> str:
        return format_decimal(value, locale=self.locale)

    def date(self, value, format: str = "long") -> str:
        return format_date(value, format=format, locale=self.locale)

    def t(self, message: str, **values: Any) -> str:
        """The message in this language, its {placeholders} filled."""
        if message in self.overrides:
            text = self.overrides[message]
        elif self.translations is not None:
            text = self.translations.gettext(message)
        else:
            text = message
        return self._fill(text, values)

    def tn(self, singular: str, plural: str, n: int, **values: Any) -> str:
        """The message for `n` things ("1 minute", "2 minutes"); {n} is `n`, written the local way."""
        override = self.overrides.get(singular)
        if override is not None:
            forms = override if isinstance(override, list) else [override]
            text = forms[min(self._plural_index(n), len(forms) - 1)]
        elif self.translations is not None:
            text = self.translations.ngettext(singular, plural, n)
        else:
            text = singular if n == 1 else plural
        return self._fill(text, {"n": n, **values})

    def _plural_index(self, n: int) -> int:
        return 0 if self.locale.plural_form(n) == "one" else 1

    def _fill(self, text: str, values: dict[str, Any]) -> str:
        if not values:
            return text
        written = {name: self.number(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value
                   for name, value in values.items()}
        return _PLACEHOLDER.sub(lambda match: str(written.get(match.group(1), match.group(0))), text)

    def missing(self) -> list[str]:
        """The messages this language has no words for (shown in English)."""
        if self.language == SOURCE_LANGUAGE:
            return []
        return [
            singular for singular, _ in message_ids() if singular not in self.overrides and singular not in self.translated
        ]


ENGLISH = Messages(SOURCE_LANGUAGE)


def check_language(language: str, errors: ErrorList, where: str = "mkdocs.yml") -> bool:
    try:
        Locale.parse(language.replace("-", "_"))
        return True
    except (ValueError, UnknownLocaleError):
        errors.add(where, "theme: language", f"unknown language '{language}'; use a code such as en, es or de")
        return False


_PO_LINE = re.compile(r'^(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?(".*)$')
_QUOTED = re.compile(r'^"(?:[^"\\]|\\.)*"\s*$')


def unquoted_line(text: str) -> int | None:
    """The number of the first line whose text is not closed in double quotes.

    Babel's reader takes such lines without a word and silently drops a
    letter, so a broken quote would show readers garbled words.
    """
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = _PO_LINE.match(stripped)
        if match is None or not _QUOTED.match(match.group(1)):
            return number
    return None


def compiled(catalog) -> Translations:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def load_catalogue(language: str, errors: ErrorList, path: Path | None = None) -> tuple[Translations | None, frozenset[str]]:
    """The catalogue for `language`, checked, and the messages it translates.

    None for English, and for a language the package has no catalogue for.
    """
    path = path or catalogue_path(language)
    if language == SOURCE_LANGUAGE or not path.exists():
        return None, frozenset()
    try:
        label = path.relative_to(LOCALE_DIR.parent.parent).as_posix()
    except ValueError:
        label = str(path)
    broken = unquoted_line(path.read_text(encoding="utf-8"))
    if broken:
        errors.add(label, f"line {broken}", "cannot be read as a gettext catalogue (a text in double quotes was "
                   "expected); check its quotes and msgid/msgstr lines")
        return None, frozenset()
    try:
        with path.open("rb") as file:
            catalog = read_po(file, locale=language.replace("-", "_"), abort_invalid=True)
    except Exception as error:  # a catalogue that does not parse, whatever Babel says about it
        errors.add(label, None, f"cannot be read as a gettext catalogue ({error}); check its quotes and msgid/msgstr lines")
        return None, frozenset()
    translated = set()
    for message in catalog:
        check_placeholders(label, message.id, message.string, errors)
        forms = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
        if message.id and all(forms) and not message.fuzzy:
            translated.add(message.id[0] if isinstance(message.id, tuple) else message.id)
    return compiled(catalog), frozenset(translated)


def check_placeholders(label: str, message_id, translation, errors: ErrorList) -> None:
    """Each translation keeps every {placeholder} of the English message, and adds none."""
    if not message_id or not translation:
        return
    singular = message_id[0] if isinstance(message_id, tuple) else message_id
    english = placeholders(" ".join(message_id) if isinstance(message_id, tuple) else message_id)
    forms = translation if isinstance(translation, (tuple, list)) else (translation,)
    for form in forms:
        if not form:
            continue
        found = placeholders(form)
        if isinstance(message_id, tuple):
            found |= {"n"} & english  # a plural form may leave the number out ("one minute")
        lacking, extra = sorted(english - found - {"n"}), sorted(found - english)
        if lacking or extra:
            fix = "; ".join(
                [f"add {{{name}}}" for name in lacking] + [f"remove {{{name}}}, which the English does not have" for name in extra]
            )
            errors.add(label, f"message '{singular}'", f"the translation's placeholders do not match the English ones: {fix}")


def read_overrides(raw: Any, label: str, errors: ErrorList) -> dict[str, Any]:
    """A guide's own words for some messages: English message -> its text (a list for plural forms)."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        errors.add(label, None, "must map each English message to your words, such as 'Exit this page: Leave now'")
        return {}
    known = {singular: plural for singular, plural in message_ids()}
    overrides = {}
    for message, words in raw.items():
        if message not in known:
            close = difflib.get_close_matches(str(message), list(known), n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else "copy the English message exactly as microsite/locale/microsite.pot has it"
            errors.add(label, f"message '{message}'", f"no such message; {hint}")
            continue
        forms = words if isinstance(words, list) else [words]
        if not forms or not all(isinstance(form, str) and form.strip() for form in forms):
            errors.add(label, f"message '{message}'", "give your words as text, or a list of texts for singular and plural")
            continue
        check_placeholders(label, (message, known[message]) if known[message] else message, forms, errors)
        overrides[message] = words
    return overrides


def messages_for(language: str, errors: ErrorList, overrides_raw: Any = None, overrides_label: str = "data/messages.yaml") -> Messages:
    """The guide's words: its language's catalogue, with its own replacements."""
    if not check_language(language, errors):
        return ENGLISH
    translations, translated = load_catalogue(language, errors)
    return Messages(language, translations, translated, read_overrides(overrides_raw, overrides_label, errors))
