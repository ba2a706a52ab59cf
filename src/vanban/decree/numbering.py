"""Numbering of the body: labels, depths and how labels are written (Phụ lục I, II.6.đ).

A Kế hoạch numbers I. → 1. → a) → - → +; a decision Điều 1. → 1. → a) → - → +. Points
(điểm) follow the Vietnamese alphabet: ``a b c d đ e g h i k l m n o p q r s t u v x y``.
Documents from elsewhere also write decimal numbers (``2.1.``), parts (``Phần I``) and Latin
letters (``f)``); :func:`parse_label` reads them all so the checker can compare.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from vanban.text.vnformat import POINT_LETTERS, from_roman, point_letter, roman

#: Depth of a numbered node: 1 mục (I.) or điều, 2 khoản (1.), 3 điểm (a)), 4 dash, 5 plus.
MAX_DEPTH = 5
#: What each depth is called, as messages name it.
DEPTH_NAMES = {1: "mục/điều", 2: "khoản", 3: "điểm", 4: "-", 5: "+"}
#: What practice accepts at each depth besides the decree's style: dash lists straight under
#: a mục or a khoản (in place of khoản or điểm), and “+” under a dash. A “+” directly under a
#: khoản, or a letter under a mục, skips levels the reader relies on.
ACCEPTED_BY_DEPTH = {1: {"roman"}, 2: {"arabic", "dash"}, 3: {"letter", "dash"},
                     4: {"dash", "plus"}, 5: {"plus"}}
#: How deep each kind of label sits when a document is read; a decimal “3.1.” sits between
#: its “3.” and “a)”.
RANK = {"roman": 1, "article": 1, "part": 1, "arabic": 2, "decimal": 2.5, "letter": 3,
        "dash": 4, "plus": 5}
#: Letters of the Latin alphabet that the Vietnamese one does not have.
LATIN_ONLY = "fjwz"
#: A number written at the start of a paragraph, followed by its text.
LEADING_LABEL = re.compile(r"^(?:(Điều\s+\d+\s*[.:]?)|(Phần\s+(?:[IVXLC]+|thứ\s+\w+)\.?)|"
                           r"([IVXLC]+\s*\.)|(\d+(?:\.\d+)+\.?)|(\d+\s*\.)|([a-zđ]\s*\))|"
                           r"([-–•+]))\s+")


def auto_label(depth: int, index: int, structure: str = "muc") -> str:
    """The label of the ``index``-th (1-based) numbered node at ``depth``.

    ``structure`` is the document type's: "muc" (I. → 1. → a)) or "dieu" (Điều 1. → 1. → a)).
    """
    if depth == 1:
        return f"Điều {index}." if structure == "dieu" else f"{roman(index)}."
    if depth == 2:
        return f"{index}."
    if depth == 3:
        return f"{point_letter(index)})"
    return "-" if depth == 4 else "+"


def accepted(depth: int, structure: str) -> set[str]:
    """Label kinds accepted at ``depth`` in a document of this structure (muc or dieu)."""
    if depth == 1 and structure == "dieu":
        return {"article"}
    return ACCEPTED_BY_DEPTH[depth]


@dataclass(frozen=True)
class Label:
    """A number as written: its kind, its value in its sequence (if it has one), its text."""

    kind: str  # roman, arabic, letter, latin, dash, plus, decimal, part, article, unknown
    value: int | None
    text: str


_ROMAN = re.compile(r"([IVXLC]+)\s*[.:]?")
_ARABIC = re.compile(r"(\d+)\s*[.:)]?")
_DECIMAL = re.compile(r"\d+(?:\.\d+)+\.?")
_LETTER = re.compile(r"([a-zđ])\s*[).]")
_PART = re.compile(r"(?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+\S+")
_ARTICLE = re.compile(r"Điều\s+(\d+)\s*[.:]?")


@lru_cache(maxsize=4096)  # five numbering rules read the same labels of every plan
def parse_label(text: str) -> Label:
    t = text.strip()
    if t in ("-", "–", "—", "•"):
        return Label("dash", None, t)
    if t == "+":
        return Label("plus", None, t)
    if m := _ARTICLE.fullmatch(t):
        return Label("article", int(m[1]), t)
    if _DECIMAL.fullmatch(t):
        return Label("decimal", None, t)
    if m := _ROMAN.fullmatch(t):
        value = from_roman(m[1])
        if value:
            return Label("roman", value, t)
    if m := _ARABIC.fullmatch(t):
        return Label("arabic", int(m[1]), t)
    if m := _LETTER.fullmatch(t):
        letter = m[1]
        if letter in LATIN_ONLY:
            return Label("latin", None, t)
        return Label("letter", POINT_LETTERS.index(letter) + 1, t)
    if _PART.fullmatch(t):
        return Label("part", None, t)
    return Label("unknown", None, t)


def written(kind: str, value: int) -> str:
    """How the ``value``-th label of ``kind`` is written by the decree."""
    if kind == "roman":
        return f"{roman(value)}."
    if kind == "article":
        return f"Điều {value}."
    if kind == "arabic":
        return f"{value}."
    if kind == "letter":
        return f"{point_letter(value)})" if value <= len(POINT_LETTERS) else "?"
    return {"dash": "-", "plus": "+"}.get(kind, "?")
