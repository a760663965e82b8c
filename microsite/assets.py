"""Our styles and scripts: each page loads one small stylesheet and one small
script holding exactly the components it uses, minified and fingerprinted.

They ship inside the package, so a site using our components copies nothing.
Every page needs the layout, the quick exit and print styles; a component's
own files join a page's bundle only when the page's content uses it (a quote,
a worksheet, a field kind), so no page downloads code it does not use. Each
bundle is minified (rjsmin, rcssmin) and named after a hash of its content: a
deploy that changes a file changes the names, so no browser keeps a stale copy.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import rcssmin
import rjsmin

from .render import COMPONENTS_DIR

PUBLISHED_DIR = "assets/microsite"


@dataclass(frozen=True)
class Part:
    """A component's styles and scripts, and how to tell that a page uses it."""

    name: str
    files: tuple[Path, ...]
    markers: tuple[str, ...] | None  # text in a page's content that means it is used; None: every page

    def used_by(self, content: str) -> bool:
        return self.markers is None or any(marker in content for marker in self.markers)


@dataclass(frozen=True)
class Bundle:
    css: str | None  # published addresses, relative to the site root
    js: str | None
    files: tuple[tuple[str, str], ...]  # (address, text) to publish


def component_files(folder: str) -> tuple[Path, ...]:
    path = COMPONENTS_DIR / folder
    return tuple(sorted(item for item in path.iterdir() if item.suffix in (".css", ".js")))


def parts() -> list[Part]:
    """Every part, in the order its files go into a bundle (the layout first)."""
    from .components import ASSETS_WHEN
    from .components.worksheet.kinds import registered_kinds

    found = [Part(folder, component_files(folder), markers) for folder, markers in ASSETS_WHEN.items()]
    for name, kind in registered_kinds().items():
        css = kind.folder / "web.css"
        if css.exists():
            found.append(Part(f"kind:{name}", (css,), (f'data-kind="{name}"',)))
    return found


def parts_used_by(content: str) -> tuple[str, ...]:
    """The parts a page needs, from its rendered content."""
    return tuple(part.name for part in parts() if part.used_by(content))


def every_page_parts() -> tuple[str, ...]:
    return tuple(part.name for part in parts() if part.markers is None)


def _sources_key(names: tuple[str, ...]) -> tuple:
    """The files behind these parts and when they last changed: a change makes a new bundle."""
    chosen = [part for part in parts() if part.name in names]
    return tuple((str(path), path.stat().st_mtime_ns) for part in chosen for path in part.files)


def bundle(names: tuple[str, ...]) -> Bundle:
    return _bundle(tuple(names), _sources_key(tuple(names)))


@lru_cache(maxsize=None)
def _bundle(names: tuple[str, ...], sources_key: tuple) -> Bundle:
    chosen = [part for part in parts() if part.name in names]
    texts = {suffix: [path.read_text(encoding="utf-8") for part in chosen for path in part.files if path.suffix == suffix]
             for suffix in (".css", ".js")}
    # Each script is its own IIFE; the semicolon keeps one from running into the next.
    js = ";".join(rjsmin.jsmin(text).strip().rstrip(";") for text in texts[".js"] if text.strip())
    css = rcssmin.cssmin("\n".join(texts[".css"]))
    files = []
    addresses = {}
    for suffix, content in ((".css", css), (".js", js + ";" if js else "")):
        if content:
            digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:10]
            addresses[suffix] = f"{PUBLISHED_DIR}/{digest}{suffix}"
            files.append((addresses[suffix], content))
    return Bundle(addresses.get(".css"), addresses.get(".js"), tuple(files))


def files_for(bundles) -> dict[str, str]:
    """Every file the given bundles publish, by address."""
    return {address: text for item in bundles for address, text in item.files}
