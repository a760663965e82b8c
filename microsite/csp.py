"""A Content-Security-Policy for every page, written into the page itself.

A static host such as GitHub Pages cannot send headers, so the policy travels
as `<meta http-equiv>` right after the charset, before anything it governs.
Scripts and styles may come from the site only. The few inline scripts the
theme writes are allowed by the SHA-256 hash of their exact text, computed from
the finished page, so an inline script that was changed or injected does not
run. Nothing may be sent to, or loaded from, another host.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .errors import MicrositeError

# <script> types a browser executes; anything else (application/json, …) is data.
JAVASCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript", "text/ecmascript", "application/ecmascript"}

META_CHARSET = re.compile(r"<meta\s[^>]*\bcharset\s*=[^>]*>", re.IGNORECASE)
HEAD_START = re.compile(r"<head(\s[^>]*)?>", re.IGNORECASE)
EXISTING_POLICY = re.compile(r"\s*<meta\s[^>]*http-equiv\s*=\s*[\"']?content-security-policy[^>]*>", re.IGNORECASE)


@dataclass
class InlineCode:
    """The inline code a page holds, each piece exactly as the browser hashes it."""

    scripts: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    style_attributes: list[str] = field(default_factory=list)


class _InlineCodeFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found = InlineCode()
        self._collecting: list[str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("style") is not None:
            self.found.style_attributes.append(attributes["style"])
        if tag == "script" and "src" not in attributes:
            script_type = (attributes.get("type") or "").strip().lower()
            self._start(self.found.scripts if script_type in JAVASCRIPT_TYPES else None)
        elif tag == "style":
            self._start(self.found.styles)

    def handle_startendtag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("style") is not None:
            self.found.style_attributes.append(attributes["style"])

    def _start(self, collecting: list[str] | None) -> None:
        self._collecting = collecting
        self._text = []

    def handle_data(self, data):
        self._text.append(data)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            if self._collecting is not None:
                self._collecting.append("".join(self._text))
            self._collecting = None
            self._text = []


def find_inline_code(html: str) -> InlineCode:
    finder = _InlineCodeFinder()
    finder.feed(html)
    finder.close()
    return finder.found


def source_hash(code: str) -> str:
    """The CSP source expression that allows exactly this inline code.

    Browsers turn CR LF and CR into LF before they read a page, so we do too.
    """
    code = code.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _unique_hashes(pieces: list[str]) -> list[str]:
    return list(dict.fromkeys(source_hash(piece) for piece in pieces))


# Zensical's search (0.0.73) puts a fixed stylesheet into a shadow root from its
# script: `C("style",{},Tc.toString())`, with `Tc='…'` a string in the same file.
_SHADOW_STYLE_CALL = re.compile(r'\(\s*"style"\s*,\s*\{\s*\}\s*,\s*([A-Za-z_$][\w$]*)\.toString\(\)\s*\)')


def styles_added_by_script(script: str) -> list[str]:
    """The stylesheets a theme's script adds as inline <style> elements, exactly
    as the browser hashes them (the policy must allow them by hash)."""
    found = []
    for name in dict.fromkeys(match.group(1) for match in _SHADOW_STYLE_CALL.finditer(script)):
        literal = re.search(rf"(?<![\w$]){re.escape(name)}\s*=\s*'((?:[^'\\]|\\.)*)'", script)
        if literal:
            found.append(json.loads('"' + literal.group(1).replace('"', '\\"').replace("\\'", "'") + '"'))
    return found


def build_policy(inline: InlineCode, extra_styles: tuple[str, ...] = ()) -> str:
    styles = ["'self'", *_unique_hashes(inline.styles + list(extra_styles))]
    if inline.style_attributes:
        # Only these exact style="…" values, never 'unsafe-inline'.
        styles += ["'unsafe-hashes'", *_unique_hashes(inline.style_attributes)]
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *_unique_hashes(inline.scripts)],
        "style-src": styles,
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def add_content_security_policy(html: str, extra_styles: tuple[str, ...] = ()) -> str:
    """`html` with its policy as the first element after the charset.

    `extra_styles` are inline stylesheets the theme's scripts add at run time.
    A policy already in the page is replaced, so running twice gives one policy.
    """
    html = EXISTING_POLICY.sub("", html)
    policy = build_policy(find_inline_code(html), extra_styles)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    head = HEAD_START.search(html)
    if head is None:
        raise MicrositeError(
            "a page made from the theme has no <head>, so its Content-Security-Policy cannot be added; "
            "check the templates in overrides/ keep Material's <head>"
        )
    head_end = html.lower().find("</head>", head.end())
    anchor = META_CHARSET.search(html, head.end(), head_end if head_end != -1 else len(html)) or head
    return f"{html[:anchor.end()]}\n{meta}{html[anchor.end():]}"
