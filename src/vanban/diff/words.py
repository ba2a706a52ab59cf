"""Word-level differences inside one paragraph.

Text is cut into words, runs of spaces and single punctuation marks, compared with difflib,
and the result is cleaned up the way a reader wants it: a change of several words next to
each other is one deletion followed by one insertion, not a comb of single words with the
spaces between them kept as "unchanged".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

Op = Literal["equal", "delete", "insert"]

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def words(text: str) -> list[str]:
    """The words of ``text`` only (for similarity)."""
    return [t for t in tokens(text) if not t.isspace()]


def similarity(a: str, b: str) -> float:
    """How alike two texts are, 0 … 1, counted in words."""
    return word_ratio(words(a), words(b))


def word_ratio(a: list[str], b: list[str], at_least: float = 0.0) -> float:
    """How alike two word lists are, 0 … 1; 0 as soon as it is known to be below
    ``at_least`` (difflib's cheap upper bounds first: most pairs stop there)."""
    if not a and not b:
        return 1.0
    sm = SequenceMatcher(None, a, b, autojunk=False)
    if at_least and (sm.real_quick_ratio() < at_least or sm.quick_ratio() < at_least):
        return 0.0
    ratio = sm.ratio()
    return ratio if ratio >= at_least else 0.0


def bag_similarity(a: Counter[str], b: Counter[str], at_least: float = 0.0) -> float:
    """How alike two multisets of words are, 0 … 1: twice the words they share over the
    words of both (difflib's ``quick_ratio``, an upper bound of :func:`word_ratio`); 0 when
    below ``at_least``. It costs the number of distinct words of the smaller one, whatever
    their order, so whole sections are compared in linear time."""
    size_a, size_b = a.total(), b.total()
    if not size_a and not size_b:
        return 1.0
    if 2 * min(size_a, size_b) < at_least * (size_a + size_b):
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    shared = sum(min(n, large[w]) for w, n in small.items() if w in large)
    ratio = 2 * shared / (size_a + size_b)
    return ratio if ratio >= at_least else 0.0


@dataclass(frozen=True)
class Segment:
    """A piece of the comparison: ``old``/``new`` are the spans it covers on each side."""

    op: Op
    text: str
    old: tuple[int, int]
    new: tuple[int, int]


def _is_glue(text: str) -> bool:
    """Spaces and lone punctuation between two changes read better inside the change."""
    return len(text.strip()) <= 1 and len(text) <= 2


def diff_words(old: str, new: str) -> list[Segment]:
    """The segments turning ``old`` into ``new``: equal, delete, insert, in reading order.

    A replaced stretch gives its deletion first, then its insertion (Word's habit).
    """
    a, b = tokens(old), tokens(new)
    sm = SequenceMatcher(None, a, b, autojunk=False)
    # offsets of each token boundary, to turn token ranges into character spans
    oa = [0]
    for t in a:
        oa.append(oa[-1] + len(t))
    ob = [0]
    for t in b:
        ob.append(ob[-1] + len(t))

    # (tag, i1, i2, j1, j2) runs; two changes separated only by glue become one change
    merged: list[list] = []
    for run in (list(op) for op in sm.get_opcodes()):
        if run[0] != "equal":
            if merged and merged[-1][0] != "equal":
                start = merged.pop()
            elif (len(merged) >= 2 and merged[-2][0] != "equal"
                  and _is_glue(old[oa[merged[-1][1]]:oa[merged[-1][2]]])):
                merged.pop()
                start = merged.pop()
            else:
                start = run
            run = ["replace", start[1], run[2], start[3], run[4]]
        merged.append(run)

    out: list[Segment] = []
    for tag, i1, i2, j1, j2 in merged:
        span_a, span_b = (oa[i1], oa[i2]), (ob[j1], ob[j2])
        if tag == "equal":
            out.append(Segment("equal", old[span_a[0]:span_a[1]], span_a, span_b))
            continue
        if i2 > i1:
            out.append(Segment("delete", old[span_a[0]:span_a[1]], span_a, (span_b[0], span_b[0])))
        if j2 > j1:
            out.append(Segment("insert", new[span_b[0]:span_b[1]], (span_a[1], span_a[1]), span_b))
    return out


def inline(segments: list[Segment]) -> str:
    """``old [-removed-]{+added+} text``: a word diff readable in a review comment."""
    parts = []
    for s in segments:
        if s.op == "equal":
            parts.append(s.text)
        elif s.op == "delete":
            parts.append(f"[-{s.text}-]")
        else:
            parts.append(f"{{+{s.text}+}}")
    return "".join(parts)
