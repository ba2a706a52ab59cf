"""Helpers for the batch tests: reading copies back part by part."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"

COPIER_YAML = """\
body:
  superior: UBND TỈNH BÀ RỊA - VŨNG TÀU
  name: VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH
  abbreviation: VP
place: Bà Rịa - Vũng Tàu
signature:
  authority: TL.
  titles: [CHỦ TỊCH, CHÁNH VĂN PHÒNG]
  name: Nguyễn Văn Bình
recipients:
  - Thường trực Tỉnh ủy (b/c)
"""


def parts_of(path_or_bytes: Path | bytes) -> dict[str, bytes]:
    data = path_or_bytes if isinstance(path_or_bytes, bytes) else Path(path_or_bytes).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None
        return {name: zf.read(name) for name in zf.namelist()}


def custom_properties(path: Path) -> dict[str, str]:
    root = etree.fromstring(parts_of(path)["docProps/custom.xml"])
    return {p.get("name"): p.find(f"{{{VT_NS}}}lpwstr").text or ""
            for p in root.iter(f"{{{CUSTOM_NS}}}property")}
