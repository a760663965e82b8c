"""How much the worksheet component adds to every page, after gzip.

    .venv/bin/python scripts/bench_assets.py

Prints the gzip size of worksheet.js and worksheet.css, their total against
the 8 KB budget, and Material's own JavaScript and CSS bundles measured the
same way in the same run, as a baseline. A benchmark, not a test: it reports
and exits 1 when over budget, so it can gate a release by hand or in CI.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import material

REPO = Path(__file__).resolve().parent.parent
COMPONENT = REPO / "microsite/components/worksheet"
OURS = [COMPONENT / "worksheet.js", COMPONENT / "worksheet.css"]
BUDGET_BYTES = 8 * 1024
MATERIAL_ASSETS = Path(material.__file__).parent / "templates/assets"
# Material's bundles as every page loads them (the search worker loads on its own).
MATERIAL_GLOBS = ["javascripts/bundle.*.min.js", "stylesheets/main.*.min.css", "stylesheets/palette.*.min.css"]


def gzip_size(path: Path) -> int:
    # Level 9 is what static hosts such as GitHub Pages typically serve.
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def material_bundles() -> list[Path]:
    return [path for pattern in MATERIAL_GLOBS for path in sorted(MATERIAL_ASSETS.glob(pattern))]


def row(name: str, raw: int, packed: int) -> str:
    return f"{name:<34} {raw:>9,} {packed:>9,}"


def main() -> int:
    print(f"{'file':<34} {'bytes':>9} {'gzip':>9}")
    ours = 0
    for path in OURS:
        size = gzip_size(path)
        ours += size
        print(row(path.name, path.stat().st_size, size))
    baseline = 0
    for path in material_bundles():
        size = gzip_size(path)
        baseline += size
        print(row(f"material/{path.name}", path.stat().st_size, size))
    print()
    print(f"worksheet JS + CSS: {ours:,} bytes gzip = {ours / BUDGET_BYTES:.0%} of the {BUDGET_BYTES:,}-byte budget")
    print(f"Material's bundles: {baseline:,} bytes gzip; the worksheet adds {ours / baseline:.1%} to them")
    if ours > BUDGET_BYTES:
        print("over budget: make worksheet.js or worksheet.css smaller", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
