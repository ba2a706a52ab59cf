"""Reproducible .docx packages: fixed zip timestamps, fixed order, fixed properties.

python-docx stamps every zip entry with the current time, so the same document saved twice
differs byte for byte. Rewriting the archive with a fixed timestamp and order makes a
rendering a pure function of the plan and the template, so revisions can be stored in git
and compared.
"""

from __future__ import annotations

import io
import zipfile

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_FIRST = "[Content_Types].xml"


def normalise_zip(data: bytes) -> bytes:
    """The same archive with fixed metadata: ``[Content_Types].xml`` first, then by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        names = src.namelist()
        ordered = ([_FIRST] if _FIRST in names else []) + sorted(n for n in names if n != _FIRST)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as dst:
            for name in ordered:
                info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 0
                info.external_attr = 0
                dst.writestr(info, src.read(name), compresslevel=6)
    return out.getvalue()
