"""Both editions of the guide's workbook pass a PDF/UA-1 checker with no
failure: `page` (PyPI: page-validation), which runs the veraPDF rules for
PDF/UA-1. A small PDF made the same way without our finishing step shows the
checker does see the failures we fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from page import ValidationProfile, validate_pdf

from microsite.components.worksheet.workbook.builder import PDF_OPTIONS, cmap_without_reserved_text, write_pdf


def failures_of(pdf: Path) -> list[str]:
    report = validate_pdf(pdf, profile=ValidationProfile.PDF_UA_1)
    assert report.profile == ValidationProfile.PDF_UA_1 and report.rules.total > 100, "the checker ran the PDF/UA-1 rules"
    return [f"{failure.rule_id}: {failure.message}" for failure in report.failures]


@pytest.mark.every_engine
@pytest.mark.parametrize("edition", ["a4", "letter"])
def test_the_workbook_passes_pdf_ua_1_with_no_failure(built_site, edition):
    pdf = built_site.site_dir / f"downloads/workbook-{edition}.pdf"
    failures = failures_of(pdf)
    assert not failures, f"{pdf.name} fails PDF/UA-1:\n" + "\n".join(failures)


# A form field (its font is then embedded whole, with a glyph for U+FEFF) and a
# link holding an element of its own (which WeasyPrint tags as a Span).
SMALL_WORKBOOK = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Small</title>
<style>body { font-family: "DejaVu Sans"; }</style></head><body>
<h1 id="top">Small</h1><p><a href="#top"><span>Back</span> to the top</a></p>
<form><label for="answer">Answer</label><input type="text" id="answer" name="answer" title="Answer"></form>
</body></html>"""


def test_the_checker_finds_what_our_finishing_step_and_contents_markup_avoid(tmp_path):
    from weasyprint import HTML

    plain, finished = tmp_path / "plain.pdf", tmp_path / "finished.pdf"
    HTML(string=SMALL_WORKBOOK).write_pdf(plain, **PDF_OPTIONS)
    write_pdf(SMALL_WORKBOOK, finished)
    rules = lambda pdf: sorted({failure.split(":")[0] for failure in failures_of(pdf)})  # noqa: E731
    assert rules(plain) == ["PDFUA1-FONT-UNICODE-VALUE-001", "PDFUA1-LINK-LINK-TAG-001"]
    assert rules(finished) == ["PDFUA1-LINK-LINK-TAG-001"]  # a link's own elements are the template's to avoid


def test_the_finishing_step_drops_only_entries_whose_text_is_not_text():
    lines = [
        b"/CIDInit /ProcSet findresource begin",
        b"1 begincodespacerange",
        b"<0000> <ffff>",
        b"endcodespacerange",
        b"3 beginbfchar",
        b"<0003> <0020>",
        b"<14f7> <feff>",
        b"<0010> <00660069>",
        b"endbfchar",
        b"2 beginbfchar",
        b"<0001> <0000>",
        b"<0002> <0041fffe>",
        b"endbfchar",
        b"endcmap",
    ]
    assert cmap_without_reserved_text(lines) == [
        b"/CIDInit /ProcSet findresource begin",
        b"1 begincodespacerange",
        b"<0000> <ffff>",
        b"endcodespacerange",
        b"2 beginbfchar",
        b"<0003> <0020>",
        b"<0010> <00660069>",
        b"endbfchar",
        b"endcmap",
    ]
