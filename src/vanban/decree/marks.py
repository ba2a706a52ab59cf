"""Marks printed in boxes or capitals on page 1: urgency (ô 10b), secrecy (ô 10a) and the
circulation instruction (ô 11) — Phụ lục I, II.10–11."""

from __future__ import annotations

URGENCIES = ("KHẨN", "THƯỢNG KHẨN", "HỎA TỐC")
SECRECIES = ("MẬT", "TỐI MẬT", "TUYỆT MẬT")
CIRCULATIONS = ("XEM XONG TRẢ LẠI", "LƯU HÀNH NỘI BỘ")
#: Other spellings met in documents, and the decree's.
SPELLINGS = {"HOẢ TỐC": "HỎA TỐC"}
#: Width of each stamp's box, all 8 mm tall (STAMP_HEIGHT_MM): the urgency stamps' sizes are
#: the decree's (Phụ lục I, II.2.b); the secrecy stamps' those of the state-secret rules
#: (Thông tư 24/2020/TT-BCA, Mẫu số 01), which the decree defers to.
STAMP_WIDTH_MM = {"HỎA TỐC": 30, "THƯỢNG KHẨN": 40, "KHẨN": 20,
                  "TUYỆT MẬT": 40, "TỐI MẬT": 30, "MẬT": 20}
STAMP_HEIGHT_MM = 8


def mark_kind(text: str) -> str | None:
    """``urgency``, ``secrecy`` or ``circulation`` for a mark as typed, else None."""
    value = SPELLINGS.get(text.upper(), text.upper())
    if value in URGENCIES:
        return "urgency"
    if value in SECRECIES:
        return "secrecy"
    if value in CIRCULATIONS:
        return "circulation"
    return None


def normal_mark(text: str) -> str:
    """A mark in the decree's spelling, in capitals."""
    return SPELLINGS.get(text.upper(), text.upper())
