"""Build the PDF workbook on its own, from the worksheet definitions.

    .venv/bin/python scripts/build_workbook.py                  # into site/downloads/
    .venv/bin/python scripts/build_workbook.py -o ~/Desktop     # somewhere else

`mkdocs build` makes the same files as part of the site; this script is for
trying a change to a worksheet or to the workbook's layout without a whole
build. It always renders afresh (no cache) and says how long each edition took.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError, PluginError
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation

from microsite.workbook import DOWNLOADS, EDITIONS, format_size, in_reading_order, published_uri
from microsite.workbook.builder import render_html, write_pdf


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml (default: %(default)s)")
    parser.add_argument("-o", "--output-dir", help="where to write the PDFs (default: downloads/ in the site folder)")
    options = parser.parse_args(argv)
    try:
        config = load_config(options.config_file)
        if "microsite" not in config.plugins:
            raise ConfigurationError(f"{options.config_file} does not use the 'microsite' plugin")
        # What `mkdocs build` does before it renders pages: load and check the
        # data, list the pages, lay out the navigation (the worksheets' order).
        config.plugins.on_startup(command="build", dirty=False)
        config = config.plugins.on_config(config)
        files = config.plugins.on_files(get_files(config), config=config)
        config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
        plugin = config.plugins["microsite"]
    except (ConfigurationError, PluginError) as error:
        print(f"Cannot build the workbook: {error}", file=sys.stderr)
        return 1
    if plugin.workbook is None:
        print("The workbook is turned off in mkdocs.yml (plugins: microsite: workbook: enabled: false).", file=sys.stderr)
        return 1
    workbook = in_reading_order(plugin)
    plugin_config = plugin.config
    output = Path(options.output_dir) if options.output_dir else Path(config.site_dir) / DOWNLOADS
    output.mkdir(parents=True, exist_ok=True)
    for edition in EDITIONS:
        started = time.perf_counter()
        target = output / Path(published_uri(plugin_config, edition)).name
        write_pdf(render_html(workbook, edition), target)
        took = time.perf_counter() - started
        print(f"{target} ({edition.label}, {format_size(target.stat().st_size)}) in {took:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
