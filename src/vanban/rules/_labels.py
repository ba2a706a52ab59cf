"""Reading explicit numbers as written in existing documents: ``II.``, ``3.``, ``đ)``, ``2.1.``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from vanban.model import Node, Plan
from vanban.problems import Mark
from vanban.vnformat import POINT_LETTERS, from_roman, point_letter, roman

#: The decree's style at each depth: I. → 1. → a) → - → +.
STYLE_BY_DEPTH = {1: "roman", 2: "arabic", 3: "letter", 4: "dash", 5: "plus"}
#: What practice accepts besides: dash lists straight under a mục or a khoản (in place of
#: khoản or điểm), and “+” under a dash. A “+” directly under a khoản, or a letter under a
#: mục, skips levels the reader relies on.
ACCEPTED_BY_DEPTH = {1: {"roman"}, 2: {"arabic", "dash"}, 3: {"letter", "dash"},
                     4: {"dash", "plus"}, 5: {"plus"}}


def accepted(depth: int, structure: str) -> set[str]:
    """Label kinds accepted at ``depth`` in a document of this structure (muc or dieu)."""
    if depth == 1 and structure == "dieu":
        return {"article"}
    return ACCEPTED_BY_DEPTH[depth]
LATIN_ONLY = "fjwz"


@dataclass(frozen=True)
class Label:
    kind: str  # roman, arabic, letter, latin, dash, plus, decimal, part, unknown
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


def written_numbers(plan: Plan, kind: str | None = None) -> Iterator[tuple[Node, Label, Mark]]:
    """Nodes whose number is written in the plan (of ``kind``, if given): node, the number
    read, and where it was written."""
    for node in plan.nodes():
        if node.number is None:
            continue
        label = parse_label(node.number)
        if kind is None or label.kind == kind:
            yield node, label, number_mark(node)


def number_mark(node: Node) -> Mark:
    """Where ``node``'s number was written, else the node itself."""
    return node.marks.get("number", node.mark)


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
