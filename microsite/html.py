"""Read and patch finished HTML pages without re-serialising them.

The late steps of a build (filling cross-page facts, adding our assets and
the Content-Security-Policy) change a few elements of a page the engine has
already written. Re-serialising the whole page through a parser would change
markup we do not own and the exact text of inline scripts, whose hashes the
policy lists; so elements are found with the standard library's parser and
the page is patched by character offsets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

# Elements that never have an end tag.
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements whose end tag may be left out; closing them is enough for what we look for.
RAW_TEXT = {"script", "style"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    start: int  # offset of "<tag"
    inner_start: int  # offset just after the start tag
    inner_end: int = -1  # offset of "</tag>" (== inner_start for void elements)
    end: int = -1  # offset just after the end tag
    parent: Element | None = None
    children: list[Element] = field(default_factory=list)

    def has_class(self, name: str) -> bool:
        return name in (self.attrs.get("class") or "").split()

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _Parser(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.line_starts = [0]
        for index, char in enumerate(html):
            if char == "\n":
                self.line_starts.append(index + 1)
        self.elements: list[Element] = []
        self.stack: list[Element] = []
        self.texts: list[tuple[Element | None, str]] = []

    def _position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        start = self._position()
        text = self.get_starttag_text() or ""
        element = Element(tag, dict(attrs), start, start + len(text), parent=self.stack[-1] if self.stack else None)
        if element.parent is not None:
            element.parent.children.append(element)
        self.elements.append(element)
        if tag in VOID:
            element.inner_end, element.end = element.inner_start, element.inner_start
        else:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self.stack and self.stack[-1].tag == tag and self.stack[-1].inner_end == -1:
            element = self.stack.pop()
            element.inner_end = element.end = element.inner_start

    def handle_endtag(self, tag):
        start = self._position()
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth].tag == tag:
                closing = self.html.find(">", start) + 1
                for element in self.stack[depth:]:
                    element.inner_end, element.end = start, closing
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.texts.append((self.stack[-1] if self.stack else None, data))


@dataclass
class Document:
    html: str
    elements: list[Element]
    texts: list[tuple[Element | None, str]]

    def find_all(self, tag: str | None = None, attrs: dict[str, str | bool] | None = None) -> list[Element]:
        """Elements by tag and attributes: True matches any value, a string one
        value (for `class`, one of the element's classes)."""
        return [
            element
            for element in self.elements
            if (tag is None or element.tag == tag)
            and all(_matches(element, name, wanted) for name, wanted in (attrs or {}).items())
        ]

    def find(self, tag: str | None = None, attrs: dict[str, str | bool] | None = None) -> Element | None:
        found = self.find_all(tag, attrs)
        return found[0] if found else None

    def inner(self, element: Element) -> str:
        return self.html[element.inner_start:element.inner_end]

    def outer(self, element: Element) -> str:
        return self.html[element.start:element.end]

    def text_of(self, element: Element, skip=lambda element: False) -> str:
        """The text inside `element`, leaving out elements for which `skip` is true.

        Pieces of text are joined with a space, so the words of neighbouring
        blocks (a heading and a paragraph) never run together.
        """
        parts = []
        for parent, text in self.texts:
            if parent is None:
                continue
            chain = [parent, *parent.ancestors()]
            if element in chain and not any(skip(node) for node in chain[: chain.index(element)]):
                parts.append(text)
        return " ".join(parts)


def _matches(element: Element, name: str, wanted: str | bool) -> bool:
    value = element.attrs.get(name)
    if wanted is True:
        return name in element.attrs
    if name == "class":
        return element.has_class(str(wanted))
    return value == wanted


def parse(html: str) -> Document:
    parser = _Parser(html)
    parser.feed(html)
    parser.close()
    for element in parser.stack:  # unclosed at the end of the document
        element.inner_end = element.end = len(html)
    return Document(html, parser.elements, parser.texts)


def patch(html: str, edits: list[tuple[int, int, str]]) -> str:
    """`html` with each (start, end, text) replacement applied; edits must not overlap."""
    for start, end, text in sorted(edits, key=lambda edit: (edit[0], edit[1]), reverse=True):
        html = html[:start] + text + html[end:]
    return html


def attributes(values: dict[str, str | None]) -> str:
    """' name="value"' pairs, escaped; None gives a bare attribute."""
    return "".join(f" {name}" if value is None else f' {name}="{escape(value)}"' for name, value in values.items())


def start_tag(element: Element, changes: dict[str, str | None]) -> str:
    """`element`'s start tag with some attributes changed (None removes one)."""
    values = dict(element.attrs)
    for name, value in changes.items():
        if value is None:
            values.pop(name, None)
        else:
            values[name] = value
    return f"<{element.tag}{attributes(values)}>"
