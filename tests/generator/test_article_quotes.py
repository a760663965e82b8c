"""Quotes: each common form becomes an exact, untraced record the quote component accepts."""

from __future__ import annotations

import pytest
import yaml

from generation import ENGLISH, guide_for
from microsite.components.quote.model import parse_quotes
from microsite.errors import ErrorList
from microsite.importer.project import quote_records_yaml
from microsite.importer.quotes import FoundQuote, doubts, role_and_name, split_quotes


def records(name: str) -> list[tuple[str, str, str, str]]:
    """(id, speaker, article_role, text) of each quote found."""
    return [(q["id"], q["speaker"], q["article_role"], q["text"]) for q in guide_for(name).quotes]


def test_each_quote_form_gives_speaker_role_and_exact_words():
    assert records("quote-forms.txt") == [
        ("smith-listening", "Jane Smith", "family therapist", "Listening is a skill you can learn."),
        ("richards-important", "Deanna Richards", "therapist", "It’s important to talk about your feelings."),
        ("baker-children", "Tom Baker", "school counsellor", "Children notice more than we think."),
        ("neff-treat", "Kristin Neff", "not given", "Treat yourself as you would treat a friend."),
        (
            "oneill-faced",
            "Dr. Rachel O’Neill",
            "Cognitive Behavioral Therapist",
            "When faced with a negative thought, ask yourself ‘What would I tell a friend in this situation?’ "
            "This can help.",
        ),
        (
            "beethoven-practise",
            "Ludwig van Beethoven",
            "not given",
            "Don't only practise your art, but force your way into its secrets.",
        ),
    ]


def test_unattributed_and_mid_sentence_quotations_stay_in_the_text():
    not_quotes = guide_for("quote-forms.txt").chapters[-1]
    assert [piece.text for piece in not_quotes.pieces] == [
        'This suggests, "nothing at all." Some people call it "the blues" for short. Someone once said "hello".'
    ]


def test_quotes_in_title_line_articles_with_non_ascii_names():
    assert records("title-lines.txt") == [
        ("brown-vulnerability", "Brené Brown", "research professor", "Vulnerability is not winning or losing."),
        ("neff-kind", "Kristin Neff", "not given", "Be kind to yourself in the same way you would be kind to a friend."),
        ("david-emotions", "Dr. Susan David", "not given", "Emotions are data, not directives."),
        ("perez-ask", "Dr. Ana Pérez", "Licensed counselor", "Ask yourself ‘What do I know for sure?’ before you decide."),
    ]


def test_the_chapter_calls_the_quote_where_its_sentence_was():
    why_sleep = guide_for("markdown-headings.md").chapters[1]
    assert [(piece.text, piece.quote_id) for piece in why_sleep.pieces] == [
        ("Sleep repairs the body.", None),
        (None, "walker-sleep"),
        ("It also steadies the mood.", None),
    ]


SHARED_QUOTES = [
    (
        "richards-important", "Deanna Richards", "therapist",
        "It’s important to talk about your feelings and needs, even if it feels uncomfortable. When couples are "
        "able to communicate openly, they are better able to understand each other and work together to solve any "
        "issues that arise in the relationship.",
    ),
    (
        "seppala-habit", "Dr. Emma Seppälä", "Psychologist",
        "Make a habit of expressing gratitude toward your partner every day. Whether it’s something big or small, "
        "let them know that you appreciate them and their efforts.",
    ),
    (
        "brown-vulnerability", "Dr. Brené Brown", "psychotherapist",
        "Vulnerability is the birthplace of love, belonging, joy, courage, empathy, and creativity. It is the source "
        "of hope, empathy, accountability, and authenticity. If we want greater clarity in our purpose or deeper and "
        "more meaningful spiritual lives, vulnerability is the path.",
    ),
    (
        "neff-self-compassion", "Kristin Neff", "psychologist",
        "Self-compassion involves recognizing that suffering and personal inadequacy is part of the shared human "
        "experience.",
    ),
    (
        "oneill-faced", "Dr. Rachel O’Neill", "Cognitive Behavioral Therapist",
        "When faced with a negative thought, ask yourself ‘What would I tell a friend in this situation?’ This can "
        "help to put things into perspective and provide a different outlook on the situation.",
    ),
    (
        "murray-values", "Dr. Jill Murray", "couples therapist",
        "Values help to create a sense of connection and understanding between partners. They can provide a common "
        "ground to build upon and help to lay the foundation for a secure relationship.",
    ),
    (
        "allen-important", "Dr. Sarah Allen", "Clinical psychologist",
        "It’s important to find a therapist who you feel comfortable with and who you can trust. Make sure to do your "
        "research and ask questions to make sure that the therapist is the right fit for you.",
    ),
]


def test_the_shared_article_gives_its_seven_quotes_word_for_word(shared_article):
    guide = guide_for(str(shared_article), shared_article.read_text(encoding="utf-8"))
    assert [(q["id"], q["speaker"], q["article_role"], q["text"]) for q in guide.quotes] == SHARED_QUOTES
    for quote in guide.quotes:
        assert quote["text"] in shared_article.read_text(encoding="utf-8")


