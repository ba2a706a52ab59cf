"""Where the units of a .docx read by :func:`~vanban.document.docx.read_docx` are in its XML.

Positions count Word paragraphs in reading order (``¶14``), which is not the order of the
``w:p`` elements in ``document.xml`` (a table's cells are read by its grid, text boxes are not
counted). Whoever edits the XML — the annotator puts comments on findings — needs the
element of ``¶N``; it is named here by its place among all the part's ``w:p`` in document
order, which any parse of the same bytes agrees on.
"""

from __future__ import annotations

from vanban.document.docx.ooxml import W
from vanban.document.model import Document


def paragraph_positions(document: Document) -> dict[int, int]:
    """For each Word paragraph number of ``document``, the index of its ``w:p`` among the
    ``w:p`` elements of the main document part in document order."""
    elements = list(document.docx.element.iter(W + "p"))  # kept alive: ids stay unique
    index = {id(element): i for i, element in enumerate(elements)}
    out: dict[int, int] = {}
    for para in document.paras:
        if para.number not in out and para.element is not None:
            # python-docx keeps the element of a Paragraph as ``_p``; the walker made it
            found = index.get(id(para.element._p))
            if found is not None:
                out[para.number] = found
    return out
