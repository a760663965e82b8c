"""Lighthouse scores for the guide on a phone: accessibility, best practices,
SEO and performance for the home page, a chapter and the Worksheets page.

    .venv/bin/python scripts/lighthouse.py [PAGE ...]

PAGE is a path under the site, such as `guide/self-compassion/`. The script
installs Lighthouse from package.json when node_modules/ is missing (`npm ci`),
builds the site with `mkdocs build --strict`, serves it on 127.0.0.1 under its
GitHub Pages sub-path and gzipped as GitHub Pages serves it, runs Lighthouse
with Debian's Chromium (mobile form factor, Lighthouse's default simulated
throttling) and prints the four scores per page against the targets, with the
audits that cost points. An audit, not a test: performance moves with the
machine's load. It exits 1 when a target is missed.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

# The same build, static server and Chromium set-up as the browser tests.
from helpers import CHROMIUM_FLAGS, build_site, find_chromium, site_path_prefix  # noqa: E402

LIGHTHOUSE = REPO / "node_modules/.bin/lighthouse"
DEFAULT_PAGES = ["", "guide/reframe-negative-thoughts/", "worksheets/"]
TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")
# Category id -> lowest acceptable score (0-100).
TARGETS = {"accessibility": 100, "best-practices": 100, "seo": 100, "performance": 95}


class _GitHubPagesLikeHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under its sub-path, gzipped as GitHub Pages serves text,
    so transfer sizes (and the scores that depend on them) are the real ones."""

    prefix = "/"

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        path = unquote(urlsplit(self.path).path)
        target = Path(self.directory) / path[len(self.prefix):] if path.startswith(self.prefix) else None
        if target is not None and target.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.end_headers()
                return
            target = target / "index.html"
        status = 200
        if target is None or not target.is_file():
            status, target = 404, Path(self.directory) / "404.html"
        self.send_file(status, target)

    def send_file(self, status: int, file: Path) -> None:
        body = file.read_bytes()
        content_type = self.guess_type(str(file))
        self.send_response(status)
        if content_type.startswith(TEXT_TYPES) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve_like_github_pages(site_dir: Path, prefix: str) -> tuple[str, http.server.ThreadingHTTPServer]:
    handler = type("Handler", (_GitHubPagesLikeHandler,), {"prefix": prefix})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address
    return f"http://{host}:{port}{prefix}", server


def install_lighthouse() -> None:
    if not LIGHTHOUSE.exists():
        print("Installing Lighthouse from package-lock.json (npm ci)…", file=sys.stderr)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=REPO, check=True)


def run_lighthouse(url: str, workdir: Path) -> dict:
    report = workdir / "report.json"
    profile = tempfile.mkdtemp(prefix="lighthouse-profile-", dir=workdir)
    command = [
        str(LIGHTHOUSE),
        url,
        "--form-factor=mobile",
        f"--only-categories={','.join(TARGETS)}",
        "--output=json",
        f"--output-path={report}",
        "--quiet",
        f"--chrome-flags={' '.join([*CHROMIUM_FLAGS, f'--user-data-dir={profile}'])}",
    ]
    chromium = find_chromium()
    if chromium is None:
        raise SystemExit("Chromium not found: run 'apt-get install -y chromium' or set CHROMIUM=/path/to/chromium")
    env = {**os.environ, "CHROME_PATH": chromium}
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise SystemExit(f"Lighthouse failed on {url}:\n{done.stderr[-2000:]}")
    return json.loads(report.read_text(encoding="utf-8"))


def scores(result: dict) -> dict[str, int]:
    return {name: round((result["categories"][name]["score"] or 0) * 100) for name in TARGETS}


def lost_points(result: dict, category: str) -> list[str]:
    """The weighted audits of a category that did not pass, worst first."""
    audits = result["audits"]
    failing = [
        (audits[ref["id"]]["score"], audits[ref["id"]]["title"], audits[ref["id"]].get("displayValue", ""))
        for ref in result["categories"][category]["auditRefs"]
        if ref["weight"] > 0 and audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 1
    ]
    return [f"{title} ({score:.2f}{', ' + value if value else ''})" for score, title, value in sorted(failing)]


def main(pages: list[str]) -> int:
    install_lighthouse()
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        workdir = Path(tmp)
        built = build_site(REPO, workdir / "site")
        if not built.ok:
            raise SystemExit(f"mkdocs build --strict failed:\n{built.output}")
        base_url, server = serve_like_github_pages(built.site_dir, site_path_prefix(REPO / "mkdocs.yml"))
        try:
            results = {page or "(home)": run_lighthouse(base_url + page, workdir) for page in pages}
        finally:
            server.shutdown()
            server.server_close()

    columns = list(TARGETS)
    print(f"{'page':<36}" + "".join(f"{name:>16}" for name in columns))
    missed = []
    for page, result in results.items():
        page_scores = scores(result)
        print(f"{page:<36}" + "".join(f"{page_scores[name]:>16}" for name in columns))
        missed += [(page, name, result) for name in columns if page_scores[name] < TARGETS[name]]
    print(f"{'target':<36}" + "".join(f"{('>= ' if TARGETS[name] < 100 else '') + str(TARGETS[name]):>16}" for name in columns))
    for page, name, result in missed:
        print(f"\n{page}: {name} below target; audits that cost points:")
        for line in lost_points(result, name):
            print(f"  - {line}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or DEFAULT_PAGES))