def test_a_record_is_untraced_with_the_role_marked_as_unchecked():
    first, *_ = guide_for("title-lines.txt").quotes
    assert first == {
        "id": "brown-vulnerability",
        "text": "Vulnerability is not winning or losing.",
        "speaker": "Brené Brown",
        "role": "described in the source article as a research professor",
        "article_role": "research professor",
        "provenance": "untraced",
        "abridged": False,
        "review": "needed",
    }


@pytest.mark.parametrize(
    "name", ["quote-forms.txt", "title-lines.txt", "markdown-headings.md", "quote-forms-after.txt", "saved-page.html"]
)
def test_the_written_quotes_file_validates_against_the_quote_model(name):
    quotes = guide_for(name).quotes
    errors = ErrorList()
    parsed = parse_quotes(yaml.safe_load(quote_records_yaml(quotes)), "data/quotes.yaml", errors)
    assert not errors, errors.problems
    assert [quote.text for quote in parsed.values()] == [quote["text"] for quote in quotes]


def test_an_article_without_quotes_writes_an_empty_list():
    assert yaml.safe_load(quote_records_yaml(())) == []


@pytest.mark.parametrize(
    "phrase, speaker, role",
    [
        ("therapist Deanna Richards", "Deanna Richards", "therapist"),
        ("Psychologist Dr. Emma Seppälä", "Dr. Emma Seppälä", "Psychologist"),
        ("Cognitive Behavioral Therapist Rachel O’Neill", "Rachel O’Neill", "Cognitive Behavioral Therapist"),
        ("Prof. Jane Doe", "Prof. Jane Doe", None),
        ("Vincent van Gogh", "Vincent van Gogh", None),
        ("a sleep researcher Matthew Walker", "Matthew Walker", "sleep researcher"),
    ],
)
def test_role_and_name_split(phrase, speaker, role):
    person = role_and_name(phrase.split(), ENGLISH)
    assert (person.speaker, person.role) == (speaker, role)


@pytest.mark.parametrize("phrase", ["This", "the study", "research"])
def test_phrases_that_name_no_one_are_not_speakers(phrase):
    assert role_and_name(phrase.split(), ENGLISH) is None


def test_straight_and_curly_quotes_and_nested_single_quotes():
    paragraph = 'Intro. Kristin Neff says "Be kind." As Dr. Ana Pérez puts it, “Ask ‘why?’ first.” End.'
    assert split_quotes(paragraph, ENGLISH) == [
        "Intro.",
        FoundQuote("Be kind.", "Kristin Neff", None),
        FoundQuote("Ask ‘why?’ first.", "Dr. Ana Pérez", None),
        "End.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        'In her book, according to Brené Brown, "Vulnerability is the path."',
        'When in doubt, Kristin Neff suggests, "Be kind."',
        'Love matters, as Brené Brown says, "Vulnerability is the path."',
    ],
)
def test_a_lead_in_after_other_words_is_left_in_the_text_so_no_words_are_lost(sentence):
    assert split_quotes(sentence, ENGLISH) == [sentence]


# --- Attribution after the quote, titles, organisations, doubts --------------------------------


def test_attributions_after_the_quote_titles_and_opening_words_give_exact_records():
    assert records("quote-forms-after.txt") == [
        ("smith-naming", "Dr. Jane Smith", "clinical psychologist", "Naming a worry is the first step to taming it"),
        # "Smith explains": the surname of the person named earlier, with the role given there.
        ("smith-short", "Dr. Jane Smith", "clinical psychologist", "Short breaks help more than long holidays"),
        ("reyes-rest", "Tom Reyes", "occupational therapist", "Rest is part of the work."),
        # A spelled-out title belongs to the name; the words before it are the role.
        ("muller-talk", "Doctor Ana Muller", "Family therapist", "Talk for ten minutes each day without phones."),
        # "In 2019" is neither name nor role.
        ("muller-children", "Dr. Ana Muller", "not given", "Children copy the calm they see."),
        ("sarah-felt", "Sarah", "not given", "I felt less alone after we talked."),
        ("park-listening", "Professor Lee Park", "not given", "Listening is a skill."),
    ]


def test_words_before_the_name_stay_in_the_text_before_the_quote():
    family_talk = guide_for("quote-forms-after.txt").chapters[1]
    assert [(piece.text, piece.quote_id) for piece in family_talk.pieces] == [
        (None, "muller-talk"),
        ("In 2019 Dr. Ana Muller wrote,", None),
        (None, "muller-children"),
        ("Then Sarah said,", None),
        (None, "sarah-felt"),
        (None, "park-listening"),
    ]


def test_organisations_studies_and_pronouns_make_no_quote_record():
    not_people = guide_for("quote-forms-after.txt").chapters[2]
    assert [piece.text for piece in not_people.pieces] == [
        'According to the NHS, "Most adults need seven to nine hours of sleep."\n\n'
        'According to a 2021 study by the University of Leeds, "Walking groups lower stress."\n\n'
        'According to researchers at Harvard, "Friendships protect health."\n\n'
        'Everyone agreed. "Be kind," she says.'
    ]


