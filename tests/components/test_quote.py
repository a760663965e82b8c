"""The quote component: the quotes file's schema and every error it reports,
the HTML of traced, untraced and abridged quotes, escaping, the macros, and
the guide's own quotes file."""

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from microsite.components.quote import (
    load_quotes,
    published_quotes,
    quote_list_macro,
    quote_macro,
    render_quote,
)
from microsite.components.quote.model import Quote, Source, parse_quotes
from microsite.context import PageRef
from microsite.errors import ErrorList, MicrositeError
from microsite.late import read_page_facts
from microsite.site import SiteData

from helpers import make_site

from axe_check import violations_in_fragment

REPO = Path(__file__).parents[2]
EXAMPLES = yaml.safe_load((REPO / "microsite/components/quote/examples.yaml").read_text(encoding="utf-8"))
LABEL = "data/quotes.yaml"
UNTRACED_WORDS = "Reported in the article this guide is based on. We could not find where this was first said."

BROWN = EXAMPLES["traced-book"]["quote"]
RICHARDS = EXAMPLES["untraced"]["quote"]


def parse(entries) -> tuple[dict[str, Quote], list[str]]:
    errors = ErrorList()
    quotes = parse_quotes(entries, LABEL, errors)
    return quotes, [str(problem) for problem in errors.problems]


def problems_in(entries) -> list[str]:
    return parse(entries)[1]


def problems_in_file(tmp_path, text: str) -> list[str]:
    path = tmp_path / "quotes.yaml"
    path.write_text(text, encoding="utf-8")
    errors = ErrorList()
    load_quotes(path, lambda _: LABEL, errors)
    return [str(problem) for problem in errors.problems]


def changed(entry: dict, **changes) -> dict:
    """A copy of `entry` with fields changed; a value of None removes the field."""
    result = {**entry, **changes}
    return {key: value for key, value in result.items() if value is not None}


def render_example_html(name: str) -> str:
    example = EXAMPLES[name]
    quotes, problems = parse([example["quote"]])
    assert problems == []
    return render_quote(quotes[example["quote"]["id"]], sources_url=example.get("sources_url"))


def render_example(name: str) -> BeautifulSoup:
    return BeautifulSoup(render_example_html(name), "html.parser")


# --- Schema: what the file accepts ------------------------------------------


def test_a_traced_entry_becomes_a_quote_with_its_source():
    quotes, problems = parse([EXAMPLES["traced-article-with-url"]["quote"]])
    assert problems == []
    assert quotes["ada-kindness"] == Quote(
        id="ada-kindness",
        text="Kindness is a habit you can practise.",
        speaker="Ada Example",
        role="researcher at an example university",
        article_role="researcher",
        abridged=False,
        source=Source(
            work="Kindness: a made-up article",
            year=2001,
            published_in="Journal of Examples",
            pages="85–101",
            url="https://example.org/kindness",
        ),
    )
    assert quotes["ada-kindness"].provenance == "traced"


def test_an_untraced_entry_has_no_source():
    quotes, problems = parse([RICHARDS])
    assert problems == []
    assert quotes["richards-communication"].source is None
    assert quotes["richards-communication"].provenance == "untraced"


def test_a_page_number_written_as_a_number_is_read_as_a_page():
    quotes, problems = parse([changed(BROWN, pages=34)])
    assert problems == []
    source = quotes["brown-vulnerability"].source
    assert (source.pages, source.single_page) == ("34", True)


def test_an_empty_file_holds_no_quotes(tmp_path):
    assert problems_in_file(tmp_path, "# nothing yet\n") == []


def test_a_missing_file_means_the_guide_quotes_no_one(tmp_path):
    errors = ErrorList()
    assert load_quotes(tmp_path / "absent.yaml", lambda _: LABEL, errors) == {}
    assert not errors


# --- Schema: every error, word for word -------------------------------------


