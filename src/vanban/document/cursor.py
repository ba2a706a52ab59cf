"""The importer's walk through a document: paragraphs in reading order, and what is found.

The header, body and footer parsers (:mod:`.header`, :mod:`.body`, :mod:`.footer`) share one
:class:`Cursor`: it hands out paragraphs in order, records which paragraph is which component
(``roles``, for checking a document as it is), collects the plan data in plan-file keys, and
reports what was placed by a guess (VB011).
"""

from __future__ import annotations

from typing import Any

from vanban.decree.doctypes import DocumentType
from vanban.document.model import Document, Para
from vanban.i18n import _
from vanban.plan.codes import IMPORT_UNCERTAIN
from vanban.plan.serialize import Origin
from vanban.problems import Problem, Severity


class Cursor:
    """Paragraphs in reading order, a position, and the plan data read so far."""

    def __init__(self, document: Document) -> None:
        self.doc = document
        self.paras = list(document.paras)
        #: A .docx vanban rendered: its styles say what each paragraph is.
        self.made_by_vanban = any(p.style.startswith("VB ") for p in document.paras)
        self.problems: list[Problem] = []
        self.data: dict[str, Any] = {}
        self.pos = 0
        #: Which paragraphs are which component (for checking a document as it is).
        self.roles: dict[str, list[Para]] = {}
        self.doctype: DocumentType | None = None
        self.text_tables = 0  # tables of a text file read so far (to name them)
        #: Units with a rule drawn under them (the last line of a trích yếu, an issuer …).
        self.ruled = {line.under for line in document.lines if line.under is not None}
        #: Units Word does not print (hidden, or white on white): not part of the document.
        self.hidden = {p.index for p in document.paras
                       if p.text and p.format is not None and p.format.hidden}
        for para in document.paras:
            if para.index in self.hidden:
                self.warn(para, _("“{text}” is hidden or white, so it is not printed; it is "
                                  "left out"), text=para.text[:60])

    def warn(self, para: Para, msgid: str, **args: Any) -> None:
        """Report a paragraph placed by a guess (VB011)."""
        self.problems.append(Problem(self.doc.mark(para), IMPORT_UNCERTAIN, msgid, args,
                                     Severity.WARNING, "import-uncertain"))

    def origin(self, para: Para, text: str | None = None, offset: int = 0) -> Origin:
        """``text`` (default: the paragraph's) remembering it starts at column ``offset``."""
        return Origin(para.text if text is None else text, para.index, offset)

    def peek(self) -> Para | None:
        """The next paragraph with text (or vanban's signature space), without taking it."""
        while self.pos < len(self.paras) and (
                (not self.paras[self.pos].text or self.pos in self.hidden)
                and not self.paras[self.pos].style == "VB Signature Space"):
            self.pos += 1
        return self.paras[self.pos] if self.pos < len(self.paras) else None

    def take(self, role: str | None = None) -> Para:
        """Take the next paragraph, recording it as ``role``."""
        para = self.peek()
        assert para is not None
        self.pos += 1
        if role:
            self.roles.setdefault(role, []).append(para)
        return para
