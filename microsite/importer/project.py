"""Write a new guide project: every file rendered first, then moved into place at once.

The project's files come from the templates in `templates/`, which use
`[[ … ]]` and `[% … %]` so that the `{{ … }}` and `{% … %}` meant for
mkdocs-macros pass through untouched. Their words come from the same
catalogues as the components' (`t`, `tn`), in the guide's language, so a
Spanish article gets Spanish starter pages; a language with no catalogue gets
English ones.

`.microsite/generated.json` records each written file with a hash. With
`--force`, a guide is replaced only when the author has changed nothing that
`microsite new` wrote and added nothing to `docs/` or `data/` (or says
`--discard-changes`); everything else in the folder, such as `.git`, `.venv`,
`.cache` or the author's own scripts, moves into the new guide unchanged.
"""

from __future__ import annotations

import hashlib
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
from ..errors import ErrorList
from ..i18n import ENGLISH, Messages, messages_for
from .article import ImportProblem
from .guide import Guide
from .languages import DEFAULT_HELP_DIRECTORY, language_rules
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
MANIFEST = ".microsite/generated.json"
# The author's writing: a file added here would be published with the new guide.
AUTHOR_FOLDERS = ("docs", "data")
LISTED_AT_MOST = 10
# libyaml's emitter when PyYAML has it: the pure-Python one takes seconds for thousands of quotes.
FAST_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
NO_WRAP = 2**31 - 1  # the C emitter takes no infinite width
_JINJA_OPENER = re.compile(r"\{(?=[{%#])")
# Code spans and fenced code, where Markdown shows "<" as it is.
_CODE = re.compile(r"(^ {0,3}(```|~~~).*?^ {0,3}\2[^\n]*$|(`+)(?!`).+?(?<!`)\3(?!`))", re.S | re.M)


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
    environment.filters["yaml_scalar"] = yaml_scalar
    environment.filters["jinja_safe"] = jinja_safe
    environment.filters["markdown_text"] = markdown_text
    return environment


def yaml_string(value: str) -> str:
    """`value` as one double-quoted YAML scalar."""
    return yaml.safe_dump(value, default_style='"', allow_unicode=True, width=float("inf")).strip()


def yaml_scalar(value: str) -> str:
    """`value` as one YAML scalar, quoted only when YAML needs it (a translation may hold ": ")."""
    return yaml.safe_dump(value, allow_unicode=True, width=float("inf")).removesuffix("\n...\n").strip()