def test_traced_without_a_work_says_to_add_one_or_use_untraced():
    assert problems_in([changed(BROWN, work=None)]) == [
        "data/quotes.yaml: quote 'brown-vulnerability': provenance 'traced' needs a 'work' title (or use 'untraced')"
    ]


def test_traced_without_a_year_says_to_add_one_or_use_untraced():
    assert problems_in([changed(BROWN, year=None)]) == [
        "data/quotes.yaml: quote 'brown-vulnerability': provenance 'traced' needs the 'year' of the work, or for an undated web page its 'url' and the day you read it, 'accessed' (or use 'untraced')"
    ]


def test_an_unknown_provenance_lists_the_known_ones():
    assert problems_in([changed(RICHARDS, provenance="verified")]) == [
        "data/quotes.yaml: quote 'richards-communication': unknown provenance 'verified' (expected one of: traced, partly, untraced)"
    ]


def test_untraced_with_a_work_says_which_to_change():
    assert problems_in([changed(RICHARDS, work="Some Book")]) == [
        "data/quotes.yaml: quote 'richards-communication': provenance 'untraced' cannot have a 'work'; "
        "remove it, or use 'traced' if the original was found"
    ]


def test_every_missing_key_is_reported_at_once_with_what_to_write():
    assert problems_in([{"id": "bare-quote"}]) == [
        "data/quotes.yaml: quote 'bare-quote': missing 'text'; add the exact words, copied character for character",
        "data/quotes.yaml: quote 'bare-quote': missing 'speaker'; add who said it",
        "data/quotes.yaml: quote 'bare-quote': missing 'role'; add what they do, as far as we know",
        "data/quotes.yaml: quote 'bare-quote': missing 'article_role'; add what the source article called them",
        "data/quotes.yaml: quote 'bare-quote': missing 'abridged'; add true if words were left out, otherwise false",
        "data/quotes.yaml: quote 'bare-quote': missing 'provenance'; add 'traced', 'partly' or 'untraced'",
    ]


def test_a_duplicate_id_names_both_entries():
    assert problems_in([BROWN, RICHARDS, changed(BROWN, text="Other words.")]) == [
        "data/quotes.yaml: quote 'brown-vulnerability': entry 3 uses the same id as entry 1; give each quote its own id"
    ]


def test_an_unknown_key_suggests_the_closest_known_key():
    assert problems_in([changed(RICHARDS, speeker="D. Richards")]) == [
        "data/quotes.yaml: quote 'richards-communication': unknown key 'speeker'; did you mean 'speaker'?"
    ]


def test_an_unknown_key_with_nothing_close_lists_the_known_keys():
    assert problems_in([changed(RICHARDS, colour="blue")]) == [
        "data/quotes.yaml: quote 'richards-communication': unknown key 'colour'; known keys: id, text, speaker, "
        "role, article_role, provenance, abridged, work, published_in, year, pages, url, accessed, note, review"
    ]


def test_wrong_kinds_of_value_say_what_is_expected():
    entry = changed(BROWN, text=42, abridged="no", year="2012", url="example.org/book", speaker="  ")
    assert problems_in([entry]) == [
        "data/quotes.yaml: quote 'brown-vulnerability': 'text' must be text, found the number 42; put it in quotes",
        "data/quotes.yaml: quote 'brown-vulnerability': 'speaker' is empty; add who said it",
        "data/quotes.yaml: quote 'brown-vulnerability': 'abridged' must be true or false, found 'no'",
        "data/quotes.yaml: quote 'brown-vulnerability': 'year' must be a whole number, found '2012'",
        "data/quotes.yaml: quote 'brown-vulnerability': 'url' must be a full web address starting with https://, "
        "found 'example.org/book'",
    ]


def test_entries_without_a_usable_id_are_named_by_position():
    assert problems_in([{"text": "Words."}, {"id": "Brown Vulnerability"}, "just a sentence"]) == [
        "data/quotes.yaml: entry 1: missing 'id'; add a short name that pages use, such as 'brown-vulnerability'",
        "data/quotes.yaml: entry 2: id 'Brown Vulnerability' must be lowercase words joined by hyphens, like "
        "'brown-vulnerability'",
        "data/quotes.yaml: entry 3: must be a quote with its keys (id, …), found 'just a sentence'",
    ]


