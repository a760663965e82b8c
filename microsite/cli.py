"""The `microsite` command: `microsite new ARTICLE OUTPUT_DIR` starts a guide from an
article; `microsite finish SITE_DIR` finishes a site built without our plugin."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import finish, schemas
from .importer import ImportProblem, NewGuide, new_guide


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="microsite", description="Accessible educational guides with MkDocs.")
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")
    new = commands.add_parser(
        "new",
        help="start a new guide from an article",
        description="Write a new guide project from an article (UTF-8 plain text or Markdown): "
        "one chapter per section, its quotes in data/quotes.yaml, the article's text in draft blocks.",
    )
    new.add_argument("article", type=Path, metavar="ARTICLE", help="the article file")
    new.add_argument("output", type=Path, metavar="OUTPUT_DIR", help="the folder to create")
    new.add_argument("--title", help="the guide's name (default: the article's title, or its file name)")
    ads = new.add_mutually_exclusive_group()
    ads.add_argument(
        "--drop-trailing-ad", dest="drop_trailing_ad", action="store_true", default=True,
        help="leave out a promotion after the article's end (the default)",
    )
    ads.add_argument(
        "--keep-trailing-ad", dest="drop_trailing_ad", action="store_false",
        help="keep it in the last chapter's draft",
    )
    new.add_argument("--force", action="store_true", help="replace OUTPUT_DIR if it already holds a guide")
    finish.add_command(commands)
    schemas.add_command(commands)
    return main


def main(argv: list[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    if arguments.command == "finish":
        return finish.run(arguments)
    if arguments.command == "schemas":
        return schemas.run(arguments)
    try:
        result = new_guide(
            arguments.article,
            arguments.output,
            title=arguments.title,
            drop_trailing_ad=arguments.drop_trailing_ad,
            force=arguments.force,
        )
    except ImportProblem as problem:
        print(problem, file=sys.stderr)
        return 1
    except OSError as error:
        where = error.filename or arguments.output
        print(f"{where}: could not write the guide ({error.strerror}); check that you may write there", file=sys.stderr)
        return 1
    print(summary(result, arguments.output))
    return 0


def summary(result: NewGuide, output: Path) -> str:
    guide = result.guide
    lines = [f"Wrote {output}/: {len(guide.chapters)} chapters, {len(guide.quotes)} quotes."]
    for paragraph in result.dropped:
        lines.append(f"Left out a trailing advertisement (--keep-trailing-ad keeps it): {shorten(paragraph)}")
    lines += [
        "Next:",
        f"  cd {output}",
        "  bash scripts/dev.sh serve",
        "Rewrite each draft block in your own words; `mkdocs build --strict` fails until you have.",
    ]
    return "\n".join(lines)


def shorten(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