def plural(count: int, noun: str) -> str:
    """'1 chapter', '2 chapters'."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def markdown_text(text: str) -> str:
    """Article text for a Markdown page: `<` becomes `&lt;` outside code, so raw HTML in the
    article ("<script>") shows as text and never reaches a page as markup; then `jinja_safe`."""
    if "<" not in text:
        return jinja_safe(text)
    if "`" not in text and "~~~" not in text:
        return jinja_safe(text.replace("<", "&lt;"))
    parts = []
    done = 0
    for code in _CODE.finditer(text):
        parts.append(text[done:code.start()].replace("<", "&lt;"))
        parts.append(code.group())
        done = code.end()
    parts.append(text[done:].replace("<", "&lt;"))
    return jinja_safe("".join(parts))


def jinja_safe(text: str) -> str:
    """Article text that mkdocs-macros shows as written, even if it holds `{{` or `{%`."""
    if not _JINJA_OPENER.search(text):
        return text
    if "endraw" not in text:
        return "{% raw %}" + text + "{% endraw %}"
    return _JINJA_OPENER.sub('{{ "{" }}', text)


def quote_records_yaml(records: tuple[dict, ...], doubts: dict[str, tuple[str, ...]] | None = None) -> str:
    """The records as a YAML list, a blank line between entries; `[]` when there are none.

    A record whose speaker or role looks wrong gets a comment saying why.
    """
    if not records:
        return "[]"
    dumped = []
    for record in records:
        notes = "".join(f"# Check: {reason}\n" for reason in (doubts or {}).get(record["id"], ()))
        dumped.append(notes + yaml.dump([record], Dumper=FAST_DUMPER, sort_keys=False, allow_unicode=True, width=NO_WRAP))
    return "\n".join(dumped).rstrip()


# What each engine builds and serves with: its extra of the microsite package,
# and the commands the project's README and scripts give.
ENGINES = {
    "mkdocs": {
        "name": "MkDocs",
        "extras": "test",
        "build": ".venv/bin/mkdocs build",
        "strict": ".venv/bin/mkdocs build --strict",
        "serve": '"$VENV/bin/mkdocs" serve --dev-addr 127.0.0.1:8000',
    },
    "properdocs": {
        "name": "ProperDocs",
        "extras": "test,properdocs",
        "build": ".venv/bin/properdocs build -f mkdocs.yml",
        "strict": ".venv/bin/properdocs build -f mkdocs.yml --strict",
        "serve": '"$VENV/bin/properdocs" serve -f mkdocs.yml --dev-addr 127.0.0.1:8000',
    },
    "zensical": {
        "name": "Zensical",
        "extras": "test,zensical",
        "build": ".venv/bin/zensical build -f zensical.yml && .venv/bin/microsite finish site",
        "strict": ".venv/bin/zensical build -f zensical.yml --strict && .venv/bin/microsite finish site --strict",
        "serve": '"$VENV/bin/microsite" preview -f zensical.yml --dev-addr 127.0.0.1:8000',
    },
}


def render_project(guide: Guide, article_path: Path, language: str = "en", engine: str = "mkdocs") -> dict[str, str]:
    """Every file of the new project, by its path inside the project (the manifest last)."""
    words = starter_words(language)
    requirement, source_note = package_requirement(ENGINES[engine]["extras"], words)
    directory = help_directory(language)
    context = {
        "t": words.t,
        "tn": words.tn,
        "help_directory": directory,
        "help_directory_name": domain_of(directory),
        "engine": engine,
        "engine_commands": ENGINES[engine],
        "package_with_extras": f"microsite[{ENGINES[engine]['extras']}]",
        "site_name": guide.title,
        "site_url": f"https://example.github.io/{slugify(guide.title, 'guide')}/",
        "article_name": article_path.name,
        "language": language,
        "chapters": guide.chapters,
        "quotes": guide.quotes,
        "records": quote_records_yaml(guide.quotes, doubts_by_id(guide)),
        "kinds": KINDS,
        "package_requirement": requirement,
        "package_source_note": source_note,
    }
    environment = template_environment()
    files = {path: environment.get_template(template).render(context) for path, template in PROJECT_FILES.items()}
    if engine == "zensical":
        files["zensical.yml"] = environment.get_template("zensical.yml.jinja").render(context)
    if guide.quotes:
        files["docs/about.md"] = environment.get_template("about.md.jinja").render(context)
    chapter = environment.get_template("chapter.md.jinja")
    for item in guide.chapters:
        files[f"docs/{item.path}"] = chapter.render(chapter=item)
    files[MANIFEST] = manifest(files)
    return files


def starter_words(language: str) -> Messages:
    """The words of the starter pages: the language's catalogue, English where it has none."""
    words = messages_for(language, ErrorList())
    return words if words.translations is not None else ENGLISH


def help_directory(language: str) -> str:
    """The international directory of help lines, in the guide's language where it has a version."""
    rules = language_rules(language)
    return rules.help_directory if rules else DEFAULT_HELP_DIRECTORY


def domain_of(address: str) -> str:
    """'findahelpline.com' for 'https://findahelpline.com/es-419': the site's name, as a reader says it."""
    return urlsplit(address).netloc.removeprefix("www.")


def doubts_by_id(guide: Guide) -> dict[str, tuple[str, ...]]:
    return {doubt.quote_id: doubt.reasons for doubt in guide.doubts}


def manifest(files: dict[str, str]) -> str:
    """What `microsite new` wrote, with a hash of each file, so a later --force can tell the author's changes."""
    record = {
        "written_by": "microsite new",
        "note": "--force compares these hashes with the files to find your changes; keep this file",
        "files": {path: text_hash(text.encode("utf-8")) for path, text in sorted(files.items())},
    }
    return json.dumps(record, indent=2, ensure_ascii=False) + "\n"