def test_a_file_that_is_not_a_list_says_how_entries_start(tmp_path):
    assert problems_in_file(tmp_path, "brown-vulnerability:\n  text: Words.\n") == [
        "data/quotes.yaml: must be a list of quotes, each starting with '- id:'"
    ]


def test_invalid_yaml_is_reported_with_its_line(tmp_path):
    text = '- id: brown-vulnerability\n  text: "Words."\n speaker: Brené Brown\n'
    assert problems_in_file(tmp_path, text) == [
        "data/quotes.yaml: line 3, column 2: invalid YAML: expected <block end>, but found '<block mapping start>'; "
        "check the indentation and quotes there"
    ]


def test_problems_in_several_entries_are_all_collected():
    problems = problems_in([changed(BROWN, work=None), changed(RICHARDS, provenance="maybe")])
    assert len(problems) == 2


# --- Rendering -------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_example_is_a_figure_with_the_words_the_speaker_and_the_provenance(name):
    entry = EXAMPLES[name]["quote"]
    soup = render_example(name)
    figure = soup.find("figure")
    assert [child.name for child in figure.find_all(recursive=False)] == ["blockquote", "figcaption"]
    assert figure.blockquote.get_text(strip=True) == entry["text"]
    caption = figure.figcaption
    assert caption.select_one(".microsite-quote__speaker").get_text() == entry["speaker"]
    assert entry["role"] in caption.get_text()
    # <cite> names works only: the work and where it was published, never the speaker.
    cited = [cite.get_text() for cite in caption.find_all("cite")]
    assert cited == [entry[key] for key in ("work", "published_in") if key in entry]
    assert figure.blockquote.get("cite") == entry.get("url")
    provenance = caption.select_one(".microsite-quote__provenance").get_text(" ", strip=True)
    expected = "Source:" if entry["provenance"] in ("traced", "partly") else UNTRACED_WORDS
    assert expected in provenance
    assert ("Shortened." in caption.get_text()) == entry["abridged"]
    link = caption.find("a", string="How we checked this quote")
    assert (link["href"] if link else None) == EXAMPLES[name].get("sources_url")


@pytest.mark.browser
def test_every_example_passes_axe(page):
    examples = "".join(render_example_html(name) for name in sorted(EXAMPLES))
    assert violations_in_fragment(page, examples, "Quotes") == ""


def test_a_traced_quote_names_its_work_and_year():
    soup = render_example("traced-book")
    provenance = soup.select_one(".microsite-quote__provenance")
    assert provenance.get_text(" ", strip=True) == "Source: Daring Greatly (2012)."
    assert provenance.cite.get_text() == "Daring Greatly"
    assert soup.blockquote.get("cite") is None  # no web address known: no cite attribute
    assert "microsite-quote--traced" in soup.figure["class"]


def test_a_traced_quote_with_a_web_address_links_its_work_and_cites_it():
    soup = render_example("traced-article-with-url")
    assert soup.blockquote["cite"] == "https://example.org/kindness"
    assert soup.select_one(".microsite-quote__provenance").get_text(" ", strip=True) == (
        "Source: Kindness: a made-up article , in Journal of Examples (2001), pages 85–101."
    )
    assert soup.find("cite").a["href"] == "https://example.org/kindness"


def test_an_untraced_quote_says_its_original_could_not_be_found():
    soup = render_example("untraced")
    provenance = soup.select_one(".microsite-quote__provenance").get_text(" ", strip=True)
    assert provenance == "Source not found. " + UNTRACED_WORDS
    assert soup.find("cite") is None
    assert soup.blockquote.get("cite") is None
    assert "microsite-quote--untraced" in soup.figure["class"]


