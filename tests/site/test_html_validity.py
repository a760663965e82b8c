"""Every page of the built guide, the 404 page and Material's own markup
included, is valid HTML by the Nu Html Checker (vnu.jar from the npm package
vnu-jar, pinned in package.json; run with Java, in one go for all pages).

Nothing is filtered out: each error is ours to fix, in our templates, our
theme overrides or the build's last step (microsite/late.py)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from helpers import REPO

VNU_JAR = REPO / "node_modules/vnu-jar/build/dist/vnu.jar"
# Material's markup before the build's last step, which vnu must report: proof
# that the check sees this kind of error at all.
KNOWN_BAD = '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'


def vnu_command() -> list[str]:
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java not found: run 'apt-get install -y default-jre-headless' (bash scripts/dev.sh test does)")
    if not VNU_JAR.exists():
        pytest.fail(f"{VNU_JAR.relative_to(REPO)} not found: run 'npm ci' (bash scripts/dev.sh test does)")
    # The jar itself, not the package's `vnu` script: that script downloads a
    # Java runtime when it finds none, and these tests make no requests.
    return [java, "-jar", str(VNU_JAR), "--format", "json", "--errors-only"]


def page_with_known_error(folder: Path) -> Path:
    page = folder / "known-bad.html"
    page.write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Known bad</title></head>'
        f"<body>{KNOWN_BAD}</body></html>",
        encoding="utf-8",
    )
    return page


# Every engine's build must be valid (see tests/conftest.py).
pytestmark = pytest.mark.every_engine


@pytest.fixture(scope="module")
def vnu_errors(built_site, tmp_path_factory) -> dict[str, list[dict]]:
    """vnu's errors for every HTML file of the guide (and one known-bad page), by path."""
    site = built_site.site_dir
    pages = sorted(site.rglob("*.html"))
    known_bad = page_with_known_error(tmp_path_factory.mktemp("vnu"))
    done = subprocess.run([*vnu_command(), *map(str, pages), str(known_bad)], capture_output=True, text=True, timeout=600)
    # vnu writes its JSON report to standard error and exits with 1 when it found errors.
    report = json.loads(done.stderr)
    errors: dict[str, list[dict]] = {page.relative_to(site).as_posix(): [] for page in pages}
    errors[known_bad.name] = []
    for message in report["messages"]:
        path = Path(unquote(urlsplit(message.get("url", "")).path))
        key = path.name if path == known_bad else path.relative_to(site).as_posix()
        errors[key].append(message)
    return errors


def describe(path: str, message: dict) -> str:
    return f"{path}:{message.get('lastLine', '?')}: {message['message']}"


def test_every_page_is_valid_html(vnu_errors):
    pages = [path for path in vnu_errors if path != "known-bad.html"]
    assert "404.html" in pages and "index.html" in pages and len(pages) > 10
    found = [describe(path, message) for path in pages for message in vnu_errors[path]]
    assert not found, f"{len(found)} Nu Html Checker errors:\n" + "\n".join(found)


def test_the_checker_reports_an_error_it_is_shown(vnu_errors):
    messages = [message["message"] for message in vnu_errors["known-bad.html"]]
    assert len(messages) == 1 and messages[0].startswith("Attribute “autocomplete” is only allowed when the input type is")


def test_materials_toggles_still_keep_their_state_out_of_the_browsers_form_restore(built_site):
    """The valid markup keeps what autocomplete="off" was for: each toggle is
    owned by a form with autocomplete="off" that comes before it."""
    for html in sorted(built_site.site_dir.rglob("*.html")):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        toggles = soup.select("body > input.md-toggle[type=checkbox]")
        assert [toggle["id"] for toggle in toggles] == ["__drawer", "__search"], html
        for toggle in toggles:
            owner = soup.find("form", id=toggle.get("form"))
            assert owner is not None and owner.get("autocomplete") == "off", (html, toggle)
            assert toggle in owner.find_all_next("input"), (html, "the form must come before the toggle")
