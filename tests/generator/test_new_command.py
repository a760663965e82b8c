"""`microsite new`: one command writes a whole project, or one sentence says why not and nothing is written."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from generation import ARTICLES, generate
from microsite.cli import main

EXPECTED_FILES = {
    ".gitignore",
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
    status = main(["new", *map(str, arguments)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_writes_a_complete_project(tmp_path, capsys):
    status, out, err = run_new(capsys, ARTICLES / "title-lines.txt", tmp_path / "guide")
    assert (status, err) == (0, "")
    assert files_in(tmp_path / "guide") == EXPECTED_FILES
    assert os.access(tmp_path / "guide/scripts/dev.sh", os.X_OK)
    assert out.splitlines()[0] == f"Wrote {tmp_path / 'guide'}/: 5 chapters, 4 quotes."
    assert "Left out a trailing advertisement (--keep-trailing-ad keeps it): Subscribe to our newsletter" in out


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


def test_keep_trailing_ad_keeps_it_in_the_last_draft(tmp_path):
    kept = generate(ARTICLES / "advertisement.txt", tmp_path / "kept", "--keep-trailing-ad")
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
    status, _, err = run_new(capsys, ARTICLES / "advertisement.txt", target, "--force")
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
        b"PK\x03\x04\x14\x00\x00\x00word/document.xml",
        "{article}: is a binary file, not text; save your article as plain text or Markdown (UTF-8) and try again",
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
    (guide / "data/worksheets/trigger-map.yaml").write_text(example)
    errors = ErrorList()
    worksheets = load_worksheets(guide / "data/worksheets", str, errors)
    assert not errors, errors.problems
    assert list(worksheets) == ["trigger-map"]
