"""Import an existing document into a plan: header, body with its numbering, signature.

The document is read paragraph by paragraph (see :mod:`.reader`) and walked in the order the
decree lays a document out: header (issuing body, Quốc hiệu, number, dateline), type name
and trích yếu, bases and opening, the numbered body, Nơi nhận and the signature. Numbers are
recognised as written (``I.``, ``1.``, ``a)``, ``-``, ``+`` and the non-standard ``2.1.``,
``Phần I``) and kept in the plan only where they differ from what vanban would number, so
the checker can report them. A vanban-made .docx is read through its styles, which makes
``import(render(plan))`` give back the plan. Nothing is dropped: a paragraph that cannot be
placed is kept as a plain paragraph, with a warning naming it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vanban.doctypes import CONG_VAN, DOCUMENT_TYPES, DocumentType, find_type
from vanban.i18n import _
from vanban.model import AUTHORITIES, SECRECIES, URGENCIES
from vanban.numbering import auto_label
from vanban.problems import Mark, Problem, Severity
from vanban.renderer.context import DEADLINE_PREFIX, TASK_LABELS
from vanban.rules._labels import parse_label
from vanban.serialize import Origin
from vanban.vnformat import ascii_fold, parse_date
from vanban.document.reader import Document, Para

#: How deep each kind of number sits; a decimal “3.1.” sits between its “3.” and “a)”.
RANK = {"roman": 1, "article": 1, "part": 1, "arabic": 2, "decimal": 2.5, "letter": 3,
        "dash": 4, "plus": 5}
_LABEL = re.compile(r"^(?:(Điều\s+\d+\s*[.:]?)|(Phần\s+(?:[IVXLC]+|thứ\s+\w+)\.?)|"
                    r"([IVXLC]+\s*\.)|(\d+(?:\.\d+)+\.?)|(\d+\s*\.)|([a-zđ]\s*\))|([-–•+]))\s+")
_NUMBER_LINE = re.compile(r"^Số\s*:?\s*(?P<number>\d*)\s*/\s*(?P<symbol>\S+)\s*$")
_DATELINE = re.compile(r"^(?P<place>[^,]+?)\s*,?\s*ngày\s*(?P<day>\d{1,2})?\s*tháng\s*"
                       r"(?P<month>\d{1,2})?\s*năm\s*(?P<year>\d{4}|20\.\.)?\s*$")
_PREFIX = re.compile(r"^(TM|KT|TL|TUQ|Q)\.\s*")
_DRAFTER = re.compile(r"^(?P<drafter>[A-ZĐ]+)?\.?\((?P<copies>\d+)\)$|^(?P<alone>[A-ZĐ]{2,})\.$")
_NOTE_AFTER = re.compile(r"^(?P<name>.*?);?\s*\((?P<note>[^()]*)\)\s*[;.]?$")
_SIGNED = re.compile(r"^\[?\s*\(?\s*(đã ký|da ky|signed)\s*\)?\s*\]?$", re.IGNORECASE)
AGENCY_START = ("Sở ", "Ban ", "Ủy ban", "Uỷ ban", "UBND", "Công an", "Bộ ", "Đài ", "Văn phòng",
                "Hội ", "Liên hiệp", "Thanh tra", "Phòng ", "Trung tâm", "Thành viên", "Báo ",
                "Cục ", "Chi cục", "Kho bạc", "Ngân hàng", "Bảo hiểm", "Viện ", "Tòa án",
                "Đoàn ", "Mặt trận", "Trường ", "Bệnh viện", "Thường trực", "Các sở", "Các Sở",
                "Hội đồng", "Tổ ")
AGENCY_PREFIXES = ("Đề nghị ", "Giao ", "Các đồng chí ", "Đồng chí ")
ORGANISATION = ("to chuc thuc hien", "phan cong", "trach nhiem")
QUOC_HIEU = "cong hoa xa hoi chu nghia viet nam"
MOTTO = "doc lap tu do hanh phuc"


def _fold(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", ascii_fold(text).lower()))


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def derive_agency(heading: str) -> str | None:
    """The agency an assignment heading names: “Đề nghị Ban Tuyên giáo Tỉnh ủy” → the Ban."""
    name = heading.strip().rstrip(":.")
    for prefix in AGENCY_PREFIXES:
        if name.startswith(prefix):
            name = name[len(prefix):]
            name = name[:1].upper() + name[1:]
            break
    if " - " in name:  # “Thường trực Ban Chỉ đạo - Công an tỉnh”: the body behind the office
        last = name.rsplit(" - ", 1)[1]
        if last.startswith(AGENCY_START):
            name = last
    return name if name.startswith(AGENCY_START) else None


@dataclass
class ImportResult:
    data: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)
    document: Document | None = None
    roles: dict[str, list[Para]] = field(default_factory=dict)


@dataclass
class _Node:
    depth: int
    kind: str
    label: str
    para: Para
    heading: Origin
    is_title: bool
    content: list[Any] = field(default_factory=list)
    italic: bool = False
    bold: bool = False
    meta: dict[str, Any] = field(default_factory=dict)  # lead, support, deadline … of a task


class Importer:
    def __init__(self, document: Document) -> None:
        self.doc = document
        self.paras = [p for p in document.paras]
        self.vanban = any(p.style.startswith("VB ") for p in document.paras)
        self.problems: list[Problem] = []
        self.data: dict[str, Any] = {}
        self.pos = 0
        #: Which paragraphs are which component (for checking a document as it is).
        self.roles: dict[str, list[Para]] = {}

    # --- helpers ---------------------------------------------------------------------------

    def warn(self, para: Para, msgid: str, **args: Any) -> None:
        self.problems.append(Problem(self.mark(para), "VB011", msgid, args, Severity.WARNING,
                                     "import-uncertain"))

    def mark(self, para: Para, col: int = 1) -> Mark:
        if self.doc.kind == "txt" and para.line:
            return Mark(self.doc.path, para.line, para.col + col)
        return Mark(self.doc.path, para.number, col, unit="paragraph")

    def origin(self, para: Para, text: str | None = None, offset: int = 0) -> Origin:
        return Origin(para.text if text is None else text, para.number, offset)

    def peek(self) -> Para | None:
        while self.pos < len(self.paras) and not self.paras[self.pos].text and \
                not self.paras[self.pos].style == "VB Signature Space":
            self.pos += 1
        return self.paras[self.pos] if self.pos < len(self.paras) else None

    def take(self, role: str | None = None) -> Para:
        para = self.peek()
        assert para is not None
        self.pos += 1
        if role:
            self.roles.setdefault(role, []).append(para)
        return para

    # --- header ----------------------------------------------------------------------------

    def header(self) -> None:
        agency: list[Para] = []
        stamps: list[Para] = []
        seen_quoc_hieu = False
        while (para := self.peek()) is not None:
            text, folded = para.text, _fold(para.text)
            if para.is_rule or para.style in ("VB Rule", "VB Title Rule"):
                self.take("rule")
            elif folded == QUOC_HIEU:
                seen_quoc_hieu = True
                self.take("quoc_hieu")
            elif folded == MOTTO:
                self.take("motto")
            elif m := _NUMBER_LINE.match(text):
                self.take("number")
                self.number(m)
            elif text.startswith("V/v"):
                self.take("subject")
                self.data["title"] = self.origin(para, text[3:].strip(), 3)
            elif m := _DATELINE.match(text):
                self.take("dateline")
                self.dateline(m, para)
            elif text.upper() in URGENCIES or text.upper() in SECRECIES or text.upper() in (
                    "XEM XONG TRẢ LẠI", "LƯU HÀNH NỘI BỘ", "HOẢ TỐC"):
                self.take("stamp")
                stamps.append(para)
            elif _is_upper(text) and not seen_quoc_hieu and "number" not in self.data:
                self.take()
                agency.append(para)
            elif self.type_line(para) is not None or text.startswith("Kính gửi"):
                break
            elif "number" in self.data and "date" in self.data:
                break  # the header is over: a công văn's body, or the seed's missing title
            else:
                self.take()
                agency.append(para) if _is_upper(text) else self.keep_header_line(para)
        self.issuer(agency)
        for para in stamps:
            value = para.text.upper().replace("HOẢ", "HỎA")
            key = "urgency" if value in URGENCIES else "secrecy" if value in SECRECIES \
                else "circulation"
            self.data[key] = value

    def keep_header_line(self, para: Para) -> None:
        self.warn(para, _("paragraph {number} of the header is not a part vanban knows; it is "
                          "kept at the start of the body: “{start}”"),
                  number=para.number, start=para.text[:60])
        self.data.setdefault("opening", []).append(self.origin(para))

    def number(self, m: re.Match[str]) -> None:
        number = m["number"]
        self.data["number"] = int(number) if number else ""
        self.symbol = m["symbol"]

    def dateline(self, m: re.Match[str], para: Para) -> None:
        self.data["place"] = self.origin(para, m["place"].strip())
        year = m["year"] if m["year"] and m["year"].isdigit() else None
        if m["day"] and m["month"] and year:
            try:
                self.data["date"] = parse_date(f"{year}-{m['month']}-{m['day']}").iso()
            except ValueError:
                self.warn(para, _("the date in paragraph {number} is not a real date: “{text}”"),
                          number=para.number, text=para.text)
                self.data["date"] = year or ""
        else:
            self.data["date"] = year or ""

    def issuer(self, lines: list[Para]) -> None:
        """Superior (not bold, or every line but the issuer's) and issuer lines."""
        if not lines:
            self.data["issuer"] = {"name": ""}
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
            while superior and (_fold(name[0].text).startswith(("tinh ", "thanh pho ", "xa ",
                                                                  "phuong ", "huyen ",
                                                                  "dac khu ", "quan "))
                                or _fold(superior[-1].text) in ("uy ban nhan dan",
                                                               "hoi dong nhan dan")):
                name.insert(0, superior.pop())
        self.roles["superior"] = superior
        self.roles["issuer"] = name
        issuer: dict[str, Any] = {}
        if superior:
            issuer["superior"] = self._lines(superior)
        issuer["name"] = self._lines(name)
        self.data["issuer"] = issuer

    def _lines(self, paras: list[Para]) -> Any:
        values = [self.origin(p) for p in paras]
        return values[0] if len(values) == 1 else values

    def type_line(self, para: Para) -> DocumentType | None:
        text = para.text.strip().rstrip(":")
        if not text or not _is_upper(text) or len(text) > 40:
            return None
        found = find_type(text)
        return found if found is not None and found.name.upper() == text else None

    # --- type, title, bases ------------------------------------------------------------------

    def title(self) -> None:
        para = self.peek()
        doctype = self.type_line(para) if para else None
        if doctype is None:
            doctype = next(t for t in DOCUMENT_TYPES if t.layout == CONG_VAN) \
                if "title" in self.data or (para and para.text.startswith("Kính gửi")) \
                else find_type("KH")
            self.data["type"] = doctype.name
            if "title" not in self.data:
                self.data["title"] = ""
            self.doctype = doctype
            return
        self.take("type")
        self.doctype = doctype
        self.data["type"] = doctype.name
        title = self.peek()
        if title is None:
            return
        self.take("title")
        self.data["title"] = self.origin(title)

    def symbol_fields(self) -> None:
        symbol = getattr(self, "symbol", None)
        if symbol is None:
            return
        code = self.doctype.code
        groups = symbol.split("-", 1)
        if code and groups[0] == code and len(groups) == 2 and "-" not in groups[1]:
            self.data["issuer"]["abbreviation"] = groups[1]
        elif not code and len(groups) == 2:  # công văn: body-unit
            self.data["symbol"] = symbol
        else:
            self.data["symbol"] = symbol

    def addressees(self) -> None:
        para = self.peek()
        if para is None or not para.text.startswith("Kính gửi"):
            return
        self.take("addressee")
        rest = para.text.split(":", 1)[1].strip() if ":" in para.text else ""
        out = []
        if rest:
            out.append(self.origin(para, rest.rstrip(".;"), para.text.index(rest)))
        while (nxt := self.peek()) is not None and nxt.style in ("VB Addressee Item", "") and \
                nxt.text.startswith("- ") and not out:
            self.take()
            out.append(self.origin(nxt, nxt.text[2:].rstrip(".;"), 2))
            while (more := self.peek()) is not None and more.text.startswith("- ") and \
                    (more.style == "VB Addressee Item" or self.doc.kind == "txt") and \
                    not more.text.startswith("- Lưu"):
                self.take()
                out.append(self.origin(more, more.text[2:].rstrip(".;"), 2))
        self.data["addressees"] = out

    def preamble(self) -> None:
        """Authority line, bases, “QUYẾT ĐỊNH:”, and the opening paragraphs."""
        while (para := self.peek()) is not None:
            text = para.text
            if para.style == "VB Authority" or (
                    self.doctype.structure == "dieu" and _is_upper(text) and
                    not self.data.get("bases") and self.type_line(para) is None and
                    not _LABEL.match(text) and "issuing_authority" not in self.data):
                self.take("authority")
                self.data["issuing_authority"] = self.origin(para)
            elif para.style == "VB Basis" or (para.style in ("", "VB Body") and not self.vanban and
                                              text.startswith(("Căn cứ", "Theo đề nghị")) and
                                              not self.data.get("opening")):
                self.take("basis")
                self.data.setdefault("bases", []).append(self.origin(para, text.rstrip(";.")))
            elif para.style == "VB Decides" or (
                    self.type_line(para) is not None and text.endswith(":")):
                self.take("decides")
            elif para.style in ("VB Addressee",) or text.startswith("Kính gửi"):
                self.addressees()
            else:
                break

    # --- body --------------------------------------------------------------------------------

    def body(self) -> None:
        root: list[Any] = []
        opening: list[Any] = self.data.setdefault("opening", [])
        closing: list[Any] = []
        stack: list[_Node] = []
        sections: list[_Node] = []
        last_body: tuple[list[Any], int] | None = None
        while (para := self.peek()) is not None:
            if self.body_ends(para):
                break
            self.take("body")
            if para.style == "VB Closing":
                closing.append(self.paragraph(para))
                last_body = (closing, len(closing) - 1)
                continue
            label, rest, offset = self.label(para)
            if label is None:
                target = stack[-1].content if stack else opening
                target.append(self.paragraph(para))
                last_body = (target, len(target) - 1)
                continue
            kind = parse_label(label).kind
            if kind in ("dash", "plus") and stack and not stack[-1].content and \
                    RANK[kind] > RANK.get(stack[-1].kind, 3) and self.task_line(stack[-1], rest):
                continue  # “- Cơ quan chủ trì: …” right under a heading: the task's fields
            rank = RANK.get(kind, 3)
            while stack and RANK.get(stack[-1].kind, 3) >= rank:
                stack.pop()
            depth = len(stack) + 1
            if depth > 5:
                self.warn(para, _("paragraph {number} nests deeper than “+”; it is kept as a "
                                  "plain paragraph"), number=para.number)
                stack[-1].content.append(self.paragraph(para))
                continue
            node = _Node(depth, kind, label, para, self.origin(para, rest, offset),
                         self.is_title(para, depth, rest), italic=bool(para.italic) and not
                         para.style.startswith("VB Basis"), bold=self.extra_bold(para, depth))
            (stack[-1].content if stack else sections).append(node)
            stack.append(node)
            last_body = (node, -1)
        del root
        if not opening:
            del self.data["opening"]
        self.strip_closing_mark(last_body)
        self.data["sections"] = self.number_nodes(sections, 1, None)
        self._drop_labels(self.data["sections"])
        if not self.data["sections"]:
            del self.data["sections"]
        if closing:
            self.data["closing"] = closing

    def body_ends(self, para: Para) -> bool:
        text = para.text
        if para.zone == "table" and self.vanban and para.style != "VB Body":
            return True
        if text.rstrip(":").strip() == "Nơi nhận" or text.startswith("Nơi nhận:"):
            return True
        if _PREFIX.match(text) and _is_upper(_PREFIX.sub("", text)):
            return True
        return False

    def label(self, para: Para) -> tuple[str | None, str, int]:
        m = _LABEL.match(para.text)
        if not m:
            return None, para.text, 0
        label = m.group(0).strip()
        rest = para.text[m.end():]
        if not rest.strip():
            return None, para.text, 0
        return label, rest, m.end()

    def is_title(self, para: Para, depth: int, rest: str) -> bool:
        if para.style in ("VB Section", "VB Article", "VB Item Title"):
            return True
        if para.style in ("VB Item", "VB Point", "VB Dash", "VB Plus"):
            return False
        if depth == 1:
            return True
        if depth >= 3:
            return False
        return not rest.rstrip().endswith((".", ";", "…")) and len(rest) <= 120

    def extra_bold(self, para: Para, depth: int) -> bool:
        if para.style.startswith("VB "):
            return bool(para.bold) and para.style not in ("VB Section", "VB Article",
                                                          "VB Item Title")
        return False

    def paragraph(self, para: Para) -> Any:
        text = para.text
        italic = bool(para.italic)
        if self.doc.kind == "txt" and len(text) > 2 and text.startswith("*") and text.endswith("*"):
            text, italic = text[1:-1], True
        value = self.origin(para, text)
        if italic or (para.bold and para.style.startswith("VB ")):
            out: dict[str, Any] = {"paragraph": value}
            if italic:
                out["italic"] = True
            if para.bold and para.style.startswith("VB "):
                out["bold"] = True
            return out
        return value

    def strip_closing_mark(self, last: tuple[Any, int] | None) -> None:
        """The body's ``./.`` is vanban's to write: take it off the last paragraph."""
        if last is None:
            return
        holder, index = last
        if isinstance(holder, _Node):
            holder.heading = self._strip(holder.heading)
        else:
            item = holder[index]
            if isinstance(item, dict):
                item["paragraph"] = self._strip(item["paragraph"])
            else:
                holder[index] = self._strip(item)

    @staticmethod
    def _strip(value: Origin) -> Origin:
        text = str(value)
        if text.endswith("./."):
            text = text[:-2]
        return Origin(text, value.para, value.col)

    def number_nodes(self, nodes: list[_Node], depth: int, parent: dict | None) -> list[Any]:
        out = []
        count = 0
        assignments = depth == 2 and parent is not None and any(
            k in _fold(str(parent.get("title", ""))) for k in ORGANISATION)
        for node in nodes:
            count += 1
            item: dict[str, Any] = {"_label": node.label}
            expected = auto_label(depth, count, self.doctype.structure)
            if node.label != expected:  # kept where it was written, for the checker's positions
                item["number"] = Origin(node.label, node.para.number,
                                        max(0, node.para.text.find(node.label)))
            key = "title" if node.is_title else "text"
            heading = node.heading
            if self.doc.kind == "txt" and heading.startswith("*") and heading.endswith("*"):
                heading = Origin(str(heading)[1:-1], heading.para, heading.col + 1)
                node.italic = True
            agency = derive_agency(heading) if assignments and node.is_title else None
            if agency is not None:
                item["agency"] = Origin(agency, heading.para, heading.col)
                if agency != str(heading):
                    item["title"] = heading
            else:
                item[key] = heading
            if node.italic:
                item["italic"] = True
            if node.bold:
                item["bold"] = True
            content = []
            children = [c for c in node.content if isinstance(c, _Node)]
            numbered = self.number_nodes(children, depth + 1, item)
            child_iter = iter(numbered)
            for block in node.content:
                content.append(next(child_iter) if isinstance(block, _Node) else block)
            for key, _label in TASK_LABELS.items():
                if key in node.meta:
                    item[key] = node.meta[key]
            if content:
                item["content"] = content
            out.append(item)
        return out

    def task_line(self, node: _Node, text: str) -> bool:
        """Read a line vanban prints under a task into the task's fields; False if it is not
        one, or not in the order vanban prints them (then it stays as written)."""
        labels = list(TASK_LABELS.items())
        match = next(((i, key) for i, (key, label) in enumerate(labels)
                      if text.startswith(label + ": ")), None)
        done = [i for i, (key, _label) in enumerate(labels) if key in node.meta]
        if match is None or (done and match[0] <= max(done)):
            return False
        index, key = match
        value: Any = text[len(labels[index][1]) + 2:].rstrip(".")
        if key == "deadline":
            try:
                value = parse_date(value.removeprefix(DEADLINE_PREFIX)).iso()
            except ValueError:
                return False
        elif key in ("lead", "support"):
            # agencies are listed with “, ”; a name may hold a comma (“xã, phường”), but the
            # next agency starts with a capital
            parts: list[str] = []
            for piece in value.split(", "):
                if parts and not piece[:1].isupper():
                    parts[-1] += ", " + piece
                else:
                    parts.append(piece)
            value = parts[0] if len(parts) == 1 else parts
        node.meta[key] = value
        return True

    def _drop_labels(self, items: list[Any]) -> None:
        for item in items:
            if isinstance(item, dict):
                item.pop("_label", None)
                self._drop_labels(item.get("content", []))

    # --- footer ------------------------------------------------------------------------------

    def footer(self) -> None:
        recipients: list[Any] = []
        titles: list[Para] = []
        other: list[Para] = []
        name: Para | None = None
        notes: list[Any] = []
        gap = False
        in_recipients = False
        while self.pos < len(self.paras):
            para = self.paras[self.pos]
            self.pos += 1
            text = para.text
            if not text:
                gap = gap or bool(titles)
                continue
            if para.style == "VB Signature Space":
                gap = True
                continue
            if text.startswith("Nơi nhận"):
                in_recipients = True
                self.roles.setdefault("recipients_label", []).append(para)
                continue
            if text.startswith("- ") and in_recipients and name is None and not titles:
                self.roles.setdefault("recipient", []).append(para)
                self.recipient(para, recipients)
                continue
            if m := _DRAFTER.match(text):
                self.data["drafter"] = m["drafter"] or m["alone"] or ""
                if not self.data["drafter"]:
                    del self.data["drafter"]
                if m["copies"]:
                    self.data["copies"] = int(m["copies"])
                continue
            if _SIGNED.match(text):
                self.warn(para, _("paragraph {number} marks a signature (“{text}”); it is kept "
                                  "as a note after the signature block"),
                          number=para.number, text=text)
                notes.append(self.origin(para))
                continue
            in_recipients = False
            if name is None and (_is_upper(text) or para.style == "VB Signature Title"):
                (other if gap and titles else titles).append(para)
            elif name is None and titles and (para.style in ("VB Signer", "") or
                                              para.style.startswith("VB ") is False):
                name = para
            else:
                notes.append(self.origin(para))
        self.roles["signature_title"] = titles
        self.roles["other_title"] = other
        self.roles["signer"] = [name] if name is not None else []
        if recipients:
            self.data["recipients"] = recipients
        else:
            self.data["recipients"] = []
        self.signature(titles, other, name)
        if notes:
            self.data["notes"] = notes

    def recipient(self, para: Para, out: list[Any]) -> None:
        text = para.text[2:].strip()
        if text.startswith("Lưu"):
            archive = text.split(":", 1)[1].strip() if ":" in text else text[3:].strip()
            rest = ""
            # “Lưu: VT, ĐMDN (2b). Trung Anh BỘ TRƯỞNG …” (a merged web rendering)
            m = re.match(r"^(.*?\.)\s+(\S.*)$", archive)
            if m and not re.match(r"^[A-ZĐ]+\.?\(\d+\)$", m.group(2)):
                archive, rest = m.group(1), m.group(2)
            self.data["archive"] = self.origin(para, archive.rstrip("."), para.text.index(archive))
            if rest:
                self.split_merged_signature(para, rest)
            return
        m = _NOTE_AFTER.match(text)
        if m and ";" in text[:text.rfind("(")]:  # “- Bộ X; (để báo cáo)”: note after the ;
            out.append(self.origin(para, f"{m['name'].rstrip(';')} ({m['note']})", 2))
        else:
            out.append(self.origin(para, text.rstrip(";.").rstrip(), 2))

    def split_merged_signature(self, para: Para, rest: str) -> None:
        """Words after the archive line in one merged paragraph: drafter, titles, name."""
        words = rest.split()
        upper_at = [i for i, w in enumerate(words) if len(w.strip(",.")) > 1 and _is_upper(w)]
        if not upper_at:
            return
        first, last = upper_at[0], upper_at[0]
        while last + 1 < len(words) and _is_upper(words[last + 1]):
            last += 1
        before = " ".join(words[:first])
        upper = " ".join(words[first:last + 1])
        after = " ".join(words[last + 1:])
        if before:  # kept on the archive line, where the document has it
            self.warn(para, _("paragraph {number}: “{text}” after the archive line is kept on "
                              "that line"), number=para.number, text=before)
            archive = self.data["archive"]
            self.data["archive"] = Origin(f"{archive}. {before}", archive.para, archive.col)
        titles = [Para(para.number, t.strip(), "split") for t in [upper]]
        name = Para(para.number, after, "split") if after else None
        self.signature(titles, [], name)
        self._signed = True

    def signature(self, titles: list[Para], other: list[Para], name: Para | None) -> None:
        if getattr(self, "_signed", False):
            return
        lines = [str(p.text).strip() for p in titles]
        sig: dict[str, Any] = {}
        if lines and (m := _PREFIX.match(lines[0])) and f"{m.group(1)}." in AUTHORITIES:
            sig["authority"] = f"{m.group(1)}."
            lines[0] = lines[0][m.end():]
        values = [Origin(line, p.number, 0) for line, p in zip(lines, titles)]
        sig["titles"] = values[0] if len(values) == 1 else (values or "")
        if other:
            values = [self.origin(p) for p in other]
            sig["other_title"] = values[0] if len(values) == 1 else values
        sig["name"] = self.origin(name) if name is not None else ""
        self.data["signature"] = sig

    # --- the whole document ----------------------------------------------------------------

    def run(self) -> ImportResult:
        self.header()
        self.title()
        self.symbol_fields()
        self.preamble()
        self.addressees()
        self.body()
        self.footer()
        self.metadata()
        data = self.ordered()
        return ImportResult(data, self.problems, self.doc, self.roles)

    def metadata(self) -> None:
        """Draft box, version, period and page settings of a vanban-made .docx."""
        docx = self.doc.docx
        if docx is None:
            return
        from vanban.document.docxmeta import read_metadata

        self.data.update(read_metadata(docx))

    ORDER = ("type", "draft", "version", "issuer", "number", "symbol", "place", "date", "title",
             "urgency", "secrecy", "circulation", "period", "issuing_authority", "addressees",
             "bases", "opening", "sections", "closing", "signature", "recipients", "archive",
             "drafter", "copies", "notes", "layout")

    def ordered(self) -> dict[str, Any]:
        data = self.data
        data.setdefault("number", "")
        data.setdefault("place", "")
        data.setdefault("date", "")
        data.setdefault("archive", "VT")
        if "signature" not in data:
            data["signature"] = {"titles": "", "name": ""}
        return {key: data[key] for key in self.ORDER if key in data}


def import_document(document: Document) -> ImportResult:
    """The plan data of ``document`` and the problems met on the way."""
    return Importer(document).run()


def import_file(path: str | Path, data: bytes | None = None) -> tuple[str, ImportResult]:
    """The plan YAML of the document at ``path``, with what the import met on the way."""
    from vanban.document.reader import read_document
    from vanban.serialize import dump_yaml

    result = import_document(read_document(path, data))
    header = (f"Imported from {Path(path).name} by vanban import.\n"
              "Check it with `vanban check`; render it with `vanban render`.")
    text, _placed = dump_yaml(result.data, header)
    return text, result
