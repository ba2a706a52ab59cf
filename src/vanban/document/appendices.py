"""What follows the signature of an imported document: its appendices and the document a
decision issues.

An appendix starts at its heading (``Phụ lục I``, ``PHỤ LỤC``, ``Phụ lục số 01``, the title
possibly on the same line), or — read by a guess, and said so (VB011) — at a title block
(``DANH SÁCH`` / its subject) that a ``(Kèm theo …)`` line closes. Its title may run over
several paragraphs; the ``(Kèm theo …)`` line is kept as written, over as many paragraphs as
it takes to its closing bracket. Its content is read by the body parser (numbered items,
paragraphs, tables).

A decision's attached document (“Ban hành kèm theo Quyết định này Quy chế …”) starts, after
the decision's signature, with its own header (issuing body, Quốc hiệu) or straight with its
type name (``QUY CHẾ``, ``KẾ HOẠCH``, ``ĐIỀU LỆ``), then its trích yếu and ``(Kèm theo
Quyết định số …)``; its body is numbered as its type numbers (Chương, Điều …) and its own
appendices follow it. A list attached the same way (``DANH SÁCH``) is an appendix.
"""

from __future__ import annotations

import re
from typing import Any

from vanban.decree.doctypes import QUYET_DINH, DocumentType, find_type
from vanban.decree.numbering import LEADING_LABEL
from vanban.document.body import BodyParser
from vanban.document.cursor import Cursor
from vanban.document.header import MOTTO, QUOC_HIEU
from vanban.document.model import Para
from vanban.i18n import _
from vanban.plan.serialize import Origin
from vanban.text.fold import fold, is_upper

#: “Phụ lục”, “PHỤ LỤC II”, “Phụ lục số 01”, then the title on the same line or nothing.
_HEADING = re.compile(r"^(?:PHỤ LỤC|Phụ lục|Phụ Lục)(?:\s+(?:số|SỐ)?\s*(?:[IVXLC]+|\d+)\b)?")
_TITLE_SEPARATOR = re.compile(r"^\s*[.:–—-]\s*")
#: The first words of a “(Kèm theo …)” line, folded.
_REFERENCE = re.compile(r"^(?:ban hanh |phe duyet |duoc ban hanh )?kem theo\b")
#: How many paragraphs a title block, or a “(Kèm theo …)” line, runs over at most.
_TITLE_LINES = 5
_REFERENCE_LINES = 3
#: Type names of documents a decision issues that the decree's table does not list, and the
#: type numbered the same way that holds them.
_NOT_DECREE_TYPES = {"dieu le": "Quy chế"}


def appendix_heading(text: str) -> tuple[int, str] | None:
    """Where the title starts on a ``Phụ lục …`` heading line, and the title ("" when it is
    on the next paragraphs); None for a line that is not a heading."""
    m = _HEADING.match(text)
    if m is None:
        return None
    rest = text[m.end():]
    if not rest.strip():
        return len(text), ""
    sep = _TITLE_SEPARATOR.match(rest)
    if sep is None and not (rest[:1].isspace() and is_upper(rest)):
        return None  # “Phụ lục này gồm …”: a sentence
    start = m.end() + (sep.end() if sep else len(rest) - len(rest.lstrip()))
    return start, text[start:]


def is_reference(text: str) -> bool:
    """A “(Kèm theo …)” / “(Ban hành kèm theo …)” line."""
    return text.lstrip().startswith("(") and bool(_REFERENCE.match(fold(text)))


