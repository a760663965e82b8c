"""Read an author's article file: plain text or Markdown, a saved web page, or a Word file.

The kind is chosen by the content as well as the extension: a `.txt` that
holds a web page is read as one, a Word file without its `.docx` is still a
Word file, and text with a UTF-16 byte-order mark is text. Web pages and Word
files become Markdown (see formats.py), so the rest of `microsite new` sees
one kind of text. Every refusal is one sentence that names the file and says
what to do.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

HTML_EXTENSIONS = (".html", ".htm", ".xhtml")
# A web page starts with one of these, perhaps after a comment such as "saved from url".
_HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html[\s>])", re.I | re.S)
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class ImportProblem(Exception):
    """Why `microsite new` cannot go on, in one sentence for the author."""


@dataclass(frozen=True)
class ArticleText:
    text: str  # Markdown or plain text, Unix line endings
    kind: str  # "text", "web page" or "Word file"
    # A title found outside the text (a web page's <title>), and where it came from.
    title_hint: tuple[str, str] | None = None


def read_article(path: Path) -> ArticleText:
    data = read_bytes(path)
    if not data.strip():
        raise ImportProblem(f"{path}: the file is empty; paste your article's text into it and try again")
    if data.startswith(b"PK\x03\x04"):
        return read_word_file(path, data)
    if path.suffix.lower() == ".docx":
        raise ImportProblem(f"{path}: is not a Word file, although its name ends in .docx; open it and save it again as .docx")
    refuse_other_binaries(path, data)
    text = decode_text(path, data)
    if path.suffix.lower() in HTML_EXTENSIONS or _HTML_START.match(text):
        from .formats import web_page_to_markdown

        markdown, title = web_page_to_markdown(text, str(path))
        return ArticleText(markdown, "web page", (title, "the web page's title") if title else None)
    return ArticleText(text, "text")


def read_bytes(path: Path) -> bytes:
    if not path.exists():
        if any(parent.is_file() for parent in path.parents):
            parent = next(parent for parent in path.parents if parent.is_file())
            raise ImportProblem(f"{path}: {parent} is a file, not a folder; check the path to your article")
        raise ImportProblem(f"{path}: file not found; check the path to your article and try again")
    if path.is_dir():
        raise ImportProblem(f"{path}: is a folder, not a file; give the path to your article file")
    try:
        return path.read_bytes()
    except OSError as error:
        raise ImportProblem(
            f"{path}: could not read the file ({error.strerror or error}); check that you may read it and try again"
        ) from None


def read_word_file(path: Path, data: bytes) -> ArticleText:
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except zipfile.BadZipFile:
        names = []
    if "word/document.xml" not in names:
        raise ImportProblem(
            f"{path}: is a zip file, not a Word document; give the article as .docx, a saved web page, or text"
        )
    from .formats import word_file_to_markdown

    return ArticleText(word_file_to_markdown(data, str(path)), "Word file")


def refuse_other_binaries(path: Path, data: bytes) -> None:
    if data.startswith(b"%PDF"):
        raise ImportProblem(f"{path}: is a PDF; copy its text into a .txt file, or save it as .docx, and try again")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportProblem(f"{path}: is an old Word (.doc) file; save it as .docx in your word processor and try again")
    has_byte_order_mark = any(data.startswith(mark) for mark, _ in _BYTE_ORDER_MARKS)
    if b"\x00" in data and not has_byte_order_mark:
        # Images and other binary files hold NUL bytes; text never does (UTF-16 has its mark).
        raise ImportProblem(
            f"{path}: is a binary file, not text; save your article as plain text or Markdown (UTF-8) and try again"
        )


def decode_text(path: Path, data: bytes) -> str:
    """The text with Unix line endings and no byte-order mark: UTF-8, or UTF-16/32 with their mark."""
    encoding = next((name for mark, name in _BYTE_ORDER_MARKS if data.startswith(mark)), "utf-8")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ImportProblem(
            f"{path}: is not {encoding.upper().replace('-SIG', '')} text (byte {error.start + 1} cannot be read); "
            "save it with UTF-8 encoding and try again"
        ) from None
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
