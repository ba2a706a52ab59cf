"""Reproducible .docx packages: fixed zip timestamps, fixed order, fixed properties.

python-docx stamps every zip entry with the current time, so the same document saved twice
differs byte for byte. Writing the archive with a fixed timestamp and order makes a
rendering a pure function of the plan and the template, so revisions can be stored in git
and compared. :func:`docx_bytes` writes a python-docx document that way directly (each part
deflated once); :func:`normalise_zip` rewrites an archive made elsewhere.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from docx.document import Document

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_FIRST = "[Content_Types].xml"


def _ordered(names: Iterable[str]) -> list[str]:
    names = list(names)
    return ([_FIRST] if _FIRST in names else []) + sorted(n for n in names if n != _FIRST)


def write_members(members: dict[str, bytes]) -> bytes:
    """A zip of ``members`` with fixed metadata: ``[Content_Types].xml`` first, then by name."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name in _ordered(members):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            dst.writestr(info, members[name], compresslevel=6)
    return out.getvalue()


def normalise_zip(data: bytes) -> bytes:
    """The same archive with fixed metadata: ``[Content_Types].xml`` first, then by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        return write_members({name: src.read(name) for name in src.namelist()})


def docx_bytes(doc: Document) -> bytes:
    """``doc`` as a reproducible .docx, written once (what ``doc.save`` and
    :func:`normalise_zip` give together, without deflating every part twice)."""
    from docx.opc.pkgwriter import _ContentTypesItem

    package = doc.part.package
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()
    members = {_FIRST: _ContentTypesItem.from_parts(parts).blob,
               "_rels/.rels": package.rels.xml}
    for part in parts:
        members[part.partname.membername] = part.blob
        if len(part.rels):
            members[part.partname.rels_uri.membername] = part.rels.xml
    return write_members(members)
