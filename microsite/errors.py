"""Author-facing errors: every message names the file, the entry and the fix.

Loaders collect problems in an `ErrorList` so an author sees all of them in one
pass; the build then fails once, before anything is written to the site.
This module does not import MkDocs: the same errors serve every engine, and
the MkDocs plugin turns them into MkDocs' own `PluginError`.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Iterable


class MicrositeError(Exception):
    """An author's mistake, explained in plain sentences (never a traceback)."""


@dataclass(frozen=True)
class Problem:
    file: str
    entry: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.entry}" if self.entry else self.file
        return f"{where}: {self.message}"


@dataclass
class ErrorList:
    problems: list[Problem] = field(default_factory=list)

    def add(self, file: str, entry: str | None, message: str) -> None:
        self.problems.append(Problem(file, entry, message))

    def __bool__(self) -> bool:
        return bool(self.problems)

    def __len__(self) -> int:
        return len(self.problems)

    def raise_if_any(self, what: str = "site data") -> None:
        if self.problems:
            raise MicrositeError(format_problems(self.problems, what))


def format_problems(problems: Iterable[Problem], what: str) -> str:
    problems = list(problems)
    noun = "problem" if len(problems) == 1 else "problems"
    lines = [f"{len(problems)} {noun} in the {what}; nothing was built:"]
    lines += [f"  - {problem}" for problem in problems]
    return "\n".join(lines)


def find_closest_id(wrong: str, known: Iterable[str]) -> str | None:
    """The known id an author most likely meant, or None if nothing is close."""
    matches = difflib.get_close_matches(wrong, sorted(known), n=1, cutoff=0.6)
    return matches[0] if matches else None


def unknown_id_message(kind: str, wrong: str, known: Iterable[str]) -> str:
    known = sorted(known)
    closest = find_closest_id(wrong, known)
    hint = f"did you mean '{closest}'?" if closest else "known ids: " + (", ".join(known) or "none")
    return f"unknown {kind} id '{wrong}'; {hint}"
