"""`microsite new`: one command writes a whole project, or one sentence says why not and nothing is written."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from generation import ARTICLES, generate
from microsite.cli import main

EXPECTED_FILES = {
    ".gitignore",
    ".microsite/generated.json",
    "README.md",
    "data/quotes.yaml",
    "data/worksheets/README.md",
    "docs/about.md",
    "docs/chapters/01-introduction.md",
    "docs/chapters/02-why-does-worry-happen.md",
    "docs/chapters/03-cafe-culture.md",
    "docs/chapters/04-uber-vertrauen.md",
    "docs/chapters/05-conclusion.md",
    "docs/help.md",
    "docs/index.md",
    "mkdocs.yml",
    "pytest.ini",
    "requirements.txt",
    "scripts/dev.sh",
    "tests/test_smoke.py",
}


def files_in(folder) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}


def run_new(capsys, *arguments) -> tuple[int, str, str]:
    capsys.readouterr()  # leave out what earlier commands in the test printed
    status = main(["new", *map(str, arguments)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_writes_a_complete_project(tmp_path, capsys):
    status, out, err = run_new(capsys, ARTICLES / "title-lines.txt", tmp_path / "guide")
    assert (status, err) == (0, "")
    assert files_in(tmp_path / "guide") == EXPECTED_FILES
    assert os.access(tmp_path / "guide/scripts/dev.sh", os.X_OK)
    assert out.splitlines()[0] == f"Wrote {tmp_path / 'guide'}/: 5 chapters, 4 quotes."
    assert "Left out an advertisement (--keep-ads keeps it): Subscribe to our newsletter for more tips." in out


def test_the_project_copies_none_of_our_code_templates_or_assets(tmp_path):
    guide = generate(ARTICLES / "title-lines.txt", tmp_path / "guide")
    copied = [name for name in files_in(guide) if name.endswith((".html", ".css", ".js", ".jinja"))]
    assert copied == []
    assert [name for name in files_in(guide) if name.endswith(".py")] == ["tests/test_smoke.py"]
    assert "microsite[test] @ file://" in (guide / "requirements.txt").read_text()


def test_chapters_hold_the_article_only_inside_draft_blocks(tmp_path):
    guide = generate(ARTICLES / "markdown-headings.md", tmp_path / "guide")
    assert (guide / "docs/chapters/02-why-sleep-matters.md").read_text() == (
        "# Why Sleep Matters\n"
        "\n"
        "{% call draft() %}\n"
        "Sleep repairs the body.\n"
        "{% endcall %}\n"
        "\n"
        '{{ quote("walker-sleep") }}\n'
        "\n"
        "{% call draft() %}\n"
        "It also steadies the mood.\n"
        "{% endcall %}\n"
        "\n"
        "{{ help_note() }}\n"
    )


def test_navigation_lists_the_chapters_in_order_and_the_site_is_named(tmp_path):
    guide = generate(ARTICLES / "markdown-headings.md", tmp_path / "guide")
    config = (guide / "mkdocs.yml").read_text()
    assert 'site_name: "Sleeping Well"' in config
    chapters = [line.strip()[2:] for line in config.splitlines() if line.strip().startswith("- chapters/")]
    assert chapters == [
        "chapters/01-introduction.md",
        "chapters/02-why-sleep-matters.md",
        "chapters/03-build-a-routine.md",
        "chapters/04-wind-down.md",
        "chapters/05-is-it-insomnia.md",
    ]


def test_title_option_names_the_site_and_file_name_is_the_fallback(tmp_path):
    named = generate(ARTICLES / "quote-forms.txt", tmp_path / "named", "--title", "Kind Words")
    assert 'site_name: "Kind Words"' in (named / "mkdocs.yml").read_text()
    unnamed = generate(ARTICLES / "quote-forms.txt", tmp_path / "unnamed")
    assert 'site_name: "Quote forms"' in (unnamed / "mkdocs.yml").read_text()


@pytest.mark.parametrize("option", ["--keep-ads", "--keep-trailing-ad"])
def test_keep_ads_keeps_it_in_the_last_draft(tmp_path, option):
    kept = generate(ARTICLES / "advertisement.txt", tmp_path / "kept", option)
    dropped = generate(ARTICLES / "advertisement.txt", tmp_path / "dropped")
    assert "Join our authors team" in (kept / "docs/chapters/02-conclusion.md").read_text()
    assert "Join our authors team" not in (dropped / "docs/chapters/02-conclusion.md").read_text()


def test_article_text_that_looks_like_a_template_is_escaped(tmp_path):
    guide = generate(ARTICLES / "jinja-braces.md", tmp_path / "guide")
    first = (guide / "docs/chapters/01-using-templates.md").read_text()
    assert first.startswith("# {% raw %}Using {{ templates }}{% endraw %}\n")
    assert "{% raw %}Write {{ name }} where the name goes" in first
    # A text that itself says {% endraw %} cannot sit in a raw block.
    second = (guide / "docs/chapters/02-raw-blocks.md").read_text()
    assert 'Some tools say {{ "{" }}% raw %} and {{ "{" }}% endraw %} to switch templates off.' in second


def test_force_replaces_a_guide_only_once_the_new_one_is_complete(tmp_path, capsys):
    target = generate(ARTICLES / "title-lines.txt", tmp_path / "guide")
    (target / "docs/notes.md").write_text("old")
    status, _, err = run_new(capsys, ARTICLES / "advertisement.txt", target, "--force", "--discard-changes")
    assert (status, err) == (0, "")
    assert not (target / "docs/notes.md").exists()
    assert (target / "docs/chapters/02-conclusion.md").exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["guide"]


def test_python_dash_m_runs_the_same_command(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "microsite", "new", str(ARTICLES / "no-sections.txt"), str(tmp_path / "guide")],
        capture_output=True, text=True,
    )
    assert done.returncode == 1
    assert done.stderr.startswith(f"{ARTICLES / 'no-sections.txt'}: no sections found;")


# --- Bad input: one sentence naming the file, status 1, nothing written -----------------------


def write_bytes(tmp_path, name: str, data: bytes):
    path = tmp_path / "in" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return path


BAD_ARTICLES = {
    "missing": (None, "{article}: file not found; check the path to your article and try again"),
    "empty": (b"", "{article}: the file is empty; paste your article's text into it and try again"),
    "blank": (b"  \n\n\t\n", "{article}: the file is empty; paste your article's text into it and try again"),
    "binary": (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "{article}: is a binary file, not text; save your article as plain text or Markdown (UTF-8) and try again",
    ),
    "zip, not Word": (
        b"PK\x03\x04\x14\x00\x00\x00word/document.xml",
        "{article}: is a zip file, not a Word document; give the article as .docx, a saved web page, or text",
    ),
    "PDF": (
        b"%PDF-1.7\n%\xe2\xe3\n1 0 obj",
        "{article}: is a PDF; copy its text into a .txt file, or save it as .docx, and try again",
    ),
    "old Word": (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00",
        "{article}: is an old Word (.doc) file; save it as .docx in your word processor and try again",
    ),
    "web page without text": (
        b"<!DOCTYPE html><html><head><title>Empty</title></head><body><script>track()</script></body></html>",
        "{article}: no article text found in this web page; save the page again with its text, "
        "or copy the article's text into a .txt file",
    ),
    "latin-1": (
        "Introduction\nCafé au lait.\n".encode("latin-1"),
        "{article}: is not UTF-8 text (byte 17 cannot be read); save it with UTF-8 encoding and try again",
    ),
    "no-sections": (
        (ARTICLES / "no-sections.txt").read_bytes(),
        "{article}: no sections found; put each section's title on a line of its own "
        "(or start it with '## ') and try again",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_ARTICLES))
def test_bad_article_stops_with_one_sentence_and_writes_nothing(tmp_path, capsys, case):
    data, message = BAD_ARTICLES[case]
    article = tmp_path / "in" / "article.txt" if data is None else write_bytes(tmp_path, "article.txt", data)
    out_folder = tmp_path / "out"
    out_folder.mkdir()
    status, out, err = run_new(capsys, article, out_folder / "guide")
    assert (status, out) == (1, "")
    assert err == message.format(article=article) + "\n"
    assert list(out_folder.iterdir()) == []


def test_a_folder_given_as_the_article_is_refused(tmp_path, capsys):
    status, _, err = run_new(capsys, tmp_path, tmp_path / "guide")
    assert (status, err) == (1, f"{tmp_path}: is a folder, not a file; give the path to your article file\n")


def test_an_existing_output_folder_is_kept_unless_forced(tmp_path, capsys):
    target = tmp_path / "guide"
    target.mkdir()
    (target / "mine.txt").write_text("keep me")
    status, _, err = run_new(capsys, ARTICLES / "title-lines.txt", target)
    assert (status, err) == (1, f"{target}: already exists; choose a new output folder, or add --force to replace it\n")
    assert files_in(target) == {"mine.txt"}
    assert sorted(path.name for path in tmp_path.iterdir()) == ["guide"]


def test_force_never_replaces_a_folder_that_is_not_a_guide(tmp_path, capsys):
    target = tmp_path / "photos"
    target.mkdir()
    (target / "holiday.jpg").write_bytes(b"\xff\xd8")
    status, _, err = run_new(capsys, ARTICLES / "title-lines.txt", target, "--force")
    assert (status, err) == (1, f"{target}: is not a guide (it has no mkdocs.yml); choose another output folder\n")
    assert files_in(target) == {"holiday.jpg"}


def test_force_never_replaces_the_folder_holding_the_article(tmp_path, capsys):
    target = generate(ARTICLES / "title-lines.txt", tmp_path / "guide")
    article = target / "article.txt"
    article.write_text((ARTICLES / "title-lines.txt").read_text())
    status, _, err = run_new(capsys, article, target, "--force")
    assert (status, err) == (
        1, f"{target}: holds the article itself; move the article out or choose another output folder\n",
    )
    assert article.exists()


def test_an_output_path_that_is_a_file_is_refused(tmp_path, capsys):
    target = tmp_path / "guide.txt"
    target.write_text("a file")
    status, _, err = run_new(capsys, ARTICLES / "title-lines.txt", target, "--force")
    assert (status, err) == (1, f"{target}: is a file, not a folder; choose another output folder\n")
    assert target.read_text() == "a file"


def test_a_failure_while_writing_leaves_nothing_behind(tmp_path, capsys, monkeypatch):
    from microsite.importer import project

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device", str(tmp_path / "guide"))

    monkeypatch.setattr(project, "move_into_place", fail)
    status, _, err = run_new(capsys, ARTICLES / "title-lines.txt", tmp_path / "guide")
    assert status == 1
    assert err == f"{tmp_path / 'guide'}: could not write the guide (No space left on device); check that you may write there\n"
    assert list(tmp_path.iterdir()) == []


def test_the_worksheet_example_in_the_new_guide_is_a_valid_worksheet(tmp_path):
    from microsite.components.worksheet.model import load_worksheets
    from microsite.errors import ErrorList

    guide = generate(ARTICLES / "title-lines.txt", tmp_path / "guide")
    readme = (guide / "data/worksheets/README.md").read_text()
    example = readme.split("```yaml\n", 1)[1].split("```", 1)[0]
    (guide / "data/worksheets/daily-check-in.yaml").write_text(example)
    errors = ErrorList()
    worksheets = load_worksheets(guide / "data/worksheets", str, errors)
    assert not errors, errors.problems
    assert list(worksheets) == ["daily-check-in"]
    # It suits a guide on any topic: no word about partners or relationships.
    assert not re.search(r"partner|relationship|insecur", example, re.I)


# --- What the command says -----------------------------------------------------------------------


def test_the_summary_names_the_title_the_language_and_how_to_change_them(tmp_path, capsys):
    status, out, _ = run_new(capsys, ARTICLES / "listicle.txt", tmp_path / "guide")
    assert status == 0
    lines = out.splitlines()
    assert lines[:4] == [
        f"Wrote {tmp_path / 'guide'}/: 6 chapters, 0 quotes.",
        'Title: "Seven Small Habits for a Calmer Week" (from its first line); change it with --title "…".',
        "Language: English (en, detected); change it with --language CODE.",
        "Left out an advertisement (--keep-ads keeps it): Click here to subscribe to our newsletter and get a free planner!",
    ]
    assert 'site_name: "Seven Small Habits for a Calmer Week"' in (tmp_path / "guide/mkdocs.yml").read_text()


def test_plurals_are_right_for_one(tmp_path, capsys):
    article = tmp_path / "one.txt"
    article.write_text('Only Part\nKristin Neff says, "Be kind to yourself."\n')
    _, out, _ = run_new(capsys, article, tmp_path / "guide")
    assert out.splitlines()[0] == f"Wrote {tmp_path / 'guide'}/: 1 chapter, 1 quote."
    assert "Check the 1 quote in data/quotes.yaml" in out
    assert "1 chapter, 1 quote." in (tmp_path / "guide/README.md").read_text()
    assert "A short guide in 1 chapter." in (tmp_path / "guide/docs/index.md").read_text()


def test_doubtful_speakers_kept_sections_and_joined_sections_are_reported(tmp_path, capsys):
    _, out, _ = run_new(capsys, ARTICLES / "quote-forms-after.txt", tmp_path / "a")
    assert 'These look wrong:\n  - sarah-felt: the speaker "Sarah" is a single name; write the full name\n' in out
    _, out, _ = run_new(capsys, ARTICLES / "advice-not-ad.txt", tmp_path / "b")
    assert (
        "Kept what looks like an advertisement, because its section has nothing else: "
        "Use code SAVE20 for 20% off our grief journal.\n"
    ) in out
    article = tmp_path / "empty-part.md"
    article.write_text("## Part One\n## First Step\nDo this.\n")
    _, out, _ = run_new(capsys, article, tmp_path / "c")
    assert '"Part One" has no text of its own, so it shares a chapter with "First Step".\n' in out


def test_the_detected_language_is_written_and_can_be_overridden(tmp_path, capsys):
    status, out, _ = run_new(capsys, ARTICLES / "spanish.txt", tmp_path / "es")
    assert status == 0
    assert "Language: Spanish (es, detected); change it with --language CODE." in out
    assert "The starter pages" not in out  # Spanish has a catalogue: they are in Spanish
    assert "\n  language: es\n" in (tmp_path / "es/mkdocs.yml").read_text()
    assert (tmp_path / "es/docs/chapters/01-introduccion.md").exists()
    _, out, _ = run_new(capsys, ARTICLES / "german.txt", tmp_path / "de")
    assert "Language: German (de, detected)" in out
    assert "\n  language: de\n" in (tmp_path / "de/mkdocs.yml").read_text()
    _, out, _ = run_new(capsys, ARTICLES / "spanish.txt", tmp_path / "forced", "--language", "en")
    assert "Language: English (en, given with --language); change it with --language CODE." in out
    assert "\n  language: en\n" in (tmp_path / "forced/mkdocs.yml").read_text()
    assert "Introduction" in (tmp_path / "forced/docs/chapters/01-introduction.md").read_text()


def test_a_language_without_quote_rules_says_so(tmp_path, capsys):
    _, out, _ = run_new(capsys, ARTICLES / "title-lines.txt", tmp_path / "fr", "--language", "fr")
    assert "Language: French (fr, given with --language)" in out
    assert "Quotes are found only in English, Spanish and German; French quotes stay in the drafts." in out
    assert "The starter pages (home, help, about) are in English; translate them into French before you publish." in out
    assert "0 quotes" in out.splitlines()[0]


def test_an_unknown_language_is_refused(tmp_path, capsys):
    status, out, err = run_new(capsys, ARTICLES / "title-lines.txt", tmp_path / "guide", "--language", "xx")
    assert (status, out) == (1, "")
    assert err.startswith("--language xx: Material for MkDocs has no language 'xx'; use one of: af, ar,")
    assert not (tmp_path / "guide").exists()


# --- Errors name the real path -----------------------------------------------------------------


def test_an_unreadable_article_is_could_not_read(tmp_path, capsys, monkeypatch):
    article = tmp_path / "article.txt"
    article.write_text("Title\nText.\n")
    real_read_bytes = type(article).read_bytes

    def refuse(path):
        if path == article:
            raise PermissionError(13, "Permission denied", str(path))
        return real_read_bytes(path)

    monkeypatch.setattr(type(article), "read_bytes", refuse)
    status, _, err = run_new(capsys, article, tmp_path / "guide")
    assert (status, err) == (
        1, f"{article}: could not read the file (Permission denied); check that you may read it and try again\n",
    )


def test_a_path_under_a_file_is_named(tmp_path, capsys):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder")
    status, _, err = run_new(capsys, a_file / "article.txt", tmp_path / "guide")
    assert (status, err) == (1, f"{a_file / 'article.txt'}: {a_file} is a file, not a folder; check the path to your article\n")
    status, _, err = run_new(capsys, ARTICLES / "title-lines.txt", a_file / "guide")
    assert (status, err) == (1, f"{a_file / 'guide'}: {a_file} is a file, not a folder; choose another output folder\n")
    assert a_file.read_text() == "not a folder"


def test_a_write_error_names_the_real_path_not_the_hidden_folder(tmp_path, capsys, monkeypatch):
    from pathlib import Path

    real_write_text = Path.write_text

    def full_disk(path, *args, **kwargs):
        if path.name == "help.md":
            raise OSError(28, "No space left on device", str(path))
        return real_write_text(path, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full_disk)
    status, _, err = run_new(capsys, ARTICLES / "title-lines.txt", tmp_path / "guide")
    assert status == 1
    assert err == (
        f"{tmp_path / 'guide' / 'docs' / 'help.md'}: could not write the guide (No space left on device); "
        "check that you may write there\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_ends_quietly_with_status_130_and_writes_nothing(tmp_path, capsys, monkeypatch):
    from microsite.importer import project

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(project, "move_into_place", interrupted)
    status, out, err = run_new(capsys, ARTICLES / "title-lines.txt", tmp_path / "guide")
    assert (status, out, err) == (130, "", "")
    assert list(tmp_path.iterdir()) == []


def test_a_closed_pipe_ends_quietly_with_a_non_zero_status(tmp_path):
    process = subprocess.Popen(
        [sys.executable, "-m", "microsite", "new", str(ARTICLES / "title-lines.txt"), str(tmp_path / "guide")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    process.stdout.close()  # like `| head -1` once it has its line: nobody reads the rest
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=120) != 0
    assert stderr == ""
    assert (tmp_path / "guide/mkdocs.yml").exists()


# --- --force keeps the author's work -----------------------------------------------------------


def test_force_keeps_git_venv_cache_and_files_it_did_not_write(tmp_path, capsys):
    target = generate(ARTICLES / "title-lines.txt", tmp_path / "guide")
    subprocess.run(["git", "init", "-q", str(target)], check=True)
    (target / ".venv/bin").mkdir(parents=True)
    (target / ".venv/bin/marker").write_text("venv")
    (target / ".cache/workbook").mkdir(parents=True)
    (target / ".cache/workbook/a.pdf").write_bytes(b"%PDF")
    (target / "tests/test_mine.py").write_text("def test_mine(): pass\n")
    (target / "overrides").mkdir()
    (target / "overrides/main.html").write_text("{% extends 'microsite/layout.html' %}")
    status, _, err = run_new(capsys, ARTICLES / "listicle.txt", target, "--force")
    assert (status, err) == (0, "")
    assert (target / ".git/HEAD").exists()
    assert (target / ".venv/bin/marker").read_text() == "venv"
    assert (target / ".cache/workbook/a.pdf").exists()
    assert (target / "tests/test_mine.py").exists()
    assert (target / "overrides/main.html").exists()
    assert (target / "docs/chapters/02-practice-gratitude.md").exists()
    assert not (target / "docs/chapters/02-why-does-worry-happen.md").exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["guide"]


def test_force_refuses_naming_the_files_the_author_changed_or_added(tmp_path, capsys):
    target = generate(ARTICLES / "title-lines.txt", tmp_path / "guide")
    chapter = target / "docs/chapters/02-why-does-worry-happen.md"
    chapter.write_text("# Why does worry happen?\n\nMy own words.\n")
    (target / "data/worksheets/check-in.yaml").write_text("id: check-in\n")
    (target / "mkdocs.yml").write_text((target / "mkdocs.yml").read_text() + "# my note\n")
    status, out, err = run_new(capsys, ARTICLES / "listicle.txt", target, "--force")
    assert (status, out) == (1, "")
    assert err == (
        f"{target}: you changed or added these files after `microsite new` wrote the guide: "
        "data/worksheets/check-in.yaml, docs/chapters/02-why-does-worry-happen.md, mkdocs.yml; "
        "move them out of the folder, or add --discard-changes to replace them too\n"
    )
    assert chapter.read_text() == "# Why does worry happen?\n\nMy own words.\n"
    status, _, err = run_new(capsys, ARTICLES / "listicle.txt", target, "--force", "--discard-changes")
    assert (status, err) == (0, "")
    assert not chapter.exists() and not (target / "data/worksheets/check-in.yaml").exists()


def test_force_refuses_a_guide_without_a_record_of_what_was_written(tmp_path, capsys):
    target = generate(ARTICLES / "title-lines.txt", tmp_path / "guide")
    (target / ".microsite/generated.json").unlink()
    status, _, err = run_new(capsys, ARTICLES / "listicle.txt", target, "--force")
    assert status == 1
    assert err.startswith(
        f"{target}: has no record of the files `microsite new` wrote (.microsite/generated.json), so these may "
        "be your own work: data/quotes.yaml, data/worksheets/README.md, docs/about.md, "
    )
    assert err.endswith(
        "docs/help.md, docs/index.md; move them out of the folder, or add --discard-changes to replace them too\n"
    )
