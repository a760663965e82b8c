"""What every component receives: a small, typed view of the site.

`SiteContext` holds the guide's settings, its pages (addresses, navigation
order), its data (loaded and checked on first use) and the current build's
counters. The MkDocs plugin builds one per build; without the plugin (on
Zensical, whose macros run without MkDocs' hooks) `microsite.macros` builds it
from the configuration the engine hands to macros. Components never see the
plugin or the engine: they get this object and a `PageRef`.
"""

from __future__ import annotations

import fnmatch
import posixpath
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Iterable, Mapping

import yaml

from .errors import ErrorList, MicrositeError
from .settings import Settings, read_settings
from .i18n import Messages
from .site import SiteData, load_messages, load_site_data


@dataclass(frozen=True)
class PageRef:
    """A page as components need it: where its source is and where it is published."""

    src_path: str  # under the docs folder, with forward slashes: "guide/introduction.md"
    url: str  # relative to the site root: "guide/introduction/", "" for the home page
    title: str | None = None

    @classmethod
    def of(cls, page: Any) -> PageRef:
        """From the page object an engine hands to macros (MkDocs' Page or Zensical's)."""
        file = getattr(page, "file", None)
        if file is not None:
            return cls(file.src_uri, page.url, getattr(page, "title", None))
        return cls(str(page.path).replace("\\", "/"), page.url, getattr(page, "title", None))


def page_url(src_path: str, use_directory_urls: bool = True) -> str:
    """The address MkDocs (and Zensical) give a Markdown page under the docs folder."""
    path = PurePosixPath(src_path)
    stem = path.stem
    parent = path.parent.as_posix()
    parent = "" if parent == "." else parent + "/"
    if stem in ("index", "README"):
        return parent
    return f"{parent}{stem}/" if use_directory_urls else f"{parent}{stem}.html"


def relative_url(target: str, from_url: str) -> str:
    """`target` (relative to the site root) as a link from the page at `from_url`.

    The same rule as MkDocs' get_relative_url, so links match on every engine.
    """
    other = from_url
    if other != ".":
        head, tail = posixpath.split(other)
        other = head if "." in tail else other
    relative = posixpath.relpath("/" + target, "/" + other)
    return relative + "/" if target.endswith("/") else relative


@dataclass
class SitePages:
    """Every page of the site by its source path, in navigation order."""

    urls: dict[str, str]  # src path -> url, in navigation order (pages outside the nav last)
    sections: dict[str, str | None] = field(default_factory=dict)  # src path -> its nav section's title
    titles: dict[str, str] = field(default_factory=dict)  # src path -> the title mkdocs.yml's nav gives it
    nav: tuple[str, ...] = ()  # the pages the navigation lists, in its order

    def url_of(self, src_path: str) -> str:
        if src_path not in self.urls:
            raise MicrositeError(f"links to '{src_path}', which is not in the docs folder")
        return self.urls[src_path]

    def has(self, src_path: str) -> bool:
        return src_path in self.urls

    @property
    def order(self) -> list[str]:
        return list(self.urls)

    def in_section(self, src_path: str) -> bool:
        return self.sections.get(src_path) is not None

    def section_pages(self, title: str | None) -> list[str]:
        """The pages of the nav section called `title`, or of the first section."""
        titles = list(dict.fromkeys(title for title in self.sections.values() if title is not None))
        wanted = title if title is not None else (titles[0] if titles else None)
        if wanted is None or wanted not in titles:
            known = ", ".join(f"'{name}'" for name in titles) or "none"
            what = f"section '{title}'" if title else "any section"
            raise MicrositeError(f"chapter_list: the navigation in mkdocs.yml has no {what} (sections: {known})")
        return [src for src, section in self.sections.items() if section == wanted]


def nav_entries(nav: Any, section: str | None = None) -> Iterable[tuple[str, str | None, str | None]]:
    """(src path, section title, page title) for each page in an mkdocs.yml `nav`, in order.

    Only the first level of sections counts as a section, as chapter lists and
    reading times use it; pages at the top level have none. A page's title is
    None when the nav gives none (the page's own heading is its title).
    """
    for item in nav or []:
        if isinstance(item, str):
            yield item, section, None
        elif isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    if "://" not in value:
                        yield value, section, title
                elif isinstance(value, list):
                    yield from nav_entries(value, section if section is not None else title)


def pages_from_folder(docs_dir: Path, nav: Any, exclude: str | None, use_directory_urls: bool = True) -> SitePages:
    """The site's pages from the docs folder and mkdocs.yml's nav, without an engine."""
    patterns = [line.strip() for line in (exclude or "").splitlines() if line.strip() and not line.startswith("#")]
    sources = sorted(
        path.relative_to(docs_dir).as_posix()
        for path in docs_dir.rglob("*.md")
        if not any(part.startswith(".") for part in path.relative_to(docs_dir).parts)
    )
    sources = [src for src in sources if not excluded(src, patterns)]
    listed = list(nav_entries(nav))
    ordered = [src for src, _, _ in listed if src in sources] if nav else sorted(sources, key=_index_first)
    ordered += [src for src in sources if src not in ordered]
    sections = {src: section for src, section, _ in listed}
    return SitePages(
        {src: page_url(src, use_directory_urls) for src in ordered},
        {src: sections.get(src) for src in ordered},
        {src: title for src, _, title in listed if title},
        tuple(src for src, _, _ in listed if src in sources) if nav else tuple(ordered),
    )


