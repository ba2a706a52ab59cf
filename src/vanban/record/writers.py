"""The record written out: JSON (UTF-8, letters as they are), XML (the decree's field names
as elements), and the line of the Sổ đăng ký văn bản đi (Phụ lục IV, I.2) as CSV."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any

from vanban.plan.model import Plan
from vanban.record.build import Record, description

#: The ten columns the decree's register of outgoing documents has at least (Phụ lục IV,
#: I.2, “Nội dung đăng ký văn bản đi”), in its order and words.
REGISTER_COLUMNS = (
    "Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung văn bản",
    "Người ký", "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu", "Số lượng bản",
    "Ngày chuyển", "Ký nhận", "Ghi chú",
)
ROOT = "OutgoingDocument"


def to_json(records: Sequence[Record]) -> str:
    """One record as an object, several as an array; UTF-8 text without \\u escapes."""
    data: Any = records[0].fields if len(records) == 1 else [r.fields for r in records]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _element(parent: ET.Element, name: str, value: Any, record: Record) -> None:
    if isinstance(value, dict):
        child = ET.SubElement(parent, name)
        for key, item in value.items():
            _element(child, key, item, record)
    elif isinstance(value, list):
        for item in value:
            _element(parent, name, item, record)
    else:
        child = ET.SubElement(parent, name)
        child.text = str(value)
        if name == "PageAmount" and record.page_source:
            child.set("source", record.page_source)


def _record_element(record: Record) -> ET.Element:
    root = ET.Element(ROOT)
    for name, value in record.fields.items():
        _element(root, name, value, record)
    return root


def to_xml(records: Sequence[Record]) -> str:
    """One ``<OutgoingDocument>`` per record (under ``<OutgoingDocuments>`` when several),
    elements named as the decree names the fields; ``PageAmount`` says its ``source``."""
    if len(records) == 1:
        root = _record_element(records[0])
    else:
        root = ET.Element(ROOT + "s")
        root.extend(_record_element(r) for r in records)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def _date_vn(iso: str | None) -> str:
    if not iso:
        return ""
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def register_row(plan: Plan, record: Record) -> list[str]:
    """The plan's line in the Sổ đăng ký văn bản đi; the columns the văn thư fills when the
    document leaves (Ngày chuyển, Ký nhận) stay blank."""
    f = record.fields
    number = f.get("CodeNumber", "")
    reference = f"{number}/{f.get('CodeNotation', '')}" if number else f.get("CodeNotation", "")
    kept = ", ".join(plan.archive.units) if plan.archive else ""
    return [
        reference,
        _date_vn(f.get("IssuedDate")),
        f"{f.get('TypeName', '')}: {f.get('Subject', '')}",
        f.get("SignerInfo", {}).get("FullName", ""),
        "; ".join(to["OrganName"] for to in f.get("To", [])),
        kept,
        str(f.get("IssuedAmount", "")),
        "", "",
        description(plan, None),
    ]


def to_register_csv(rows: Sequence[list[str]], *, header: bool = True) -> str:
    """The register's lines as CSV (CRLF, for spreadsheets), with the decree's header."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    if header:
        writer.writerow(REGISTER_COLUMNS)
    writer.writerows(rows)
    return buf.getvalue()
