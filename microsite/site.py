"""All site data, loaded and validated once at build start, and what a build
records while rendering pages (which quotes were used, which pages hold drafts)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

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
    errors.raise_if_any()
    return data


@dataclass
class BuildState:
    quote_pages: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    draft_pages: list[str] = field(default_factory=list)
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
        if self.draft_pages and not strict:
            # Authors preview drafts with `mkdocs serve`; a strict build refuses them instead.
            warnings.append(self.draft_message(" (`mkdocs build --strict` stops until you do)"))
        return warnings

    def blocking_problems(self, strict: bool) -> str | None:
        if strict and self.draft_pages:
            return self.draft_message()
        return None

    def draft_message(self, aside: str = "") -> str:
        pages = "\n".join(f"  - {page}" for page in sorted(self.draft_pages))
        return (
            "these pages still hold text copied from the source article (a draft block); "
            f"rewrite it in your own words and remove the draft block before publishing{aside}:\n" + pages
        )
