"""The `microsite` MkDocs plugin: loads and validates all site data, wires the
components into the theme, and keeps the build honest (no half-built site).

Macros themselves are registered by `microsite.macros` through mkdocs-macros;
they reach the loaded data through this plugin.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from . import assets, csp
from .config import MicrositeConfig
from .errors import MicrositeError
from .macro_errors import install_macro_error_formatter, page_label
from .reading import add_reading_time, count_words, has_nothing_but_headings, reading_minutes, title_from_source
from .site import BuildState, load_site_data
from .workbook import plan_workbook

log = get_plugin_logger(__name__)

THEME_DIR = Path(__file__).parent / "theme"


class MicrositePlugin(BasePlugin[MicrositeConfig]):
    supports_multiple_instances = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path).parent
        self.data = load_site_data(self.root, self.config)
        self.workbook = plan_workbook(self.data, config, self.config)
        self.state = BuildState()
        install_macro_error_formatter()
        self._add_theme_dir(config)
        assets.declare(config)
        return config

    def _add_theme_dir(self, config: MkDocsConfig) -> None:
        # After the site's own custom_dir (so a site can still override us),
        # before Material's templates (so our partials win over the theme's).
        dirs = config.theme.dirs
        position = 1 if config.theme.custom_dir else 0
        if str(THEME_DIR) not in dirs:
            dirs.insert(position, str(THEME_DIR))

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for file in assets.files(config):
            files.append(file)
        self.files = files
        if files.get_file_from_path(self.config.help_page) is None:
            raise MicrositeError(
                f"mkdocs.yml: plugins: microsite: help_page '{self.config.help_page}' is not in "
                f"{Path(config.docs_dir).name}/; create that page or point help_page at your help page"
            )
        return files

    def url_from(self, page: Page, doc_path: str) -> str:
        """The URL of the page written as `doc_path`, relative to `page`."""
        target = self.files.get_file_from_path(doc_path)
        if target is None:
            raise MicrositeError(f"links to '{doc_path}', which is not in the docs folder")
        return get_relative_url(target.url, page.url)

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        # Reading times for every page up front: the home page lists the
        # chapters' times before those chapters are rendered.
        self.nav = nav
        self.reading_times = {
            file.src_uri: reading_minutes(count_words(file.content_string), self.config.words_per_minute)
            for file in files.documentation_pages()
        }
        return nav

    def page_title(self, file: File) -> str:
        """A page's title before it is rendered: nav title, else its first '# Heading'."""
        if file.page is not None and file.page.title:
            return file.page.title
        return title_from_source(file.content_string) or file.name.replace("-", " ").capitalize()

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.parent is not None and has_nothing_but_headings(html):
            self.state.empty_pages.append(page_label(page))
        return add_reading_time(html, page, self.reading_times[page.file.src_uri])

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        # Every page has been rendered to HTML but nothing is written yet:
        # the last moment to stop a build without leaving a half-done site.
        for warning in self.state.warnings(self.data, strict=bool(config.strict)):
            log.warning(warning)
        problems = self.state.blocking_problems(strict=bool(config.strict), data=self.data)
        if problems:
            raise MicrositeError(problems)
        env.globals["microsite"] = self.theme_settings()
        return env

    def theme_settings(self) -> dict:
        """What our theme partials need: the help page and the quick exit."""
        return {
            "help_url": self.files.get_file_from_path(self.config.help_page).url,
            "quick_exit": dict(self.config.quick_exit),
        }

    # Last of all plugins: the policy hashes the inline scripts of the final HTML.
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return csp.add_content_security_policy(output)

    @event_priority(-100)
    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        # Theme pages that are not Markdown pages (404.html) need the policy too.
        if template_name.endswith(".html"):
            return csp.add_content_security_policy(output_content)
        return output_content

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.config.workbook.enabled:
            from .workbook import build_workbooks

            build_workbooks(self.data, config, self.config)


def microsite_plugin(config: MkDocsConfig) -> MicrositePlugin:
    """The loaded plugin, for macros; a clear error when mkdocs.yml forgot it."""
    plugin = config.plugins.get("microsite")
    if plugin is None:
        raise MicrositeError(
            "mkdocs.yml: plugins: the 'macros' module 'microsite.macros' needs the 'microsite' "
            "plugin; add '- microsite' to plugins, above '- macros'"
        )
    return plugin
