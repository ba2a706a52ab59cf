"""The input fields of an outgoing document's record (Decree 30, Phụ lục VI, Phần II, Mục I).

The table is the decree's, row for row: number (STT), name, data type and maximum length.
Types are the decree's three: ``String`` (at most ``length`` characters), ``Number`` (a
whole number of at most ``length`` digits) and ``Date`` (``length`` characters: vanban writes
ISO 8601, ``YYYY-MM-DD``). The decree's file spells two names with a lower-case L for the
capital I (``Organld``, ``Signerlnfo``); the same table spells ``OrganId`` right in row 13.1,
so the names here are ``OrganId`` and ``SignerInfo``. The decree says nothing of which fields
are required: it lists them, and Phần I, III.1.g lets the system fill in 1.1, 1.2, 2, 4, 6,
10 and 13.1 itself. tests/record checks this table against the decree's own file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["String", "Number", "Date", "Group"]

#: The record's custom document properties in a .docx: ``vanban.record.Subject`` …
PROPERTY_PREFIX = "vanban.record."


@dataclass(frozen=True)
class FieldSpec:
    """One row of the decree's table; a ``Group`` row holds the rows under it."""

    stt: str
    name: str
    label: str  # “Trường thông tin”, as the decree writes it
    kind: Kind
    length: int | None = None
    parts: tuple[FieldSpec, ...] = ()
    repeated: bool = False  # one per recipient (To)

    def part(self, name: str) -> FieldSpec:
        return next(p for p in self.parts if p.name == name)


def _s(stt: str, name: str, label: str, length: int) -> FieldSpec:
    return FieldSpec(stt, name, label, "String", length)


def _n(stt: str, name: str, label: str, length: int) -> FieldSpec:
    return FieldSpec(stt, name, label, "Number", length)


def _d(stt: str, name: str, label: str) -> FieldSpec:
    return FieldSpec(stt, name, label, "Date", 10)


#: Phụ lục VI, Phần II, Mục I: thông tin đầu vào của dữ liệu quản lý văn bản đi.
OUTGOING: tuple[FieldSpec, ...] = (
    FieldSpec("1", "FileCode", "Mã hồ sơ", "Group", parts=(
        _s("1.1", "OrganId", "Mã định danh của cơ quan, tổ chức lập danh mục hồ sơ", 13),
        _n("1.2", "FileCatalog", "Năm hình thành hồ sơ", 4),
        _s("1.3", "FileNotation", "Số và ký hiệu hồ sơ", 20),
    )),
    _n("2", "DocOrdinal", "Số thứ tự văn bản trong hồ sơ", 3),
    _s("3", "TypeName", "Tên loại văn bản", 100),
    _s("4", "CodeNumber", "Số của văn bản", 11),
    _s("5", "CodeNotation", "Ký hiệu của văn bản", 30),
    _d("6", "IssuedDate", "Ngày, tháng, năm văn bản"),
    _s("7", "OrganName", "Tên cơ quan, tổ chức ban hành văn bản", 200),
    _s("8", "Subject", "Trích yếu nội dung", 500),
    _s("9", "Language", "Ngôn ngữ", 30),
    _n("10", "PageAmount", "Số trang của văn bản", 3),
    _s("11", "Description", "Ghi chú", 500),
    FieldSpec("12", "SignerInfo", "Chức vụ, họ tên người ký", "Group", parts=(
        _s("12.1", "Position", "Chức vụ của người ký văn bản", 100),
        _s("12.2", "FullName", "Họ và tên người ký văn bản", 50),
    )),
    FieldSpec("13", "To", "Nơi nhận", "Group", repeated=True, parts=(
        _s("13.1", "OrganId", "Mã định danh của cơ quan, tổ chức nhận văn bản", 13),
        _s("13.2", "OrganName", "Tên cơ quan, tổ chức nhận văn bản", 200),
    )),
    _n("14", "Priority", "Mức độ khẩn, độ mật", 1),
    _n("15", "IssuedAmount", "Số lượng bản phát hành", 3),
    _d("16", "DueDate", "Hạn trả lời văn bản"),
)

FIELDS = {f.name: f for f in OUTGOING}


def leaves() -> list[tuple[str, FieldSpec]]:
    """Every field that holds a value, by its path (``SignerInfo.Position``)."""
    out = []
    for spec in OUTGOING:
        if spec.parts:
            out += [(f"{spec.name}.{p.name}", p) for p in spec.parts]
        else:
            out.append((spec.name, spec))
    return out
