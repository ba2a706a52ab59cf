"""Tracked changes still pending in a document (neither accepted nor rejected).

The reader takes a pending insertion as current text and leaves a pending deletion out — what
the document says once its changes are accepted, which is what a redline made by ``vanban
diff`` means. The importer says so once, with the counts, so nobody mistakes a draft under
review for its final text.
"""

from __future__ import annotations

import re
from typing import Any

from vanban.document.docx.ooxml import W

#: The parts besides the body that hold text a reader sees.
_STORIES = re.compile(r"^/word/(header|footer)\d*\.xml$|^/word/(foot|end)notes\.xml$")

#: Revision marks and what they count as; a moved run is marked twice (from, to), counted once.
_KINDS = {W + "ins": "insertions", W + "del": "deletions", W + "moveTo": "moves",
          W + "rPrChange": "formatting", W + "pPrChange": "formatting"}


def pending_changes(body: Any, document: Any = None) -> dict[str, int]:
    """How many revisions of each kind ``body`` and the headers, footers and notes of the
    python-docx ``document`` hold (empty when there are none)."""
    roots = [body]
    if document is not None:
        roots += [part.element for part in document.part.package.iter_parts()
                  if _STORIES.search(str(part.partname)) and hasattr(part, "element")]
    counts: dict[str, int] = {}
    for root in roots:
        for element in root.iter(*_KINDS):
            kind = _KINDS[element.tag]
            counts[kind] = counts.get(kind, 0) + 1
    return counts
