"""Certain fixes as edits of the plan's source text, at exact character offsets.

Editing the text where the value was written keeps comments, key order, quoting and line
breaks exactly as the author left them — what a round trip through a YAML library cannot
promise. A fix is offered only where the value appears literally in the source.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from vanban.plan.source import YScalar
from vanban.problems import Edit, Fix


def single_line(text: str, node: YScalar) -> bool:
    """The scalar sits on one line, so its source is its value (plus quotes)."""
    return "\n" not in text[node.start:node.end] and node.style in (None, "'", '"')


def literal(text: str, node: YScalar, old: str, new: str) -> Fix | None:
    """Replace every literal occurrence of ``old`` inside the scalar's source."""
    span = text[node.start:node.end]
    edits = []
    pos = span.find(old)
    while pos >= 0 and old:
        edits.append(Edit(node.start + pos, node.start + pos + len(old), new))
        pos = span.find(old, pos + len(old))
    return Fix(tuple(edits)) if edits else None


def by_regex(text: str, node: YScalar, pattern: re.Pattern[str],
             replace: Callable[[re.Match[str]], str]) -> Fix | None:
    """Apply a regex substitution inside a one-line scalar's source."""
    if not single_line(text, node):
        return None
    edits = []
    for m in pattern.finditer(text, node.start, node.end):
        new = replace(m)
        if new != m.group():
            edits.append(Edit(m.start(), m.end(), new))
    return Fix(tuple(edits)) if edits else None


_CLUSTER = re.compile(r"\w[\u0300-\u036f\u0323\u0309]+")


def to_nfc(text: str, node: YScalar) -> Fix | None:
    """Compose every decomposed letter of the scalar (base letter + combining marks)."""
    edits = []
    for m in _CLUSTER.finditer(text, node.start, node.end):
        composed = unicodedata.normalize("NFC", m.group())
        if composed != m.group():
            edits.append(Edit(m.start(), m.end(), composed))
    return Fix(tuple(edits)) if edits else None


def apply(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits (overlapping ones after the first are skipped)."""
    out, last = [], 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < last:
            continue
        out.append(text[last:edit.start])
        out.append(edit.replacement)
        last = edit.end
    out.append(text[last:])
    return "".join(out)
