"""Build the PDF workbook on its own, from the worksheet definitions.

    .venv/bin/python scripts/build_workbook.py                  # into site/downloads/
    .venv/bin/python scripts/build_workbook.py -o ~/Desktop     # somewhere else

`mkdocs build` makes the same files as part of the site; this script is for
trying a change to a worksheet or to the workbook's layout. The worksheets
follow the order readers meet them in the guide, which is known only once the
pages are rendered, so the script builds the site into a temporary folder
(exactly as `mkdocs build` would) and keeps only the two PDFs. Editions whose
content did not change come from the cache in .cache/workbook/.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from microsite.components.worksheet.workbook import EDITIONS, format_size, published_uri


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml (default: %(default)s)")
    parser.add_argument("-o", "--output-dir", help="where to write the PDFs (default: downloads/ in the site folder)")
    options = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as scratch:
        try:
            config = load_config(options.config_file, site_dir=scratch)
            if "microsite" not in config.plugins:
                raise ConfigurationError(f"{options.config_file} does not use the 'microsite' plugin")
            site_dir = Path(load_config(options.config_file).site_dir)
            build(config)
        except (ConfigurationError, PluginError, Abort) as error:
            print(f"Cannot build the workbook: {error}", file=sys.stderr)
            return 1
        site = config.plugins["microsite"].site
        if not site.settings.workbook.enabled:
            print("The workbook is turned off in mkdocs.yml (plugins: microsite: workbook: enabled: false).", file=sys.stderr)
            return 1
        output = Path(options.output_dir) if options.output_dir else site_dir / "downloads"
        output.mkdir(parents=True, exist_ok=True)
        for edition in EDITIONS:
            built = Path(scratch) / published_uri(site, edition)
            target = output / built.name
            shutil.copyfile(built, target)
            print(f"{target} ({edition.label}, {format_size(target.stat().st_size)})")
    print(f"Done in {time.perf_counter() - started:.1f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
