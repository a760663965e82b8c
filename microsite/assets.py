"""Our styles and scripts, published as a few small, minified, fingerprinted files.

They ship inside the package, so a site using our components copies nothing.
Every page gets the core bundle (layout, quick exit, print, quotes, notes);
pages with a worksheet (or the list of worksheets) also get the worksheet
bundle, so no page downloads code it does not use. Each file is minified
(rjsmin, rcssmin) and named after a hash of its content: a new deploy that
changes a file changes its name, so no browser keeps a stale copy.
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
# The base layout first, so other styles can build on it.
FIRST = ("layout",)


@dataclass(frozen=True)
class Bundle:
    name: str
    folders: tuple[str, ...]  # component folders whose .css and .js it holds
    modules: frozenset[str]  # a page needs it when its content holds one of these (data-module or late part)
    css: str | None = None  # its published addresses, relative to the site root
    js: str | None = None


WORKSHEET = Bundle(
    "worksheet",
    ("worksheet",),
    frozenset({"microsite-worksheet", "microsite-delete-answers", "late:worksheet-index", "late:workbook-links"}),
)


def component_folders() -> list[str]:
    folders = sorted(path.name for path in COMPONENTS_DIR.iterdir() if path.is_dir() and not path.name.startswith("_"))
    return sorted(folders, key=lambda name: name not in FIRST)


def core_bundle() -> Bundle:
    folders = tuple(name for name in component_folders() if name not in WORKSHEET.folders)
    return Bundle("core", folders, frozenset())


def sources(bundle: Bundle, suffix: str) -> list[str]:
    """The bundle's files of one kind, in order: each folder's own, then (for
    worksheets) each registered field kind's."""
    texts = []
    for folder in bundle.folders:
        for path in sorted((COMPONENTS_DIR / folder).glob(f"*{suffix}")):
            texts.append(path.read_text(encoding="utf-8"))
    if "worksheet" in bundle.folders and suffix == ".css":
        from .components.worksheet.kinds import registered_kinds

        texts += [kind.css("web") for kind in registered_kinds().values()]
    return [text for text in texts if text.strip()]


def minified(bundle: Bundle, suffix: str) -> str:
    parts = sources(bundle, suffix)
    if suffix == ".js":
        # Each script is its own IIFE; the semicolon keeps one from running into the next.
        return ";".join(rjsmin.jsmin(part).strip().rstrip(";") for part in parts) + ";" if parts else ""
    return rcssmin.cssmin("\n".join(parts))


def fingerprint(content: str) -> str:
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:10]


@lru_cache(maxsize=None)
def _published(bundle: Bundle, sources_key: tuple) -> tuple[Bundle, dict[str, str]]:
    files = {}
    addresses = {}
    for suffix, attribute in ((".css", "css"), (".js", "js")):
        content = minified(bundle, suffix)
        if content:
            uri = f"{PUBLISHED_DIR}/{bundle.name}.{fingerprint(content)}{suffix}"
            files[uri] = content
            addresses[attribute] = uri
    return Bundle(bundle.name, bundle.folders, bundle.modules, **addresses), files


def published() -> list[tuple[Bundle, dict[str, str]]]:
    """Each bundle with its addresses, and the files to publish (address -> text)."""
    from .components.worksheet.kinds import registered_kinds

    # Registered field kinds bring styles of their own, and files change while
    # someone works on the package: either gives new files.
    folders = [kind.folder for kind in registered_kinds().values()] + [COMPONENTS_DIR / name for name in component_folders()]
    key = tuple(sorted(
        (str(path), path.stat().st_mtime_ns) for folder in folders for path in folder.iterdir() if path.suffix in (".css", ".js")
    ))
    return [_published(bundle, key) for bundle in (core_bundle(), WORKSHEET)]


def files() -> dict[str, str]:
    """Every file to publish under assets/microsite/, by address."""
    return {uri: content for _, bundle_files in published() for uri, content in bundle_files.items()}


def bundles_for(modules: frozenset[str]) -> list[Bundle]:
    """The bundles a page loads: the core one always, others where the page uses them."""
    return [bundle for bundle, _ in published() if bundle.name == "core" or bundle.modules & modules]
