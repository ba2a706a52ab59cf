"""A line of a form read as one of its fields: the label as the form prints it, or as
practice writes it, and the value after it.

Labels are matched on the line without its diacritics and in lower case (“Chủ toạ”, “CHỦ
TỌA” and “Chủ tọa” are one label); the value is cut from the line as written. A value is
kept as written but for the full stop vanban adds back when it prints the field (and the
body's ``./.``, which vanban writes itself).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vanban.text.fold import ascii_fold, fold

#: The dash of a list line (“- Sở Tư pháp;”); an en or em dash is typed for it too.
_ITEM = re.compile(r"^[-–—]\s+")


def folded(text: str) -> str | None:
    """``text`` without diacritics, in lower case, each character where it was (None when
    folding would move them: decomposed text, which the reader does not give)."""
    out = ascii_fold(text).lower()
    return out if len(out) == len(text) else None


#: The colon after a label, and the spaces around it.
COLON = r"\s*:\s*"


def pattern(words: str, *variants: str, colon: bool = True) -> re.Pattern[str]:
    """A label: the form's ``words`` then its colon (optional unless ``colon``), or one of
    the ``variants`` (regular expressions on the folded line, each with its own separator),
    up to where the value starts."""
    own = re.escape(ascii_fold(words).lower()).replace(r"\ ", r"\s+")
    own += COLON if colon else r"(?:\s*:\s*|\s+)"
    return re.compile(f"(?:{'|'.join((own, *variants))})")


@dataclass(frozen=True)
class Label:
    """One field's label: the form's words and the pattern that reads it."""

    words: str  # as the form prints it: “Chủ trì”, “Thời gian bắt đầu”
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Found:
    """A line read as a field."""

    written: str  # the label as written, colon included
    value: str  # the value, without the full stop vanban prints
    col: int  # where the value starts in the line

    def kept(self, words: str) -> bool:
        """Whether the form's label ``words`` says all the written label says."""
        return kept(self.written, words)


def kept(written: str, words: str) -> bool:
    """Whether every word of ``written`` is in ``words``, in order (spelling, case and
    punctuation aside): printing the form's ``words`` for it leaves nothing out (“Chủ trì:”
    in “Chủ trì (chủ tọa)”, not “Thành phần tham dự gồm:” in “Thành phần tham dự”)."""
    given = iter(fold(words).split())
    return all(word in given for word in fold(written).split())


def read(label: Label, text: str) -> Found | None:
    """``text`` as the field ``label`` names, or None."""
    lowered = folded(text)
    m = label.pattern.match(lowered) if lowered is not None else None
    if m is None:
        return None
    rest = text[m.end():]
    return Found(text[:m.end()].rstrip(), field_value(rest), m.end())


def field_value(text: str) -> str:
    """A field's value as the plan holds it: without the body's ``./.`` or the full stop
    vanban adds to a value that has no mark of its own."""
    text = text.strip()
    if text.endswith("./."):
        return text[:-3].rstrip()
    return text[:-1].rstrip() if text.endswith(".") else text


def is_item(text: str) -> bool:
    """A line of a list: “- …;”."""
    return bool(_ITEM.match(text))


def item(text: str) -> tuple[str, int]:
    """A list line's entry without its dash and its “;” or “.”, and where it starts."""
    m = _ITEM.match(text)
    start = m.end() if m else 0
    value = text[start:].strip()
    value = value.removesuffix("./.")
    return value.rstrip(" ;."), start
