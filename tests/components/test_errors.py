"""Suggestions in error messages: close typos get one, unrelated words do not."""

from microsite.errors import find_closest_id, unknown_id_message


def test_a_typo_gets_the_id_it_was_meant_to_be():
    assert find_closest_id("thought-recrd", ["thought-record", "trigger-map"]) == "thought-record"


def test_an_unrelated_word_gets_no_suggestion():
    assert find_closest_id("doi", ["topic", "summary", "authors"]) is None


def test_without_a_close_match_the_known_ids_are_listed():
    assert unknown_id_message("quote", "zzz", ["b", "a"]) == "unknown quote id 'zzz'; known ids: a, b"
