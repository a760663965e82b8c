"""`microsite preview`: a guide built with Zensical, finished, and served while
the author writes.

`zensical serve` alone shows pages without what `microsite finish` adds (our
styles and scripts, the worksheet index, reading times), so worksheets would
not save and the page would not look as readers will see it. This command
builds with Zensical, runs the same finishing step as `microsite finish`,
serves the result under the site's own path, and builds again whenever a
page, a data file or the configuration changes. Reload the page to see it.
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from .context import read_config_file
from .errors import MicrositeError
from .finish import finish_site

WATCHED = ("docs", "data", "overrides", "mkdocs.yml", "zensical.yml")


def add_command(commands) -> None:
    preview = commands.add_parser(
        "preview",
        help="build with Zensical, finish and serve the guide, again after every change",
        description="Preview a guide that Zensical builds: build, run `microsite finish`, serve the site, "
        "and build again when docs/, data/ or the configuration change. Reload the page to see a change.",
    )
    preview.add_argument("-f", "--config-file", type=Path, default=Path("zensical.yml"), help="Zensical's configuration")
    preview.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="where to serve (default: %(default)s)")
    preview.set_defaults(run=run)


def stamp(root: Path) -> tuple:
    """When anything the build reads last changed."""
    paths = []
    for name in WATCHED:
        path = root / name
        paths += sorted(path.rglob("*")) if path.is_dir() else [path] if path.exists() else []
    return tuple((str(path), path.stat().st_mtime_ns) for path in paths if path.is_file())


def build(config: Path) -> bool:
    """Build and finish once; say what went wrong, if anything."""
    root = config.resolve().parent
    done = subprocess.run([sys.executable, "-m", "zensical", "build", "-f", config.name], cwd=root, capture_output=True, text=True)
    if done.returncode != 0:
        print(done.stdout + done.stderr, file=sys.stderr)
        return False
    try:
        result = finish_site(root / "site", root / "mkdocs.yml")
    except MicrositeError as error:
        print(f"{error}\nThe preview shows the last build that worked.", file=sys.stderr)
        return False
    for warning in result.warnings:
        print(f"WARNING: {warning}", file=sys.stderr)
    return True


class _Handler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def log_message(self, format, *args):
        pass

    def translate_path(self, path):
        clean = urlsplit(path).path
        inside = clean[len(self.prefix):] if clean.startswith(self.prefix) else "__outside__"
        return super().translate_path("/" + inside)


def serve(site: Path, address: str, prefix: str) -> http.server.ThreadingHTTPServer:
    host, port = address.rsplit(":", 1)
    handler = type("Handler", (_Handler,), {"prefix": prefix})
    server = http.server.ThreadingHTTPServer((host, int(port)), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def run(arguments) -> int:
    config = arguments.config_file
    if not config.is_file():
        print(f"{config}: not found; run the command in the guide's folder or give -f zensical.yml", file=sys.stderr)
        return 1
    root = config.resolve().parent
    path = urlsplit(read_config_file(config).get("site_url") or "/").path or "/"
    prefix = path if path.endswith("/") else path + "/"
    build(config)
    server = serve(root / "site", arguments.dev_addr, prefix)
    print(f"Serving the guide at http://{arguments.dev_addr}{prefix} (Ctrl+C stops it); reload the page after a change.")
    seen = stamp(root)
    try:
        while True:
            time.sleep(1)
            now = stamp(root)
            if now != seen:
                seen = now
                print("Building again…")
                if build(config):
                    print("Done: reload the page.")
    except KeyboardInterrupt:
        server.shutdown()
        return 130
