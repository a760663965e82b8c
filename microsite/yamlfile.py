"""Read an author's YAML file, turning syntax errors into sentences with a line number."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import ErrorList

_MISSING = object()


def load_yaml(path: Path, label: str, errors: ErrorList) -> Any:
    """The parsed file, or `None` after recording why it could not be read.

    `label` is the path as the author knows it (relative to the project).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        errors.add(label, None, "file not found; create it or fix the path in mkdocs.yml")
        return None
    except UnicodeDecodeError:
        errors.add(label, None, "is not UTF-8 text; save it as UTF-8")
        return None
    try:
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "somewhere"
        reason = error.problem or error.context or "invalid YAML"
        errors.add(label, where, f"invalid YAML: {reason}; check the indentation and quotes there")
    except yaml.YAMLError as error:
        errors.add(label, None, f"invalid YAML: {error}")
    return None
