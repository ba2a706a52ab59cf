"""Agency names too long for the header's left column, broken where they break naturally.

A name written as one string — ``ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU`` — would wrap
wherever the column ends, even inside the place name (``… TỈNH BÀ RỊA -`` / ``VŨNG TÀU``).
It is broken instead before the word that names the kind of locality (``TỈNH``, ``HUYỆN``,
``XÃ`` …), so the place stays whole on its line, as agencies set their names by hand; a name
with no such word breaks between words where both lines are shortest, never inside a place.
"""

from __future__ import annotations

from collections.abc import Callable

#: Words that open a place name: the locality's kind (Phụ lục II capitalises them with it).
LOCALITY = ("THÀNH PHỐ", "THỊ XÃ", "THỊ TRẤN", "ĐẶC KHU", "TỈNH", "HUYỆN", "QUẬN", "XÃ",
            "PHƯỜNG")


#: Words a name breaks before when it can: they join its parts.
JOINS = ("VÀ", "VỀ", "CỦA", "THUỘC", "TẠI")


def _place_start(words: list[str]) -> int | None:
    """The index of the first word of the first locality kind in ``words``."""
    upper = [w.upper() for w in words]
    for i in range(1, len(words)):
        for kind in LOCALITY:
            parts = kind.split()
            if upper[i:i + len(parts)] == parts:
                return i
    return None


def break_name(line: str, fits: Callable[[str], bool]) -> list[str]:
    """``line`` as it should stand in a column where ``fits`` says what fits: whole if it
    fits, else in lines broken at natural boundaries (see the module's note)."""
    if fits(line):
        return [line]
    words = line.split()
    place = _place_start(words)
    if place is not None:
        head, tail = " ".join(words[:place]), " ".join(words[place:])
        return [*break_name(head, fits), tail]
    if len(words) < 2:
        return [line]
    # no place: between words, before a conjunction where both lines fit (“SỞ TÀI NGUYÊN
    # / VÀ MÔI TRƯỜNG”), else where the longer line is shortest
    def cost(i: int) -> tuple[bool, bool, int]:
        head, tail = " ".join(words[:i]), " ".join(words[i:])
        return (not (fits(head) and fits(tail)), words[i].upper() not in JOINS,
                max(len(head), len(tail)))

    best = min(range(1, len(words)), key=cost)
    return [*break_name(" ".join(words[:best]), fits), " ".join(words[best:])]
