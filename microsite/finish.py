"""`microsite finish SITE_DIR`: the plugin's end-of-build work, on a built site.

Zensical (and any engine that runs no MkDocs plugin) builds the pages, with
our macros, but cannot run our plugin's hooks. This command does on the built
site what the plugin does during a MkDocs build, with the same functions
(`microsite.late`): fills the parts that need every page (worksheet index,
chapter list, reading times), checks the whole site (unused quotes, drafts,
placeholders, quotes to review, inline code, mistakes shown in pages),
publishes our styles and scripts, writes each page's Content-Security-Policy
and renders the PDF workbook. It fails with the same sentences, before it
changes anything.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from . import assets, csp, late
from .context import PageRef, SiteContext, context_from_config, read_config_file
from .errors import MicrositeError
from .html import parse

# Parts of Material's and Zensical's page around the Markdown content.
THEME_PARTS = {"md-content__button", "md-tags", "md-source-file", "md-feedback", "md-comments"}
# Files of our theme folder that an engine using it as a theme package copies
# to the site, though they are not part of it.
THEME_PACKAGE_FILES = ("__init__.py", "mkdocs_theme.yml", "__pycache__")
FINISHED_MARK = 'http-equiv="Content-Security-Policy"'


@dataclass
class Finished:
    warnings: list[str] = field(default_factory=list)
    written: int = 0  # pages finished
    workbooks: list[Path] = field(default_factory=list)


def output_path(site_dir: Path, url: str) -> Path:
    return site_dir / (url + "index.html" if url == "" or url.endswith("/") else url)


def page_content(html: str) -> str:
    """The Markdown content of a built page: its article without the theme's parts."""
    document = parse(html)
    article = document.find("article")
    if article is None:
        return ""
    removed = [element for element in document.elements if THEME_PARTS & set((element.attrs.get("class") or "").split())]
    removed = [element for element in removed if article in element.ancestors()]
    text = html[article.inner_start:article.inner_end]
    for element in sorted(removed, key=lambda element: element.start, reverse=True):
        start, end = element.start - article.inner_start, element.end - article.inner_start
        text = text[:start] + text[end:]
    return text


def check_site_dir(site_dir: Path, site: SiteContext) -> None:
    """The folder must be a fresh build of this configuration's pages."""
    if not site_dir.is_dir():
        raise MicrositeError(f"{site_dir}: not found; build the site first (for example `zensical build`)")
    if not (site_dir / "index.html").is_file():
        raise MicrositeError(f"{site_dir}: is not a built site (it has no index.html); give the folder the build wrote")
    if FINISHED_MARK in (site_dir / "index.html").read_text(encoding="utf-8") or (site_dir / assets.PUBLISHED_DIR).exists():
        raise MicrositeError(
            f"{site_dir}: has already been finished; build the site again, then run `microsite finish` once"
        )
    missing = [output_path(site_dir, url) for url in site.pages.urls.values() if not output_path(site_dir, url).is_file()]
    if missing:
        example = missing[0].relative_to(site_dir).as_posix()
        count = "1 page" if len(missing) == 1 else f"{len(missing)} pages"
        verb = "is" if len(missing) == 1 else "are"
        raise MicrositeError(
            f"{site_dir}: does not match {site.label(site.root / 'mkdocs.yml')}: {count} of "
            f"{site.label(site.docs_dir)}/ {verb} not in it (such as {example}); build again with this configuration"
        )


def finish_site(site_dir: Path, config_file: Path, *, strict: bool = False) -> Finished:
    """Finish a built site in place, or raise `MicrositeError` having changed nothing."""
    if not config_file.is_file():
        raise MicrositeError(f"{config_file}: not found; run the command in the guide's folder or give -f mkdocs.yml")
    conf = read_config_file(config_file)
    conf["root_dir"] = str(config_file.resolve().parent)
    site = context_from_config(conf)
    site_dir = site_dir.resolve()
    check_site_dir(site_dir, site)
    site.data  # every data problem, before anything changes
    pages = {src: output_path(site_dir, url) for src, url in site.pages.urls.items()}
    built = {src: path.read_text(encoding="utf-8") for src, path in pages.items()}
    facts = late.collect_facts(site, {src: page_content(html) for src, html in built.items()})
    verdict = late.judge(site, facts, strict=strict)
    if verdict.errors:
        raise MicrositeError("\n".join(verdict.errors))
    styles = theme_runtime_styles(site_dir)
    finished = {
        path: late.finish_page(built[src], site, facts, PageRef(src, site.pages.urls[src]), styles)
        for src, path in pages.items()
    }
    for other in sorted(site_dir.rglob("*.html")):
        if other not in finished and other.name == "404.html":
            finished[other] = late.finish_page(other.read_text(encoding="utf-8"), site, facts, None, styles)
    from .components.worksheet import workbook

    pdfs = workbook.render_workbooks(site, facts)
    # Everything is ready: now change the site.
    for uri, content in assets.files_for(late.all_bundles(site, facts)).items():
        target = site_dir / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    for path, html in finished.items():
        path.write_text(html, encoding="utf-8")
    remove_theme_package_files(site_dir)
    return Finished(verdict.warnings, len(finished), workbook.publish_workbooks(pdfs, site_dir))


def theme_runtime_styles(site_dir: Path) -> tuple[str, ...]:
    """Stylesheets the theme's scripts add as inline <style> elements (Zensical's search)."""
    styles: list[str] = []
    for script in sorted(site_dir.glob("assets/javascripts/*.js")):
        styles += csp.styles_added_by_script(script.read_text(encoding="utf-8"))
    return tuple(dict.fromkeys(styles))


def remove_theme_package_files(site_dir: Path) -> None:
    """Our theme folder's package files, which Zensical copies as if they were assets."""
    theme = Path(__file__).parent / "theme"
    for name in THEME_PACKAGE_FILES:
        path = site_dir / name
        if path.is_dir() and name == "__pycache__":
            shutil.rmtree(path)
        elif path.is_file() and (theme / name).is_file() and path.read_bytes() == (theme / name).read_bytes():
            path.unlink()


def add_command(commands) -> None:
    """`microsite finish` for the command line (see microsite.cli)."""
    finish = commands.add_parser(
        "finish",
        help="finish a site built by an engine without MkDocs plugins (Zensical)",
        description="Do what the microsite plugin does during a MkDocs build, on a site another engine built: "
        "late parts, checks, styles and scripts, Content-Security-Policy, PDF workbook.",
    )
    finish.add_argument("site_dir", type=Path, metavar="SITE_DIR", help="the built site, such as site/")
    finish.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="the guide's mkdocs.yml")
    finish.add_argument("--strict", action="store_true", help="refuse drafts, placeholders and quotes still to review")
    finish.set_defaults(run=run)


def run(arguments) -> int:
    import sys

    try:
        result = finish_site(arguments.site_dir, arguments.config_file, strict=arguments.strict)
    except MicrositeError as error:
        print(f"{error}\nNothing was changed.", file=sys.stderr)
        return 1
    for warning in result.warnings:
        print(f"WARNING: {warning}", file=sys.stderr)
    pages = "1 page" if result.written == 1 else f"{result.written} pages"
    workbooks = f" and {len(result.workbooks)} workbook PDFs" if result.workbooks else ""
    print(f"Finished {pages}{workbooks} in {arguments.site_dir}.")
    if result.warnings and arguments.strict:
        return 1
    return 0
