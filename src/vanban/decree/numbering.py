"""Numbering of the body: labels, depths and how labels are written (Phụ lục I, II.6.đ).

Each kind of document numbers its body one of three ways (:data:`NUMBERINGS`): a Kế hoạch or a
Báo cáo in sections, I. → 1. → a) → - → +; a decision in articles, Điều 1. → 1. → a) → - → +;
a Công văn, Chỉ thị, Thông báo or Công điện in points, 1. → a) → - → +. Points (điểm) follow
the Vietnamese alphabet: ``a b c d đ e g h i k l m n o p q r s t u v x y``.
Documents from elsewhere also write decimal numbers (``2.1.``), parts (``Phần I``) and Latin
letters (``f)``); :func:`parse_label` reads them all so the checker can compare.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from vanban.text.vnformat import POINT_LETTERS, from_roman, point_letter, roman

SECTIONS = "sections"  # I. → 1. → a) → - → +
ARTICLES = "articles"  # Điều 1. → 1. → a) → - → +
POINTS = "points"  # 1. → a) → - → +
NUMBERINGS = (SECTIONS, ARTICLES, POINTS)
#: The label kind the decree writes at each depth (1 = the outermost), by numbering.
STYLES = {
    SECTIONS: ("roman", "arabic", "letter", "dash", "plus"),
    ARTICLES: ("article", "arabic", "letter", "dash", "plus"),
    POINTS: ("arabic", "letter", "dash", "plus", "plus"),
}
#: Deepest level of a numbered node (a fifth level of points is a second “+”).
MAX_DEPTH = 5
#: What a label kind's level is called, as messages name it.
KIND_NAMES = {"roman": "mục", "article": "điều", "arabic": "khoản", "letter": "điểm",
              "dash": "-", "plus": "+"}
#: What practice accepts besides the decree's style, by the decree's kind at that level: dash
#: lists straight under a mục or a khoản (in place of khoản or điểm), and “+” under a dash. A
#: “+” directly under a khoản, or a letter under a mục, skips levels the reader relies on.
ALSO_ACCEPTED = {"arabic": {"dash"}, "letter": {"dash"}, "dash": {"plus"}}
#: How deep each kind of label sits when a document is read; a decimal “3.1.” sits between
#: its “3.” and “a)”.
RANK = {"roman": 1, "article": 1, "part": 1, "arabic": 2, "decimal": 2.5, "letter": 3,
        "dash": 4, "plus": 5}
#: Letters of the Latin alphabet that the Vietnamese one does not have.
LATIN_ONLY = "fjwz"
#: A part or chapter: “Phần I”, “PHẦN THỨ HAI”, “Chương III” (its title follows, often on
#: the next line).
_PART_WORDS = (r"(?:Phần|PHẦN|Chương|CHƯƠNG)\s+(?:[IVXLC]+\b|(?:thứ|THỨ)\s+\w+|\d+\b)"
               r"\s*[.:]?")
#: A number written at the start of a paragraph, followed by its text. An article is
#: “Điều 5.” with its full stop (“Điều 69 của Luật …” starts a sentence, it numbers nothing).
LEADING_LABEL = re.compile(r"^(?:(Điều\s+\d+\s*[.:])|(" + _PART_WORDS + r")|"
                           r"([IVXLC]+\s*\.)|(\d+(?:\.\d+)+\.?)|(\d+\s*\.)|([a-zđ]\s*\))|"
                           r"([-–•+]))(?:\s+|$)")


def style_at(depth: int, numbering: str = SECTIONS) -> str:
    """The label kind the decree writes at ``depth`` (1-based) in this numbering."""
    styles = STYLES[numbering]
    return styles[min(depth, len(styles)) - 1]


def chain(numbering: str = SECTIONS) -> str:
    """The numbering as a reader sees it: ``I. → 1. → a) → - → +``."""
    return " → ".join(dict.fromkeys(written(kind, 1) for kind in STYLES[numbering]))


def auto_label(depth: int, index: int, numbering: str = SECTIONS) -> str:
    """The label of the ``index``-th (1-based) numbered node at ``depth``."""
    return written(style_at(depth, numbering), index)


def numbering_of(kinds: set[str], default: str) -> str:
    """How a body is numbered, read from the kinds of its outermost numbers: articles,
    sections (I., or parts), else points (1., or dashes); ``default`` for a body without."""
    if "article" in kinds:
        return ARTICLES
    if kinds & {"roman", "part"}:
        return SECTIONS
    return POINTS if kinds else default


def accepted(depth: int, numbering: str = SECTIONS) -> set[str]:
    """Label kinds accepted at ``depth`` in a document of this numbering."""
    kind = style_at(depth, numbering)
    return {kind, *ALSO_ACCEPTED.get(kind, ())}


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
_PART = re.compile(_PART_WORDS + r"|(?:Mục|MỤC)\s+\S+")
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
