"""The `microsite` plugin's options in mkdocs.yml, declared as typed MkDocs options."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class QuickExitConfig(base.Config):
    # On by default: some readers share a device with someone who checks on them.
    enabled = c.Type(bool, default=True)
    # Where the quick exit sends the reader: a neutral, everyday page.
    url = c.Type(str, default="https://www.bbc.co.uk/weather")


class WorkbookConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # The PDF workbook's file name stem; one file per paper size is written.
    filename = c.Type(str, default="workbook")


class MicrositeConfig(base.Config):
    # Data lives outside docs/ so definitions are never published by accident.
    worksheets_dir = c.Type(str, default="data/worksheets")
    quotes_file = c.Type(str, default="data/quotes.yaml")
    reading_file = c.Type(str, default="data/further-reading.yaml")
    # "show" renders untraced quotes with their status; "exclude" leaves them out.
    untraced_quotes = c.Choice(("show", "exclude"), default="show")
    help_page = c.Type(str, default="help.md")
    words_per_minute = c.Type(int, default=200)
    quick_exit = c.SubConfig(QuickExitConfig)
    workbook = c.SubConfig(WorkbookConfig)
