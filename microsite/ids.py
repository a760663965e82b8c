"""The one rule for ids authors write (worksheets, fields, columns, quotes).

Lowercase words joined by single hyphens: safe in file names, DOM ids and
storage keys, and "--" or "__" can then separate the parts of a DOM id.
"""

from __future__ import annotations

import re

_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def is_valid_id(value: object) -> bool:
    return isinstance(value, str) and _ID.fullmatch(value) is not None
