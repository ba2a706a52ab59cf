"""The header of an imported document: issuing body, Quốc hiệu, number and symbol, dateline,
marks; then the type name and trích yếu, Kính gửi, and the preamble (authority, căn cứ,
“QUYẾT ĐỊNH:”).

Every field is kept as written: the number's digits (``0130``), a date with a blank day but
its month, a trích yếu typed over several paragraphs (one trích yếu).
"""

from __future__ import annotations

import re
from typing import Any

from vanban.decree.doctypes import CONG_VAN, DOCUMENT_TYPES, DocumentType, find_type
from vanban.decree.marks import mark_kind, normal_mark
from vanban.decree.numbering import ARTICLES, LEADING_LABEL
from vanban.document.cursor import Cursor
from vanban.document.model import Para
from vanban.i18n import _
from vanban.plan.serialize import Origin
from vanban.text.fold import fold, is_upper
from vanban.text.vnformat import PlanDate

#: What a typist leaves for a number or a day not yet given: spaces, dots, an ellipsis.
_BLANK = r"[\s.…_]*"
_NUMBER_LINE = re.compile(r"^Số\s*:?" + _BLANK + r"(?P<number>\d+(?:-\d+)?)?" + _BLANK +
                          r"/\s*(?P<symbol>\S+)\s*$")
_DATELINE = re.compile(r"^(?P<place>[^,]+?)\s*,?\s*ngày" + _BLANK + r"(?P<day>\d{1,2})?" +
                       _BLANK + r"tháng" + _BLANK + r"(?P<month>\d{1,2})?" + _BLANK + r"năm" +
                       _BLANK + r"(?P<year>\d{4}|20\.\.)?\s*$")
_DRAFT = re.compile(r"^DỰ THẢO(?:\s+(?:LẦN\s+)?(?P<round>\d+))?$", re.IGNORECASE)
_BASIS = ("Căn cứ", "Theo đề nghị", "Xét đề nghị")
QUOC_HIEU = "cong hoa xa hoi chu nghia viet nam"
MOTTO = "doc lap tu do hanh phuc"
#: A place or region that starts the second line of a name: “ỦY BAN NHÂN DÂN” / “TỈNH HÀ TĨNH”.
_NAME_CONTINUES = ("tinh ", "thanh pho ", "xa ", "phuong ", "huyen ", "dac khu ", "quan ")
_NAME_OPENS = ("uy ban nhan dan", "hoi dong nhan dan")


def draft_round(text: str) -> Any:
    """``True`` or the round number for a ``DỰ THẢO`` mark, else None."""
    m = _DRAFT.match(text.strip())
    if m is None:
        return None
    return int(m["round"]) if m["round"] else True


