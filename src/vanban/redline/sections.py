"""Section breaks copied from the old document into the redline.

A part after the document (an appendix, the attached document) starts a Word section whose
properties (``w:sectPr``, in the paragraph that ends the section before it) name their page
headers by relationship id, and ids are the old document's own. When a removed part's
section break is copied into the redline, its headers are copied with it and renamed, so
*Reject All* brings the old part back with its own pages, and the file stays valid.
"""

from __future__ import annotations

import copy

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.parts.hdrftr import FooterPart, HeaderPart
from lxml import etree

_REFERENCES = {qn("w:headerReference"): (HeaderPart, RT.HEADER),
               qn("w:footerReference"): (FooterPart, RT.FOOTER)}
_RID = qn("r:id")


class SectionAdopter:
    """Copies the header and footer parts old section breaks refer to, once each."""

    def __init__(self, old_doc: Document, new_doc: Document) -> None:
        self.old_doc, self.new_doc = old_doc, new_doc
        self.renamed: dict[str, str] = {}  # old relationship id → new one

    def adopt(self, p: etree._Element) -> None:
        """Make the section properties in ``p`` (a copy of an old paragraph) refer to parts
        of the new document."""
        for sect_pr in p.iter(qn("w:sectPr")):
            for ref in sect_pr:
                if ref.tag in _REFERENCES and ref.get(_RID):
                    ref.set(_RID, self._part(ref.get(_RID), *_REFERENCES[ref.tag]))

    def _part(self, rid: str, kind, reltype: str) -> str:
        if rid not in self.renamed:
            old = self.old_doc.part.rels[rid].target_part
            part = kind.new(self.new_doc.part.package)
            root = part.element
            for child in list(root):
                root.remove(child)
            for child in old.element:
                root.append(copy.deepcopy(child))
            self.renamed[rid] = self.new_doc.part.relate_to(part, reltype)
        return self.renamed[rid]
