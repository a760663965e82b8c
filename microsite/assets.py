"""Every component's script and stylesheet, published as one bundle of each.

They ship inside the package, so a site using our components copies nothing.
One stylesheet and one script instead of a dozen small files keep each page to
two requests of ours, which matters on slow phone connections.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

COMPONENTS_DIR = Path(__file__).parent / "components"
PUBLISHED_DIR = "assets/microsite"
BUNDLES = {".css": f"{PUBLISHED_DIR}/microsite.css", ".js": f"{PUBLISHED_DIR}/microsite.js"}
# The base layout first, so component styles can build on it.
FIRST = ("layout",)


def component_assets(suffix: str) -> list[Path]:
    paths = COMPONENTS_DIR.glob(f"*/*{suffix}")
    return sorted(paths, key=lambda p: (p.parent.name not in FIRST, p.parent.name, p.name))


def bundle(suffix: str) -> str:
    """The components' files of one kind, in order, each under a comment naming its source."""
    parts = []
    for path in component_assets(suffix):
        source = path.relative_to(COMPONENTS_DIR).as_posix()
        parts.append(f"/* {source} */\n{path.read_text(encoding='utf-8').rstrip()}\n")
    # Scripts are separate IIFEs; the semicolon keeps one from running into the next.
    return (";\n" if suffix == ".js" else "\n").join(parts)


def declare(config: MkDocsConfig) -> None:
    for suffix, uri in BUNDLES.items():
        listing = config.extra_css if suffix == ".css" else config.extra_javascript
        if uri not in [str(item) for item in listing]:
            listing.append(uri)


def files(config: MkDocsConfig) -> list[File]:
    return [File.generated(config, uri, content=bundle(suffix)) for suffix, uri in BUNDLES.items()]
