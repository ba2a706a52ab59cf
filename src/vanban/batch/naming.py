"""Safe, deterministic file names for the documents of a batch.

Names are built from the plan's file name and the agency's name, folded to ASCII
(``Sở Tư pháp`` → ``so-tu-phap``): no path separators, no spaces, nothing a file system or a
mail gateway would choke on, and never a bare reserved name such as ``con`` (every name
starts with the plan's). A name with no Latin letter gets a fingerprint of its own text.
Two agencies that fold to the same name get ``-2``, ``-3`` … in the order they appear, so
the same batch always gives the same names.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from vanban.text.fold import ascii_fold, fold, slug

PLAN_LENGTH = 40
AGENCY_LENGTH = 60
SEPARATOR = "__"


def plan_stem(plan_path: str | Path) -> str:
    """``plans/277-KH-BCD-2023.yaml`` → ``277-kh-bcd-2023``."""
    return slug(Path(plan_path).stem, max_length=PLAN_LENGTH)


_WORDS = re.compile(r"\w+")


def agency_key(name: str) -> str:
    """Two spellings of one agency (case, Vietnamese diacritics, punctuation) share a key;
    letters of other scripts are kept, so names in them never collapse into one."""
    text = ascii_fold(unicodedata.normalize("NFC", name)).casefold()
    return "-".join(_WORDS.findall(text))


def name_part(text: str, max_length: int) -> str:
    """``text`` as a file-name part: its ASCII slug, or — when nothing of it is Latin — a
    short fingerprint of it, so two such names still get two files."""
    part = slug(text, max_length=max_length)
    if not fold(text) and agency_key(text):
        digest = hashlib.sha1(agency_key(text).encode("utf-8")).hexdigest()[:10]
        part = f"x-{digest}"
    return part


class Namer:
    """Hands out unique stems; remembers every name it gave."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, *parts: str) -> str:
        pieces = [name_part(p, AGENCY_LENGTH) for p in parts if p]
        stem = SEPARATOR.join(pieces) or "x"
        name, n = stem, 2
        while name in self._taken:
            name, n = f"{stem}-{n}", n + 1
        self._taken.add(name)
        return name
