"""The `microsite` MkDocs plugin (also run by ProperDocs): one build does it all.

It builds the `SiteContext` the components receive, checks at the start that
mkdocs.yml has what the components need and that every data file is right
(all problems in one pass, before anything is written), adds our theme folder
and the data files to what `mkdocs serve` watches, publishes our styles and
scripts, and runs the late step (`microsite.late`) on every page: late parts,
cross-page checks, the Content-Security-Policy and the PDF workbook.

Engines that run no MkDocs plugin (Zensical) get the same results from the
macros module and `microsite finish` (see `microsite.finish`).
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import assets, late
from .config import MicrositeConfig
from .context import PageRef, SitePages, SiteContext, nav_entries, page_url
from .errors import ErrorList, MicrositeError
from .macro_errors import install_macro_error_formatter
from .settings import settings_from_mapping
from .site import load_messages, load_site_data

log = get_plugin_logger(__name__)

THEME_DIR = Path(__file__).parent / "theme"
MACROS_MODULE = "microsite.macros"


def author_errors(hook):
    """Our errors become MkDocs' PluginError: MkDocs shows its message, not a traceback."""

    @functools.wraps(hook)
    def wrapped(*args, **kwargs):
        try:
            return hook(*args, **kwargs)
        except MicrositeError as error:
            raise PluginError(str(error)) from None

    return wrapped


class MicrositePlugin(BasePlugin[MicrositeConfig]):
    supports_multiple_instances = False

    # First of all plugins: an author's mistake (an unknown theme language, say)
    # gets our sentence before another plugin trips over it with a traceback.
    @event_priority(100)
    @author_errors
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        settings = settings_from_mapping(self.config)
        # Every problem with mkdocs.yml, the data files and the workbook's
        # layout, in one pass, before anything is built.
        errors = ErrorList()
        check_config(config, errors)
        data = load_site_data(root, settings, errors)
        language = config.theme["language"] or "en"
        words = load_messages(root, settings, language, errors)
        errors.raise_if_any()
        self.site = SiteContext(
            root=root,
            docs_dir=Path(config.docs_dir),
            settings=settings,
            pages=SitePages({}),
            site_name=config.site_name,
            site_url=public_site_url(config),
            language=language,
            copyright=config.copyright,
            loaded=data,
            words=words,
        )
        self.contents: dict[str, str] = {}
        self.facts = late.SiteFacts({})
        install_macro_error_formatter(Path(config.docs_dir).name)
        add_theme_dir(config)
        watch_data(config, self.site)
        warn_about_broken_links(config)
        return config

    @author_errors
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if files.get_file_from_path(self.site.settings.help_page) is None:
            raise MicrositeError(
                f"mkdocs.yml: plugins: microsite: help_page '{self.site.settings.help_page}' is not in "
                f"{Path(config.docs_dir).name}/; create that page or point help_page at your help page"
            )
        return files

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        self.site.pages = pages_from_mkdocs(nav, files, config.nav)
        return nav

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.contents[page.file.src_uri] = html
        return html

    @author_errors
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        # Every page has been rendered but nothing is written yet: the last
        # moment to stop a build without leaving a half-done site.
        self.facts = late.collect_facts(self.site, self.contents)
        verdict = late.judge(self.site, self.facts, strict=bool(config.strict))
        for warning in verdict.warnings:
            log.warning(warning)
        if verdict.errors:
            raise MicrositeError("\n".join(verdict.errors))
        # Each page's own bundle of our styles and scripts, now that we know what pages use;
        # MkDocs copies these with the other static files, before it writes any page.
        for uri, content in assets.files_for(late.all_bundles(self.site, self.facts)).items():
            files.append(File.generated(config, uri, content=content))
        return env

    # Last of all plugins: the policy hashes the inline scripts of the final HTML.
    @event_priority(-100)
    @author_errors
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return late.finish_page(output, self.site, self.facts, PageRef.of(page))

    @event_priority(-100)
    @author_errors
    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        # Theme pages that are not Markdown pages (404.html) are finished too.
        if template_name.endswith(".html"):
            return late.finish_page(output_content, self.site, self.facts, None)
        return output_content

    @author_errors
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        from .components.worksheet import workbook

        workbook.build_workbooks(self.site, self.facts, Path(config.site_dir))


