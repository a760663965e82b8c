"""All site data, loaded and validated once at build start, and what a build
records while rendering pages (which quotes were used, which pages hold drafts)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .components.helplines import HELPLINES_FILE, Helplines, load_helplines, stale_check_warnings
from .components.quote import load_quotes, published_quotes
from .components.sources import load_further_reading
from .components.worksheet import load_worksheets
from .config import MicrositeConfig
from .errors import ErrorList


@dataclass
class SiteData:
    root: Path
    config: MicrositeConfig
    worksheets: dict = field(default_factory=dict)
    quotes: dict = field(default_factory=dict)
    further_reading: list = field(default_factory=list)
    helplines: Helplines | None = None  # None: the guide has no data/helplines.yaml yet

    def label(self, path: Path) -> str:
        """A path as the author sees it: relative to the folder of mkdocs.yml."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)


def load_site_data(root: Path, config: MicrositeConfig) -> SiteData:
    data = SiteData(root=root, config=config)
    errors = ErrorList()
    data.worksheets = load_worksheets(root / config.worksheets_dir, data.label, errors)
    data.quotes = load_quotes(root / config.quotes_file, data.label, errors)
    data.further_reading = load_further_reading(root / config.reading_file, data.label, errors)
    data.helplines = load_helplines(root / HELPLINES_FILE, data.label, errors)
    errors.raise_if_any()
    return data


@dataclass
class BuildState:
    quote_pages: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    draft_pages: list[str] = field(default_factory=list)
    # Page -> what the author still has to write there ({% call placeholder("…") %}).
    placeholders: dict[str, list[str]] = field(default_factory=dict)
    # Pages in the navigation with nothing but their title.
    empty_pages: list[str] = field(default_factory=list)
    instances: Counter = field(default_factory=Counter)

    def next_instance(self, page_uri: str, component_id: str) -> int:
        """1 for the first use of a component on a page, 2 for the second, …"""
        self.instances[(page_uri, component_id)] += 1
        return self.instances[(page_uri, component_id)]

    def warnings(self, data: SiteData, strict: bool = False) -> list[str]:
        unused = sorted(set(published_quotes(data.quotes, data.config.untraced_quotes)) - set(self.quote_pages))
        warnings = [
            f"{data.label(data.root / data.config.quotes_file)}: quote '{quote_id}' is not used on any page; "
            "call it with {{ quote('" + quote_id + "') }} or remove it"
            for quote_id in unused
        ]
        warnings += [
            f"{page}: the page has nothing but its title; write its text, or remove it from nav in mkdocs.yml"
            for page in sorted(self.empty_pages)
        ]
        warnings += self.stale_helpline_warnings(data)
        if not strict:
            # Authors preview unfinished pages with `mkdocs serve`; a strict build refuses them instead.
            warnings += self.unfinished(data, " (`mkdocs build --strict` stops until you do)")
        return warnings

    @staticmethod
    def stale_helpline_warnings(data: SiteData) -> list[str]:
        # Stand-ins for SiteData in unit tests may have no help lines at all.
        helplines = getattr(data, "helplines", None)
        if helplines is None:
            return []
        return stale_check_warnings(helplines, data.label(data.root / HELPLINES_FILE), date.today())

    def blocking_problems(self, strict: bool, data: SiteData | None = None) -> str | None:
        if not strict:
            return None
        return "\n".join(self.unfinished(data)) or None

    def unfinished(self, data: SiteData | None, aside: str = "") -> list[str]:
        """What stops a strict build: drafts, placeholders, quotes still to check."""
        messages = []
        if self.draft_pages:
            messages.append(self.draft_message(aside))
        if self.placeholders:
            todos = "\n".join(
                f"  - {page}: {todo}" for page in sorted(self.placeholders) for todo in self.placeholders[page]
            )
            messages.append(
                "these pages still hold placeholders (a placeholder block); write what each one asks for "
                f"and remove the block before publishing{aside}:\n{todos}"
            )
        unchecked = sorted(quote_id for quote_id, quote in (data.quotes if data else {}).items() if quote.needs_review)
        if unchecked:
            quotes_file = data.label(data.root / data.config.quotes_file)
            listed = "\n".join(f"  - {quote_id}" for quote_id in unchecked)
            messages.append(
                f"{quotes_file}: these quotes were found by `microsite new` and still say 'review: needed'; "
                f"check each speaker and role against the source, then remove the 'review' line{aside}:\n{listed}"
            )
        return messages

    def draft_message(self, aside: str = "") -> str:
        pages = "\n".join(f"  - {page}" for page in sorted(self.draft_pages))
        return (
            "these pages still hold text copied from the source article (a draft block); "
            f"rewrite it in your own words and remove the draft block before publishing{aside}:\n" + pages
        )
