"""Read an existing document into paragraphs in reading order.

A .docx is read by :mod:`vanban.document.docx`: body and tables alike (a header or signature
table cell by cell, row by row, as a reader's eye goes), each paragraph cut at its manual line
breaks; a .txt follows the corpus convention: one paragraph per line, the
header and signature tables flattened, a line of dashes for a drawn rule. Web renderings
sometimes merge lines ("VĂN PHÒNG CHÍNH PHỦ -------", "Số: 12/VPCP-KTTH V/v …"); those are
split where the document's own structure makes the boundary certain.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from vanban.document.model import Document, Para
from vanban.errors import UsageError
from vanban.collector import collector_paused
from vanban.i18n import _

# --- text files --------------------------------------------------------------------------

_SPLITS = [
    re.compile(r"\s*([-_–—=]{3,})\s*"),                         # a drawn rule inside a line
    re.compile(r"(?<=VIỆT NAM)\s+(?=Độc lập)", re.IGNORECASE),  # Quốc hiệu + Tiêu ngữ
    re.compile(r"\s+(?=V/v\s)"),                                 # Số … V/v …
    re.compile(r"\s+(?=Kính gửi\s*:)"),                         # dateline + Kính gửi
]


def split_merged(line: str) -> list[tuple[int, str]]:
    """Split a line that a web rendering merged, where the boundary is certain.

    Returns (column where the piece starts, piece).
    """
    pieces: list[tuple[int, str]] = []
    last = 0
    for m in _SPLITS[0].finditer(line):
        if line[last:m.start()].strip():
            pieces.append((last, line[last:m.start()]))
        pieces.append((m.start(1), "-----"))
        last = m.end()
    if line[last:].strip() or not pieces:
        pieces.append((last, line[last:]))
    for pattern in _SPLITS[1:]:
        split: list[tuple[int, str]] = []
        for start, piece in pieces:
            cut = 0
            for m in pattern.finditer(piece):
                split.append((start + cut, piece[cut:m.start()]))
                cut = m.end()
            split.append((start + cut, piece[cut:]))
        pieces = split
    out = []
    for start, piece in pieces:
        stripped = piece.strip()
        if stripped:
            out.append((start + len(piece) - len(piece.lstrip()), stripped))
    return out


#: A document's text: a 300-page plan is about 1 MB; much more is not one document (a
#: log, an export of a whole register) and would take minutes to check.
MAX_TEXT_BYTES = 10 * 1024 * 1024


def read_text(path: Path, data: bytes | None = None) -> Document:
    size = len(data) if data is not None else path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise UsageError(_(
            "{path} is {size} MB of text; an administrative document is far smaller (vanban "
            "reads up to {limit} MB) — is it the right file?"), path=str(path),
            size=f"{size / 2**20:.0f}", limit=MAX_TEXT_BYTES // 2**20)
    raw = data if data is not None else path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(_("{path} is not a UTF-8 text file"), path=str(path)) from None
    paras: list[Para] = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = unicodedata.normalize("NFC", line).rstrip()
        if not line.strip():
            pieces = [(0, "")]
        elif "|" in line:  # a table's row (“| a | b |”, “|---|---|”): one line, never split
            pieces = [(len(line) - len(line.lstrip()), line.strip())]
        else:
            pieces = split_merged(line)
        for col, piece in pieces:
            paras.append(Para(len(paras) + 1, piece, line=number, col=col, index=len(paras),
                              raw=piece))
    return Document(str(path), "txt", paras)


# --- Word files --------------------------------------------------------------------------

def read_docx(path: Path, data: bytes | None = None) -> Document:
    """A Word file in units of reading (see :mod:`vanban.document.docx`)."""
    from vanban.document.docx import read_docx as read

    with collector_paused():  # units of reading and their formats: many objects, no cycles
        return read(path, data)


def read_document(path: str | Path, data: bytes | None = None) -> Document:
    """Read a .docx or a .txt (UTF-8) document."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".docx":
            return read_docx(path, data)
        if suffix in (".txt", ".text", ".md"):
            return read_text(path, data)
    except OSError as exc:
        raise UsageError(_("cannot read {path}: {reason}"), path=str(path),
                         reason=exc.strerror or str(exc)) from None
    raise UsageError(_("{path}: vanban reads .docx and .txt documents"), path=str(path))
