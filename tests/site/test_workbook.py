"""The PDF workbook as readers get it: both editions of the real guide's
workbook (from the session's strict build), read back with pypdf and
pdftotext; and a small fixture site for the cache, the links, the script and
a definition that cannot be laid out."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from helpers import REPO, assert_build_failed_with, build_site, copy_fixture_site, edit_yaml
from microsite.components.worksheet.model import load_worksheets
from microsite.errors import ErrorList
from microsite.components.worksheet.workbook import format_size

# These checks run against the guide as each engine builds it (see tests/conftest.py).
pytestmark = pytest.mark.every_engine

PAPER = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}  # width, height in points
LABELS = {"a4": "A4", "letter": "US Letter"}


def guide_worksheets(folder: Path = REPO / "data/worksheets") -> list:
    errors = ErrorList()
    worksheets = load_worksheets(folder, str, errors)
    assert not errors
    return list(worksheets.values())


def expected_field_names(worksheet) -> list[str]:
    """The naming scheme, written out independently of the workbook's code:
    <worksheet>.<field>, plus the entry, option, or row and column."""
    base = lambda field: f"{worksheet.id}.{field.id}"  # noqa: E731
    names = []
    for field in worksheet.fields:
        if field.kind == "numbered-list":
            names += [f"{base(field)}.{n}" for n in range(1, field.entries + 1)]
        elif field.kind == "checklist":
            names += [f"{base(field)}.{n}" for n in range(1, len(field.options) + 1)]
        elif field.kind == "table":
            names += [f"{base(field)}.{row}.{column.id}" for row in range(1, field.rows + 1) for column in field.columns]
        else:  # one text box, or one group of round buttons
            names.append(base(field))
    return names


def pages_text(pdf: Path) -> list[str]:
    """Each page's text, as pdftotext reads it."""
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True)
    return done.stdout.split("\f")[:-1]


def flat(text: str) -> str:
    return " ".join(text.split())


def form_fields(reader: PdfReader) -> list:
    """The document's fields; a round button belongs to its group, which counts once."""
    fields = [reference.get_object() for reference in reader.trailer["/Root"]["/AcroForm"]["/Fields"]]
    return [field for field in fields if "/Parent" not in field]


@pytest.fixture(scope="module", params=["a4", "letter"])
def edition(request, built_site):
    pdf = built_site.site_dir / f"downloads/workbook-{request.param}.pdf"
    assert pdf.exists(), f"{pdf} was not published"
    return request.param, pdf, PdfReader(pdf), pages_text(pdf)


def test_every_page_has_the_editions_paper_size(edition):
    name, _, reader, _ = edition
    for page in reader.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(PAPER[name], abs=1), name


def test_the_text_holds_every_worksheet_title_and_every_field_label(edition):
    _, _, _, pages = edition
    text = flat(" ".join(pages))
    for worksheet in guide_worksheets():
        assert worksheet.title in text
        for field in worksheet.fields:
            assert flat(field.label) in text, (worksheet.id, field.id)
            for column in field.columns:
                assert column.label in text, (worksheet.id, field.id, column.id)


def test_there_is_one_form_field_for_every_field_entry_and_cell_named_after_the_definitions(edition):
    _, _, reader, _ = edition
    fields = form_fields(reader)
    expected = [name for worksheet in guide_worksheets() for name in expected_field_names(worksheet)]
    assert len(fields) == len(expected)
    assert sorted(str(field["/T"]) for field in fields) == sorted(expected)


def test_every_form_field_has_a_name_for_screen_readers(edition):
    _, _, reader, _ = edition
    for field in form_fields(reader):
        assert str(field.get("/TU", "")).strip(), field["/T"]


def test_the_contents_page_gives_the_right_page_count_and_each_worksheets_first_page(edition):
    _, _, reader, pages = edition
    contents = flat(pages[1])
    total = re.search(r"This workbook has (\d+) pages\.", contents)
    assert total and int(total.group(1)) == len(reader.pages)
    for number, worksheet in enumerate(ordered_as_in_contents(contents), start=1):
        first_page = int(re.search(re.escape(worksheet.title) + r" about \d+ minutes? ?\.+ ?(\d+)", contents).group(1))
        page = flat(pages[first_page - 1])
        assert page.startswith(f"WORKSHEET {number} · ABOUT {worksheet.minutes} MINUTE"), (worksheet.id, page[:80])
        assert worksheet.title in page


def ordered_as_in_contents(contents: str) -> list:
    worksheets = guide_worksheets()
    assert all(worksheet.title in contents for worksheet in worksheets)
    return sorted(worksheets, key=lambda worksheet: contents.index(worksheet.title))


def test_the_cover_has_the_guides_title_and_edition_and_no_page_number(edition):
    name, _, _, pages = edition
    cover = flat(pages[0])
    assert "Feeling Secure Together" in cover
    assert f"{LABELS[name]} edition" in cover
    assert "Page 1" not in cover
    assert "Page 2 of" in flat(pages[1])


def test_the_pdf_is_tagged_and_identifies_itself_as_pdf_ua(edition):
    _, _, reader, _ = edition
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "en"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    metadata = root["/Metadata"].get_object().get_data().decode()
    assert 'pdfuaid:part="1"' in metadata
    assert "Feeling Secure Together: workbook" in metadata