def test_an_abridged_quote_says_so_and_shows_its_note():
    soup = render_example("abridged-with-note")
    assert soup.select_one(".microsite-quote__abridged").get_text(" ", strip=True) == (
        "Shortened. Some of the original words are left out."
    )
    assert soup.select_one(".microsite-quote__note").get_text(" ", strip=True) == (
        "Note: The article stops her sentence early."
    )


def test_text_from_the_data_is_shown_as_text_never_run_as_markup():
    soup = render_example("markup-in-text")
    assert soup.find("script") is None
    assert soup.find(["b", "em", "img"]) is None
    assert soup.find("a") is None
    assert soup.blockquote.get_text(strip=True) == "Be <b>kind</b> <script>alert('hi')</script> & honest."
    assert soup.select_one(".microsite-quote__speaker").get_text() == "Sam <em>Example</em>"


def test_what_the_article_called_someone_is_shown_only_in_the_list_and_only_when_it_differs():
    quotes, _ = parse([BROWN, RICHARDS])
    brown_in_list = BeautifulSoup(render_quote(quotes["brown-vulnerability"], show_article_role=True), "html.parser")
    richards_in_list = BeautifulSoup(render_quote(quotes["richards-communication"], show_article_role=True), "html.parser")
    brown_in_chapter = BeautifulSoup(render_quote(quotes["brown-vulnerability"]), "html.parser")
    assert brown_in_list.select_one(".microsite-quote__article-role").get_text() == (
        "Called “psychotherapist” in the source article."
    )
    assert richards_in_list.select_one(".microsite-quote__article-role") is None  # the role already says it
    assert brown_in_chapter.select_one(".microsite-quote__article-role") is None


# --- Macros ----------------------------------------------------------------


def site_with(entries, untraced_quotes="show", has_sources_page=True):
    """A site holding these quotes, with a chapter and (optionally) the sources page."""
    quotes, problems = parse(entries)
    assert problems == []
    pages = {"index.md": "", "guide/embrace-vulnerability.md": "guide/embrace-vulnerability/"}
    if has_sources_page:
        pages["about.md"] = "about/"
    return make_site(pages=pages, data=SiteData(quotes=quotes), untraced_quotes=untraced_quotes)


CHAPTER = PageRef("guide/embrace-vulnerability.md", "guide/embrace-vulnerability/")


def test_the_quote_macro_records_its_page_and_links_to_the_sources_page_entry():
    html = quote_macro(site_with([BROWN]), CHAPTER, "brown-vulnerability")
    soup = BeautifulSoup(html, "html.parser")
    assert read_page_facts(html).quotes == {"brown-vulnerability"}
    assert soup.find("a", string="How we checked this quote")["href"] == "../../about/#quote-brown-vulnerability"


def test_without_a_sources_page_a_quote_has_no_link():
    site = site_with([BROWN], has_sources_page=False)
    assert BeautifulSoup(quote_macro(site, CHAPTER, "brown-vulnerability"), "html.parser").find("a") is None


def test_an_unknown_id_suggests_the_closest_one():
    with pytest.raises(MicrositeError) as error:
        quote_macro(site_with([BROWN, RICHARDS]), CHAPTER, "brown-vulnerabilty")
    assert str(error.value) == "unknown quote id 'brown-vulnerabilty'; did you mean 'brown-vulnerability'?"


def test_an_excluded_untraced_quote_says_how_to_fix_the_page():
    with pytest.raises(MicrositeError) as error:
        quote_macro(site_with([RICHARDS], untraced_quotes="exclude"), CHAPTER, "richards-communication")
    assert str(error.value) == (
        "quote 'richards-communication' is untraced, and mkdocs.yml leaves untraced quotes out "
        "(untraced_quotes: exclude); remove {{ quote('richards-communication') }} from this page, "
        "or set untraced_quotes: show"
    )


def test_a_quote_asked_for_before_any_exist_says_the_file_is_empty():
    with pytest.raises(MicrositeError) as error:
        quote_macro(site_with([]), CHAPTER, "brown-vulnerability")
    assert str(error.value) == "unknown quote id 'brown-vulnerability'; data/quotes.yaml holds no quotes yet"