def _index_first(src: str) -> tuple:
    path = PurePosixPath(src)
    return (path.parent.as_posix(), path.stem not in ("index", "README"), path.name)


def excluded(src: str, patterns: list[str]) -> bool:
    """Whether `exclude_docs` (gitignore-style lines) leaves this page out."""
    for pattern in patterns:
        anchored = pattern.lstrip("/")
        if anchored.endswith("/"):
            if src.startswith(anchored) or f"/{anchored}" in f"/{src}":
                return True
        elif fnmatch.fnmatch(src, anchored) or fnmatch.fnmatch(PurePosixPath(src).name, anchored):
            return True
    return False


@dataclass
class SiteContext:
    root: Path  # the folder of mkdocs.yml
    docs_dir: Path
    settings: Settings
    pages: SitePages
    site_name: str = ""
    site_url: str | None = None
    language: str = "en"
    copyright: str | None = None
    loaded: SiteData | None = None  # the data, once loaded
    words: Messages | None = None  # the guide's words, once loaded
    instances: Counter = field(default_factory=Counter)
    # Zensical reads a relative link in a page's HTML as relative to the page's
    # Markdown file, as it does for Markdown links, and rewrites it for the
    # page's address; links that macros write must then be made that way.
    links_from_source: bool = False

    @property
    def data(self) -> SiteData:
        """The guide's data, loaded and checked on first use (all problems at once)."""
        if self.loaded is None:
            errors = ErrorList()
            data = load_site_data(self.root, self.settings, errors)
            errors.raise_if_any()
            self.loaded = data
        return self.loaded

    @property
    def messages(self) -> Messages:
        """Every word our components show, in the guide's language (see microsite.i18n)."""
        if self.words is None:
            errors = ErrorList()
            words = load_messages(self.root, self.settings, self.language, errors)
            errors.raise_if_any()
            self.words = words
        return self.words

    def label(self, path: Path) -> str:
        """A path as the author sees it: relative to the folder of mkdocs.yml."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def page_label(self, page: PageRef) -> str:
        return self.label(self.docs_dir / page.src_path)

    def url_from(self, page: PageRef, src_path: str) -> str:
        """The address of the page written as `src_path`, relative to `page`."""
        if self.links_from_source:
            folder = posixpath.dirname(page.src_path)
            return relative_url(self.pages.url_of(src_path), folder + "/" if folder else "")
        return relative_url(self.pages.url_of(src_path), page.url)

    def next_instance(self, page: PageRef, component_id: str) -> int:
        """1 for the first use of a component on a page, 2 for the second, …"""
        self.instances[(page.src_path, component_id)] += 1
        return self.instances[(page.src_path, component_id)]

    def start_page(self, page: PageRef) -> None:
        """Forget a page's counters when it is rendered again (a rebuild under serve)."""
        for key in [key for key in self.instances if key[0] == page.src_path]:
            del self.instances[key]


def context_from_config(conf: Mapping, errors: ErrorList | None = None) -> SiteContext:
    """A context from a configuration mapping, as an engine without our plugin gives it.

    The `microsite` options are taken from the mapping when the engine kept
    them, otherwise from mkdocs.yml itself: Zensical drops the options of
    plugins it does not run.
    """
    root = Path(conf.get("root_dir") or Path(conf.get("config_file_path") or "mkdocs.yml").parent).resolve()
    errors = errors if errors is not None else ErrorList()
    settings = read_settings(plugin_options(conf, root), errors)
    errors.raise_if_any("mkdocs.yml")
    docs_dir = (root / (conf.get("docs_dir") or "docs")).resolve()
    theme = conf.get("theme") or {}
    return SiteContext(
        root=root,
        docs_dir=docs_dir,
        settings=settings,
        pages=pages_from_folder(docs_dir, conf.get("nav"), conf.get("exclude_docs"), conf.get("use_directory_urls", True)),
        site_name=conf.get("site_name") or "",
        site_url=conf.get("site_url") or None,
        language=(theme.get("language") if isinstance(theme, Mapping) else None) or "en",
        copyright=conf.get("copyright") or None,
    )


def plugin_options(conf: Mapping, root: Path) -> Any:
    """The options written under `plugins: - microsite:` (None when there are none)."""
    for plugins in (conf.get("plugins"), _plugins_in_file(root)):
        for entry in plugins or []:
            if isinstance(entry, dict) and "microsite" in entry:
                return entry["microsite"]
            if entry == "microsite":
                return None
    return None


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, leaving engine-only tags (!ENV, !!python/name) as None."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config_file(path: Path) -> dict:
    """mkdocs.yml as plain data, following INHERIT as MkDocs and Zensical do."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LenientLoader) or {}
    parent = data.pop("INHERIT", None)
    if isinstance(parent, str):
        base = read_config_file((path.parent / parent).resolve())
        data = _merge(base, data)
    return data


def _merge(base: dict, override: dict) -> dict:
    merged = dict(base)
    for key, value in override.items():
        merged[key] = _merge(merged[key], value) if isinstance(value, dict) and isinstance(merged.get(key), dict) else value
    return merged


def _plugins_in_file(root: Path) -> list:
    for name in ("mkdocs.yml", "mkdocs.yaml"):
        if (root / name).is_file():
            return read_config_file(root / name).get("plugins") or []
    return []
