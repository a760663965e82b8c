"""Write a new guide project: every file rendered first, then moved into place at once.

The project's files come from the templates in `templates/`, which use
`[[ … ]]` and `[% … %]` so that the `{{ … }}` and `{% … %}` meant for
mkdocs-macros pass through untouched.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..components.worksheet.model import KINDS
from .article import ImportProblem
from .guide import Guide
from .slugs import slugify

TEMPLATES = Path(__file__).parent / "templates"
# Each file of a new project, and the template it is rendered from.
PROJECT_FILES = {
    "mkdocs.yml": "mkdocs.yml.jinja",
    "README.md": "README.md.jinja",
    "requirements.txt": "requirements.txt.jinja",
    ".gitignore": "gitignore.jinja",
    "pytest.ini": "pytest.ini.jinja",
    "scripts/dev.sh": "dev.sh.jinja",
    "tests/test_smoke.py": "test_smoke.py.jinja",
    "docs/index.md": "index.md.jinja",
    "docs/help.md": "help.md.jinja",
    "data/quotes.yaml": "quotes.yaml.jinja",
    "data/worksheets/README.md": "worksheets-readme.md.jinja",
}
EXECUTABLE = {"scripts/dev.sh"}
_JINJA_OPENER = re.compile(r"\{(?=[{%#])")


@lru_cache(maxsize=1)
def template_environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        block_start_string="[%",
        block_end_string="%]",
        variable_start_string="[[",
        variable_end_string="]]",
        comment_start_string="[#",
        comment_end_string="#]",
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
        autoescape=False,  # these are Markdown, YAML and shell files, not HTML
    )
    environment.filters["yaml"] = yaml_string
    environment.filters["jinja_safe"] = jinja_safe
    return environment


def yaml_string(value: str) -> str:
    """`value` as one double-quoted YAML scalar."""
    return yaml.safe_dump(value, default_style='"', allow_unicode=True, width=float("inf")).strip()


def jinja_safe(text: str) -> str:
    """Article text that mkdocs-macros shows as written, even if it holds `{{` or `{%`."""
    if not _JINJA_OPENER.search(text):
        return text
    if "endraw" not in text:
        return "{% raw %}" + text + "{% endraw %}"
    return _JINJA_OPENER.sub('{{ "{" }}', text)


def quote_records_yaml(records: tuple[dict, ...]) -> str:
    """The records as a YAML list, a blank line between entries; `[]` when there are none."""
    if not records:
        return "[]"
    dumped = [yaml.safe_dump([record], sort_keys=False, allow_unicode=True, width=float("inf")) for record in records]
    return "\n".join(dumped).rstrip()


def render_project(guide: Guide, article_path: Path) -> dict[str, str]:
    """Every file of the new project, by its path inside the project."""
    requirement, source_note = package_requirement()
    context = {
        "site_name": guide.title,
        "site_url": f"https://example.github.io/{slugify(guide.title, 'guide')}/",
        "article_name": article_path.name,
        "chapters": guide.chapters,
        "quotes": guide.quotes,
        "records": quote_records_yaml(guide.quotes),
        "kinds": KINDS,
        "package_requirement": requirement,
        "package_source_note": source_note,
    }
    environment = template_environment()
    files = {path: environment.get_template(template).render(context) for path, template in PROJECT_FILES.items()}
    if guide.quotes:
        files["docs/about.md"] = environment.get_template("about.md.jinja").render(context)
    chapter = environment.get_template("chapter.md.jinja")
    for item in guide.chapters:
        files[f"docs/{item.path}"] = chapter.render(chapter=item)
    return files


def package_requirement() -> tuple[str, str]:
    """A requirement line that installs this same `microsite` package, and where it comes from in words.

    It follows how the running package was installed (PEP 610's direct_url.json):
    from a folder, from a Git commit, or a version from a package index.
    """
    # Run from a source checkout, its microsite.egg-info (no direct_url.json)
    # can shadow the installed metadata, so look at every copy.
    found = list(importlib.metadata.distributions(name="microsite"))
    direct_url = next((text for dist in found if (text := dist.read_text("direct_url.json"))), None)
    if not direct_url:
        version = found[0].version if found else importlib.metadata.version("microsite")
        return f"microsite[test]=={version}", f"at version {version} from the package index"
    origin = json.loads(direct_url)
    url = origin["url"]
    if "vcs_info" in origin:
        vcs = origin["vcs_info"]
        return f"microsite[test] @ {vcs['vcs']}+{url}@{vcs['commit_id']}", f"from {url} at commit {vcs['commit_id'][:12]}"
    if url.startswith("file:"):
        return f"microsite[test] @ {url}", f"from the folder {unquote(urlsplit(url).path)} on the computer that made this guide"
    return f"microsite[test] @ {url}", f"from {url}"


def write_project(files: dict[str, str], target: Path, *, force: bool, article_path: Path) -> None:
    """Write `files` into a new folder beside `target`, then move it into place.

    With `force`, an existing guide at `target` is replaced only once the new
    one is complete; on any failure nothing is left half-written.
    """
    check_target(target, force=force, article_path=article_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", suffix=".partial", dir=target.parent))
    try:
        staging.chmod(0o777 & ~current_umask())
        for relative, text in files.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            if relative in EXECUTABLE:
                path.chmod(path.stat().st_mode | 0o111)
        move_into_place(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def check_target(target: Path, *, force: bool, article_path: Path) -> None:
    if not target.exists():
        return
    if not target.is_dir():
        raise ImportProblem(f"{target}: is a file, not a folder; choose another output folder")
    if not force:
        raise ImportProblem(f"{target}: already exists; choose a new output folder, or add --force to replace it")
    resolved = target.resolve()
    if resolved == Path.cwd().resolve() or resolved in Path.cwd().resolve().parents:
        raise ImportProblem(f"{target}: is the folder you are working in; run the command from another folder")
    if resolved in article_path.resolve().parents:
        raise ImportProblem(f"{target}: holds the article itself; move the article out or choose another output folder")
    if any(target.iterdir()) and not (target / "mkdocs.yml").exists():
        # --force replaces a guide, never some other folder given by mistake.
        raise ImportProblem(f"{target}: is not a guide (it has no mkdocs.yml); choose another output folder")


def move_into_place(staging: Path, target: Path) -> None:
    if not target.exists():
        staging.rename(target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}-", suffix=".old", dir=target.parent)) / target.name
    target.rename(old)
    try:
        staging.rename(target)
    except BaseException:
        old.rename(target)
        raise
    shutil.rmtree(old.parent, ignore_errors=True)


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
