"""The decree's own tables, read from its Word files (tests/corpus/decree): the record's fields
(Phụ lục VI, Phần II, Mục I) and the register's columns (Phụ lục IV, I.2). What the tests
check vanban against comes from here, not from vanban."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import docx
from docx.table import Table

from conftest import CORPUS

DECREE = CORPUS / "decree"
PHU_LUC_VI = DECREE / "nd30-2020-nd-cp_06_phu-luc-VI_he-thong-quan-ly-tai-lieu-dien-tu.docx"
PHU_LUC_IV = DECREE / "nd30-2020-nd-cp_05_phu-luc-IV_so-dang-ky-van-ban.docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

#: The decree's file writes a lower-case L for the capital I in two names; the same table
#: spells ``OrganId`` right in row 13.1 (and issue 13 writes ``SignerInfo``).
TYPOS = {"Organld": "OrganId", "Signerlnfo": "SignerInfo"}


def _clean(text: str) -> str:
    return " ".join(text.split())


def _table_after(path, heading: str) -> Table:
    """The first table after the paragraph that starts with ``heading`` (a paragraph holds
    the text of the text boxes anchored in it too)."""
    document = docx.Document(str(path))
    seen = False
    for element in document.element.body.iterchildren():
        if element.tag == W + "p":
            text = _clean("".join(t.text or "" for t in element.iter(W + "t")))
            seen = seen or text.startswith(heading)
        elif element.tag == W + "tbl" and seen:
            return Table(element, document)
    raise AssertionError(f"no table after {heading!r} in {path.name}")


def _cells(row) -> list[str]:
    out, last = [], None
    for cell in row.cells:
        if cell._tc is not last:  # a merged cell appears once
            out.append(_clean(cell.text))
            last = cell._tc
    return out


@dataclass(frozen=True)
class DecreeField:
    stt: str
    label: str
    name: str
    kind: str  # "String", "Number", "Date", "" for a group row
    length: int | None


def outgoing_fields() -> list[DecreeField]:
    """Phụ lục VI, Phần II, Mục I, row for row (the header row left out)."""
    table = _table_after(PHU_LUC_VI, "I. THÔNG TIN ĐẦU VÀO CỦA DỮ LIỆU QUẢN LÝ VĂN BẢN ĐI")
    rows = [_cells(r) for r in table.rows]
    assert rows[0][:3] == ["STT", "Trường thông tin", "Tên (viết tắt tiếng Anh)"], rows[0]
    return [DecreeField(stt, label, TYPOS.get(name, name), kind,
                        int(length) if length else None)
            for stt, label, name, kind, length in rows[1:]]


def _leaf(field: DecreeField) -> dict[str, Any]:
    if field.kind == "String":
        return {"type": "string", "maxLength": field.length}
    if field.kind == "Number":  # a whole number of at most ``length`` digits
        return {"type": "integer", "minimum": 0, "maximum": 10 ** field.length - 1}
    if field.kind == "Date":  # ``length`` characters: YYYY-MM-DD
        return {"type": "string", "maxLength": field.length, "format": "date",
                "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    raise AssertionError(f"type {field.kind!r} of {field.name}")


def outgoing_schema() -> dict[str, Any]:
    """JSON Schema of the record, from the decree's table alone: a row numbered ``n.m`` is a
    part of row ``n``; ``To`` (Nơi nhận) holds one entry per recipient."""
    fields = outgoing_fields()
    properties: dict[str, Any] = {}
    groups: dict[str, dict[str, Any]] = {}
    for field in fields:
        parent, _, _ = field.stt.partition(".")
        if "." in field.stt:
            groups[parent]["properties"][field.name] = _leaf(field)
        elif not field.kind:
            groups[field.stt] = {"type": "object", "additionalProperties": False,
                                 "properties": {}}
            properties[field.name] = groups[field.stt]
        else:
            properties[field.name] = _leaf(field)
    properties["To"] = {"type": "array", "items": properties["To"]}
    return {"type": "object", "additionalProperties": False, "properties": properties}


def register_columns() -> list[str]:
    """Phụ lục IV, I.2: the columns of the Sổ đăng ký văn bản đi."""
    table = _table_after(PHU_LUC_IV, "2. Nội dung đăng ký văn bản đi")
    header = _cells(table.rows[0])
    numbers = _cells(table.rows[1])
    assert numbers == [f"({i})" for i in range(1, len(header) + 1)], numbers
    return [re.sub(r"\s+", " ", h) for h in header]
