"""Our styles and scripts: each page loads one small stylesheet and at most
two small scripts, holding exactly the components it uses, minified and
fingerprinted.

They ship inside the package, so a site using our components copies nothing.
Every page needs the layout, the quick exit and print styles; a component's
own files join a page's bundle only when the page's content uses it (a quote,
a worksheet, a field kind), so no page downloads code it does not use.

- Scripts come in two files: what every page runs (the quick exit above all)
  and what this page's components add. A script one browser cannot parse
  then never takes the quick exit down with it, and the first file is the
  same on every page, so it is fetched once.
- A file named `*.lazy.js` is not bundled: it is published on its own, and a
  bundled script loads it when the reader asks for what it does (worksheet.js
  loads the export and import code). Its address goes into the bundled script
  where the script says "@lazy/<name>".
- Each file is minified and named after a hash of its content: a deploy that
  changes a file changes the names, so no browser keeps a stale copy. Scripts
  are minified with tdewolff's minifier (Hugo's), which also shortens local
  names; where its wheel is not available (it has none for Apple silicon), with
  rjsmin, which only removes spaces and comments.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import rcssmin

try:  # tdewolff-minify: Go minifiers, the ones Hugo uses
    import minify as _tdewolff

    _tdewolff.config({"js-version": 2017})
    JS_MINIFIER = "tdewolff-minify"
except ImportError:  # pragma: no cover - the platforms without its wheel
    _tdewolff = None
    JS_MINIFIER = "rjsmin"
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
    scripts: tuple[str, ...]  # what every page runs first, then this page's own
    files: tuple[tuple[str, str], ...]  # (address, text) to publish, lazy scripts included


LAZY_SUFFIX = ".lazy.js"
_LAZY_REFERENCE = re.compile(r"""(["'])@lazy/([\w.-]+)\1""")
_WORDS = re.compile(r"""(["'])@words\1""")


def component_files(key: str, keys: tuple[str, ...] = ()) -> tuple[Path, ...]:
    """A part's styles and scripts: for "folder/name", the folder's name.css and
    name.js; for "folder", its other files (those no "folder/…" key among
    `keys` takes)."""
    folder, _, name = key.partition("/")
    taken = {other.partition("/")[2] for other in keys if other.startswith(folder + "/")}
    path = COMPONENTS_DIR / folder
    return tuple(sorted(
        item for item in path.iterdir()
        if item.suffix in (".css", ".js") and (item.name.split(".")[0] == name if name else item.name.split(".")[0] not in taken)
    ))


def bundled(files: tuple[Path, ...]) -> list[Path]:
    return [path for path in files if not path.name.endswith(LAZY_SUFFIX)]


def lazy_scripts() -> dict[str, Path]:
    """Every lazy script of every part, by file name (names are unique)."""
    found: dict[str, Path] = {}
    for part in parts():
        for path in part.files:
            if path.name.endswith(LAZY_SUFFIX):
                if path.name in found:
                    raise ValueError(f"two lazy scripts are named {path.name}: {found[path.name]} and {path}; rename one")
                found[path.name] = path
    return found


def words_template(script: Path) -> Path:
    """Where a lazy script's messages are: name.words.html beside name.lazy.js."""
    return script.with_name(script.name[: -len(LAZY_SUFFIX)] + ".words.html")


def lazy_words(messages) -> tuple[tuple[str, str], ...]:
    """Each lazy script's messages in the guide's language, as JSON, by script
    name. They are published inside the script, where it says "@words", so a
    page carries only the messages its own scripts show."""
    from .render import render_component

    return tuple(
        (name, str(render_component(str(words_template(path)), messages=messages)))
        for name, path in lazy_scripts().items() if words_template(path).exists()
    )


def parts() -> list[Part]:
    """Every part, in the order its files go into a bundle (the layout first)."""
    from .components import ASSETS_WHEN
    from .components.worksheet.kinds import registered_kinds

    keys = tuple(ASSETS_WHEN)
    found = [Part(key, component_files(key, keys), markers) for key, markers in ASSETS_WHEN.items()]
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
    paths = [path for part in chosen for path in part.files] + list(lazy_scripts().values())
    return tuple((str(path), path.stat().st_mtime_ns) for path in paths)


def bundle(names: tuple[str, ...], words: tuple[tuple[str, str], ...] | None = None) -> Bundle:
    """The stylesheet and scripts of a page using these parts; `words` are the
    lazy scripts' messages (lazy_words), in English unless given."""
    from .i18n import ENGLISH

    names = tuple(names)
    return _bundle(names, _sources_key(names), lazy_words(ENGLISH) if words is None else tuple(words))


def minify_js(text: str) -> str:
    minified = _tdewolff.string("application/javascript", text) if _tdewolff else rjsmin.jsmin(text)
    return minified.strip().rstrip(";")


def _published(content: str, suffix: str) -> tuple[str, str]:
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:10]
    return f"{PUBLISHED_DIR}/{digest}{suffix}", content


@lru_cache(maxsize=None)
def _lazy_files(sources_key: tuple, words: tuple[tuple[str, str], ...]) -> dict[str, tuple[str, str]]:
    """Each lazy script, minified, with its messages, and published, by its source file name."""
    said = dict(words)

    def published(name: str, path: Path) -> tuple[str, str]:
        text = minify_js(path.read_text(encoding="utf-8"))
        if _WORDS.search(text):
            if name not in said:
                raise ValueError(f'{path} says "@words", but no messages came for it: '
                                 f"write them in {words_template(path).name} beside it")
            text = _WORDS.sub(lambda match: said[name], text)
        return _published(text + ";", ".js")

    return {name: published(name, path) for name, path in lazy_scripts().items()}


def _script(paths: list[Path], lazy: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    texts = [path.read_text(encoding="utf-8") for path in paths if path.suffix == ".js"]
    # Each script is its own IIFE; the semicolon keeps one from running into the next.
    js = ";".join(minify_js(text) for text in texts if text.strip())
    if not js:
        return None

    def address(match: re.Match) -> str:
        name = match.group(2)
        if name not in lazy:
            raise ValueError(f"a script asks for @lazy/{name}, but no component has a file of that name")
        # Relative to the bundle itself: both live in PUBLISHED_DIR.
        return json.dumps(lazy[name][0].rsplit("/", 1)[-1])

    return _published(_LAZY_REFERENCE.sub(address, js) + ";", ".js")


@lru_cache(maxsize=None)
def _bundle(names: tuple[str, ...], sources_key: tuple, words: tuple[tuple[str, str], ...]) -> Bundle:
    chosen = [part for part in parts() if part.name in names]
    lazy = _lazy_files(sources_key, words)
    css = rcssmin.cssmin("\n".join(path.read_text(encoding="utf-8") for part in chosen for path in part.files if path.suffix == ".css"))
    css_file = _published(css, ".css") if css else None
    every_page = [path for part in chosen if part.markers is None for path in bundled(part.files)]
    own = [path for part in chosen if part.markers is not None for path in bundled(part.files)]
    scripts = [item for item in (_script(every_page, lazy), _script(own, lazy)) if item]
    asked_for = {match.group(2) for path in every_page + own if path.suffix == ".js"
                 for match in _LAZY_REFERENCE.finditer(path.read_text(encoding="utf-8"))}
    files = [item for item in (css_file, *scripts) if item] + [lazy[name] for name in sorted(asked_for)]
    return Bundle(css_file[0] if css_file else None, tuple(address for address, _ in scripts), tuple(files))


def files_for(bundles) -> dict[str, str]:
    """Every file the given bundles publish, by address."""
    return {address: text for item in bundles for address, text in item.files}
