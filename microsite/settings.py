"""The guide's `microsite` options, declared once for every engine.

Authors write them under `plugins: - microsite:` in mkdocs.yml. MkDocs and
ProperDocs validate them through the plugin's typed config, which
`microsite.config` builds from these dataclasses; Zensical drops the options
of plugins it does not know, so there `read_settings` reads them from the
same place in the file and checks them with the data-file reader.
"""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass, field
from typing import Any, Literal

from .datafile import EntryReader, Key, describe
from .errors import ErrorList

OPTIONS_LABEL = "mkdocs.yml"
OPTIONS_ENTRY = "plugins: microsite"


@dataclass(frozen=True)
class QuickExit:
    # On by default: some readers share a device with someone who checks on them.
    enabled: bool = True
    # Where the quick exit sends the reader: a neutral, everyday page.
    url: str = "https://www.bbc.co.uk/weather"


@dataclass(frozen=True)
class WorkbookSettings:
    enabled: bool = True
    # The PDF workbook's file name stem; one file per paper size is written.
    filename: str = "workbook"


@dataclass(frozen=True)
class Settings:
    # Data lives outside docs/ so definitions are never published by accident.
    worksheets_dir: str = "data/worksheets"
    quotes_file: str = "data/quotes.yaml"
    reading_file: str = "data/further-reading.yaml"
    helplines_file: str = "data/helplines.yaml"
    # The guide's own words for any of our messages (see microsite/i18n.py).
    messages_file: str = "data/messages.yaml"
    # "show" renders untraced quotes with their status; "exclude" leaves them out.
    untraced_quotes: Literal["show", "exclude"] = "show"
    help_page: str = "help.md"
    # Linked from every page's foot when the guide has it.
    accessibility_page: str = "accessibility.md"
    words_per_minute: int = 200
    quick_exit: QuickExit = field(default_factory=QuickExit)
    workbook: WorkbookSettings = field(default_factory=WorkbookSettings)
    # Pages (paths under docs/) whose own inline scripts, event handlers and
    # style attributes are allowed; everywhere else they stop the build.
    allow_inline_code: tuple[str, ...] = ()
    # Python modules that define worksheet field kinds of the guide's own.
    field_kinds: tuple[str, ...] = ()


# What each option is for, in the words an error message uses ("add …").
MEANINGS = {
    "worksheets_dir": "the folder of worksheet definitions",
    "quotes_file": "the quotes file",
    "reading_file": "the further-reading file",
    "helplines_file": "the help-lines file",
    "messages_file": "the file of your own words for our messages",
    "untraced_quotes": "whether untraced quotes are shown",
    "help_page": "the help page under docs/",
    "accessibility_page": "the accessibility statement under docs/",
    "words_per_minute": "the reading speed used for reading times",
    "quick_exit": "the quick-exit options (enabled, url)",
    "workbook": "the PDF workbook options (enabled, filename)",
    "allow_inline_code": "the pages whose own inline code is allowed",
    "field_kinds": "the modules that define field kinds of your own",
    "enabled": "true or false",
    "url": "a web address starting with https://",
    "filename": "the file name stem, such as 'workbook'",
}


# What one item of a list option is called in messages ("page 2 must be text").
LIST_ITEMS = {"allow_inline_code": "page", "field_kinds": "module"}


def option_fields(options_class: type) -> list[tuple[dataclasses.Field, Any]]:
    """Each option of a settings dataclass with its resolved type."""
    hints = typing.get_type_hints(options_class)
    return [(item, hints[item.name]) for item in dataclasses.fields(options_class)]


def default_of(item: dataclasses.Field) -> Any:
    return item.default_factory() if item.default_factory is not dataclasses.MISSING else item.default


def key_for(name: str, hint: Any) -> Key:
    meaning = MEANINGS.get(name, name)
    if typing.get_origin(hint) is Literal:
        return Key(name, meaning, choices=typing.get_args(hint))
    if dataclasses.is_dataclass(hint):
        return Key(name, meaning, type="mapping")
    kinds = {bool: "bool", int: "whole", str: "text", tuple[str, ...]: "list"}
    return Key(name, meaning, type=kinds[hint], minimum=1 if hint is int else None)


def read_options(options_class: type, raw: dict, entry: str, errors: ErrorList) -> Any:
    """An instance of `options_class` from the author's mapping; defaults where absent."""
    fields = option_fields(options_class)
    keys = {item.name: key_for(item.name, hint) for item, hint in fields}
    reader = EntryReader(raw, keys, OPTIONS_LABEL, entry, errors)
    values = {}
    for item, hint in fields:
        if item.name not in raw:
            continue
        values[item.name] = read_option(reader, item.name, hint, entry, errors)
    values = {name: value for name, value in values.items() if value is not None}
    return options_class(**values)


def read_option(reader: EntryReader, name: str, hint: Any, entry: str, errors: ErrorList) -> Any:
    key = reader.keys[name]
    if key.type == "mapping":
        raw = reader.raw[name]
        if not isinstance(raw, dict):
            reader.problem(f"'{name}' must be a set of options ({key.meaning}), found {describe(raw)}")
            return None
        return read_options(hint, raw, f"{entry}: {name}", errors)
    if key.choices:
        return reader.choice(name)
    if key.type == "list":
        return reader.text_list(name, LIST_ITEMS.get(name, "item"))
    return {"bool": reader.true_or_false, "whole": reader.whole_number, "text": reader.text}[key.type](name)


def read_settings(raw: Any, errors: ErrorList) -> Settings:
    """The options as written under `plugins: - microsite:` (None when there are none)."""
    if raw is None:
        return Settings()
    if not isinstance(raw, dict):
        errors.add(OPTIONS_LABEL, OPTIONS_ENTRY, "must be a set of options, such as 'help_page: help.md'")
        return Settings()
    return read_options(Settings, raw, OPTIONS_ENTRY, errors)


def settings_from_mapping(values: dict) -> Settings:
    """Settings from options MkDocs has already validated (the plugin's config)."""
    def build(options_class: type, raw: dict) -> Any:
        built = {}
        for item, hint in option_fields(options_class):
            if item.name not in raw:
                continue
            value = raw[item.name]
            built[item.name] = build(hint, dict(value)) if dataclasses.is_dataclass(hint) else (
                tuple(value) if isinstance(value, list) else value
            )
        return options_class(**built)

    return build(Settings, dict(values))