class TailParser:
    """Reads the appendices and the attached document after the signature."""

    def __init__(self, cur: Cursor) -> None:
        self.cur = cur
        assert cur.doctype is not None
        self.doctype = cur.doctype

    # --- looking ahead ---------------------------------------------------------------------

    def ahead(self, para: Para, count: int) -> list[Para]:
        """``para`` and the printed units after it, ``count`` in all."""
        out = [para]
        for nxt in self.cur.paras[para.index + 1:]:
            if len(out) >= count:
                break
            if nxt.text and nxt.index not in self.cur.hidden:
                out.append(nxt)
        return out

    def title_like(self, para: Para) -> bool:
        """A line of a heading block: centred (a Word file), in capitals (a text file)."""
        if para.cell is not None or LEADING_LABEL.match(para.text) or is_reference(para.text):
            return False
        if para.format is not None:
            return para.format.alignment == "center"
        return is_upper(para.text)

    def starts_appendix(self, para: Para) -> bool:
        return para.cell is None and (appendix_heading(para.text) is not None or
                                      self.closed_by_reference(para))

    def closed_by_reference(self, para: Para) -> bool:
        """A title block that a “(Kèm theo …)” line closes (“DANH SÁCH” / its subject)."""
        if not (is_upper(para.text) and self.title_like(para)):
            return False
        for nxt in self.ahead(para, _TITLE_LINES + 1)[1:]:
            if is_reference(nxt.text):
                return True
            if not self.title_like(nxt):
                return False
        return False

    def attached_type(self, para: Para) -> tuple[DocumentType, str | None] | None:
        """The type of a document a decision issues, from its type-name line, and the name
        as written when the decree has no such type (“ĐIỀU LỆ”)."""
        text = para.text.strip()
        if para.cell is not None or not is_upper(text) or len(text) > 30:
            return None
        if (stand_in := _NOT_DECREE_TYPES.get(fold(text))) is not None:
            found = find_type(stand_in)
            return (found, text) if found is not None else None
        found = find_type(text)
        if found is None or found.name.upper() != text or found.layout == QUYET_DINH:
            return None
        return found, None

    def starts_attachment(self, para: Para) -> bool:
        """A decision's attached document: its header (if any), a type name, and a “(Kèm
        theo Quyết định …)” line after its trích yếu."""
        if self.doctype.layout != QUYET_DINH or "attachment" in self.cur.data:
            return False
        units = self.ahead(para, 12)
        at = 0
        while at < len(units) and self.header_line(units[at]):
            at += 1
        if at >= len(units) or self.attached_type(units[at]) is None:
            return False
        return any(is_reference(p.text) and "quyet dinh" in fold(p.text)
                   for p in units[at + 1:at + 2 + _TITLE_LINES])

    def header_line(self, para: Para) -> bool:
        """A line of an attached document's own header: its issuing body, the Quốc hiệu,
        the Tiêu ngữ, a rule."""
        folded = fold(para.text)
        return para.is_rule or folded in (QUOC_HIEU, MOTTO) or (
            is_upper(para.text) and self.attached_type(para) is None and
            (para.cell is not None or len(para.text) <= 60) and
            not appendix_heading(para.text))

    # --- reading ---------------------------------------------------------------------------

    def tail(self) -> None:
        """Appendices and the attached document, in order; what is neither stays for the
        notes (read after)."""
        appendices: list[Any] = []
        numbering = self.cur.data.get("numbering") or self.doctype.numbering
        while (para := self.cur.peek()) is not None:
            if self.starts_attachment(para):
                self.attachment()
            elif self.starts_appendix(para):
                appendices.append(self.appendix(numbering))
            else:
                break
        if appendices:
            self.cur.data["appendices"] = appendices

    def ends_part(self, para: Para) -> bool:
        return self.starts_appendix(para) or self.starts_attachment(para)

    def appendix(self, numbering: str) -> dict[str, Any]:
        first = self.cur.take()
        heading = appendix_heading(first.text)
        title: list[Origin] = []
        reference: list[Para] = []
        label: Any = ""  # no heading line: the title stands alone (“DANH SÁCH …”)
        if heading is None:  # a title block closed by its “(Kèm theo …)” line
            self.cur.roles.setdefault("appendix_title", []).append(first)
            title.append(self.cur.origin(first))
            self.cur.warn(first, _("“{text}” after the signature is read as an appendix, by "
                                   "the “(Kèm theo …)” line under it"), text=first.text[:60])
        else:
            self.cur.roles.setdefault("appendix_label", []).append(first)
            start, same_line = heading
            # the heading as written (“Phụ lục số 01”, “PHỤ LỤC”): vanban prints it as is
            label = self.cur.origin(first, first.text[:start].rstrip(" .:-–"), 0)
            if same_line:
                title.append(self.cur.origin(first, same_line, start))
        if (nxt := self.cur.peek()) is not None and is_reference(nxt.text):
            reference = self.reference()  # written before the title
        while (nxt := self.cur.peek()) is not None and len(title) < _TITLE_LINES and \
                not reference and self.title_like(nxt) and appendix_heading(nxt.text) is None and \
                not (title and title[-1].para in self.cur.ruled):
            title.append(self.cur.origin(self.cur.take("appendix_title")))
        if not reference and (nxt := self.cur.peek()) is not None and is_reference(nxt.text):
            reference = self.reference()
        out: dict[str, Any] = {"label": label,
                               "title": self._joined(title) if title else
                               self.cur.origin(first)}
        if first.section < len(self.cur.doc.sections) and \
                self.cur.doc.sections[first.section].landscape:
            out["landscape"] = True
        if reference:
            out["reference"] = self._joined([self.cur.origin(p) for p in reference])
        parser = BodyParser(self.cur, appendix_of=numbering, role="appendix",
                            stops=self.ends_part)
        parsed = parser.parse([], strip_mark=True)  # “./.” is for vanban to print
        content = parsed["opening"] + parsed["sections"] + parsed["closing"]
        if content:
            out["content"] = content
        return out

    def reference(self, role: str = "appendix_reference") -> list[Para]:
        """The “(Kèm theo …)” line, over the paragraphs up to its closing bracket."""
        lines = [self.cur.take(role)]
        while not lines[-1].text.rstrip().endswith(")") and len(lines) < _REFERENCE_LINES and \
                (nxt := self.cur.peek()) is not None and nxt.cell is None and \
                not LEADING_LABEL.match(nxt.text):
            lines.append(self.cur.take(role))
        return lines

    def attachment(self) -> None:
        header: list[Para] = []
        while (para := self.cur.peek()) is not None and self.attached_type(para) is None:
            header.append(self.cur.take("rule" if para.is_rule else "attachment_header"))
        opening = self.foreign_header(header)
        type_line = self.cur.take("attachment_type")
        found = self.attached_type(type_line)
        assert found is not None
        doctype, written = found
        if written is not None:
            self.cur.warn(type_line, _(
                "“{text}” is not a type of document in the decree's list; the attached "
                "document is kept as a {type}, which is numbered the same way"),
                text=written, type=doctype.name)
        title: list[Origin] = []
        while (nxt := self.cur.peek()) is not None and not is_reference(nxt.text) and \
                len(title) < _TITLE_LINES and self.title_like(nxt):
            title.append(self.cur.origin(self.cur.take("attachment_title")))
        out: dict[str, Any] = {"type": doctype.name}
        if written is not None:
            out["name"] = written[:1] + written[1:].lower()  # “ĐIỀU LỆ” → “Điều lệ”
        out["title"] = self._joined(title) if title else ""
        if (nxt := self.cur.peek()) is not None and is_reference(nxt.text):
            lines = self.reference("attachment_reference")
            out["reference"] = self._joined([self.cur.origin(p) for p in lines])
        parser = BodyParser(self.cur, doctype=doctype, role="attachment",
                            stops=self.starts_appendix)
        parsed = parser.parse(opening, strip_mark=True)
        if parsed["numbering"] != doctype.numbering:
            out["numbering"] = parsed["numbering"]
        for key in ("opening", "sections", "closing"):
            if parsed[key]:
                out[key] = parsed[key]
        appendices = []
        while (para := self.cur.peek()) is not None and self.starts_appendix(para):
            appendices.append(self.appendix(parsed["numbering"]))
        if appendices:
            out["appendices"] = appendices
        self.cur.data["attachment"] = out

    def foreign_header(self, header: list[Para]) -> list[Any]:
        """An attached document's own header repeats the decision's issuing body and Quốc
        hiệu (vanban prints them from the plan); any other line of it is kept at the start of
        its body, and reported."""
        issuer = self.cur.data.get("issuer", {})
        names = {fold(str(n)) for key in ("superior", "name")
                 for n in (issuer.get(key) if isinstance(issuer.get(key), list)
                           else [issuer.get(key, "")])}
        kept = []
        for para in header:
            folded = fold(para.text)
            if para.is_rule or folded in (QUOC_HIEU, MOTTO) or folded in names:
                continue
            self.cur.warn(para, _("“{text}” in the header of the attached document is not "
                                  "the decision's issuing body; it is kept at the start of "
                                  "its body"), text=para.text[:60])
            kept.append(self.cur.origin(para))
        return kept

    @staticmethod
    def _joined(parts: list[Origin]) -> Origin:
        return Origin(" ".join(str(p).strip() for p in parts), parts[0].para, parts[0].col)
