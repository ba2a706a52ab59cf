"""The “(Kèm theo …)” line of an appendix or of a document a decision issues (Phụ lục I,
II.27 and Mẫu 1.3; component 27 of ``docs/nd30.md``), and an agency's name as running text
writes it (Phụ lục II: “Ủy ban nhân dân tỉnh Lai Châu”, not “ỦY BAN NHÂN DÂN TỈNH LAI CHÂU”).

The line names the parent document's type, number and symbol, date and issuer:
``(Kèm theo Quyết định số 312/QĐ-UBND ngày 02 tháng 3 năm 2026 của Ủy ban nhân dân tỉnh
Lai Châu)``. What is not known yet (a draft's number and day, an electronic appendix's
fields) stays blank, as the decree's templates leave it.
"""

from __future__ import annotations

import re

from vanban.text.vnformat import (
    BLANK_DAY,
    BLANK_NUMBER,
    PlanDate,
    month_number,
    roman,
    two_digits,
)


def date_phrase(date: PlanDate | None) -> str:
    """``ngày 02 tháng 3 năm 2026``, with blanks where the date is not complete."""
    if date is None:
        return f"ngày{BLANK_DAY}tháng{BLANK_DAY}năm 20.."
    month = f" {month_number(date.month)} " if date.month else BLANK_DAY
    day = f" {two_digits(date.day)} " if date.day else BLANK_DAY
    return f"ngày{day}tháng{month}năm {date.year}"


def reference_line(type_name: str, number: str | None, symbol: str, date: PlanDate | None,
                   issued_by: str | None) -> str:
    """``(Kèm theo Quyết định số 312/QĐ-UBND ngày 02 tháng 3 năm 2026 của …)``.

    ``number`` None leaves the number blank (a draft, an electronic appendix); ``issued_by``
    None leaves out the “của …” part rather than guess how the issuer is written.
    """
    number_part = f"số {number}/{symbol}" if number else f"số{BLANK_NUMBER}/{symbol}"
    by = f" của {issued_by}" if issued_by else ""
    return f"(Kèm theo {type_name} {number_part} {date_phrase(date)}{by})"


# --- agency names in running text -------------------------------------------------------

#: Administrative units (Phụ lục II, I.3.b): the common noun is lower case before a name
#: (“tỉnh Lai Châu”), capitalised before a number (“Quận 1”) and in the two special names.
_UNITS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu")
_SPECIAL_PLACES = {"THÀNH PHỐ HỒ CHÍ MINH": "Thành phố Hồ Chí Minh",
                   "THỦ ĐÔ HÀ NỘI": "Thủ đô Hà Nội"}
#: Elected and executive bodies whose name is a common noun: only its first letter is upper.
_COLLECTIVES = ("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN")
#: The same as running text writes them.
COLLECTIVE_NAMES = tuple(c.capitalize() for c in _COLLECTIVES)
#: Bodies named by their field (“Sở Khoa học và Công nghệ”): each part of the field, split at
#: “và” and commas, starts with a capital (Phụ lục II, I.4).
_FIELD_BODIES = ("SỞ", "BỘ")
_HEADS = {"CHỦ TỊCH": "Chủ tịch", "GIÁM ĐỐC": "Giám đốc", "BỘ TRƯỞNG": "Bộ trưởng"}


def _title_words(text: str) -> str:
    """``BÀ RỊA - VŨNG TÀU`` → ``Bà Rịa - Vũng Tàu`` (a proper name: every syllable)."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split())


def _place(text: str) -> str | None:
    """``TỈNH LAI CHÂU`` → ``tỉnh Lai Châu``; None when it is not a unit and a name."""
    if text in _SPECIAL_PLACES:
        return _SPECIAL_PLACES[text]
    lower = text.lower()
    for unit in sorted(_UNITS, key=len, reverse=True):
        if lower.startswith(unit + " "):
            name = text[len(unit) + 1:].strip()
            if not name:
                return None
            if name[0].isdigit():
                return unit.capitalize() + " " + name
            return f"{unit} {_title_words(name)}"
    return None


def _field(text: str) -> str:
    """``VĂN HÓA, THỂ THAO VÀ DU LỊCH`` → ``Văn hóa, Thể thao và Du lịch``."""
    parts = re.split(r"(\s+VÀ\s+|,\s*)", text)
    out = []
    for part in parts:
        if re.fullmatch(r"\s+VÀ\s+", part):
            out.append(" và ")
        elif re.fullmatch(r",\s*", part):
            out.append(", ")
        else:
            out.append(part[:1].upper() + part[1:].lower())
    return "".join(out)


def agency_in_text(name: str) -> str | None:
    """An agency's printed (upper-case) name as running text writes it, for the shapes whose
    rule is certain: people's committees and councils of a unit, Sở/Bộ + field, Văn phòng and
    the head of one of them (``CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …``). None for anything else: a
    wrong capital in a document's reference line is worse than leaving it to the drafter."""
    text = " ".join(name.split()).upper()
    for head, written in _HEADS.items():
        if text.startswith(head + " "):
            rest = agency_in_text(text[len(head) + 1:])
            return f"{written} {rest}" if rest else None
    if text.startswith("VĂN PHÒNG "):
        rest = agency_in_text(text[len("VĂN PHÒNG "):])
        return f"Văn phòng {rest}" if rest else None
    for collective in _COLLECTIVES:
        if text.startswith(collective + " "):
            place = _place(text[len(collective) + 1:])
            return f"{collective.capitalize()} {place}" if place else None
    for body in _FIELD_BODIES:
        if text.startswith(body + " "):
            rest = text[len(body) + 1:]
            if re.search(r"\b(TỈNH|THÀNH PHỐ|HUYỆN)\b", rest):
                return None  # “Sở Nội vụ tỉnh …”: the place's case needs the split we lack
            return f"{body.capitalize()} {_field(rest)}"
    return None


def appendix_label(index: int, count: int) -> str:
    """``Phụ lục I``, ``Phụ lục II`` … (1-based ``index``); ``Phụ lục`` alone when a document
    has one appendix (component 27: appendices are numbered when there are two or more)."""
    return "Phụ lục" if count == 1 else f"Phụ lục {roman(index)}"


# --- lists of agencies ------------------------------------------------------------------

#: Fields of a Sở or Bộ whose name holds a comma, so a list split at “, ” must not cut them.
_FIELDS_WITH_COMMA = ("Văn hóa, Thể thao và Du lịch", "Văn hoá, Thể thao và Du lịch",
                      "Văn hóa, Thể thao", "Văn hoá, Thể thao")


def split_agencies(text: str) -> list[str]:
    """The agencies of a list written with “, ”: ``Sở Văn hóa, Thể thao và Du lịch, Công an
    tỉnh`` → two. A piece in lower case continues the name before it (“UBND các xã,
    phường”), and so does the rest of a field that holds a comma."""
    parts: list[str] = []
    for piece in text.split(", "):
        if parts and (not piece[:1].isupper() or _cut_field(parts[-1], piece)):
            parts[-1] += ", " + piece
        else:
            parts.append(piece)
    return parts


def _cut_field(before: str, piece: str) -> bool:
    joined = f"{before}, {piece}"
    return any(field in joined and field not in before and joined.find(field) < len(before)
               for field in _FIELDS_WITH_COMMA)