def test_the_worksheets_page_links_both_editions_with_their_sizes(built_site):
    page = built_site.site_dir / "worksheets/index.html"
    links = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("ul.microsite-workbook-links a")
    assert [link["href"] for link in links] == ["../downloads/workbook-a4.pdf", "../downloads/workbook-letter.pdf"]
    for link, name in zip(links, ("a4", "letter")):
        target = (page.parent / link["href"]).resolve()
        assert target == (built_site.site_dir / f"downloads/workbook-{name}.pdf").resolve() and target.is_file()
        assert link.get_text() == f"Download the workbook (PDF, {LABELS[name]}, {format_size(target.stat().st_size)})"


# A small fixture site: built once for the module, then again to see the cache at work.


@pytest.fixture(scope="module")
def fixture_builds(tmp_path_factory):
    project = copy_fixture_site("workbook", tmp_path_factory.mktemp("workbook"))
    first = build_site(project, project / "site")
    second = build_site(project, project / "site-again")
    assert first.ok, first.output
    assert second.ok, second.output
    return project, first, second


def test_the_pdfs_are_rendered_once_and_then_taken_from_the_cache(fixture_builds):
    project, first, second = fixture_builds
    for label in ("A4", "US Letter"):
        assert first.output.count(f"Workbook: rendered the {label} edition") == 1
        assert f"Workbook: rendered the {label} edition" not in second.output
    for name in ("a4", "letter"):
        assert (second.site_dir / f"downloads/workbook-{name}.pdf").read_bytes() == (
            first.site_dir / f"downloads/workbook-{name}.pdf"
        ).read_bytes()
    assert len(list((project / ".cache/workbook").glob("*.pdf"))) == 2


def test_worksheets_follow_the_guide_and_name_their_chapter(fixture_builds):
    _, first, _ = fixture_builds
    pages = pages_text(first.site_dir / "downloads/workbook-a4.pdf")
    contents = flat(pages[1])
    assert contents.index("A kind letter to myself") < contents.index("Every kind of field")
    assert "Goes with the chapter “Write it down”." in flat(pages[2])


def test_a_field_that_cannot_be_laid_out_stops_the_build_before_anything_is_written(tmp_path):
    project = copy_fixture_site("workbook", tmp_path)
    edit_yaml(project / "data/worksheets/kind-letter.yaml", lambda data: data["fields"][0].update(lines=40))
    result = build_site(project, tmp_path / "out")
    assert_build_failed_with(
        result,
        "data/worksheets/kind-letter.yaml: field 'letter': cannot be laid out in the PDF workbook: "
        "its writing space needs 360 mm (40 lines), but a printed page has room for 217.4 mm; "
        "set lines to 24 or fewer, or split it into two fields"
    )
    assert not (tmp_path / "out").exists()


def test_linking_the_workbook_while_it_is_turned_off_is_explained(tmp_path):
    project = copy_fixture_site("workbook", tmp_path)

    def turn_off_the_workbook(config):
        config["plugins"][0] = {"microsite": {"workbook": {"enabled": False}}}

    edit_yaml(project / "mkdocs.yml", turn_off_the_workbook)
    result = build_site(project, tmp_path / "out")
    assert_build_failed_with(
        result,
        "docs/worksheets.md: calls workbook_links(), but the workbook is turned off in mkdocs.yml "
        "(plugins: microsite: workbook: enabled: false); turn it on or remove the call"
    )


def without_worksheets(project: Path) -> None:
    for path in (project / "data/worksheets").iterdir():
        path.unlink()
    (project / "docs/chapter.md").write_text("# Write it down\n\nNo worksheet yet.\n", encoding="utf-8")


def test_a_guide_without_worksheets_builds_without_a_workbook(tmp_path):
    project = copy_fixture_site("workbook", tmp_path)
    without_worksheets(project)
    (project / "docs/worksheets.md").write_text("# Worksheets\n\nComing soon.\n", encoding="utf-8")
    result = build_site(project, tmp_path / "out")
    assert result.ok, result.output
    assert "Workbook: no worksheets yet, so no PDF workbook" in result.output
    assert not (tmp_path / "out/downloads").exists()


def test_linking_a_workbook_without_worksheets_is_explained(tmp_path):
    project = copy_fixture_site("workbook", tmp_path)
    without_worksheets(project)
    result = build_site(project, tmp_path / "out")
    assert_build_failed_with(
        result,
        "docs/worksheets.md: calls workbook_links(), but there are no worksheets for the workbook yet "
        "(none in data/worksheets/); add one, or remove the call"
    )


def test_the_script_builds_both_editions_without_the_site(tmp_path):
    project = copy_fixture_site("workbook", tmp_path)
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts/build_workbook.py"), "-f", str(project / "mkdocs.yml"), "-o", str(tmp_path / "pdf")],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    for name in ("a4", "letter"):
        reader = PdfReader(tmp_path / f"pdf/workbook-{name}.pdf")
        assert (float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)) == pytest.approx(PAPER[name], abs=1)
        assert len(form_fields(reader)) == sum(len(expected_field_names(w)) for w in guide_worksheets(project / "data/worksheets"))
    assert not (project / "site").exists()
