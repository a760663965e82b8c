"""The `microsite` command: `microsite new ARTICLE OUTPUT_DIR` starts a guide from
an article; `microsite finish SITE_DIR` finishes a site built without our plugin;
`microsite schemas DIR` writes the data files' JSON Schemas.

Each subcommand adds its parser in `parser()` and sets the function that runs it.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import finish, preview, schemas
from .importer import ImportProblem, NewGuide, new_guide
from .importer.languages import STARTER_PAGE_LANGUAGES
from .importer.project import ENGINES, plural

# Exit status after Ctrl-C, as shells report it (128 + SIGINT).
INTERRUPTED = 130


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="microsite", description="Accessible educational guides with MkDocs.")
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_new_parser(commands)
    finish.add_command(commands)
    preview.add_command(commands)
    schemas.add_command(commands)
    return main


def add_new_parser(commands) -> None:
    new = commands.add_parser(
        "new",
        help="start a new guide from an article",
        description="Write a new guide project from an article (plain text or Markdown, a saved web page, or a "
        "Word .docx file): one chapter per section, its quotes in data/quotes.yaml, the article's text in draft "
        "blocks.",
    )
    new.add_argument("article", type=Path, metavar="ARTICLE", help="the article file")
    new.add_argument("output", type=Path, metavar="OUTPUT_DIR", help="the folder to create")
    new.add_argument("--title", help="the guide's name (default: the article's title, or its file name)")
    new.add_argument(
        "--language", metavar="CODE",
        help="the guide's language, such as en, es or de (default: detected from the article)",
    )
    new.add_argument(
        "--engine", choices=("mkdocs", "properdocs", "zensical"), default="mkdocs",
        help="what builds the guide: MkDocs with Material (the default while Material is supported), "
        "ProperDocs, or Zensical (see 'Which engine?' in the README)",
    )
    ads = new.add_mutually_exclusive_group()
    ads.add_argument(
        "--drop-ads", "--drop-trailing-ad", dest="drop_ads", action="store_true", default=True,
        help="leave out paragraphs that are advertisements beyond doubt (the default)",
    )
    ads.add_argument(
        "--keep-ads", "--keep-trailing-ad", dest="drop_ads", action="store_false",
        help="keep them in the chapters' drafts",
    )
    new.add_argument(
        "--force", action="store_true",
        help="replace OUTPUT_DIR if it already holds a guide, keeping .git, .venv and other files "
        "`microsite new` did not write",
    )
    new.add_argument(
        "--discard-changes", action="store_true",
        help="with --force: also replace files you changed or added in docs/, data/ or elsewhere "
        "since the guide was written",
    )
    new.set_defaults(run=run_new)


def main(argv: list[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    try:
        return arguments.run(arguments)
    except KeyboardInterrupt:
        # Ctrl-C: whatever was being written has been removed; say nothing more.
        return INTERRUPTED
    except BrokenPipeError:
        # The reader of our output went away (`microsite new … | head -1`): stop quietly.
        silence_stdout()
        return 1


GENERATOR_PACKAGES = ("trafilatura", "mammoth", "markdownify", "py3langid")


def missing_generator_packages() -> list[str]:
    import importlib.util

    return [name for name in GENERATOR_PACKAGES if importlib.util.find_spec(name) is None]


def run_new(arguments: argparse.Namespace) -> int:
    missing = missing_generator_packages()
    if missing:
        print(
            f"microsite new needs {', '.join(missing)}, which are not installed; "
            "install them with: pip install 'microsite[generator]'",
            file=sys.stderr,
        )
        return 1
    try:
        result = new_guide(
            arguments.article,
            arguments.output,
            title=arguments.title,
            drop_ads=arguments.drop_ads,
            force=arguments.force,
            discard_changes=arguments.discard_changes,
            language=arguments.language,
            engine=arguments.engine,
        )
    except ImportProblem as problem:
        print(problem, file=sys.stderr)
        return 1
    except OSError as error:
        where = error.filename or arguments.output
        print(f"{where}: could not write the guide ({error.strerror}); check that you may write there", file=sys.stderr)
        return 1
    print(summary(result, arguments.output, arguments.engine))
    sys.stdout.flush()
    return 0


def silence_stdout() -> None:
    """Point stdout at /dev/null so Python's own flush at exit cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def summary(result: NewGuide, output: Path, engine: str = "mkdocs") -> str:
    guide, article, language = result.guide, result.article, result.language
    lines = [f"Wrote {output}/: {plural(len(guide.chapters), 'chapter')}, {plural(len(guide.quotes), 'quote')}."]
    if result.title_given:
        lines.append(f'Title: "{guide.title}" (given with --title).')
    else:
        source = f"from {article.title_source}" if article.title else "from the file name"
        lines.append(f'Title: "{guide.title}" ({source}); change it with --title "…".')
    how = "detected" if language.detected else "given with --language"
    lines.append(f"Language: {language.name} ({language.code}, {how}); change it with --language CODE.")
    if language.code not in STARTER_PAGE_LANGUAGES:
        lines.append(
            f"The starter pages (home, help, about) are in English; translate them into {language.name} "
            "before you publish."
        )
    if language.rules is None:
        lines.append(f"Quotes are found only in English, Spanish and German; {language.name} quotes stay in the drafts.")
    for paragraph in article.dropped:
        lines.append(f"Left out an advertisement (--keep-ads keeps it): {shorten(paragraph)}")
    for paragraph in article.kept:
        lines.append(f"Kept what looks like an advertisement, because its section has nothing else: {shorten(paragraph)}")
    for empty, other in article.joined:
        lines.append(f'"{empty}" has no text of its own, so it shares a chapter with "{other}".')
    if guide.quotes:
        lines.append(
            f"Check the {plural(len(guide.quotes), 'quote')} in data/quotes.yaml: each says 'review: needed' "
            "until you have checked its speaker and role against the source."
        )
    if guide.doubts:
        lines.append("These look wrong:")
        lines += [f"  - {doubt.quote_id}: {reason}" for doubt in guide.doubts for reason in doubt.reasons]
    lines += [
        "Next:",
        f"  cd {output}",
        "  bash scripts/dev.sh serve",
        "Rewrite each draft block in your own words, fill in the help page and check the quotes; "
        f"the strict build (`{ENGINES[engine]['strict']}`) fails until you have.",
    ]
    return "\n".join(lines)


def shorten(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
