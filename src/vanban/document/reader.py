"""Read an existing document into paragraphs in reading order.

A .docx is read body and tables alike (a header or signature table cell by cell, row by row,
as a reader's eye goes); a .txt follows the corpus convention: one paragraph per line, the
header and signature tables flattened, a line of dashes for a drawn rule. Web renderings
sometimes merge lines ("VĂN PHÒNG CHÍNH PHỦ -------", "Số: 12/VPCP-KTTH V/v …"); those are
split where the document's own structure makes the boundary certain.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from vanban.errors import UsageError
from vanban.i18n import _
from vanban.document.model import Document, Para

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


def read_text(path: Path, data: bytes | None = None) -> Document:
    raw = data if data is not None else path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(_("{path} is not a UTF-8 text file"), path=str(path)) from None
    paras: list[Para] = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = unicodedata.normalize("NFC", line).rstrip()
        pieces = split_merged(line) if line.strip() else [(0, "")]
        for col, piece in pieces:
            paras.append(Para(len(paras) + 1, piece, line=number, col=col, index=len(paras),
                              raw=piece))
    return Document(str(path), "txt", paras)


# --- Word files --------------------------------------------------------------------------

def _runs_flag(paragraph, attr: str) -> bool | None:
    values = set()
    for run in paragraph.runs:
        if not run.text.strip():
            continue
        value = getattr(run.font, attr)
        if value is None:
            style = paragraph.style
            while style is not None and value is None:
                value = getattr(style.font, attr)
                style = style.base_style
        values.add(bool(value))
    return values.pop() if len(values) == 1 else None


def _size(paragraph) -> float | None:
    sizes = set()
    for run in paragraph.runs:
        if not run.text.strip():
            continue
        size = run.font.size
        style = paragraph.style
        while size is None and style is not None:
            size = style.font.size
            style = style.base_style
        sizes.add(size.pt if size is not None else None)
    return sizes.pop() if len(sizes) == 1 else None


def read_docx(path: Path, data: bytes | None = None) -> Document:
    import io
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data) if data is not None else str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError) as exc:
        raise UsageError(_("{path} is not a Word .docx file ({reason})"), path=str(path),
                         reason=str(exc)) from None
    paras: list[Para] = []

    def add(element, zone: str) -> None:
        paragraph = Paragraph(element, document._body)
        text = unicodedata.normalize("NFC", paragraph.text).replace("\t", " ").strip()
        style = paragraph.style.name if paragraph.style is not None else ""
        paras.append(Para(len(paras) + 1, text, zone, style=style, index=len(paras), raw=text,
                          bold=_runs_flag(paragraph, "bold"),
                          italic=_runs_flag(paragraph, "italic"), size=_size(paragraph),
                          element=paragraph))

    def walk(parent, zone: str) -> None:
        for child in parent.iterchildren():
            if child.tag == qn("w:p"):
                add(child, zone)
            elif child.tag == qn("w:tbl"):
                for row in Table(child, document._body).rows:
                    seen = set()
                    for cell in row.cells:
                        if id(cell._tc) in seen:  # a merged cell appears once per grid column
                            continue
                        seen.add(id(cell._tc))
                        walk(cell._tc, "table")

    walk(document.element.body, "body")
    return Document(str(path), "docx", paras, document)


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
