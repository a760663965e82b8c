"""Each component's script and stylesheet, published under assets/microsite/.

They ship inside the package, so a site using our components copies nothing.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

COMPONENTS_DIR = Path(__file__).parent / "components"
PUBLISHED_DIR = "assets/microsite"
# The base layout first, so component styles can build on it.
FIRST = ("layout",)


def component_assets() -> list[Path]:
    paths = [p for p in COMPONENTS_DIR.glob("*/*") if p.suffix in (".css", ".js")]
    return sorted(paths, key=lambda p: (p.parent.name not in FIRST, p.parent.name, p.name))


def published_uri(path: Path) -> str:
    return f"{PUBLISHED_DIR}/{path.name}"


def declare(config: MkDocsConfig) -> None:
    for path in component_assets():
        uri = published_uri(path)
        listing = config.extra_css if path.suffix == ".css" else config.extra_javascript
        if uri not in [str(item) for item in listing]:
            listing.append(uri)


def files(config: MkDocsConfig) -> list[File]:
    return [
        File.generated(config, published_uri(path), abs_src_path=str(path))
        for path in component_assets()
    ]
