"""The workbook, piece by piece and without rendering a PDF: the layout check's
exact messages, the form fields' names, the HTML handed to WeasyPrint, the
cache and the links. Whole PDFs are checked in tests/site/test_workbook.py."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import REPO
from microsite.components.worksheet.model import load_worksheets
from microsite.errors import ErrorList, format_problems
from microsite.components.worksheet.kinds import part_of
from microsite.components.worksheet.workbook import builder, format_size
from microsite.components.worksheet.workbook.builder import Workbook, cached_pdf, render_html
from microsite.components.worksheet.workbook.layout import EDITIONS, layout_problems
from microsite.plugin import public_site_url

FIXTURES = REPO / "tests/fixtures/sites/workbook/data/worksheets"


def load(folder: Path) -> dict:
    errors = ErrorList()
    worksheets = load_worksheets(folder, lambda path: f"data/worksheets/{path.name}", errors)
    assert errors.problems == []
    return worksheets


def worksheet_with(tmp_path: Path, *fields: dict):
    definition = {
        "id": "big",
        "title": "Big",
        "purpose": "Too big to print.",
        "instructions": "Fill it in.",
        "minutes": 5,
        "version": 1,
        "fields": list(fields),
    }
    (tmp_path / "big.yaml").write_text(yaml.safe_dump(definition), encoding="utf-8")
    return load(tmp_path)["big"]


def layout_message(worksheet) -> str:
    errors = ErrorList()
    layout_problems([worksheet], lambda ws: f"data/worksheets/{ws.id}.yaml", errors)
    return format_problems(errors.problems, "worksheet definitions") if errors else ""


def test_a_long_answer_taller_than_a_page_is_refused_with_the_file_the_field_and_the_fix(tmp_path):
    worksheet = worksheet_with(tmp_path, {"id": "letter", "kind": "long-text", "label": "Dear me", "lines": 30})
    assert layout_message(worksheet) == (
        "1 problem in the worksheet definitions; nothing was built:\n"
        "  - data/worksheets/big.yaml: field 'letter': cannot be laid out in the PDF workbook: "
        "its writing space needs 270 mm (30 lines), but a printed page has room for 217.4 mm; "
        "set lines to 24 or fewer, or split it into two fields"
    )


@pytest.mark.parametrize(
    ("field", "message"),
    [
        (
            {"id": "things", "kind": "numbered-list", "label": "Things", "entries": 25},
            "field 'things': cannot be laid out in the PDF workbook: its writing space needs 250 mm (25 entries), "
            "but a printed page has room for 217.4 mm; set entries to 21 or fewer, or split it into two fields",
        ),
        (
            {"id": "days", "kind": "table", "label": "Days", "rows": 9, "columns": [{"id": "day", "label": "Day"}]},
            "field 'days': cannot be laid out in the PDF workbook: its writing space needs 228 mm (9 rows), "
            "but a printed page has room for 217.4 mm; set rows to 8 or fewer, or split it into two fields",
        ),
        (
            {"id": "pick", "kind": "checklist", "label": "Pick", "options": [f"Choice {n}" for n in range(1, 29)]},
            "field 'pick': cannot be laid out in the PDF workbook: its writing space needs 224 mm (28 options), "
            "but a printed page has room for 217.4 mm; keep it to 27 options or fewer, or split it into two fields",
        ),
        (
            {"id": "wide", "kind": "table", "label": "Wide", "columns": [{"id": f"c{n}", "label": f"C{n}"} for n in range(6)]},
            "field 'wide': cannot be laid out in the PDF workbook: its 6 columns do not fit across a printed page, "
            "which has room for 5; keep it to 5 columns or fewer, or split it into two tables",
        ),
    ],
)
def test_every_kind_that_can_outgrow_a_page_says_how_far_to_shrink_it(tmp_path, field, message):
    assert layout_message(worksheet_with(tmp_path, field)) == (
        "1 problem in the worksheet definitions; nothing was built:\n"
        f"  - data/worksheets/big.yaml: {message}"
    )


def test_every_problem_is_reported_at_once(tmp_path):
    worksheet = worksheet_with(
        tmp_path,
        {"id": "one", "kind": "long-text", "label": "One", "lines": 40},
        {"id": "two", "kind": "numbered-list", "label": "Two", "entries": 40},
    )
    assert layout_message(worksheet).startswith("2 problems in the worksheet definitions; nothing was built:")


def test_the_largest_field_that_fits_is_accepted(tmp_path):
    worksheet = worksheet_with(tmp_path, {"id": "letter", "kind": "long-text", "label": "Dear me", "lines": 24})
    assert layout_message(worksheet) == ""


def test_the_guides_worksheets_and_the_fixtures_can_be_laid_out():
    for folder in (REPO / "data/worksheets", FIXTURES):
        assert layout_message_for_all(load(folder).values()) == "", folder


def layout_message_for_all(worksheets) -> str:
    errors = ErrorList()
    layout_problems(worksheets, lambda ws: ws.id, errors)
    return "\n".join(map(str, errors.problems))


def test_a_control_is_named_for_screen_readers_after_its_field():
    assert part_of("Three good things", "entry 2") == "Three good things: entry 2"
    assert part_of("What helps?", "a walk") == "What helps? A walk"


def workbook_html(worksheets, edition=EDITIONS[0], **extra) -> BeautifulSoup:
    workbook = Workbook(guide="Fixture guide", worksheets=tuple(worksheets), **extra)
    return BeautifulSoup(render_html(workbook, edition), "html.parser")


def control_names(soup: BeautifulSoup) -> list[str]:
    """The form fields a PDF gets: one per name (round buttons share theirs)."""
    return list(dict.fromkeys(control["name"] for control in soup.select("input, textarea")))


def test_form_fields_are_named_after_the_worksheet_the_field_and_the_entry():
    assert control_names(workbook_html([load(FIXTURES)["every-kind"]])) == [
        "every-kind.name",
        "every-kind.story",
        "every-kind.good-things.1",
        "every-kind.good-things.2",
        "every-kind.good-things.3",
        "every-kind.feeling",
        "every-kind.helps.1",
        "every-kind.helps.2",
        "every-kind.helps.3",
        "every-kind.when",
        "every-kind.day",
        "every-kind.triggers.1.trigger",
        "every-kind.triggers.1.feeling",
        "every-kind.triggers.1.new-way",
        "every-kind.triggers.2.trigger",
        "every-kind.triggers.2.feeling",
        "every-kind.triggers.2.new-way",
    ]


def test_each_worksheet_is_a_form_of_named_controls_each_with_an_accessible_name():
    worksheets = list(load(FIXTURES).values())
    soup = workbook_html(worksheets)
    forms = soup.select("section.worksheet form")
    assert len(forms) == len(worksheets)
    for form, worksheet in zip(forms, worksheets):
        assert all(name.startswith(f"{worksheet.id}.") for name in control_names(form))
    for control in soup.select("input, textarea"):
        assert control.get("title", "").strip(), control
    assert soup.html["lang"] == "en"
    assert soup.title.get_text() == "Fixture guide: workbook"


def test_the_contents_links_each_worksheet_and_the_end_for_page_numbers():
    worksheets = list(load(FIXTURES).values())
    soup = workbook_html(worksheets)
    targets = [link["href"] for link in soup.select(".contents a")]
    assert targets == [f"#worksheet-{worksheet.id}" for worksheet in worksheets] + ["#workbook-end"]
    for target in targets:
        assert soup.select_one(target) is not None


def test_each_edition_sets_its_own_paper_size():
    worksheets = list(load(FIXTURES).values())
    for edition, size in zip(EDITIONS, ("A4", "letter")):
        assert f"size: {size};" in workbook_html(worksheets, edition).find_all("style")[-1].get_text()


def test_text_from_definitions_and_settings_is_escaped(tmp_path):
    worksheet = worksheet_with(tmp_path, {"id": "x", "kind": "short-text", "label": "<b>Bold</b> & more"})
    workbook = Workbook(guide="<i>Guide</i>", worksheets=(worksheet,), notice="<script>alert(1)</script>")
    html = render_html(workbook, EDITIONS[0])
    assert "<b>" not in html and "<i>Guide" not in html and "<script>" not in html
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; more" in html


def test_the_chapter_a_worksheet_goes_with_is_named():
    worksheets = list(load(FIXTURES).values())
    soup = workbook_html(worksheets, chapters={"every-kind": "Talk openly"})
    assert "Goes with the chapter “Talk openly”." in soup.select_one("#worksheet-every-kind").get_text()
    assert soup.select_one("#worksheet-kind-letter .worksheet__chapter") is None


@pytest.fixture
def rendered(monkeypatch):
    """write_pdf replaced by a stand-in that records each call (no WeasyPrint)."""
    calls = []

    def fake_write_pdf(html, target):
        calls.append(html)
        Path(target).write_bytes(b"%PDF-1.7 " + str(len(calls)).encode())

    monkeypatch.setattr(builder, "write_pdf", fake_write_pdf)
    return calls


def test_a_pdf_is_rendered_once_and_then_taken_from_the_cache(tmp_path, rendered):
    workbook = Workbook(guide="Guide", worksheets=tuple(load(FIXTURES).values()))
    first, was_rendered = cached_pdf(workbook, EDITIONS[0], "workbook-a4", tmp_path)
    again, rendered_again = cached_pdf(workbook, EDITIONS[0], "workbook-a4", tmp_path)
    assert (was_rendered, rendered_again) == (True, False)
    assert first == again and len(rendered) == 1


def test_a_change_to_a_definition_renders_again_and_replaces_the_old_file(tmp_path, rendered):
    worksheets = tuple(load(FIXTURES).values())
    old, _ = cached_pdf(Workbook(guide="Guide", worksheets=worksheets), EDITIONS[0], "workbook-a4", tmp_path)
    new, was_rendered = cached_pdf(Workbook(guide="Guide", worksheets=worksheets[:1]), EDITIONS[0], "workbook-a4", tmp_path)
    assert was_rendered and new != old
    assert sorted(path.name for path in tmp_path.iterdir()) == [new.name]


def test_each_edition_has_its_own_cache_entry(tmp_path, rendered):
    workbook = Workbook(guide="Guide", worksheets=tuple(load(FIXTURES).values()))
    for edition in EDITIONS:
        cached_pdf(workbook, edition, f"workbook-{edition.id}", tmp_path)
    assert len(list(tmp_path.glob("*.pdf"))) == 2 and len(rendered) == 2


@pytest.mark.parametrize(("size", "text"), [(300, "1 KB"), (123_456, "121 KB"), (2_500_000, "2.4 MB")])
def test_sizes_are_given_in_kilobytes_or_megabytes(size, text):
    assert format_size(size) == text


def test_the_workbook_prints_the_public_address_even_under_mkdocs_serve(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: Guide\nsite_url: https://example.org/guide\n", encoding="utf-8")
    served = SimpleNamespace(site_url="http://127.0.0.1:8000/guide/", dev_addr="127.0.0.1:8000", config_file_path=str(tmp_path / "mkdocs.yml"))
    built = SimpleNamespace(site_url="https://example.org/guide/", dev_addr="127.0.0.1:8000", config_file_path="unused")
    assert public_site_url(served) == public_site_url(built) == "https://example.org/guide/"


def test_a_caveat_is_printed_before_the_fields_and_a_stepped_rating_has_its_points(tmp_path):
    (tmp_path / "caveat-and-step.yaml").write_text(
        yaml.safe_dump(yaml.safe_load((REPO / "microsite/components/worksheet/examples.yaml").read_text())["examples"]["caveat-and-step"]),
        encoding="utf-8",
    )
    soup = workbook_html([load(tmp_path)["caveat-and-step"]])
    caveat = soup.select_one(".worksheet__caveat")
    assert caveat.get_text(" ", strip=True).startswith("Before you start Only do this with a partner")
    assert caveat.find_next("form") is not None
    assert [radio["value"] for radio in soup.select("input[type=radio]")] == [str(point) for point in range(0, 101, 10)]
