"""Vietnamese without its diacritics: for matching by meaning and for safe file names.

One fold for every comparison by meaning (section titles, agency names, document types), so
two parts of vanban never disagree on whether two texts say the same thing.
"""

from __future__ import annotations

import re
import unicodedata


def _fold_table() -> dict[int, str]:
    table = {ord("Đ"): "D", ord("đ"): "d"}
    normalize, combining = unicodedata.normalize, unicodedata.combining
    for code in range(0xC0, 0x1F00):
        ch = chr(code)
        nfd = normalize("NFD", ch)
        if nfd == ch:  # most code points: kept, unless a combining mark (dropped)
            if combining(ch):
                table[code] = ""
            continue
        base = "".join(c for c in nfd if not combining(c))
        if base.isascii():
            table[code] = base
    for mark in range(0x300, 0x370):  # stray combining marks of decomposed text
        table[mark] = ""
    return table


_FOLD = _fold_table()


def ascii_fold(text: str) -> str:
    """Vietnamese without diacritics: ``Sở Tư pháp`` → ``So Tu phap``."""
    return text.translate(_FOLD)


_WORD = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Lower case, no diacritics, words only, single spaces: ``“Tổ chức thực hiện:”`` →
    ``to chuc thuc hien``."""
    return " ".join(_WORD.findall(ascii_fold(text).lower()))


def is_upper(text: str) -> bool:
    """Whether ``text`` has letters and every one is a capital (agency names, titles)."""
    seen = False
    for c in text:  # running text is told at its first small letter
        if c.isalpha():
            if not c.isupper():
                return False
            seen = True
    return seen


def slug(text: str, *, max_length: int = 60) -> str:
    """A safe, readable file-name part: ``Sở Tư pháp`` → ``so-tu-phap``."""
    out = "-".join(_WORD.findall(ascii_fold(text).lower()))[:max_length].strip("-")
    return out or "x"
