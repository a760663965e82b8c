"""Shared test helpers: build a site for real, serve it, make small fixture sites."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

REPO = Path(__file__).resolve().parent.parent
FIXTURE_SITES = Path(__file__).resolve().parent / "fixtures" / "sites"
# Debian's Chromium, headless, with nothing that reaches for the network on its own.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_chromium() -> str | None:
    """Debian's Chromium, or the browser CHROMIUM names."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@dataclass
class BuildResult:
    returncode: int
    output: str
    site_dir: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def build_site(project_dir: Path, site_dir: Path, *, strict: bool = True, extra_env: dict | None = None) -> BuildResult:
    """Run a real `mkdocs build` the way an author does, capturing its log."""
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(project_dir / "mkdocs.yml"), "-d", str(site_dir)]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    done = subprocess.run(command, cwd=project_dir, capture_output=True, text=True, env=env, timeout=600)
    return BuildResult(done.returncode, done.stdout + done.stderr, site_dir)


ENGINES = ("mkdocs", "properdocs", "zensical")
# What Zensical builds from: the guide's files, copied, since it writes its site
# (and its cache) inside the project and has no option to write elsewhere.
PROJECT_PARTS = ("mkdocs.yml", "zensical.yml", "docs", "data", "overrides")


def build_with(engine: str, project_dir: Path, site_dir: Path, *, strict: bool = True) -> BuildResult:
    """Build a guide the way its README says for `engine`.

    MkDocs and ProperDocs run our plugin in one build. Zensical runs no MkDocs
    plugin: it builds the pages with our macros, then `microsite finish` does
    the rest on the built site.
    """
    if engine == "mkdocs":
        return build_site(project_dir, site_dir, strict=strict)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if engine == "properdocs":
        command = [sys.executable, "-m", "properdocs", "build", "-f", str(project_dir / "mkdocs.yml"), "-d", str(site_dir)]
        done = subprocess.run(command + (["--strict"] if strict else []), cwd=project_dir, capture_output=True, text=True, env=env, timeout=600)
        return BuildResult(done.returncode, done.stdout + done.stderr, site_dir)
    if engine != "zensical":
        raise ValueError(f"unknown engine {engine!r}")
    work = site_dir.parent / f".{site_dir.name}-zensical"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = project_dir / part
        if source.exists():
            (shutil.copytree if source.is_dir() else shutil.copy)(source, work / part)
    config = "zensical.yml" if (work / "zensical.yml").exists() else "mkdocs.yml"
    outputs = []
    for command in (
        [sys.executable, "-m", "zensical", "build", "-f", config] + (["--strict"] if strict else []),
        [sys.executable, "-m", "microsite", "finish", "site", "-f", "mkdocs.yml"] + (["--strict"] if strict else []),
    ):
        done = subprocess.run(command, cwd=work, capture_output=True, text=True, env=env, timeout=600)
        outputs.append(done.stdout + done.stderr)
        if done.returncode != 0:
            return BuildResult(done.returncode, "\n".join(outputs), site_dir)
    shutil.rmtree(site_dir, ignore_errors=True)
    shutil.copytree(work / "site", site_dir)
    return BuildResult(0, "\n".join(outputs), site_dir)


def assert_build_failed_with(result: BuildResult, message: str) -> None:
    """The build failed, said `message`, and showed the author no Python traceback."""
    assert not result.ok, result.output
    assert message in result.output, result.output
    assert "Traceback" not in result.output


def copy_fixture_site(name: str, destination: Path) -> Path:
    """A fresh copy of tests/fixtures/sites/<name>, safe to change in a test."""
    target = destination / name
    shutil.copytree(FIXTURE_SITES / name, target)
    return target


def edit_yaml(path: Path, change) -> None:
    """Load a YAML file, let `change(data)` edit it, write it back."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, leaving MkDocs-only tags (!ENV, !!python/name) as None."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_mkdocs_yml(mkdocs_yml: Path) -> dict:
    return yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_LenientLoader) or {}


def site_path_prefix(mkdocs_yml: Path) -> str:
    """The path GitHub Pages serves the site under, from site_url (e.g. '/repo/')."""
    config = read_mkdocs_yml(mkdocs_yml)
    path = urlsplit(config.get("site_url") or "/").path or "/"
    return path if path.endswith("/") else path + "/"


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site under a path prefix, like GitHub Pages does for a project."""

    prefix = "/"

    def log_message(self, format, *args):  # keep test output quiet
        pass

    def translate_path(self, path):
        clean = urlsplit(path).path
        if not clean.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + clean[len(self.prefix):])

    def send_head(self):
        # Tests rebuild a site at one address seconds apart, and Last-Modified
        # counts whole seconds: a rebuilt page must never look "Not Modified".
        del self.headers["If-Modified-Since"]
        return super().send_head()

    def send_error(self, code, message=None, explain=None):
        not_found_page = Path(self.directory) / "404.html"
        if code == 404 and not_found_page.exists():
            body = not_found_page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


@dataclass
class StaticServer:
    base_url: str
    server: http.server.ThreadingHTTPServer

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def serve_directory(site_dir: Path, prefix: str = "/") -> StaticServer:
    handler = type("Handler", (_SubPathHandler,), {"prefix": prefix})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address
    return StaticServer(f"http://{host}:{port}{prefix}", server)


def built_pages(site_dir: Path) -> list[str]:
    """Every HTML page of a built site, as URL paths relative to the site root."""
    pages = []
    for html in sorted(site_dir.rglob("*.html")):
        relative = html.relative_to(site_dir).as_posix()
        if relative == "404.html":
            continue
        pages.append(relative[: -len("index.html")] if relative.endswith("index.html") else relative)
    return pages


def make_site(root: Path | None = None, *, pages: dict[str, str] | None = None, sections: dict | None = None, data=None, **settings):
    """A SiteContext for unit tests: the site's pages (source path -> address),
    its data (a SiteData, or loaded from `root`), and any settings."""
    from microsite.context import SitePages, SiteContext
    from microsite.settings import Settings
    from microsite.site import SiteData

    root = root or Path("/nonexistent-site")
    pages = pages if pages is not None else {"index.md": "", "help.md": "help/"}
    return SiteContext(
        root=root,
        docs_dir=root / "docs",
        settings=Settings(**settings),
        pages=SitePages(dict(pages), dict(sections or {})),
        site_name="Fixture guide",
        loaded=data if data is not None else (None if root.exists() else SiteData()),
    )


def search(page, words: str):
    """Search the site for `words` as a reader would; the result links.

    Material's search is a box in the header; Zensical's opens a dialog from a
    button in the same place. Both are checked the same way."""
    button = page.locator(".md-search__button")
    if button.count():
        button.click()
        page.get_by_role("combobox", name="Search").wait_for()
        results = page.locator("ol[role=listbox] a[role=option]")
    else:
        page.locator(".md-search__input").click()
        page.locator(".md-search-result__meta", has_text="Type to start searching").wait_for()  # index loaded
        results = page.locator(".md-search-result__item a")
    page.keyboard.type(words)
    results.first.wait_for()
    return results
