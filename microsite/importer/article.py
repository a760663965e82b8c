"""Read an author's article file, refusing anything that is not UTF-8 text.

Every refusal is one sentence that names the file and says what to do.
"""

from __future__ import annotations

from pathlib import Path


class ImportProblem(Exception):
    """Why `microsite new` cannot go on, in one sentence for the author."""


def read_article(path: Path) -> str:
    """The article's text with Unix line endings and no byte-order mark."""
    if not path.exists():
        raise ImportProblem(f"{path}: file not found; check the path to your article and try again")
    if path.is_dir():
        raise ImportProblem(f"{path}: is a folder, not a file; give the path to your article file")
    data = path.read_bytes()
    if not data.strip():
        raise ImportProblem(f"{path}: the file is empty; paste your article's text into it and try again")
    if b"\x00" in data:
        # Word documents, PDFs and images hold NUL bytes; text never does.
        raise ImportProblem(
            f"{path}: is a binary file, not text; save your article as plain text or Markdown (UTF-8) and try again"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportProblem(
            f"{path}: is not UTF-8 text (byte {error.start + 1} cannot be read); "
            "save it with UTF-8 encoding and try again"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")
