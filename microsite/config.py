"""The `microsite` plugin's options as MkDocs typed config, built from the
engine-neutral declarations in `microsite.settings` so they are written once."""

from __future__ import annotations

import dataclasses
import typing
from typing import Any, Literal

from mkdocs.config import base
from mkdocs.config import config_options as c

from .settings import QuickExit, Settings, WorkbookSettings, default_of, option_fields


def config_option(hint: Any, default: Any):
    if dataclasses.is_dataclass(hint):
        return c.SubConfig(config_class(hint))
    if typing.get_origin(hint) is Literal:
        return c.Choice(typing.get_args(hint), default=default)
    if hint == tuple[str, ...]:
        return c.ListOfItems(c.Type(str), default=list(default))
    return c.Type(hint, default=default)


def config_class(options_class: type) -> type[base.Config]:
    """A MkDocs `Config` class with one typed option per dataclass field."""
    options = {item.name: config_option(hint, default_of(item)) for item, hint in option_fields(options_class)}
    return type(f"{options_class.__name__}Config", (base.Config,), options)


MicrositeConfig = config_class(Settings)
QuickExitConfig = config_class(QuickExit)
WorkbookConfig = config_class(WorkbookSettings)
