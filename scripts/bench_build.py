"""How long the guide takes to build, against plain Material building the same pages.

    .venv/bin/python scripts/bench_build.py [--runs 3]

The baseline is measured in the same run: a copy of docs/ with every macro call
removed, built by MkDocs and Material alone (no microsite plugin, no macros).
Our build is timed twice: cold (the PDF workbooks rendered from scratch) and
warm (the workbooks taken from the cache, as in `mkdocs serve` rebuilds).
A benchmark, not a test: it prints median seconds and ratios to the baseline.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "overrides")
MACRO_CALL = re.compile(r"{%-?\s*call.*?endcall\s*-?%}|{[{%].*?[}%]}", re.DOTALL)


def timed_build(project: Path, site: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        cwd=project, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return time.perf_counter() - started


def copy_of_the_guide(folder: Path) -> Path:
    project = folder / "guide"
    project.mkdir()
    for part in PROJECT_PARTS:
        source = REPO / part
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / part)
    return project


def plain_material_copy(folder: Path) -> Path:
    """The same pages and navigation, macros stripped, built by Material alone."""
    project = folder / "plain"
    shutil.copytree(REPO / "docs", project / "docs")
    for page in (project / "docs").rglob("*.md"):
        page.write_text(MACRO_CALL.sub("", page.read_text(encoding="utf-8")), encoding="utf-8")
    ours = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    config = {
        "site_name": ours["site_name"],
        "theme": {"name": "material", "font": False, "features": ours["theme"]["features"]},
        "markdown_extensions": ours["markdown_extensions"],
        "plugins": ["search"],
        "nav": ours["nav"],
    }
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return project


def median_seconds(build, runs: int) -> float:
    return statistics.median(build() for _ in range(runs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="builds per measurement (the median is printed)")
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        plain, guide = plain_material_copy(folder), copy_of_the_guide(folder)
        site = folder / "site"

        def cold() -> float:
            shutil.rmtree(guide / ".cache", ignore_errors=True)
            return timed_build(guide, site)

        baseline = median_seconds(lambda: timed_build(plain, site), runs)
        results = {
            "Material alone, macros stripped (baseline)": baseline,
            "our build, workbooks rendered (cold)": median_seconds(cold, runs),
            "our build, workbooks from the cache (warm)": median_seconds(lambda: timed_build(guide, site), runs),
        }
    print(f"{'build':<46} {'seconds':>8} {'× baseline':>11}")
    for name, seconds in results.items():
        print(f"{name:<46} {seconds:>8.2f} {seconds / baseline:>11.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
