"""The plan as data: frozen-in-spirit dataclasses with no I/O.

Every object keeps the position of the YAML it came from (``mark``) and of each of its
fields (``marks``), so the checker can point at the exact value a finding is about.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal, Union

from vanban.decree.doctypes import DocumentType
from vanban.decree.numbering import SECTIONS, numbering_of, parse_label
from vanban.decree.references import COLLECTIVE_NAMES, agency_in_text, reference_line
from vanban.decree.signing import AUTHORITY_PREFIX
from vanban.problems import Mark
from vanban.text.vnformat import PlanDate, document_number

Marks = dict[str, Mark]


@dataclass
class Paragraph:
    """A plain paragraph of running text (no number)."""

    text: str
    mark: Mark
    italic: bool = False
    bold: bool = False
    marks: Marks = field(default_factory=dict)


@dataclass
class Node:
    """A numbered unit of the body: mục, khoản, điểm, dash or plus item.

    A node has a ``title`` (a heading on its own line, bold) or a ``text`` (a numbered
    paragraph of running text), and ``content``: paragraphs and child nodes in order.
    ``agency`` makes it an assignment block ("2. Sở Ngoại vụ" followed by its tasks);
    ``lead``/``support``/``deadline``/``timeframe``/``product`` describe a task.
    """

    depth: int
    mark: Mark
    title: str | None = None
    text: str | None = None
    number: str | None = None  # an explicit label as written (imported or legacy text)
    content: list[Block] = field(default_factory=list)
    agency: str | None = None
    lead: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    deadline: PlanDate | None = None
    timeframe: str | None = None
    product: str | None = None
    italic: bool = False
    bold: bool = False
    marks: Marks = field(default_factory=dict)

    @property
    def heading(self) -> str:
        """What follows the number: the title, else the running text."""
        return self.title if self.title is not None else (self.text or "")

    @property
    def children(self) -> list[Node]:
        return [b for b in self.content if isinstance(b, Node)]

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Column:
    """A column of a table: its header, and the group header over it and its neighbours
    with the same ``group`` (a header cell merged across them)."""

    header: str
    mark: Mark
    group: str | None = None
    width: float | None = None  # relative to the other columns; None: shared equally
    #: None: as practice does (STT and dates centred, figures right, text left)
    align: Literal["left", "center", "right"] | None = None


@dataclass
class Row:
    """A row of a table: one text per column, or a group row (``I. CẢI CÁCH THỂ CHẾ``) that
    spans the whole row."""

    cells: tuple[str, ...]
    mark: Mark
    group: str | None = None
    marks: Marks = field(default_factory=dict)


@dataclass
class Table:
    """A table in the body or in an appendix; the header row repeats on every page."""

    columns: list[Column]
    rows: list[Row]
    mark: Mark
    title: str | None = None  # a caption printed above the table
    marks: Marks = field(default_factory=dict)

    @property
    def grouped_header(self) -> bool:
        """Whether the header takes two rows (some columns share a group header)."""
        return any(c.group for c in self.columns)


Block = Union[Paragraph, Node, Table]


def tables_in(content: list[Block]) -> Iterator[Table]:
    """Every table of ``content``, those inside numbered items included, in order."""
    for item in content:
        if isinstance(item, Table):
            yield item
        elif isinstance(item, Node):
            yield from tables_in(item.content)


@dataclass
class Appendix:
    """A phụ lục (Phụ lục I, II …): its title, printed in capitals, the “(Kèm theo …)” line
    filled in from the document it belongs to, and its content on its own pages."""

    title: str
    mark: Mark
    content: list[Block] = field(default_factory=list)
    tasks: bool = False  # the table of the plan's tasks (lead, support, deadline, product)
    landscape: bool | None = None  # None: landscape when a table is too wide for portrait
    reference: str | None = None  # the “(Kèm theo …)” line as written (an imported appendix)
    #: the heading as written (“Phụ lục số 01”; "" when the title stands alone, as “DANH
    #: SÁCH …”); None: Phụ lục I, II …
    label: str | None = None
    marks: Marks = field(default_factory=dict)


@dataclass
class Issuer:
    """Cơ quan ban hành, with its direct superior (cơ quan chủ quản) if any."""

    name: tuple[str, ...]
    abbreviation: str | None
    mark: Mark
    superior: tuple[str, ...] = ()
    in_text: str | None = None  # the name as a sentence writes it: “Ủy ban nhân dân tỉnh …”
    marks: Marks = field(default_factory=dict)


@dataclass
class Signature:
    """Quyền hạn, chức vụ, họ tên người ký (ô 7a–7c)."""

    authority: str  # one of vanban.decree.signing.AUTHORITIES
    titles: tuple[str, ...]
    name: str
    mark: Mark
    other_title: tuple[str, ...] = ()
    marks: Marks = field(default_factory=dict)

    @property
    def lines(self) -> tuple[str, ...]:
        """The title lines as printed: the authority prefix goes before the first one."""
        if not self.titles:
            return ()
        first = f"{self.authority} {self.titles[0]}" if self.authority else self.titles[0]
        return (first, *self.titles[1:])


@dataclass
class Recipient:
    """One line of Nơi nhận, with its note (“(b/c)” …)."""

    name: str
    mark: Mark
    note: str | None = None  # e.g. "b/c" (để báo cáo)

    @property
    def line(self) -> str:
        return f"{self.name} ({self.note})" if self.note else self.name


@dataclass
class Archive:
    """The ``Lưu:`` line: units (VT first) and the number of copies filed."""

    units: tuple[str, ...]
    mark: Mark
    copies: int | None = None

    @property
    def line(self) -> str:
        text = "Lưu: " + ", ".join(self.units)
        return f"{text} ({self.copies})" if self.copies else text


@dataclass
class Period:
    """The time a plan covers: its first and last dates, either may be open."""

    start: PlanDate | None
    end: PlanDate | None
    mark: Mark


@dataclass
class Invitation:
    """What a Giấy mời says (Mẫu 1.7): who is invited, to what, chaired by whom, when, where."""

    invitees: tuple[str, ...]  # “… trân trọng kính mời: …”
    event: str  # “Tới dự …”: the meeting, conference, workshop
    mark: Mark
    chair: str | None = None  # “Chủ trì: …”
    time: str | None = None  # “Thời gian: …”, as written (“08 giờ 00, thứ Năm, ngày …”)
    place: str | None = None  # “Địa điểm: …”
    marks: Marks = field(default_factory=dict)


@dataclass
class Minutes:
    """The record of a meeting a Biên bản opens and closes with (Mẫu 1.9)."""

    mark: Mark
    start: str | None = None  # “Thời gian bắt đầu: …”
    place: str | None = None  # “Địa điểm: …”
    participants: tuple[str, ...] = ()  # “Thành phần tham dự: …”
    chair: str | None = None  # “Chủ trì (chủ tọa): …”
    secretary: str | None = None  # “Thư ký (người ghi biên bản): …”
    end: str | None = None  # “Cuộc họp kết thúc vào …”
    marks: Marks = field(default_factory=dict)


@dataclass
class Layout:
    """Page and body settings; defaults are inside the decree's ranges."""

    margin_top: float = 20.0  # mm, 20–25
    margin_bottom: float = 20.0  # mm, 20–25
    margin_left: float = 30.0  # mm, 30–35
    margin_right: float = 15.0  # mm, 15–20
    body_size: float = 14.0  # pt, 13–14
    first_line_indent: float = 1.27  # cm, 1 or 1.27
    paragraph_spacing: float = 6.0  # pt between paragraphs, at least 6
    line_spacing: float = 1.0  # single (1.0) to 1.5 lines
    marks: Marks = field(default_factory=dict)


