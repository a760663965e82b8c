"""All site data, loaded and checked in one pass: every problem in every data
file, and every worksheet field that cannot be laid out on paper, reported
together before anything is rendered or written."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import ErrorList
from .i18n import Messages, messages_for
from .settings import Settings


@dataclass
class SiteData:
    worksheets: dict = field(default_factory=dict)
    quotes: dict = field(default_factory=dict)
    further_reading: list = field(default_factory=list)
    helplines: object = None  # Helplines, or None: the guide has no help-lines file yet


def label_for(root: Path):
    """How a path is shown to the author: relative to the folder of mkdocs.yml."""

    def label(path: Path) -> str:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            return str(path)

    return label


def load_site_data(root: Path, settings: Settings, errors: ErrorList) -> SiteData:
    """Every data file read and checked; each problem is added to `errors`."""
    # Imported here: components import the context, which loads data through this module.
    from .components.helplines import load_helplines
    from .components.quote import load_quotes
    from .components.sources import load_further_reading
    from .components.worksheet import load_worksheets
    from .components.worksheet.kinds import register_kinds_from
    from .components.worksheet.workbook import layout_problems

    label = label_for(root)
    register_kinds_from(settings.field_kinds, root, errors)
    data = SiteData(
        worksheets=load_worksheets(root / settings.worksheets_dir, label, errors),
        quotes=load_quotes(root / settings.quotes_file, label, errors),
        further_reading=load_further_reading(root / settings.reading_file, label, errors),
        helplines=load_helplines(root / settings.helplines_file, label, errors),
    )
    if settings.workbook.enabled:
        folder = root / settings.worksheets_dir
        layout_problems(data.worksheets.values(), lambda worksheet: label(folder / f"{worksheet.id}.yaml"), errors)
    return data


def load_messages(root: Path, settings: Settings, language: str, errors: ErrorList) -> Messages:
    """The guide's words: its language's catalogue, and its own replacements (messages_file)."""
    from .datafile import load_yaml

    path = root / settings.messages_file
    raw = load_yaml(path, label_for(root)(path), errors) if path.exists() else None
    return messages_for(language, errors, raw, label_for(root)(path))
