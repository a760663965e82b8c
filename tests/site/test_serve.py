"""`mkdocs serve` rebuilds when a data file changes: the plugin adds data/ to
what MkDocs watches, so an author editing a quote or a worksheet sees it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from helpers import copy_fixture_site, edit_yaml


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float = 90) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.5)
    return False


def test_editing_the_quotes_file_under_serve_rebuilds_the_pages(tmp_path):
    project = copy_fixture_site("quotes-basic", tmp_path)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"), "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        chapter = f"http://127.0.0.1:{port}/quotes/chapter/"
        assert wait_for(chapter, "Listen first, then speak."), "serve did not start"
        edit_yaml(project / "data/quotes.yaml", lambda quotes: quotes[1].update(text="Listen first, then answer."))
        assert wait_for(chapter, "Listen first, then answer."), "the page was not rebuilt after data/quotes.yaml changed"
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "Traceback" not in output, output
