"""Plain-sentence messages for mistakes made inside pages.

mkdocs-macros formats a failing page with `mkdocs_macros.errors.format_error`,
a `functools.singledispatch` function whose default prints a Python traceback.
Registering our own formatters keeps author mistakes to one sentence that
names the page and what to change.
"""

from __future__ import annotations

import re

from jinja2 import UndefinedError
from mkdocs_macros.errors import format_error

from .errors import MicrositeError

_UNDEFINED_NAME = re.compile(r"'([^']+)' is undefined")
# The docs folder's name as mkdocs.yml gives it (install_macro_error_formatter sets it).
_docs_folder = "docs"


def page_label(page) -> str:
    return f"{_docs_folder}/{page.file.src_uri}"


def describe_undefined(error: UndefinedError, page) -> str:
    match = _UNDEFINED_NAME.search(str(error))
    if match:
        return (
            f"{page_label(page)}: unknown macro or variable '{match.group(1)}'; "
            "check its spelling, or define it under 'extra:' in mkdocs.yml"
        )
    return f"{page_label(page)}: {error}; check the macro call and its arguments"


def install_macro_error_formatter(docs_folder: str = "docs") -> None:
    global _docs_folder
    _docs_folder = docs_folder

    @format_error.register
    def _author_mistake(error: MicrositeError, markdown: str, page) -> str:
        return f"{page_label(page)}: {error}"

    @format_error.register
    def _undefined(error: UndefinedError, markdown: str, page) -> str:
        return describe_undefined(error, page)