def check_config(config: MkDocsConfig, errors: ErrorList) -> None:
    """What the components need from mkdocs.yml, each missing piece named with
    the line to add, and the theme settings that would break our privacy promise."""
    check_privacy(config.theme, errors)
    if "md_in_html" not in config.markdown_extensions:
        errors.add(
            "mkdocs.yml", "markdown_extensions",
            "add '- md_in_html' (draft and placeholder blocks hold Markdown, which it renders)",
        )
    macros = config.plugins.get("macros")
    if macros is None:
        errors.add(
            "mkdocs.yml", "plugins",
            "add the macros plugin after '- microsite': '- macros: {modules: [microsite.macros], "
            "on_error_fail: true, on_undefined: strict}' (pages call the components through it)",
        )
        return
    options = macros.config
    if MACROS_MODULE not in (options.get("modules") or []):
        errors.add("mkdocs.yml", "plugins: macros", f"add '{MACROS_MODULE}' to modules: modules: [{MACROS_MODULE}]")
    if options.get("on_error_fail") is not True:
        errors.add("mkdocs.yml", "plugins: macros", "set on_error_fail: true (a page with a mistake must not be published)")
    if options.get("on_undefined") != "strict":
        errors.add(
            "mkdocs.yml", "plugins: macros", "set on_undefined: strict (a misspelled macro must stop the build, naming the page)"
        )


def check_privacy(theme, errors: ErrorList) -> None:
    if theme.get("font") is not False:
        errors.add(
            "mkdocs.yml", "theme",
            "set font: false; otherwise the theme loads its fonts from Google, which tells another company who "
            "reads the guide (the pages use the reader's own fonts instead)",
        )
    if "search.highlight" in (theme.get("features") or []):
        errors.add(
            "mkdocs.yml", "theme: features",
            "remove search.highlight; it puts what a reader searched for into the page's address, and so into "
            "their browser history",
        )


def warn_about_broken_links(config: MkDocsConfig) -> None:
    """A broken link, a missing anchor or a page left out of the navigation is
    at least a warning, so `--strict` never publishes one (MkDocs only notes
    most of them by default)."""
    validation = config.validation
    for group, names in (("nav", ("omitted_files", "not_found", "absolute_links")),
                         ("links", ("not_found", "absolute_links", "unrecognized_links", "anchors"))):
        for name in names:
            validation[group][name] = max(validation[group][name], logging.WARNING)


def add_theme_dir(config: MkDocsConfig) -> None:
    # After the site's own custom_dir (so a site can still override us),
    # before Material's templates (so our partials win over the theme's).
    dirs = config.theme.dirs
    position = 1 if config.theme.custom_dir else 0
    if str(THEME_DIR) not in dirs:
        dirs.insert(position, str(THEME_DIR))


def watch_data(config: MkDocsConfig, site: SiteContext) -> None:
    """`mkdocs serve` rebuilds when a worksheet, the quotes or the reading list change."""
    settings = site.settings
    for relative in ("data", settings.worksheets_dir, settings.quotes_file, settings.reading_file):
        path = (site.root / relative).resolve()
        if path.exists() and str(path) not in [str(Path(item).resolve()) for item in config.watch]:
            config.watch.append(str(path))


def pages_from_mkdocs(nav, files: Files, nav_config) -> SitePages:
    """Pages as MkDocs laid them out: its addresses, its navigation order."""
    sections: dict[str, str | None] = {}

    def walk(items, section):
        for item in items:
            if item.is_page:
                sections[item.file.src_uri] = section
            elif item.is_section:
                walk(item.children, section if section is not None else item.title)

    walk(nav.items, None)
    ordered = [page.file.src_uri for page in nav.pages]
    ordered += [file.src_uri for file in files.documentation_pages() if file.src_uri not in ordered]
    urls = {src: (files.get_file_from_path(src).url if files.get_file_from_path(src) else page_url(src)) for src in ordered}
    titles = {src: title for src, _, title in nav_entries(nav_config) if title}
    return SitePages(urls, {src: sections.get(src) for src in ordered}, titles, tuple(page.file.src_uri for page in nav.pages))


def public_site_url(config: MkDocsConfig) -> str | None:
    """site_url as mkdocs.yml gives it. `mkdocs serve` swaps in its local
    address, which must not be printed in a workbook (nor change its cache key)."""
    from mkdocs.utils.yaml import yaml_load

    if not (config.site_url or "").startswith(f"http://{config.dev_addr}/"):
        return config.site_url
    with open(config.config_file_path, encoding="utf-8") as file:
        url = yaml_load(file).get("site_url")
    return url if not url or url.endswith("/") else url + "/"