@dataclass
class Draft:
    """A draft (dự thảo): number and date may be blank; ``round`` is "lần 2"."""

    round: int | None
    mark: Mark

    @property
    def label(self) -> str:
        return f"DỰ THẢO LẦN {self.round}" if self.round else "DỰ THẢO"


@dataclass
class Assignment:
    """A task given to one agency, wherever the plan states it."""

    agency: str
    role: Literal["lead", "support"]
    node: Node
    deadline: PlanDate | None


@dataclass
class Attachment:
    """The document a decision issues (ban hành kèm theo Quyết định này): a Kế hoạch, a Quy
    chế … printed after the decision, with its type name, trích yếu and the “(Kèm theo Quyết
    định số …)” line, and no number, date, signature or Nơi nhận of its own."""

    doctype: DocumentType
    title: str
    mark: Mark
    numbering: str = SECTIONS
    opening: list[Paragraph] = field(default_factory=list)
    sections: list[Node] = field(default_factory=list)
    closing: list[Paragraph] = field(default_factory=list)
    appendices: list[Appendix] = field(default_factory=list)
    reference: str | None = None  # the “(Kèm theo …)” line as written (imported)
    #: its type's name as printed, when it is not a type of the decree's list (“Điều lệ”,
    #: numbered as its stand-in ``doctype``)
    name: str | None = None
    marks: Marks = field(default_factory=dict)

    @property
    def type_name(self) -> str:
        """“Kế hoạch”, “Điều lệ”: the name its type line prints and Điều 1 cites."""
        return self.name or self.doctype.name


