"""The message catalogues: every message the code uses is in the template and
in every shipped catalogue (found with Babel's own extraction, as `pybabel
extract` finds them), placeholders match, plural forms follow the language,
and every mistake in a catalogue or a guide's own words is one sentence."""

from __future__ import annotations

import datetime

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from helpers import REPO
from microsite.errors import ErrorList
from microsite.i18n import ENGLISH, LOCALE_DIR, catalogue_path, load_catalogue, message_ids, messages_for, shipped_languages

KEYWORDS = {"t": None, "tn": (1, 2), "N_": None}


def extracted() -> set[str]:
    """Every message the code uses, extracted with Babel and babel.cfg (what `pybabel extract` does)."""
    with (REPO / "babel.cfg").open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = set()
    for _, _, message, _, _ in extract_from_dir(str(REPO), method_map, options_map, keywords=KEYWORDS):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def test_the_template_holds_exactly_the_messages_the_code_uses():
    assert {singular for singular, _ in message_ids()} == extracted(), (
        "run: pybabel extract -F babel.cfg -k t -k tn:1,2 -k N_ --no-default-keywords --sort-output --omit-header "
        "-o microsite/locale/microsite.pot ."
    )


@pytest.mark.parametrize("language", [language for language in shipped_languages() if language != "en"])
def test_every_shipped_catalogue_has_words_for_every_message(language):
    errors = ErrorList()
    messages = messages_for(language, errors)
    assert [str(problem) for problem in errors.problems] == []
    assert messages.missing() == []


def test_shipped_languages_are_english_spanish_and_german():
    assert {"en", "es", "de"} <= set(shipped_languages())


def test_english_needs_no_catalogue_and_fills_placeholders():
    assert ENGLISH.t("In the chapter “{chapter}”.", chapter="Be kind") == "In the chapter “Be kind”."
    assert ENGLISH.tn("About {n} minute to read", "About {n} minutes to read", 1) == "About 1 minute to read"
    assert ENGLISH.tn("About {n} minute to read", "About {n} minutes to read", 1200) == "About 1,200 minutes to read"
    assert ENGLISH.missing() == []


def po(tmp_path, body: str, language: str = "es"):
    path = tmp_path / "microsite.po"
    path.write_text(f'msgid ""\nmsgstr ""\n"Language: {language}\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n{body}', encoding="utf-8")
    return path


def test_a_catalogue_that_does_not_parse_is_named(tmp_path):
    errors = ErrorList()
    load_catalogue("es", errors, po(tmp_path, 'msgid "Add a row"\nmsgstr "Añadir una fila\n'))
    assert [str(problem) for problem in errors.problems] == [
        f"{tmp_path / 'microsite.po'}: line 7: cannot be read as a gettext catalogue (a text in double quotes was "
        "expected); check its quotes and msgid/msgstr lines"
    ]


def test_a_translation_whose_placeholders_differ_is_named_with_the_fix(tmp_path):
    errors = ErrorList()
    body = (
        'msgid "About {n} minute to read"\nmsgid_plural "About {n} minutes to read"\n'
        'msgstr[0] "Un minuto de lectura"\nmsgstr[1] "Unos minutos"\n\n'
        'msgid "In the chapter “{chapter}”."\nmsgstr "En el capítulo “{capitulo}”."\n'
    )
    load_catalogue("es", errors, po(tmp_path, body))
    assert [str(problem) for problem in errors.problems] == [
        f"{tmp_path / 'microsite.po'}: message 'In the chapter “{{chapter}}”.': the translation's placeholders do not "
        "match the English ones: add {chapter}; remove {capitulo}, which the English does not have"
    ]


def test_an_unknown_language_is_named_with_the_fix():
    errors = ErrorList()
    messages_for("xx-nowhere", errors)
    assert [str(problem) for problem in errors.problems] == [
        "mkdocs.yml: theme: language: unknown language 'xx-nowhere'; use a code such as en, es or de"
    ]


def test_a_guides_own_words_replace_ours_and_unknown_messages_are_named():
    errors = ErrorList()
    raw = {"Exit this page": "Leave now", "Exit this pgae": "Go", "Add a row": 3}
    messages = messages_for("en", errors, raw, "data/messages.yaml")
    assert messages.t("Exit this page") == "Leave now"
    assert [str(problem) for problem in errors.problems] == [
        "data/messages.yaml: message 'Exit this pgae': no such message; did you mean 'Exit this page'?",
        "data/messages.yaml: message 'Add a row': give your words as text, or a list of texts for singular and plural",
    ]


def test_a_language_without_a_catalogue_falls_back_to_english_and_lists_what_is_missing():
    errors = ErrorList()
    arabic = messages_for("ar", errors)
    assert errors.problems == []
    assert arabic.t("Add a row") == "Add a row"
    assert arabic.direction == "rtl"
    assert "Add a row" in arabic.missing() and len(arabic.missing()) == len(message_ids())


def test_numbers_and_dates_follow_the_language():
    errors = ErrorList()
    german = messages_for("de", errors)
    assert german.number(1200.5) == "1.200,5"
    assert german.date(datetime.date(2026, 11, 30)) == "30. November 2026"
    assert ENGLISH.date(datetime.date(2026, 11, 30)) == "November 30, 2026"


def test_catalogue_files_are_where_pybabel_puts_them():
    for language in shipped_languages()[1:]:
        path = catalogue_path(language)
        assert path.is_file() and path.is_relative_to(LOCALE_DIR)
        with path.open("rb") as file:
            assert read_po(file).locale.language == language
