"""What our components add to each page, after gzip, against plain Material.

    .venv/bin/python scripts/bench_assets.py

Builds the guide, and (in the same run, as the baseline) the same pages with
every macro call stripped, built by Material alone with the same theme
settings. For each page it prints:

- our own CSS + JS: the gzip size of the bundles under assets/microsite/ the
  page loads (budget: 8 KB per page);
- the page's weight: its HTML plus every stylesheet and script it loads from
  the site, each gzipped as a static host serves them, against the same page
  built by Material alone on the same text (budget: at most 10 KB more). The
  baseline keeps the words our components show (a worksheet's questions, a
  quote, the help lines) as plain paragraphs where the macros were, so the
  difference is what our markup, styles and scripts cost, not the content.
  The last column is against the pages with those words left out, for
  comparison with earlier figures.

Lazy scripts (a worksheet's export and import code, fetched when the reader
heads for those buttons) are not in the page's weight; they are listed once.

A benchmark, not a test: it prints the figures and exits 1 when a page is
over a budget, so it can gate a release by hand or in CI.
"""

from __future__ import annotations

import gzip
import html as html_module
import re
import shutil
import os
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

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


def marked_guide(folder: Path) -> Path:
    """A copy of the guide whose macro calls are wrapped in numbered comments."""
    (folder / "marked").mkdir()
    project = copy_of_the_guide(folder / "marked")
    for page in sorted((project / "docs").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        numbered = iter(range(1, 10**6))

        def wrap(match: re.Match) -> str:
            number = f"{page.relative_to(project / 'docs')}:{next(numbered)}"
            return f"<!--bench {number}-->{match.group(0)}<!--/bench {number}-->"

        page.write_text(MACRO_CALL.sub(wrap, text), encoding="utf-8")
    return project


def words_of_components(site: Path) -> dict[str, str]:
    """What each macro call showed, as plain text, by "page.md:number"."""
    shown = {}
    for page in site.rglob("*.html"):
        for number, inner in re.findall(r"<!--bench (\S+)-->(.*?)<!--/bench \1-->", page.read_text(encoding="utf-8"), re.S):
            lines = (" ".join(line.split()) for line in BeautifulSoup(inner, "html.parser").get_text("\n").splitlines())
            shown[number] = "\n\n".join(html_module.escape(line) for line in lines if line)
    return shown


def plain_material(folder: Path, shown: dict[str, str] | None) -> Path:
    """The same pages and theme settings built by Material alone: each macro
    call replaced by the words it showed (or by nothing when `shown` is None)."""
    project = folder / ("plain" if shown is not None else "plain-without-words")
    shutil.copytree(REPO / "docs", project / "docs")
    for page in (project / "docs").rglob("*.md"):
        numbered = iter(range(1, 10**6))
        name = page.relative_to(project / "docs")

        def words(match: re.Match) -> str:
            return (shown or {}).get(f"{name}:{next(numbered)}", "")

        page.write_text(MACRO_CALL.sub(words, page.read_text(encoding="utf-8")), encoding="utf-8")
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


def lazy_scripts(site: Path) -> list[tuple[str, int]]:
    """Our scripts no page loads directly, with their gzip size."""
    loaded = set()
    for page in site.rglob("index.html"):
        loaded.update(re.findall(r"assets/microsite/([0-9a-f]+\.js)", page.read_text(encoding="utf-8")))
    return [(path.name, gzip_size(path.read_bytes())) for path in sorted((site / "assets/microsite").glob("*.js")) if path.name not in loaded]


def _gzip_of_bundle(parts, suffix: str, minify) -> int:
    text = "\n".join(minify(path.read_text(encoding="utf-8")) for part in parts for path in part.files
                     if path.suffix == suffix and not path.name.endswith(".lazy.js"))
    return gzip_size(text.encode("utf-8")) if text else 0


def where_the_bytes_go(guide: Path, plain: Path, page: str) -> list[str]:
    """Lines saying what each of our parts adds to this page, after gzip: each
    part's share is what its bundle would lose without it, so the shares add
    up to about the whole (gzip shares its dictionary between files)."""
    import rcssmin

    from microsite import assets

    html = (guide / page / "index.html").read_text(encoding="utf-8")
    used = [part for part in assets.parts() if part.used_by(html)]
    lines = []
    for suffix, minify in ((".css", rcssmin.cssmin), (".js", assets.minify_js)):
        whole = _gzip_of_bundle(used, suffix, minify)
        for part in used:
            share = whole - _gzip_of_bundle([other for other in used if other is not part], suffix, minify)
            if share:
                lines.append(f"  {part.name + suffix:<32} {share:>7,}")
    markup = gzip_size((guide / page / "index.html").read_bytes()) - gzip_size((plain / page / "index.html").read_bytes())
    lines.append(f"  {'HTML: our markup, not our words':<32} {markup:>7,}")
    return lines


def main() -> int:
    from microsite.assets import JS_MINIFIER

    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        marked = build(marked_guide(folder), folder / "marked-site")
        plain = build(plain_material(folder, words_of_components(marked)), folder / "plain-site")
        bare = build(plain_material(folder, None), folder / "plain-without-words-site")
        guide = build(copy_of_the_guide(folder), folder / "guide-site")
        print(f"Scripts minified with {JS_MINIFIER}.\n")
        print(f"{'page':<36} {'ours':>7} {'/ 8 KB':>7} {'page':>8} {'Material':>9} {'+ KB':>6} {'(no words)':>11}")
        over = False
        for page in PAGES:
            total, ours = weigh(guide, page)
            baseline, _ = weigh(plain, page)
            without_words, _ = weigh(bare, page)
            extra = total - baseline
            over |= ours > OUR_BUDGET or extra > EXTRA_BUDGET
            print(f"{page or '(home)':<36} {ours:>7,} {ours / OUR_BUDGET:>7.0%} {total:>8,} {baseline:>9,} {extra / 1024:>6.1f} "
                  f"{(total - without_words) / 1024:>11.1f}")
        for page in PAGES[1:2]:
            print(f"\nWhere the bytes go on {page} (gzip bytes; CSS and JS as if in one file each):")
            print("\n".join(where_the_bytes_go(guide, plain, page)))
        for name, size in lazy_scripts(guide):
            print(f"\nLoaded on demand, not on page load: {name}, {size:,} bytes gzip.")
    print(f"\nBudgets: our CSS + JS at most {OUR_BUDGET:,} bytes gzip per page; a page at most "
          f"{EXTRA_BUDGET // 1024} KB gzip heavier than Material alone on the same text.")
    if over:
        print("over budget", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
