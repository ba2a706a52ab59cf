"""Open a .docx safely and hand out its parts.

A .docx is a zip archive of XML parts. Before python-docx inflates anything, the archive's
directory is checked: a part too large, compressed suspiciously well (a zip bomb), or parts
adding up to too much are refused with a message naming the file. XML that does not parse,
or nests deeper than libxml2 allows (256 levels, without the "huge" option), is refused the
same way — never a traceback.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vanban.errors import UsageError
from vanban.i18n import _

MB = 1 << 20
#: Limits on the archive: no real Word document comes near them.
MAX_PART = 100 * MB
MAX_TOTAL = 500 * MB
MAX_RATIO = 200  # uncompressed : compressed, for parts over RATIO_FROM
RATIO_FROM = 1 * MB

RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def check_archive(path: Path, data: bytes) -> None:
    """Refuse an archive whose parts would inflate beyond the limits."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise not_a_docx(path, exc) from None
    total = 0
    for info in infos:
        size = info.file_size
        total += size
        if size > MAX_PART:
            raise UsageError(_("{path} is not a Word .docx file: its part {name} is {size} MB "
                               "uncompressed (vanban reads up to {limit} MB)"), path=str(path),
                             name=info.filename, size=size // MB, limit=MAX_PART // MB)
        if size > RATIO_FROM and size > MAX_RATIO * max(info.compress_size, 1):
            raise UsageError(_("{path} is not a Word .docx file: its part {name} is compressed "
                               "{ratio}:1 (more than {limit}:1 is a zip bomb)"), path=str(path),
                             name=info.filename, ratio=size // max(info.compress_size, 1),
                             limit=MAX_RATIO)
    if total > MAX_TOTAL:
        raise UsageError(_("{path} is not a Word .docx file: its parts add up to {size} MB "
                           "uncompressed (vanban reads up to {limit} MB)"), path=str(path),
                         size=total // MB, limit=MAX_TOTAL // MB)


def not_a_docx(path: Path, exc: BaseException) -> UsageError:
    return UsageError(_("{path} is not a Word .docx file ({reason})"), path=str(path),
                      reason=str(exc) or type(exc).__name__)


@dataclass
class Package:
    """The parts of an opened .docx the reader needs, as parsed XML."""

    path: Path
    docx: Any  # python-docx Document
    body: Any  # w:body
    styles: Any = None  # w:styles
    numbering: Any = None  # w:numbering
    settings: Any = None  # w:settings
    footnotes: Any = None  # w:footnotes
    _parts: dict[str, Any] = field(default_factory=dict, repr=False)

    def part(self, rid: str | None) -> Any:
        """The root element of the part the main document relates to by ``rid`` (a header or
        footer); None when there is no such part."""
        if not rid:
            return None
        if rid not in self._parts:
            rel = self.docx.part.rels.get(rid)
            target = None if rel is None or rel.is_external else rel.target_part
            self._parts[rid] = root_of(self.path, target)
        return self._parts[rid]


def root_of(path: Path, part: Any) -> Any:
    """The root element of a part: python-docx's parse, or ours of the bytes it keeps."""
    if part is None:
        return None
    element = getattr(part, "element", None)
    return element if element is not None else parse_blob(path, part.blob)


def parse_blob(path: Path, blob: bytes) -> Any:
    """Parse a part python-docx keeps as bytes (footnotes), with its own safe parser."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
    try:
        return etree.fromstring(blob, parser)
    except (etree.LxmlError, SyntaxError, ValueError) as exc:
        raise not_a_docx(path, exc) from None


def open_package(path: Path, data: bytes | None) -> Package:
    """Open the .docx at ``path`` (or ``data``, its bytes) after checking the archive."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    data = data if data is not None else path.read_bytes()
    check_archive(path, data)
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError, etree.LxmlError,
            SyntaxError, zlib.error, EOFError, NotImplementedError, RuntimeError,
            AttributeError, TypeError) as exc:
        raise not_a_docx(path, exc) from None
    package = Package(path, document, document.element.body)
    for rel in document.part.rels.values():
        if rel.is_external:
            continue
        kind = rel.reltype.removeprefix(RELS)
        if kind in ("styles", "numbering", "settings", "footnotes"):
            setattr(package, kind, root_of(path, rel.target_part))
    if package.body is None:
        raise not_a_docx(path, ValueError("the document has no body"))
    return package
