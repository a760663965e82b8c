"""How long a worksheet table of many rows takes to import and to show again.

    .venv/bin/python scripts/bench_worksheet_import.py [--runs 3] [--rows 500 5000]

Builds tests/fixtures/sites/worksheet-pages with the guide's worksheets, serves
it on 127.0.0.1 and opens it in Debian's Chromium (the browser tests' set-up).
For each row count it imports an answers file whose trigger-map table has that
many rows, and times, inside the page:
- import: from choosing the file to the summary shown and the rows drawn;
- reload: from the start of a reload to the worksheet enhanced and drawn, less
  the same page with no saved answers (measured in the same run as a baseline).
It prints the median of each, and the ratio between the largest and the
smallest row count: about the ratio of the row counts when the work grows
linearly. A benchmark, not a test: it exits 1 when importing the largest
table, or reloading with it, takes 2 seconds or more.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

# The same build, static server and Chromium set-up as the browser tests.
from conftest import CHROMIUM_FLAGS, chromium_path  # noqa: E402
from helpers import build_site, copy_fixture_site, serve_directory, site_path_prefix  # noqa: E402

TARGET_MS = 2000
FORM = "form#worksheet-trigger-map"
COLUMNS = ("trigger", "feeling", "old-reaction", "new-way")
# Times the import in the page: from the file input's change event to the
# frame after the summary appears (the rows are written before it).
TIME_IMPORT = """(form) => {
  const root = document.querySelector(form);
  const status = root.querySelector("[data-worksheet-status]");
  let started = 0;
  root.querySelector("[data-import]").addEventListener("change", () => (started = performance.now()), {capture: true, once: true});
  window.importTimed = new Promise((done) => new MutationObserver((changes, observer) => {
    if (!status.textContent.startsWith("Answers taken")) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => done(performance.now() - started)));
  }).observe(status, {childList: true, characterData: true, subtree: true}));
}"""
# Set before the page loads: the time from navigation start to the first frame
# after the worksheet is enhanced.
TIME_LOAD = """window.worksheetShown = new Promise((done) => new MutationObserver((changes, observer) => {
  const form = document.querySelector("%s[data-enhanced]");
  if (!form) return;
  observer.disconnect();
  requestAnimationFrame(() => setTimeout(() => done(performance.now())));
}).observe(document, {attributes: true, subtree: true, attributeFilter: ["data-enhanced"]}));""" % FORM


def answers_file(rows: int) -> str:
    table = [{column: f"{column} {row}" for column in COLUMNS} for row in range(1, rows + 1)]
    entry = {"shape": "rows", "version": 1, "time": "2026-01-01T00:00:00.000Z", "value": table}
    return json.dumps({"format": "microsite-worksheet-answers", "formatVersion": 2, "exported": "2026-01-01T00:00:00.000Z",
                       "worksheets": {"trigger-map": {"format": 2, "fields": {"triggers": entry}}}})


def build(folder: Path) -> tuple[Path, str]:
    project = copy_fixture_site("worksheet-pages", folder)
    shutil.copytree(REPO / "data/worksheets", project / "data/worksheets")
    result = build_site(project, folder / "site")
    if not result.ok:
        sys.exit(result.output)
    return result.site_dir, site_path_prefix(project / "mkdocs.yml")


def reload_ms(page) -> float:
    page.reload()
    return page.evaluate("window.worksheetShown")


def measure(browser, url: str, answers: Path | None) -> tuple[float, float]:
    """(import ms, reload ms) in a fresh context; import is 0 without a file."""
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(TIME_LOAD)
    page.goto(url)
    page.evaluate("window.worksheetShown")
    imported = 0.0
    if answers:
        page.evaluate(TIME_IMPORT, FORM)
        page.locator(FORM).locator("[data-import]").set_input_files(answers)
        imported = page.evaluate("window.importTimed")
    reloaded = reload_ms(page)
    context.close()
    return imported, reloaded


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="measurements per row count (the median is printed)")
    parser.add_argument("--rows", type=int, nargs="+", default=[500, 5000], help="row counts, smallest first")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp, sync_playwright() as playwright:
        folder = Path(temp)
        site_dir, prefix = build(folder)
        server = serve_directory(site_dir, prefix)
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        try:
            empty = statistics.median(measure(browser, server.base_url, None)[1] for _ in range(options.runs))
            results = {}
            for rows in options.rows:
                path = folder / f"answers-{rows}.json"
                path.write_text(answers_file(rows), encoding="utf-8")
                runs = [measure(browser, server.base_url, path) for _ in range(options.runs)]
                results[rows] = (statistics.median(run[0] for run in runs), statistics.median(run[1] for run in runs) - empty)
        finally:
            browser.close()
            server.stop()
    print(f"baseline: the page with no saved answers is shown {empty:,.0f} ms after a reload starts")
    print(f"{'rows':>6} {'import ms':>10} {'reload ms':>10}   (reload: time over the baseline; median of {options.runs})")
    for rows, (imported, reloaded) in results.items():
        print(f"{rows:>6,} {imported:>10,.0f} {reloaded:>10,.0f}")
    smallest, largest = options.rows[0], options.rows[-1]
    (import_small, reload_small), (import_large, reload_large) = results[smallest], results[largest]
    print(f"{largest:,} rows / {smallest:,} rows = {largest / smallest:.0f}x the rows: "
          f"import {import_large / import_small:.1f}x the time, reload {reload_large / max(reload_small, 1):.1f}x")
    if max(import_large, reload_large) >= TARGET_MS:
        print(f"too slow: {largest:,} rows must import and show again in under {TARGET_MS:,} ms", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
