"""A worksheet field kind is one folder. A kind registered from a test (the
fixture kind in tests/fixtures/kinds/yes_no/) works on the page, in print and
in the PDF workbook, and is checked like the built-in kinds, with no other
file touched."""

from __future__ import annotations

import importlib

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from helpers import REPO, assert_build_failed_with, build_site, copy_fixture_site, edit_yaml
from microsite import assets
from microsite.components.worksheet import render_worksheet
from microsite.components.worksheet.kinds import KINDS, register_kind, registered_kinds, unregister_kind
from microsite.components.worksheet.model import load_worksheets
from microsite.components.worksheet.workbook.builder import Workbook, render_html, write_pdf
from microsite.components.worksheet.workbook.layout import EDITIONS
from microsite.errors import ErrorList

DEFINITION = {
    "id": "decide",
    "title": "Decide",
    "purpose": "Says yes or no.",
    "instructions": "Pick one.",
    "minutes": 1,
    "version": 1,
    "fields": [{"id": "ready", "kind": "yes-no", "label": "Are you ready?"}],
}


@pytest.fixture
def yes_no():
    kind = importlib.import_module("fixtures.kinds.yes_no").KIND
    register_kind(kind)
    yield kind
    unregister_kind(kind.name)


def load(tmp_path) -> tuple[dict, list[str]]:
    (tmp_path / "decide.yaml").write_text(yaml.safe_dump(DEFINITION), encoding="utf-8")
    errors = ErrorList()
    worksheets = load_worksheets(tmp_path, lambda path: f"data/worksheets/{path.name}", errors)
    return worksheets, [str(problem) for problem in errors.problems]


def test_an_unregistered_kind_is_an_author_mistake_listing_the_kinds_there_are(tmp_path):
    _, problems = load(tmp_path)
    assert problems == [
        f"data/worksheets/decide.yaml: field 'ready': unknown kind 'yes-no' (expected one of: {', '.join(KINDS)})"
    ]


def test_a_registered_kind_renders_its_own_controls_on_the_page(tmp_path, yes_no):
    worksheets, problems = load(tmp_path)
    assert problems == []
    form = BeautifulSoup(render_worksheet(worksheets["decide"], "worksheet-decide"), "html.parser")
    field = form.select_one("[data-field='ready']")
    assert (field.name, field["data-kind"], field["data-shape"]) == ("fieldset", "yes-no", "one")
    assert field.legend.get_text() == "Are you ready?"
    assert [radio["value"] for radio in field.select("input[type=radio]")] == ["yes", "no"]
    assert [label.get_text() for label in field.select("label")] == ["Yes", "No"]


def test_its_styles_join_the_bundle_of_a_page_using_it_and_it_prints_as_its_styles_say(tmp_path, yes_no, page):
    worksheets, _ = load(tmp_path)
    form = render_worksheet(worksheets["decide"], "worksheet-decide")
    parts = assets.parts_used_by(str(form))
    assert "kind:yes-no" in parts and "kind:rating" not in parts
    css = dict(assets.bundle(parts).files)[assets.bundle(parts).css]
    assert ".fixture-yes-no" in css
    page.set_content(f"<html lang='en'><head><title>t</title><style>{css}</style></head><body>{form}</body></html>")
    page.emulate_media(media="print")
    after = page.evaluate("getComputedStyle(document.querySelector('.fixture-yes-no label'), '::after').content")
    assert after == '" (tick one)"'


def test_it_becomes_named_form_fields_in_the_pdf_workbook(tmp_path, yes_no):
    worksheets, _ = load(tmp_path)
    html = render_html(Workbook(guide="Fixture guide", worksheets=(worksheets["decide"],)), EDITIONS[0])
    assert "--yes-no: 12mm" in html and ".fixture-yes-no" in html
    write_pdf(html, tmp_path / "workbook.pdf")
    reader = PdfReader(tmp_path / "workbook.pdf")
    fields = reader.get_fields()
    assert "decide.ready" in fields
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Are you ready?" in text and "Yes" in text and "No" in text


def test_removing_it_leaves_the_built_in_kinds(yes_no):
    unregister_kind("yes-no")
    assert tuple(registered_kinds()) == KINDS
    register_kind(yes_no)


def test_a_guide_registers_its_own_kinds_in_mkdocs_yml(tmp_path):
    project = copy_fixture_site("worksheet-pages", tmp_path)
    (project / "data/worksheets").mkdir(parents=True)
    (project / "data/worksheets/decide.yaml").write_text(yaml.safe_dump(DEFINITION), encoding="utf-8")
    (project / "docs/index.md").write_text('# Decide\n\n{{ worksheet("decide") }}\n')
    (project / "docs/twice.md").write_text("# Twice\n\nNothing here.\n")
    edit_yaml(project / "mkdocs.yml", lambda config: config["plugins"][0]["microsite"].update(field_kinds=["fixtures.kinds.yes_no"]))
    result = build_site(project, tmp_path / "out", extra_env={"PYTHONPATH": str(REPO / "tests")})
    assert result.ok, result.output
    form = BeautifulSoup((tmp_path / "out/index.html").read_text(encoding="utf-8"), "html.parser")
    assert form.select_one("[data-field='ready']")["data-kind"] == "yes-no"


def test_a_kinds_module_that_cannot_be_imported_is_named(tmp_path):
    project = copy_fixture_site("worksheet-pages", tmp_path)
    edit_yaml(project / "mkdocs.yml", lambda config: config["plugins"][0]["microsite"].update(field_kinds=["kinds.missing"]))
    assert_build_failed_with(
        build_site(project, tmp_path / "out"),
        "mkdocs.yml: plugins: microsite: field_kinds: cannot import 'kinds.missing' (No module named 'kinds'); "
        "check the module's name and that it imports",
    )