def appendix_numbering(top: list[Node], default: str) -> str:
    """How an appendix is numbered: as the body it belongs to (``default``), unless every
    one of its outermost numbers is written and says otherwise — a decision's appendix that
    lists “1.”, “2.” is numbered in points, not in articles."""
    if top and all(node.number is not None for node in top):
        return numbering_of({parse_label(node.number).kind for node in top  # type: ignore[arg-type]
                             }, default)
    return default


@dataclass
class Body:
    """A numbered body and how it is numbered: the document's own, its attachment's, an
    appendix's (:func:`appendix_numbering`). Numbering rules look at each on its own."""

    sections: list[Node]
    numbering: str
    where: str  # "document", "attachment", "appendix"


@dataclass
class Plan:
    """A document read from a plan file (or imported): every component the decree lays out."""

    path: str
    doctype: DocumentType
    issuer: Issuer
    number: int | None
    place: str
    date: PlanDate | None
    title: str
    sections: list[Node]
    signature: Signature
    recipients: list[Recipient]
    archive: Archive | None  # None: the document has no “Lưu:” line
    mark: Mark
    symbol: str | None = None  # explicit override of type + issuer abbreviation
    bases: list[Paragraph] = field(default_factory=list)
    opening: list[Paragraph] = field(default_factory=list)
    closing: list[Paragraph] = field(default_factory=list)
    drafter: str | None = None
    copies: int | None = None
    urgency: str | None = None
    secrecy: str | None = None
    circulation: str | None = None
    draft: Draft | None = None
    version: str | None = None
    period: Period | None = None
    layout: Layout = field(default_factory=Layout)
    addressees: list[Recipient] = field(default_factory=list)  # Kính gửi (công văn …)
    issuing_authority: str | None = None  # thẩm quyền ban hành, above the bases of a decision
    notes: list[Paragraph] = field(default_factory=list)  # printed after the signature block
    numbering: str = SECTIONS  # how the body is numbered: the type's, unless the plan says
    appendices: list[Appendix] = field(default_factory=list)
    attachment: Attachment | None = None  # the document this decision issues
    electronic: bool = False  # issued as an electronic document: “Kèm theo” fields blank
    invitation: Invitation | None = None  # a Giấy mời's fields
    minutes: Minutes | None = None  # a Biên bản's fields
    cosigner: Signature | None = None  # a second signature on the left: a Biên bản's thư ký,
    #                                    the other body's head in a document issued jointly
    fields: dict[str, str] = field(default_factory=dict)  # a house template's own words
    number_text: str | None = None  # the number as written, when it has zeros vanban would
    #                                 not print (“0130”); printed as written
    marks: Marks = field(default_factory=dict)

    @property
    def symbol_text(self) -> str:
        """``KH-BCĐ``: the type code joined to the issuer's abbreviation, unless overridden."""
        if self.symbol:
            return self.symbol
        parts = [p for p in (self.doctype.code, self.issuer.abbreviation) if p]
        return "-".join(parts)

    @property
    def number_line(self) -> str:
        """``Số: 277/KH-BCĐ``, or ``Số:      /KH-BCĐ`` while the number is not assigned."""
        if self.number is None:
            return f"Số:{document_number(None)}/{self.symbol_text}"
        return f"Số: {self.number_printed}/{self.symbol_text}"

    @property
    def number_printed(self) -> str:
        """The number as the document prints it: as written if it has extra zeros, else with
        the decree's leading zero below 10; blank (spaces) while it is not assigned."""
        return self.number_text or document_number(self.number)

    @property
    def reference(self) -> str:
        """``277/KH-BCĐ`` (number and symbol, as other documents cite it)."""
        return f"{self.number_printed.strip()}/{self.symbol_text}"

    def addressed(self) -> list[str]:
        """Who “Như trên” in Nơi nhận stands for: the Kính gửi addressees (a Công điện's
        receivers), a Giấy mời's invitees."""
        names = [a.name for a in self.addressees]
        if self.invitation is not None:
            names += list(self.invitation.invitees)
        return names

    def issued_by(self) -> str | None:
        """Who issues the document, as a sentence names it (“Ủy ban nhân dân tỉnh Lai Châu”,
        “Chủ tịch Ủy ban nhân dân tỉnh …” when the chairman signs in his own name); None when
        the plan does not say and the printed name's shape leaves it uncertain."""
        if self.issuer.in_text:
            return self.issuer.in_text
        if self.issuing_authority:
            return agency_in_text(self.issuing_authority)
        body = agency_in_text(" ".join(self.issuer.name))
        if body and body.startswith(COLLECTIVE_NAMES) and self.signature.authority != "TM.":
            titles = [AUTHORITY_PREFIX.sub("", t) for t in self.signature.titles]
            if titles and titles[0].upper() == "CHỦ TỊCH":
                return f"Chủ tịch {body}"
        return body

    def attached_reference(self) -> str:
        """The “(Kèm theo …)” line of this document's appendices and of the document it
        issues; number and date blank in a draft until assigned and in an electronic
        document, where the signing system fills them (Phụ lục I, III.1.c)."""
        blank = self.electronic or self.number is None
        number = None if blank else self.number_printed.strip()
        date = self.date
        if self.electronic and date is not None:
            date = PlanDate(date.year)
        return reference_line(self.doctype.name, number, self.symbol_text, date,
                              self.issued_by())

    def bodies(self) -> list[Body]:
        """Every numbered body: the document's, its attachment's, and each appendix's."""
        out = [Body(self.sections, self.numbering, "document")]
        appendices = [(a, self.numbering) for a in self.appendices]
        if self.attachment is not None:
            out.append(Body(self.attachment.sections, self.attachment.numbering, "attachment"))
            appendices += [(a, self.attachment.numbering) for a in self.attachment.appendices]
        for appendix, numbering in appendices:
            top = [b for b in appendix.content if isinstance(b, Node)]
            if top:
                out.append(Body(top, appendix_numbering(top, numbering), "appendix"))
        return out

    def nodes(self) -> Iterator[Node]:
        for body in self.bodies():
            for section in body.sections:
                yield from section.walk()

    def assignments(self) -> list[Assignment]:
        """Every (agency, task) pair: agency blocks and tasks with lead/support units."""
        out: list[Assignment] = []
        for node in self.nodes():
            if node.agency:
                tasks = node.children or [node]
                for task in tasks:
                    out.append(Assignment(node.agency, "lead", task, task.deadline or node.deadline))
            for agency in node.lead:
                out.append(Assignment(agency, "lead", node, node.deadline))
            for agency in node.support:
                out.append(Assignment(agency, "support", node, node.deadline))
        return out

    def agencies(self) -> list[str]:
        """Agencies given a task, in order of first appearance, without repeats."""
        seen: dict[str, None] = {}
        for a in self.assignments():
            seen.setdefault(a.agency, None)
        return list(seen)