def text_hash(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def package_requirement(extras: str = "test", words: Messages = ENGLISH) -> tuple[str, str]:
    """A requirement line that installs this same `microsite` package (with `extras`), and where it comes from in words.

    It follows how the running package was installed (PEP 610's direct_url.json):
    from a folder, from a Git commit, or a version from a package index.
    """
    # Run from a source checkout, its microsite.egg-info (no direct_url.json)
    # can shadow the installed metadata, so look at every copy.
    found = list(importlib.metadata.distributions(name="microsite"))
    direct_url = next((text for dist in found if (text := dist.read_text("direct_url.json"))), None)
    if not direct_url:
        version = found[0].version if found else importlib.metadata.version("microsite")
        return f"microsite[{extras}]=={version}", words.t("at version {version} from the package index", version=version)
    origin = json.loads(direct_url)
    url = origin["url"]
    if "vcs_info" in origin:
        vcs = origin["vcs_info"]
        commit = vcs["commit_id"]
        return f"microsite[{extras}] @ {vcs['vcs']}+{url}@{commit}", words.t("from {url} at commit {commit}", url=url, commit=commit[:12])
    if url.startswith("file:"):
        folder = unquote(urlsplit(url).path)
        return f"microsite[{extras}] @ {url}", words.t("from the folder {folder} on the computer that made this guide", folder=folder)
    return f"microsite[{extras}] @ {url}", words.t("from {url}", url=url)


def write_project(
    files: dict[str, str], target: Path, *, force: bool, article_path: Path, discard_changes: bool = False
) -> None:
    """Write `files` into a new folder beside `target`, then move it into place.

    With `force`, an existing guide at `target` is replaced only once the new
    one is complete; what `microsite new` did not write is carried over. On
    any failure nothing is left half-written, and an error names the real
    path, never the hidden folder the files are written in first.
    """
    check_target(target, force=force, article_path=article_path, discard_changes=discard_changes)
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
        move_into_place(staging, target, set(files))
    except BaseException as error:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(error, OSError) and error.filename and str(error.filename).startswith(str(staging)):
            real = target / Path(error.filename).relative_to(staging)
            raise OSError(error.errno, error.strerror, str(real)) from None
        raise


def check_target(target: Path, *, force: bool, article_path: Path, discard_changes: bool = False) -> None:
    blocking_file = next((parent for parent in target.parents if parent.is_file()), None)
    if blocking_file is not None:
        raise ImportProblem(f"{target}: {blocking_file} is a file, not a folder; choose another output folder")
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
    if discard_changes:
        return
    record = generated_files(target)
    changes = author_changes(target, record)
    if not changes:
        return
    listed = ", ".join(changes[:LISTED_AT_MOST]) + (
        f" and {len(changes) - LISTED_AT_MOST} more" if len(changes) > LISTED_AT_MOST else ""
    )
    if record is None:
        raise ImportProblem(
            f"{target}: has no record of the files `microsite new` wrote ({MANIFEST}), so these may be your own "
            f"work: {listed}; move them out of the folder, or add --discard-changes to replace them too"
        )
    raise ImportProblem(
        f"{target}: you changed or added these files after `microsite new` wrote the guide: {listed}; "
        "move them out of the folder, or add --discard-changes to replace them too"
    )


def generated_files(target: Path) -> dict[str, str] | None:
    """The files the last `microsite new` wrote there, with their hashes; None without a readable record."""
    try:
        record = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
        files = record["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return files if isinstance(files, dict) else None


def author_changes(target: Path, record: dict[str, str] | None) -> list[str]:
    """Files the author changed that `microsite new` wrote, and files they added to docs/ or data/."""
    changed = [
        path for path, digest in (record or {}).items()
        if (target / path).is_file() and text_hash((target / path).read_bytes()) != digest
    ]
    for folder in AUTHOR_FOLDERS:
        for path in sorted((target / folder).rglob("*")):
            relative = path.relative_to(target).as_posix()
            if path.is_file() and relative not in (record or {}):
                changed.append(relative)
    return sorted(set(changed))


def kept_paths(old: Path, written: set[str]) -> list[str]:
    """What in the old guide `microsite new` does not write: whole folders where it writes nothing
    (.git, .venv, .cache), single files beside the ones it writes (scripts/, tests/); nothing in docs/ or data/."""
    written_folders = {parent.as_posix() for path in written for parent in Path(path).parents} - {"."}
    kept = []
    for folder, subfolders, names in os.walk(old):
        relative = Path(folder).relative_to(old)
        for name in list(subfolders):
            path = (relative / name).as_posix()
            if path.split("/")[0] in AUTHOR_FOLDERS:
                subfolders.remove(name)
            elif path not in written_folders:
                kept.append(path)
                subfolders.remove(name)
        kept += [(relative / name).as_posix() for name in names if (relative / name).as_posix() not in written]
    return kept


def move_into_place(staging: Path, target: Path, written: set[str]) -> None:
    if not target.exists():
        staging.rename(target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}-", suffix=".old", dir=target.parent)) / target.name
    target.rename(old)
    moved: list[str] = []
    try:
        for path in kept_paths(old, written):
            (staging / path).parent.mkdir(parents=True, exist_ok=True)
            (old / path).rename(staging / path)
            moved.append(path)
        staging.rename(target)
    except BaseException:
        for path in reversed(moved):
            (staging / path).rename(old / path)
        old.rename(target)
        raise
    shutil.rmtree(old.parent, ignore_errors=True)


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