class HeaderParser:
    """Reads the header and the parts between it and the body into the cursor's data."""

    def __init__(self, cur: Cursor) -> None:
        self.cur = cur
        self.symbol: Origin | None = None

    def header(self) -> None:
        agency: list[Para] = []
        stamps: list[Para] = []
        seen_quoc_hieu = False
        while (para := self.cur.peek()) is not None:
            text, folded = para.text, fold(para.text)
            if para.is_rule or para.style in ("VB Rule", "VB Title Rule"):
                self.cur.take("rule")
            elif folded == QUOC_HIEU:
                seen_quoc_hieu = True
                self.cur.take("quoc_hieu")
            elif folded == MOTTO:
                self.cur.take("motto")
            elif m := _NUMBER_LINE.match(text):
                self.cur.take("number")
                self.number(m, para)
            elif text.startswith("V/v"):
                self.subject(self.cur.take("subject"))
            elif m := _DATELINE.match(text):
                self.cur.take("dateline")
                self.dateline(m, para)
            elif mark_kind(text) is not None:
                self.cur.take("stamp")
                stamps.append(para)
            elif draft_round(text) is not None and para.style != "VB Title":
                self.cur.take("draft")
                self.cur.data["draft"] = draft_round(text)
            elif is_upper(text) and not seen_quoc_hieu and "number" not in self.cur.data:
                self.cur.take()
                agency.append(para)
            elif self.type_line(para) is not None or text.startswith("Kính gửi"):
                break
            elif "number" in self.cur.data and "date" in self.cur.data:
                break  # the header is over: a công văn's body, or the seed's missing title
            else:
                self.cur.take()
                agency.append(para) if is_upper(text) else self.keep_header_line(para)
        self.issuer(agency)
        for para in stamps:
            self.cur.data[mark_kind(para.text)] = normal_mark(para.text)
        for box in self.cur.doc.floating:  # a DỰ THẢO box drawn over the header
            if "draft" not in self.cur.data and draft_round(box.text) is not None:
                self.cur.data["draft"] = draft_round(box.text)

    def keep_header_line(self, para: Para) -> None:
        self.cur.warn(para, _("this line of the header is not a part vanban knows; it is kept "
                              "at the start of the body: “{start}”"), start=para.text[:60])
        self.cur.data.setdefault("opening", []).append(self.cur.origin(para))

    def number(self, m: re.Match[str], para: Para) -> None:
        # the digits as written: “0130” stays 0130, a blank stays blank; both remember where
        # they are written, so findings on them point at the “Số:” line
        self.cur.data["number"] = self.cur.origin(para, m["number"], m.start("number")) \
            if m["number"] else ""
        self.symbol = self.cur.origin(para, m["symbol"], m.start("symbol"))

    def subject(self, para: Para) -> None:
        """“V/v …” of a công văn, with the lines it continues on in its cell."""
        texts = [para.text[3:].strip()]
        while (nxt := self.cur.peek()) is not None and para.cell is not None and \
                nxt.cell == para.cell and not _NUMBER_LINE.match(nxt.text) and \
                not _DATELINE.match(nxt.text):
            texts.append(self.cur.take("subject").text)
        self.cur.data["title"] = self.cur.origin(para, " ".join(texts), 3)

    def dateline(self, m: re.Match[str], para: Para) -> None:
        self.cur.data["place"] = self.cur.origin(para, m["place"].strip())
        year = int(m["year"]) if m["year"] and m["year"].isdigit() else None
        month = int(m["month"]) if m["month"] else None
        day = int(m["day"]) if m["day"] else None
        if year is None:
            self.cur.data["date"] = ""
            return
        try:
            if month is not None and day is not None:
                date = PlanDate.of(PlanDate(year, month, day).to_date())  # type: ignore[arg-type]
            else:  # a blank day keeps its month; a blank month, the year
                date = PlanDate(year, month if month and 1 <= month <= 12 else None)
        except ValueError:
            self.cur.warn(para, _("this date is not in the calendar: “{text}”"), text=para.text)
            date = PlanDate(year)
        self.cur.data["date"] = date.iso()

    def issuer(self, lines: list[Para]) -> None:
        """Superior (not bold, or every line but the issuer's) and issuer lines."""
        if not lines:
            self.cur.data["issuer"] = {"name": ""}
            return
        if any(p.style in ("VB Superior", "VB Issuer") for p in lines):
            superior = [p for p in lines if p.style == "VB Superior"]
            name = [p for p in lines if p.style != "VB Superior"]
        elif any(p.bold for p in lines) and not all(p.bold for p in lines):
            superior = [p for p in lines if not p.bold]
            name = [p for p in lines if p.bold]
        else:
            superior, name = lines[:-1], lines[-1:]
            while superior and (fold(name[0].text).startswith(_NAME_CONTINUES)
                                or fold(superior[-1].text) in _NAME_OPENS):
                name.insert(0, superior.pop())
        self.cur.roles["superior"] = superior
        self.cur.roles["issuer"] = name
        issuer: dict[str, Any] = {}
        if superior:
            issuer["superior"] = self._lines(superior)
        issuer["name"] = self._lines(name)
        self.cur.data["issuer"] = issuer

    def _lines(self, paras: list[Para]) -> Any:
        values = [self.cur.origin(p) for p in paras]
        return values[0] if len(values) == 1 else values

    def type_line(self, para: Para) -> DocumentType | None:
        text = para.text.strip().rstrip(":").strip()
        if not text or not is_upper(text) or len(text) > 40:
            return None
        found = find_type(text)
        return found if found is not None and found.name.upper() == text else None

    def title(self) -> None:
        para = self.cur.peek()
        doctype = self.type_line(para) if para else None
        if doctype is None:
            doctype = next(t for t in DOCUMENT_TYPES if t.layout == CONG_VAN) \
                if "title" in self.cur.data or (para and para.text.startswith("Kính gửi")) \
                else find_type("KH")
            assert doctype is not None
            self.cur.data["type"] = doctype.name
            if "title" not in self.cur.data:
                self.cur.data["title"] = ""
            self.cur.doctype = doctype
            return
        self.cur.take("type")
        self.cur.doctype = doctype
        self.cur.data["type"] = doctype.name
        first = self.cur.peek()
        if first is None or not self.starts_title(first):
            self.cur.data["title"] = ""
            return
        lines = [self.cur.take("title")]
        while (nxt := self.cur.peek()) is not None and self.continues_title(lines, nxt):
            lines.append(self.cur.take("title"))
        self.cur.data["title"] = Origin(" ".join(p.text for p in lines), first.index, 0)

    def starts_title(self, para: Para) -> bool:
        """Whether the paragraph after the type name is its trích yếu (a Phiếu trình goes
        straight on to Kính gửi, an untitled document to its căn cứ or its body)."""
        text = para.text
        return self.cur.made_by_vanban or not (
            text.startswith((*_BASIS, "Kính gửi")) or LEADING_LABEL.match(text) or
            self.type_line(para) is not None)

    def continues_title(self, lines: list[Para], nxt: Para) -> bool:
        """Whether ``nxt`` is one more paragraph of a trích yếu typed over several: the next
        paragraph, set like the first (centred, bold), with no rule drawn above it."""
        last = lines[-1]
        if self.cur.made_by_vanban:
            return nxt.style == "VB Title"
        if nxt.index != last.index + 1 or last.index in self.cur.ruled or nxt.format is None:
            return False
        first = lines[0]
        if nxt.format.alignment != "center" or nxt.bold != first.bold or \
                (is_upper(nxt.text) and not is_upper(first.text)):
            return False
        return self.starts_title(nxt) and not (nxt.text.startswith("(") and
                                               nxt.text.endswith(")"))

    def symbol_fields(self) -> None:
        symbol = self.symbol
        if symbol is None:
            return
        assert self.cur.doctype is not None
        code = self.cur.doctype.code
        groups = symbol.split("-", 1)
        if code and groups[0] == code and len(groups) == 2 and "-" not in groups[1]:
            self.cur.data["issuer"]["abbreviation"] = Origin(groups[1], symbol.para,
                                                             symbol.col + len(groups[0]) + 1)
        else:  # a công văn's body-unit, or a symbol vanban would not compose
            self.cur.data["symbol"] = symbol

    def addressees(self) -> None:
        """“Kính gửi: …” on its line, or followed by one “- …;” line per addressee (in the
        next paragraphs or the next cell of its row)."""
        para = self.cur.peek()
        if para is None or not para.text.startswith("Kính gửi"):
            return
        self.cur.take("addressee")
        rest = para.text.split(":", 1)[1].strip() if ":" in para.text else ""
        out = []
        if rest:
            out.append(self.cur.origin(para, rest.rstrip(".;"), para.text.index(rest)))
        elif (nxt := self.cur.peek()) is not None and para.cell is not None and \
                nxt.cell is not None and nxt.cell.table == para.cell.table and \
                nxt.cell.row == para.cell.row and not nxt.text.startswith("- "):
            self.cur.take("addressee_item")  # “Kính gửi:” | “Ủy ban nhân dân tỉnh.”
            out.append(self.cur.origin(nxt, nxt.text.rstrip(".;")))
        if not out:  # one “- …;” line per addressee, the last ending with “.”
            while (nxt := self.cur.peek()) is not None and self.addressee_item(nxt):
                self.cur.take("addressee_item")
                out.append(self.cur.origin(nxt, nxt.text[2:].rstrip(".;"), 2))
                if nxt.text.rstrip().endswith("."):
                    break
        self.cur.data["addressees"] = out

    def addressee_item(self, para: Para) -> bool:
        if not para.text.startswith("- ") or para.text.startswith("- Lưu"):
            return False
        return para.style == "VB Addressee Item" if self.cur.made_by_vanban else True

    def preamble(self) -> None:
        """Authority line, bases, “QUYẾT ĐỊNH:”, and the opening paragraphs."""
        assert self.cur.doctype is not None
        while (para := self.cur.peek()) is not None:
            text = para.text
            if para.style == "VB Authority" or (
                    self.cur.doctype.numbering == ARTICLES and is_upper(text) and
                    not self.cur.data.get("bases") and self.type_line(para) is None and
                    not LEADING_LABEL.match(text) and "issuing_authority" not in self.cur.data):
                self.cur.take("authority")
                self.cur.data["issuing_authority"] = self.cur.origin(para)
            elif para.style == "VB Basis" or (
                    not self.cur.made_by_vanban and text.startswith(_BASIS) and
                    self.cur.doctype.has_type_line and  # a công văn opens with its sentence
                    not self.cur.data.get("opening") and para.cell is None):
                self.cur.take("basis")
                self.cur.data.setdefault("bases", []).append(
                    self.cur.origin(para, text.rstrip(";.")))
            elif para.style == "VB Decides" or (
                    self.type_line(para) is not None and text.endswith(":")):
                self.cur.take("decides")
            elif para.style in ("VB Addressee",) or text.startswith("Kính gửi"):
                self.addressees()
            else:
                break
