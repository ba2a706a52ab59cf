"""The body of an imported document: numbered sections and items at their depths, plain
paragraphs where they stand, and the lines under a task read into its fields.

Numbers are recognised as written (``I.``, ``1.``, ``a)``, ``-``, ``+`` and the non-standard
``2.1.``, ``Phần I``) and kept in the plan only where they differ from what vanban would
number, so the checker can report them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from vanban.decree.doctypes import DocumentType
from vanban.decree.numbering import (
    LEADING_LABEL,
    MAX_DEPTH,
    RANK,
    auto_label,
    numbering_of,
    parse_label,
)
from vanban.decree.references import split_agencies
from vanban.decree.signing import AUTHORITY_PREFIX
from vanban.decree.tasks import DEADLINE_PREFIX, TASK_LABELS
from vanban.document.cursor import Cursor
from vanban.document.model import Para
from vanban.document.tables import (
    is_data_table,
    read_table,
    read_text_table,
    starts_text_table,
)
from vanban.i18n import _
from vanban.plan.serialize import Origin
from vanban.text.fold import fold, is_upper
from vanban.text.vnformat import parse_date

#: The styles of the cells of a table of data in a vanban-made document.
VANBAN_TABLE_STYLES = ("VB Table Header", "VB Table Text", "VB Table Group", "VB Table Title")

AGENCY_START = ("Sở ", "Ban ", "Ủy ban", "Uỷ ban", "UBND", "Công an", "Bộ ", "Đài ", "Văn phòng",
                "Hội ", "Liên hiệp", "Thanh tra", "Phòng ", "Trung tâm", "Thành viên", "Báo ",
                "Cục ", "Chi cục", "Kho bạc", "Ngân hàng", "Bảo hiểm", "Viện ", "Tòa án",
                "Đoàn ", "Mặt trận", "Trường ", "Bệnh viện", "Thường trực", "Các sở", "Các Sở",
                "Hội đồng", "Tổ ")
AGENCY_PREFIXES = ("Đề nghị ", "Giao ", "Các đồng chí ", "Đồng chí ")
ORGANISATION = ("to chuc thuc hien", "phan cong", "trach nhiem")
#: A point's letter typed with a stray full stop (“d). …”): still a point, its number as
#: written (the checker reports it).
_STRAY_DOT = re.compile(r"^[a-zđ]\)\.(?:\s+|$)")


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


class BodyParser:
    """Reads the body, up to Nơi nhận or the signature, into the cursor's data — or, given a
    role, the body of an appendix or of the document a decision issues, up to ``stops``."""

    def __init__(self, cur: Cursor, *, doctype: DocumentType | None = None,
                 appendix_of: str | None = None, role: str | None = None,
                 stops: Callable[[Para], bool] | None = None) -> None:
        self.cur = cur
        found = doctype or cur.doctype
        assert found is not None
        self.doctype = found
        #: An appendix's: the numbering of the body it belongs to, its own by default.
        self.appendix_of = appendix_of
        self.numbering = appendix_of or found.numbering  # until the body's own numbers say
        #: Every paragraph's role when this is not the document's own body.
        self.role = role
        self.stops = stops
        self.tables: set[int] = set()  # Word tables met (read as a table or as text)

    def record(self, role: str, para: Para) -> None:
        self.cur.roles.setdefault(self.role or role, []).append(para)

    def body(self) -> None:
        data = self.cur.data
        out = self.parse(data.setdefault("opening", []), strip_mark=True)
        if not out["opening"]:
            del data["opening"]
        if out["numbering"] != self.doctype.numbering:
            data["numbering"] = out["numbering"]
        if out["sections"]:
            data["sections"] = out["sections"]
        if out["closing"]:
            data["closing"] = out["closing"]

    def parse(self, opening: list[Any], strip_mark: bool = False) -> dict[str, Any]:
        """Opening paragraphs, numbered sections and closing paragraphs, and the numbering
        they are read in; ``strip_mark``: the last paragraph's ``./.`` is vanban's to write."""
        closing: list[Any] = []
        stack: list[_Node] = []
        sections: list[_Node] = []
        last_body: tuple[Any, int] | None = None
        while (para := self.cur.peek()) is not None:
            if self.body_ends(para) or (self.stops is not None and self.stops(para)):
                break
            if (table := self.captioned_table(para) or self.table(para)) is not None:
                (stack[-1].content if stack else opening).append(table)
                last_body = None
                continue
            self.cur.take()
            if para.style == "VB Closing":
                self.record("body", para)
                closing.append(self.paragraph(para))
                last_body = (closing, len(closing) - 1)
                continue
            label, rest, offset = self.label(para)
            role = self.plain_role(para)
            if label is None or role != "body":
                self.record(role, para)
                target = stack[-1].content if stack else opening
                target.append(self.paragraph(para))
                last_body = (target, len(target) - 1)
                continue
            kind = parse_label(label).kind
            if kind in ("dash", "plus") and stack and not stack[-1].content and \
                    RANK[kind] > RANK.get(stack[-1].kind, 3) and self.task_line(stack[-1], rest):
                self.record("task", para)
                continue  # “- Cơ quan chủ trì: …” right under a heading: the task's fields
            heading = self.cur.origin(para, rest, offset)
            if not rest.strip() and kind == "part":  # “PHẦN THỨ NHẤT” / its title below
                if (below := self.cur.peek()) is not None and is_upper(below.text) and \
                        not LEADING_LABEL.match(below.text) and not self.body_ends(below):
                    self.record("heading", self.cur.take())
                    heading = self.cur.origin(below)
            rank = RANK.get(kind, 3)
            while stack and RANK.get(stack[-1].kind, 3) >= rank:
                stack.pop()
            depth = len(stack) + 1
            if depth > MAX_DEPTH:
                self.cur.warn(para, _("this paragraph nests deeper than “+”; it is kept as a "
                                      "plain paragraph"))
                self.record("body", para)
                stack[-1].content.append(self.paragraph(para))
                continue
            is_title = self.is_title(para, depth, str(heading), kind,
                                     stack[-1].kind if stack else None)
            self.record("heading" if is_title else "body", para)
            node = _Node(depth, kind, label, para, heading, is_title,
                         italic=bool(para.italic) and not para.style.startswith("VB Basis"),
                         bold=self.extra_bold(para, depth))
            (stack[-1].content if stack else sections).append(node)
            stack.append(node)
            last_body = (node, -1)
        if strip_mark:
            self.strip_closing_mark(last_body)
        self.numbering = self.numbering_of(sections)
        numbered = self.number_nodes(sections, 1, None)
        if self.appendix_of is not None and self.numbering != self.appendix_of:
            for node, item in zip(sections, numbered):  # its numbers say how it is numbered
                item.setdefault("number", Origin(node.label, node.para.index, max(
                    0, node.para.text.find(node.label))))
        self._drop_labels(numbered)
        return {"opening": opening, "sections": numbered, "closing": closing,
                "numbering": self.numbering}

    def captioned_table(self, para: Para) -> dict[str, Any] | None:
        """A vanban-made table with its caption (printed above it in “VB Table Title”)."""
        if not (self.cur.made_by_vanban and para.style == "VB Table Title"):
            return None
        start = self.cur.pos
        caption = self.cur.take()
        nxt = self.cur.peek()
        table = self.table(nxt) if nxt is not None else None
        if table is None:
            self.cur.pos = start  # not over a table: a paragraph like any other
            return None
        self.record("table", caption)
        table["table"] = {"title": self.cur.origin(caption), **table["table"]}
        return table

    def table(self, para: Para) -> dict[str, Any] | None:
        """The table block that starts at ``para``, taken whole; None when ``para`` is not
        the start of a table of data (a layout table's cells are read as text)."""
        if self.cur.made_by_vanban and para.style not in VANBAN_TABLE_STYLES:
            return None  # vanban's header, signature and Kính gửi tables are read by style
        if self.cur.doc.kind == "txt":
            if not starts_text_table(self.cur, para):
                return None
            return read_text_table(self.cur, self.role or "table")
        if para.cell is None or para.cell.depth or para.cell.table in self.tables:
            return None
        self.tables.add(para.cell.table)
        table = self.cur.doc.tables[para.cell.table]
        units = [i for cell in table.cells for i in cell.units]
        untouched = all(not self.cur.paras[i].text for i in range(min(units), para.index))
        if not (untouched and is_data_table(table)):
            return None
        block = read_table(self.cur, table, self.role or "table")
        self.cur.pos = max(units) + 1
        return block

    def numbering_of(self, sections: list[_Node]) -> str:
        """How the body is numbered, read from its outermost numbers (see
        :func:`~vanban.decree.numbering.numbering_of`); for a body without, the type's model,
        or an appendix's body's (see :func:`~vanban.plan.model.appendix_numbering`)."""
        return numbering_of({node.kind for node in sections},
                            self.appendix_of or self.doctype.numbering)

    def plain_role(self, para: Para) -> str:
        """``body`` for running text; ``table`` for a table's cell, ``note`` for a centred
        remark in brackets — kept as paragraphs, never read as numbered items."""
        if para.cell is not None and not self.cur.made_by_vanban:
            return "table"
        text = para.text
        if text.startswith("(") and text.endswith(")") and para.format is not None and \
                para.format.alignment == "center":
            return "note"
        return "body"

    def body_ends(self, para: Para) -> bool:
        text = para.text
        if para.zone == "table" and self.cur.made_by_vanban and \
                para.style not in ("VB Body", *VANBAN_TABLE_STYLES):
            return True
        if text.rstrip(":").strip() == "Nơi nhận" or text.startswith("Nơi nhận:"):
            return True
        if AUTHORITY_PREFIX.match(text) and is_upper(AUTHORITY_PREFIX.sub("", text)):
            return True
        return False

    def label(self, para: Para) -> tuple[str | None, str, int]:
        m = LEADING_LABEL.match(para.text) or _STRAY_DOT.match(para.text)
        if not m and para.text[:1] in "“\"" and (inner := LEADING_LABEL.match(para.text[1:])):
            # “1. … the first point of a quoted passage: its number is the passage's own
            label = inner.group(0).strip()
            rest = para.text[1 + inner.end():]
            if rest.strip():  # the opening quote stays with the text it opens
                return label, para.text[0] + rest, inner.end()
        if not m:
            return None, para.text, 0
        label = m.group(0).strip()
        rest = para.text[m.end():]
        if not rest.strip() and parse_label(label).kind != "part":
            return None, para.text, 0
        return label, rest, m.end()

    def is_title(self, para: Para, depth: int, rest: str, kind: str,
                 parent: str | None = None) -> bool:
        """A heading on its own line, or a numbered paragraph of running text."""
        if para.style in ("VB Section", "VB Article", "VB Item Title"):
            return True
        if para.style in ("VB Item", "VB Point", "VB Dash", "VB Plus"):
            return False
        text = rest.rstrip()
        if kind == "part":
            return True
        if parent == "article":  # a khoản of an article is its text, even without a full stop
            return False
        # a sentence is text at every level: “Điều 3. Quyết định này có hiệu lực …”
        if text.endswith((".", ";", "…", ",")) or len(text) > 120:
            return False
        if depth >= 3 or (depth == 2 and kind not in ("arabic", "decimal")):
            return False
        if text.endswith(":"):  # a lead-in (“… như sau:”), unless it reads as a heading
            return is_upper(text) or (para.bold is not False and len(text.split()) <= 8)
        return True

    def extra_bold(self, para: Para, depth: int) -> bool:
        if para.style.startswith("VB "):
            return bool(para.bold) and para.style not in ("VB Section", "VB Article",
                                                          "VB Item Title")
        return False

    def paragraph(self, para: Para) -> Any:
        text = para.text
        italic = bool(para.italic)
        if self.cur.doc.kind == "txt" and len(text) > 2 and text.startswith("*") and text.endswith("*"):
            text, italic = text[1:-1], True
        value = self.cur.origin(para, text)
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
            k in fold(str(parent.get("title", ""))) for k in ORGANISATION)
        for node in nodes:
            count += 1
            item: dict[str, Any] = {"_label": node.label}
            expected = auto_label(depth, count, self.numbering)
            if node.label != expected:  # kept where it was written, for the checker's positions
                item["number"] = Origin(node.label, node.para.index,
                                        max(0, node.para.text.find(node.label)))
            key = "title" if node.is_title else "text"
            heading = node.heading
            if self.cur.doc.kind == "txt" and heading.startswith("*") and heading.endswith("*"):
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
            parts = split_agencies(value)
            value = parts[0] if len(parts) == 1 else parts
        node.meta[key] = value
        return True

    def _drop_labels(self, items: list[Any]) -> None:
        for item in items:
            if isinstance(item, dict):
                item.pop("_label", None)
                self._drop_labels(item.get("content", []))

