"""The header of an imported document: issuing body, Quốc hiệu, number and symbol, dateline,
marks; then the type name and trích yếu, Kính gửi, and the preamble (authority, căn cứ,
“QUYẾT ĐỊNH:”)."""

from __future__ import annotations

import re
from typing import Any

from vanban.decree.doctypes import CONG_VAN, DOCUMENT_TYPES, DocumentType, find_type
from vanban.decree.marks import mark_kind, normal_mark
from vanban.decree.numbering import LEADING_LABEL
from vanban.document.cursor import Cursor
from vanban.document.reader import Para
from vanban.i18n import _
from vanban.text.fold import fold, is_upper
from vanban.text.vnformat import parse_date

_NUMBER_LINE = re.compile(r"^Số\s*:?\s*(?P<number>\d*)\s*/\s*(?P<symbol>\S+)\s*$")
_DATELINE = re.compile(r"^(?P<place>[^,]+?)\s*,?\s*ngày\s*(?P<day>\d{1,2})?\s*tháng\s*"
                       r"(?P<month>\d{1,2})?\s*năm\s*(?P<year>\d{4}|20\.\.)?\s*$")
QUOC_HIEU = "cong hoa xa hoi chu nghia viet nam"
MOTTO = "doc lap tu do hanh phuc"


class HeaderParser:
    """Reads the header and the parts between it and the body into the cursor's data."""

    def __init__(self, cur: Cursor) -> None:
        self.cur = cur
        self.symbol: str | None = None

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
                self.number(m)
            elif text.startswith("V/v"):
                self.cur.take("subject")
                self.cur.data["title"] = self.cur.origin(para, text[3:].strip(), 3)
            elif m := _DATELINE.match(text):
                self.cur.take("dateline")
                self.dateline(m, para)
            elif mark_kind(text) is not None:
                self.cur.take("stamp")
                stamps.append(para)
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

    def keep_header_line(self, para: Para) -> None:
        self.cur.warn(para, _("paragraph {number} of the header is not a part vanban knows; it "
                              "is kept at the start of the body: “{start}”"),
                      number=para.number, start=para.text[:60])
        self.cur.data.setdefault("opening", []).append(self.cur.origin(para))

    def number(self, m: re.Match[str]) -> None:
        number = m["number"]
        self.cur.data["number"] = int(number) if number else ""
        self.symbol = m["symbol"]

    def dateline(self, m: re.Match[str], para: Para) -> None:
        self.cur.data["place"] = self.cur.origin(para, m["place"].strip())
        year = m["year"] if m["year"] and m["year"].isdigit() else None
        if m["day"] and m["month"] and year:
            try:
                self.cur.data["date"] = parse_date(f"{year}-{m['month']}-{m['day']}").iso()
            except ValueError:
                self.cur.warn(para, _("the date in paragraph {number} is not a real date: "
                                      "“{text}”"), number=para.number, text=para.text)
                self.cur.data["date"] = year or ""
        else:
            self.cur.data["date"] = year or ""

    def issuer(self, lines: list[Para]) -> None:
        """Superior (not bold, or every line but the issuer's) and issuer lines."""
        if not lines:
            self.cur.data["issuer"] = {"name": ""}
            return
        if any(p.style == "VB Superior" for p in lines) or any(p.style == "VB Issuer" for p in lines):
            superior = [p for p in lines if p.style == "VB Superior"]
            name = [p for p in lines if p.style != "VB Superior"]
        elif any(p.bold for p in lines) and not all(p.bold for p in lines):
            superior = [p for p in lines if not p.bold]
            name = [p for p in lines if p.bold]
        else:
            superior, name = lines[:-1], lines[-1:]
            # “ỦY BAN NHÂN DÂN” / “TỈNH HÀ TĨNH” is one name on two lines.
            while superior and (fold(name[0].text).startswith(("tinh ", "thanh pho ", "xa ",
                                                                  "phuong ", "huyen ",
                                                                  "dac khu ", "quan "))
                                or fold(superior[-1].text) in ("uy ban nhan dan",
                                                               "hoi dong nhan dan")):
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
        text = para.text.strip().rstrip(":")
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
            self.cur.data["type"] = doctype.name
            if "title" not in self.cur.data:
                self.cur.data["title"] = ""
            self.cur.doctype = doctype
            return
        self.cur.take("type")
        self.cur.doctype = doctype
        self.cur.data["type"] = doctype.name
        title = self.cur.peek()
        if title is None:
            return
        self.cur.take("title")
        self.cur.data["title"] = self.cur.origin(title)

    def symbol_fields(self) -> None:
        symbol = self.symbol
        if symbol is None:
            return
        assert self.cur.doctype is not None
        code = self.cur.doctype.code
        groups = symbol.split("-", 1)
        if code and groups[0] == code and len(groups) == 2 and "-" not in groups[1]:
            self.cur.data["issuer"]["abbreviation"] = groups[1]
        elif not code and len(groups) == 2:  # công văn: body-unit
            self.cur.data["symbol"] = symbol
        else:
            self.cur.data["symbol"] = symbol

    def addressees(self) -> None:
        para = self.cur.peek()
        if para is None or not para.text.startswith("Kính gửi"):
            return
        self.cur.take("addressee")
        rest = para.text.split(":", 1)[1].strip() if ":" in para.text else ""
        out = []
        if rest:
            out.append(self.cur.origin(para, rest.rstrip(".;"), para.text.index(rest)))
        while (nxt := self.cur.peek()) is not None and nxt.style in ("VB Addressee Item", "") and \
                nxt.text.startswith("- ") and not out:
            self.cur.take()
            out.append(self.cur.origin(nxt, nxt.text[2:].rstrip(".;"), 2))
            while (more := self.cur.peek()) is not None and more.text.startswith("- ") and \
                    (more.style == "VB Addressee Item" or self.cur.doc.kind == "txt") and \
                    not more.text.startswith("- Lưu"):
                self.cur.take()
                out.append(self.cur.origin(more, more.text[2:].rstrip(".;"), 2))
        self.cur.data["addressees"] = out

    def preamble(self) -> None:
        """Authority line, bases, “QUYẾT ĐỊNH:”, and the opening paragraphs."""
        while (para := self.cur.peek()) is not None:
            text = para.text
            if para.style == "VB Authority" or (
                    self.cur.doctype.structure == "dieu" and is_upper(text) and
                    not self.cur.data.get("bases") and self.type_line(para) is None and
                    not LEADING_LABEL.match(text) and "issuing_authority" not in self.cur.data):
                self.cur.take("authority")
                self.cur.data["issuing_authority"] = self.cur.origin(para)
            elif para.style == "VB Basis" or (
                    para.style in ("", "VB Body") and not self.cur.made_by_vanban and
                    text.startswith(("Căn cứ", "Theo đề nghị")) and
                    not self.cur.data.get("opening")):
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