def test_every_record_waits_for_review_and_doubtful_speakers_are_reported():
    guide = guide_for("quote-forms-after.txt")
    assert {quote["review"] for quote in guide.quotes} == {"needed"}
    assert [(doubt.quote_id, doubt.reasons) for doubt in guide.doubts] == [
        ("sarah-felt", ('the speaker "Sarah" is a single name; write the full name',)),
    ]


@pytest.mark.parametrize(
    "speaker, role, reasons",
    [
        ("Then Sarah", None, [
            'the speaker "Then Sarah" starts with "Then", which is not part of a name',
        ]),
        ("Dr. Ana Muller", "in 2019", [
            'the role "in 2019" starts with "in", which does not describe a person',
            'the role "in 2019" holds a number',
        ]),
        ("2019", None, [
            'the speaker "2019" holds a number',
            'the speaker "2019" is a single name; write the full name',
        ]),
        ("NHS England", None, ['the speaker "NHS England" looks like an organisation, not a person']),
        ("Dr. Jane Smith", "family therapist", []),
    ],
)
def test_sense_checks_on_speakers_and_roles(speaker, role, reasons):
    assert doubts(speaker, role, ENGLISH) == reasons


def test_the_quotes_file_says_what_to_check_above_a_doubtful_record():
    guide = guide_for("quote-forms-after.txt")
    written = quote_records_yaml(guide.quotes, {doubt.quote_id: doubt.reasons for doubt in guide.doubts})
    assert '# Check: the speaker "Sarah" is a single name; write the full name\n- id: sarah-felt\n' in written
    assert [record["id"] for record in yaml.safe_load(written)] == [quote["id"] for quote in guide.quotes]


# --- Spanish and German ---------------------------------------------------------------------------


def test_spanish_quotes_with_guillemets_and_spanish_lead_ins():
    guide = guide_for("spanish.txt", language="es")
    assert [(q["id"], q["speaker"], q["article_role"], q["role"], q["text"]) for q in guide.quotes] == [
        ("ruiz-cuerpo", "Ana Ruiz", "psicóloga", "psicóloga, según el artículo original",
         "el cuerpo aprende el horario en pocas semanas"),
        ("vega-luz", "Luis Vega", "médico de familia", "médico de familia, según el artículo original",
         "La luz de la pantalla engaña al cerebro"),
        ("ruiz-escribir", "Ana Ruiz", "psicóloga", "psicóloga, según el artículo original",
         "Escribir ayuda a soltar los pensamientos"),
    ]
    assert guide.chapters[-1].pieces[-1].text == "Según la OMS, «dormir bien es parte de la salud»."


def test_german_quotes_with_german_marks_and_lead_ins():
    guide = guide_for("german.txt", language="de")
    assert [(q["id"], q["speaker"], q["article_role"], q["role"], q["text"]) for q in guide.quotes] == [
        ("weber-funf", "Anna Weber", "Psychologin", "Psychologin (so im Originalartikel)",
         "Schon fünf Minuten Ruhe machen einen Unterschied."),
        ("becker-bewegung", "Jonas Becker", "Arzt", "Arzt (so im Originalartikel)", "Bewegung baut Stresshormone ab"),
        ("weber-geteilte", "Anna Weber", "Psychologin", "Psychologin (so im Originalartikel)",
         "Geteilte Sorgen wiegen weniger"),
    ]
    assert guide.chapters[-1].pieces[-1].text == "Laut einer Studie der Universität Bonn: „Gespräche senken den Stress.“"


@pytest.mark.parametrize(
    "language, paragraph, speaker, role",
    [
        ("es", "«Pide ayuda», dice la terapeuta Marta Gil.", "Marta Gil", "terapeuta"),
        ("es", "Como explica la doctora Elena Soto, «nadie está solo».", "Elena Soto", "doctora"),
        ("es", "Según la Dra. Elena Soto, «hablar ayuda».", "Dra. Elena Soto", None),
        ("de", "Wie die Therapeutin Eva Roth es ausdrückt: „Kleine Schritte zählen.“", "Eva Roth", "Therapeutin"),
        ("de", "„Ruhe hilft“, sagt Prof. Dr. Karl Lenz, Psychiater in Köln.", "Prof. Dr. Karl Lenz", "Psychiater in Köln"),
        ("de", "Laut der Paartherapeutin Lea Maier: „Zuhören ist Arbeit.“", "Lea Maier", "Paartherapeutin"),
    ],
)
def test_lead_ins_in_each_shipped_language(language, paragraph, speaker, role):
    from microsite.importer.languages import language_rules

    (found,) = split_quotes(paragraph, language_rules(language))
    assert (found.speaker, found.article_role) == (speaker, role)


def test_english_rules_do_not_read_german_closing_marks_as_openings():
    from microsite.importer.languages import language_rules

    paragraph = "Die Psychologin Anna Weber sagt: „Ruhe hilft.“ Dann geht es weiter."
    assert split_quotes(paragraph, ENGLISH) == [paragraph]
    assert split_quotes(paragraph, language_rules("de"))[0] == FoundQuote("Ruhe hilft.", "Anna Weber", "Psychologin")