def test_the_list_holds_every_published_quote_with_an_anchor_in_file_order():
    html = quote_list_macro(site_with([RICHARDS, BROWN]), CHAPTER)
    soup = BeautifulSoup(html, "html.parser")
    assert [figure["id"] for figure in soup.find_all("figure")] == [
        "quote-richards-communication",
        "quote-brown-vulnerability",
    ]
    assert soup.find("a", string="How we checked this quote") is None  # the list is where those links lead
    assert read_page_facts(html).quotes == set()  # listing a quote is not using it on a page


def test_excluding_untraced_quotes_leaves_only_traced_ones():
    site = site_with([RICHARDS, BROWN], untraced_quotes="exclude")
    assert list(published_quotes(site.data.quotes, "exclude")) == ["brown-vulnerability"]
    soup = BeautifulSoup(quote_list_macro(site, CHAPTER), "html.parser")
    assert [figure["id"] for figure in soup.find_all("figure")] == ["quote-brown-vulnerability"]


def test_a_list_with_nothing_to_show_says_what_to_change():
    with pytest.raises(MicrositeError) as error:
        quote_list_macro(site_with([RICHARDS], untraced_quotes="exclude"), CHAPTER)
    assert str(error.value) == (
        "there are no quotes to list; add quotes to data/quotes.yaml or remove {{ quote_list() }} from this page"
    )


# --- The guide's own quotes file -------------------------------------------

GUIDE_QUOTES = REPO / "data/quotes.yaml"


@pytest.fixture(scope="module")
def guide_quotes() -> dict[str, Quote]:
    errors = ErrorList()
    quotes = load_quotes(GUIDE_QUOTES, lambda _: "data/quotes.yaml", errors)
    assert [str(problem) for problem in errors.problems] == []
    return quotes


def test_the_guide_has_the_seven_quotes_the_chapters_call(guide_quotes):
    assert list(guide_quotes) == [
        "richards-communication",
        "seppala-gratitude",
        "brown-vulnerability",
        "neff-self-compassion",
        "oneill-reframing",
        "murray-values",
        "allen-therapist",
    ]


def test_only_the_quotes_found_in_published_work_are_traced(guide_quotes):
    traced = {quote_id: quote.source.work for quote_id, quote in guide_quotes.items() if quote.traced}
    assert traced == {
        "brown-vulnerability": "Daring Greatly",
        "neff-self-compassion": "Kristin Neff’s website, self-compassion.org",
    }
    assert [quote_id for quote_id, quote in guide_quotes.items() if quote.abridged] == ["neff-self-compassion"]


def test_a_wrong_role_in_the_article_is_corrected_and_kept_apart(guide_quotes):
    brown = guide_quotes["brown-vulnerability"]
    assert brown.article_role == "psychotherapist"
    assert "psychotherapist" not in brown.role
    assert "University of Houston" in brown.role


def test_quote_text_keeps_the_articles_typography(guide_quotes):
    assert guide_quotes["richards-communication"].text.startswith("It’s important")
    assert "‘What would I tell a friend in this situation?’" in guide_quotes["oneill-reframing"].text
    assert all("'" not in quote.text for quote in guide_quotes.values())


def test_a_partly_checked_quote_says_so_next_to_its_source():
    soup = render_example("partly-checked")
    assert "microsite-quote--partly" in soup.figure["class"]
    assert soup.select_one(".microsite-quote__partly").get_text(" ", strip=True) == (
        "Partly checked. Some of these words were found there, word for word; the others could not be checked."
    )


def test_an_undated_web_page_gives_the_day_it_was_read_instead_of_a_year():
    soup = render_example("undated-web-page")
    assert soup.select_one(".microsite-quote__provenance").get_text(" ", strip=True) == (
        "Source: Ada Example’s website (read on November 30, 2026)."
    )
