"""What our components add to each page, after gzip, against plain Material.

    .venv/bin/python scripts/bench_assets.py

Builds the guide, and (in the same run, as the baseline) the same pages with
every macro call stripped, built by Material alone with the same theme
settings. For each page it prints:

- our own CSS + JS: the gzip size of the bundles under assets/microsite/ the
  page loads (budget: 8 KB per page);
- the page's weight: its HTML plus every stylesheet and script it loads from
  the site, each gzipped as a static host serves them, against the same page
  built by Material alone (budget: at most 10 KB more).

A benchmark, not a test: it prints the figures and exits 1 when a page is
over a budget, so it can gate a release by hand or in CI.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import MACRO_CALL, copy_of_the_guide  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
OUR_BUDGET = 8 * 1024
EXTRA_BUDGET = 10 * 1024
PAGES = ["", "guide/reframe-negative-thoughts/", "guide/open-communication/", "worksheets/", "help/", "about/"]


class _Loads(HTMLParser):
    """The stylesheets and scripts a page loads from its own site."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and "stylesheet" in (attributes.get("rel") or "").split() and attributes.get("href"):
            self.urls.append(attributes["href"])
        if tag == "script" and attributes.get("src"):
            self.urls.append(attributes["src"])


def gzip_size(data: bytes) -> int:
    # Level 9 is what static hosts such as GitHub Pages typically serve.
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def build(project: Path, site: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        cwd=project, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return site


def plain_material(folder: Path) -> Path:
    """The same pages and theme settings, macros stripped, built by Material alone."""
    project = folder / "plain"
    import shutil

    shutil.copytree(REPO / "docs", project / "docs")
    for page in (project / "docs").rglob("*.md"):
        page.write_text(MACRO_CALL.sub("", page.read_text(encoding="utf-8")), encoding="utf-8")
    ours = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    theme = {key: value for key, value in ours["theme"].items() if key != "custom_dir"}
    theme["font"] = False
    config = {
        "site_name": ours["site_name"],
        "theme": theme,
        "markdown_extensions": ours["markdown_extensions"],
        "plugins": ["search"],
        "nav": ours["nav"],
    }
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return project


def weigh(site: Path, page: str) -> tuple[int, int]:
    """(the page's weight, ours alone): gzip bytes of its HTML and what it loads."""
    html_path = site / page / "index.html"
    html = html_path.read_bytes()
    loads = _Loads()
    loads.feed(html.decode("utf-8"))
    total, ours = gzip_size(html), 0
    for url in dict.fromkeys(loads.urls):
        if "://" in url:
            continue
        size = gzip_size((html_path.parent / url).resolve().read_bytes())
        total += size
        if "assets/microsite/" in url:
            ours += size
    return total, ours


def main() -> int:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        plain = build(plain_material(folder), folder / "plain-site")
        guide = build(copy_of_the_guide(folder), folder / "guide-site")
        print(f"{'page':<36} {'ours':>7} {'/ 8 KB':>7} {'page':>8} {'Material':>9} {'+ KB':>6}")
        over = False
        for page in PAGES:
            total, ours = weigh(guide, page)
            baseline, _ = weigh(plain, page)
            extra = total - baseline
            over |= ours > OUR_BUDGET or extra > EXTRA_BUDGET
            print(f"{page or '(home)':<36} {ours:>7,} {ours / OUR_BUDGET:>7.0%} {total:>8,} {baseline:>9,} {extra / 1024:>6.1f}")
    print(f"\nBudgets: our CSS + JS at most {OUR_BUDGET:,} bytes gzip per page; a page at most "
          f"{EXTRA_BUDGET // 1024} KB gzip heavier than Material alone on the same text.")
    if over:
        print("over budget", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
