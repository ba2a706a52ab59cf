"""The parts of a rendered document, taken from python-docx without writing a zip first.

:func:`collect_parts` yields exactly what ``Document.save`` would put in the archive
(``[Content_Types].xml``, the package relationships, every part and its relationships), so
the batch can deflate shared parts once and reassemble them with
:mod:`vanban.batch.zipfast`.
"""

from __future__ import annotations

import io
import zipfile

from docx.document import Document


def read_parts(data: bytes) -> dict[str, bytes]:
    """Every member of a .docx archive by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def collect_parts(document: Document) -> dict[str, bytes]:
    """The members ``document.save()`` would write, by name, uncompressed."""
    try:
        from docx.opc.pkgwriter import _ContentTypesItem
    except ImportError:  # pragma: no cover - python-docx moved its internals: save instead
        buf = io.BytesIO()
        document.save(buf)
        return read_parts(buf.getvalue())
    package = document.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    out = {"[Content_Types].xml": _ContentTypesItem.from_parts(parts).blob,
           "_rels/.rels": package.rels.xml}
    for part in parts:
        out[part.partname[1:]] = part.blob
        if len(part.rels):
            out[part.partname.rels_uri[1:]] = part.rels.xml
    return out
