"""The plan file format: every key, its type, whether it is required, and its help text.

``PLAN`` converts a parsed YAML tree into a :class:`~vanban.plan.model.Plan`; ``json_schema()``
publishes the same definition for editors (``vanban schema``).
"""

from __future__ import annotations

import re
from typing import Any

from vanban.decree.doctypes import DOCUMENT_TYPES, find_type
from vanban.decree.marks import CIRCULATIONS, SECRECIES, SPELLINGS, URGENCIES
from vanban.decree.numbering import NUMBERINGS
from vanban.decree.page import LAYOUT_RANGES
from vanban.decree.signing import AUTHORITIES
from vanban.i18n import _, translate
from vanban.plan.blocks import (
    APPENDIX,
    NODE,
    NODE_REF,
    PARAGRAPH,
    TABLE_BLOCK,
    ParagraphText,
)
from vanban.plan.codes import INVALID_VALUE
from vanban.plan.model import (
    Archive,
    Attachment,
    Invitation,
    Minutes,
    Draft,
    Issuer,
    Layout,
    Paragraph,
    Period,
    Plan,
    Recipient,
    Signature,
)
from vanban.plan.source import YNode, YScalar
from vanban.plan.spec import (
    INVALID,
    Bool,
    Choice,
    Context,
    Date,
    Decimal,
    Field,
    Integer,
    Lines,
    ListOf,
    Obj,
    Spec,
    Text,
)
from vanban.problems import Mark

FORMAT_VERSION = "1"

ABBREVIATION = Text(pattern=r"[^\s/,;:]+", pattern_help=_(
    "an abbreviation has no spaces, slashes or punctuation"), examples=["UBND", "BCĐ"])


# --- document type ------------------------------------------------------------------------

class DocTypeSpec(Spec):
    def convert(self, node: YNode, ctx: Context) -> Any:
        value = Text().convert(node, ctx)
        if value is INVALID:
            return INVALID
        doctype = find_type(value)
        if doctype is None:
            ctx.report(node.mark, INVALID_VALUE, _(
                "unknown document type “{value}”; use a name or code from the decree's table, "
                "e.g. “Kế hoạch” or “KH”"), value=value)
            return INVALID
        return doctype  # whether vanban can lay it out is the renderer's to say

    def schema(self, lang: str | None) -> dict[str, Any]:
        values = [t.name for t in DOCUMENT_TYPES]
        values += [t.code for t in DOCUMENT_TYPES if t.code]
        return {"type": "string", "enum": values}


# --- header and footer parts --------------------------------------------------------------

def _build_issuer(v: dict[str, Any], marks: dict[str, Mark], mark: Mark, ctx: Context) -> Any:
    return Issuer(name=v["name"], abbreviation=v.get("abbreviation"), mark=mark,
                  superior=v.get("superior", ()), in_text=v.get("in_text"), marks=marks)


ISSUER = Obj(_("issuer"), _("The issuing body (cơ quan, tổ chức ban hành văn bản)"), [
    Field("superior", Lines(), _(
        "Direct superior body, upper case, may be abbreviated (“UBND TỈNH BÀ RỊA - VŨNG TÀU”); "
        "a list gives one entry per printed line")),
    Field("name", Lines(Text(allow_empty=True)), _(
        "Full official name of the issuing body, upper case; a list gives one entry per line"),
        required=True),
    Field("abbreviation", ABBREVIATION, _(
        "Abbreviation of the issuing body used in the symbol (“BCĐ” gives “KH-BCĐ”)")),
    Field("in_text", Text(), _(
        "The name as running text writes it (“Ủy ban nhân dân tỉnh Lai Châu”), for the "
        "“(Kèm theo … của …)” line of appendices; by default it is made from the name when "
        "its capitals are certain (Ủy ban nhân dân …, Sở …)")),
], _build_issuer)


def _build_signature(v: dict[str, Any], marks: dict[str, Mark], mark: Mark,
                     ctx: Context) -> Any:
    return Signature(authority=v.get("authority", ""), titles=v["titles"], name=v["name"],
                     mark=mark, other_title=v.get("other_title", ()), marks=marks)


SIGNATURE = Obj(_("signature"), _("The signature block (quyền hạn, chức vụ, họ tên người ký)"), [
    Field("authority", Choice(AUTHORITIES, {a.rstrip("."): a for a in AUTHORITIES if a}), _(
        "Signing authority put before the first title line: TM. (on behalf of a collective), "
        "KT. (a deputy signs for the head), TL., TUQ., Q., or empty when the head signs")),
    Field("titles", Lines(Text(allow_empty=True)), _(
        "Title lines from the top, without the authority prefix of the first line: "
        "[ỦY BAN NHÂN DÂN, CHỦ TỊCH] with TM.; [GIÁM ĐỐC, PHÓ GIÁM ĐỐC] with KT."), required=True),
    Field("other_title", Lines(), _(
        "The signer's other post, printed above the name (“PHÓ CHỦ TỊCH UBND TỈNH”)")),
    Field("name", Text(allow_empty=True), _("Full name of the signer, without honorifics"),
          required=True),
], _build_signature)

_NOTE = re.compile(r"^(?P<name>.*\S)\s+\((?P<note>b/c|đ/b|t/h|p/h|để biết|để báo cáo|"
                   r"để thực hiện|để phối hợp|để chỉ đạo|để theo dõi|để chỉ đạo thực hiện)\)$",
                   re.IGNORECASE)


class RecipientSpec(Spec):
    """``Sở Tư pháp``, ``Thường trực Tỉnh ủy (b/c)`` or ``{name: …, note: …}``."""

    OBJ = Obj(_("recipient"), _("A recipient with a note"), [
        Field("name", Text(), _("Recipient or group of recipients"), required=True),
        Field("note", Text(), _("Why it is sent: “b/c” (để báo cáo), “để biết”, “t/h”")),
    ], lambda v, m, mark, ctx: Recipient(v["name"], mark, v.get("note")))

    def convert(self, node: YNode, ctx: Context) -> Any:
        if isinstance(node, YScalar):
            text = Text().convert(node, ctx)
            if text is INVALID:
                return INVALID
            text = text.rstrip(";.").rstrip()
            if text.startswith("- "):
                text = text[2:].lstrip()
            if m := _NOTE.match(text):
                return Recipient(m["name"], node.mark, m["note"])
            return Recipient(text, node.mark)
        return self.OBJ.convert(node, ctx)

    def schema(self, lang: str | None) -> dict[str, Any]:
        return {"anyOf": [Text().schema(lang), self.OBJ.schema(lang)]}


_ARCHIVE = re.compile(r"^(?:Lưu\s*:\s*)?(?P<units>.*?)(?:\s*\((?P<copies>\d+)\))?\s*\.?$")


class ArchiveSpec(Spec):
    """``VT, PCNC, CAT (3)``: the units that file the original and how many copies."""

    def convert(self, node: YNode, ctx: Context) -> Any:
        text = Text().convert(node, ctx)
        if text is INVALID:
            return INVALID
        m = _ARCHIVE.match(text)
        units = tuple(u.strip() for u in m["units"].split(",")) if m else ()
        if not m or not units or any(not u for u in units):
            ctx.report(node.mark, INVALID_VALUE, _(
                "write the archive line as units separated by commas, VT first, with an "
                "optional number of copies: “VT, PCNC (3)”"))
            return INVALID
        return Archive(units, node.mark, int(m["copies"]) if m["copies"] else None)

    def schema(self, lang: str | None) -> dict[str, Any]:
        return {**Text().schema(lang), "examples": ["VT, PCNC, CAT (3)"]}


class DraftSpec(Spec):
    """``draft: true`` or ``draft: 2`` (the round, “Dự thảo lần 2”)."""

    def convert(self, node: YNode, ctx: Context) -> Any:
        if isinstance(node, YScalar) and node.value.strip().isdigit():
            round_ = Integer(1, 99).convert(node, ctx)
            return INVALID if round_ is INVALID else Draft(round_, node.mark)
        flag = Bool().convert(node, ctx)
        if flag is INVALID:
            return INVALID
        return Draft(None, node.mark) if flag else None

    def schema(self, lang: str | None) -> dict[str, Any]:
        return {"anyOf": [Bool().schema(lang), Integer(1, 99).schema(lang)]}


def _build_period(v: dict[str, Any], marks: dict[str, Mark], mark: Mark, ctx: Context) -> Any:
    start, end = v.get("start"), v.get("end")
    if start and end and end < start:
        ctx.report(marks["end"], INVALID_VALUE, _("the period ends before it starts"))
        return INVALID
    return Period(start, end, mark)


PERIOD = Obj(_("period"), _("The period the plan covers"), [
    Field("start", Date(partial=True), _("First day (or year) of the period")),
    Field("end", Date(partial=True), _("Last day (or year) of the period")),
], _build_period)


def _build_layout(v: dict[str, Any], marks: dict[str, Mark], mark: Mark, ctx: Context) -> Any:
    return Layout(**v, marks=marks)


LAYOUT = Obj(_("layout"), _("Page and body settings; the defaults follow the decree"), [
    Field("margin_top", Decimal(*LAYOUT_RANGES["margin_top"], "mm"), _("Top margin in mm (20–25, default 20)")),
    Field("margin_bottom", Decimal(*LAYOUT_RANGES["margin_bottom"], "mm"), _("Bottom margin in mm (20–25, default 20)")),
    Field("margin_left", Decimal(*LAYOUT_RANGES["margin_left"], "mm"), _("Left margin in mm (30–35, default 30)")),
    Field("margin_right", Decimal(*LAYOUT_RANGES["margin_right"], "mm"), _("Right margin in mm (15–20, default 15)")),
    Field("body_size", Choice(("13", "14")), _("Body font size in points (13 or 14, default 14)")),
    Field("first_line_indent", Choice(("1", "1.27"), {"1.0": "1", "1,27": "1.27"}), _(
        "First-line indent of body paragraphs in cm (1 or 1.27, default 1.27)")),
    Field("paragraph_spacing", Decimal(*LAYOUT_RANGES["paragraph_spacing"], "pt"), _(
        "Space between paragraphs in points (at least 6, default 6)")),
    Field("line_spacing", Decimal(*LAYOUT_RANGES["line_spacing"], "lines"), _(
        "Line spacing in lines (1 = single … 1.5, default 1)")),
], lambda v, m, mark, ctx: _build_layout(
    {k: float(x) for k, x in v.items()}, m, mark, ctx))


MAX_DOCUMENT_NUMBER = 9_999_999


class DocumentNumberSpec(Integer):
    """The number of the document: a whole number, blank in a draft. The digits are kept as
    written when the decree's form would print them otherwise — zeros in front (``0130``) or
    a sub-number (``110-11``)."""

    def __init__(self) -> None:
        # A register restarts every year (Phụ lục IV); seven digits is far beyond any.
        super().__init__(1, MAX_DOCUMENT_NUMBER, allow_blank=True)

    def convert(self, node: YNode, ctx: Context) -> Any:
        if isinstance(node, YScalar) and (m := _SUB_NUMBER.fullmatch(node.value.strip())):
            text = m.group()
            return int(m["main"]), text
        value = super().convert(node, ctx)
        if value is INVALID or value is None:
            return value
        assert isinstance(node, YScalar)
        text = node.value.strip()
        extra_zeros = len(text) > len(text.lstrip("0")) and len(text) > len(f"{value:02d}")
        return value, (text if extra_zeros else None)

    def schema(self, lang: str | None) -> dict[str, Any]:
        out = super().schema(lang)
        out["anyOf"][1]["pattern"] = r"^([0-9]*|[0-9]+-[0-9]+)$"
        return out


_SUB_NUMBER = re.compile(r"(?P<main>[0-9]+)-[0-9]+")


# --- the fields of a Giấy mời and a Biên bản -----------------------------------------------

INVITATION = Obj(_("invitation"), _(
    "Giấy mời (Mẫu 1.7): who is invited, to what, who chairs it, when and where"), [
    Field("invitees", Lines(), _(
        "Who is invited (“… trân trọng kính mời: …”): an agency, or a person with post and "
        "unit; a list prints one per line"), required=True),
    Field("event", Text(), _("What they are invited to (“Tới dự …”): the meeting's name"),
          required=True),
    Field("chair", Text(), _("Who chairs it (“Chủ trì: …”)")),
    Field("time", Text(), _("When, as printed (“08 giờ 00, thứ Năm, ngày 15/01/2027”)")),
    Field("place", Text(), _("Where (“Địa điểm: …”)")),
], lambda v, marks, mark, ctx: Invitation(
    v["invitees"], v["event"], mark, chair=v.get("chair"), time=v.get("time"),
    place=v.get("place"), marks=marks))

MINUTES = Obj(_("minutes"), _(
    "Biên bản (Mẫu 1.9): when and where the meeting ran, who attended, chaired and kept the "
    "record, and when it ended"), [
    Field("start", Text(), _("When it began (“Thời gian bắt đầu: 08 giờ 00, ngày …”)")),
    Field("place", Text(), _("Where (“Địa điểm: …”)")),
    Field("participants", Lines(), _("Who attended (“Thành phần tham dự: …”), one per line")),
    Field("chair", Text(), _("Who chaired (“Chủ trì (chủ tọa): …”)")),
    Field("secretary", Text(), _("Who kept the record (“Thư ký (người ghi biên bản): …”)")),
    Field("end", Text(), _(
        "When it ended, as printed after “Cuộc họp kết thúc vào” (“11 giờ 30, ngày 15 tháng 01 "
        "năm 2027”)")),
], lambda v, marks, mark, ctx: Minutes(
    mark, start=v.get("start"), place=v.get("place"), participants=v.get("participants", ()),
    chair=v.get("chair"), secretary=v.get("secretary"), end=v.get("end"), marks=marks))


# --- the plan -----------------------------------------------------------------------------

def _build_attachment(v: dict[str, Any], marks: dict[str, Mark], mark: Mark,
                      ctx: Context) -> Any:
    doctype = v["doctype"]
    return Attachment(doctype, v["title"], mark, numbering=v.get("numbering") or doctype.numbering,
                      opening=v.get("opening", []), sections=v.get("sections", []),
                      closing=v.get("closing", []), appendices=v.get("appendices", []),
                      reference=v.get("reference"), name=v.get("name"), marks=marks)


ATTACHMENT = Obj(_("attachment"), _(
    "The document a decision issues (“Ban hành kèm theo Quyết định này …”), printed after the "
    "decision: its type name, trích yếu and “(Kèm theo Quyết định số …)” line, its body and "
    "its appendices; no number, date, signature or Nơi nhận of its own"), [
    Field("type", DocTypeSpec(), _("Its type: “Kế hoạch”, “Quy chế”, “Quy định” …"),
          required=True, attr="doctype"),
    Field("name", Text(), _(
        "Its type's name as printed when it is not one of the decree's types (“Điều lệ”); "
        "“type” then says which type it is numbered like")),
    Field("numbering", Choice(NUMBERINGS), _("How its body is numbered, when not as its type's")),
    Field("title", Text(), _("Its trích yếu, as Điều 1 of the decision cites it"),
          required=True),
    Field("reference", Text(), _(
        "The “(Kèm theo Quyết định số …)” line as written, for an imported attachment; by "
        "default it is made from the decision's number, date and issuer")),
    Field("opening", ListOf(PARAGRAPH), _("Paragraphs before its first section")),
    Field("sections", ListOf(NODE_REF), _("Its sections")),
    Field("closing", ListOf(PARAGRAPH), _("Paragraphs after its last section")),
    Field("appendices", ListOf(APPENDIX), _("Its appendices (phụ lục)")),
], _build_attachment)


def _build_plan(v: dict[str, Any], marks: dict[str, Mark], mark: Mark, ctx: Context) -> Any:
    issuer: Issuer = v["issuer"]
    bases = [Paragraph(b.text, b.mark, italic=True, marks=b.marks) for b in v.get("bases", [])]
    number, number_text = v.get("number") or (None, None)
    return Plan(
        path=ctx.path, doctype=v["doctype"], issuer=issuer, number=number,
        number_text=number_text, numbering=v.get("numbering") or v["doctype"].numbering,
        place=v.get("place", ""), date=v.get("date"), title=v["title"], sections=v.get("sections", []),
        signature=v["signature"], recipients=v["recipients"], archive=v.get("archive"), mark=mark,
        symbol=v.get("symbol"), bases=bases, opening=v.get("opening", []),
        closing=v.get("closing", []), drafter=v.get("drafter"), copies=v.get("copies"),
        urgency=v.get("urgency"), secrecy=v.get("secrecy"), circulation=v.get("circulation"),
        draft=v.get("draft"), version=v.get("version"), period=v.get("period"),
        layout=v.get("layout", Layout()), addressees=v.get("addressees", []),
        issuing_authority=v.get("issuing_authority"), notes=v.get("notes", []), marks=marks,
        appendices=v.get("appendices", []), attachment=v.get("attachment"),
        electronic=v.get("electronic", False), invitation=v.get("invitation"),
        minutes=v.get("minutes"), cosigner=v.get("cosigner"),
    )


PLAN = Obj(_("the plan"), _("A Vietnamese administrative document (Decree 30/2020/NĐ-CP)"), [
    Field("vanban", Choice((FORMAT_VERSION,)), _("Version of the plan file format (1)")),
    Field("type", DocTypeSpec(), _("Document type: “Kế hoạch” (or its code “KH”)"),
          required=True, attr="doctype"),
    Field("draft", DraftSpec(), _("Mark the plan as a draft: true, or the round number")),
    Field("version", Text(), _("Version label stamped in the document properties")),
    Field("issuer", ISSUER, _("The issuing body and its superior"), required=True),
    Field("numbering", Choice(NUMBERINGS), _(
        "How the body is numbered, when not as the type's model: sections (I. → 1. → a)), "
        "articles (Điều 1. → 1. → a)) or points (1. → a) → -)")),
    Field("number", DocumentNumberSpec(), _(
        "Number of the document (“277”); leave it empty in a draft, it is given at issue"),
        required=True),
    Field("symbol", Text(), _(
        "Explicit symbol after the slash; by default the type code + the issuer abbreviation")),
    Field("place", Text(allow_empty=True), _(
        "Place name (địa danh) of the dateline: “Bà Rịa - Vũng Tàu” (a Biên bản has no "
        "dateline)"), required_if=lambda v: "doctype" not in v or v["doctype"].dateline),
    Field("date", Date(partial=True), _(
        "Date of issue (YYYY-MM-DD or DD/MM/YYYY); a draft may give only the year or nothing"),
        required=True),
    Field("title", Text(allow_empty=True), _(
        "Subject line (trích yếu nội dung), sentence case; a công văn prints it after “V/v”"),
        required=True),
    Field("urgency", Choice(URGENCIES, SPELLINGS), _(
        "Urgency mark: KHẨN, THƯỢNG KHẨN or HỎA TỐC")),
    Field("secrecy", Choice(SECRECIES), _("Secrecy mark: MẬT, TỐI MẬT or TUYỆT MẬT")),
    Field("circulation", Choice(CIRCULATIONS), _(
        "Circulation instruction: XEM XONG TRẢ LẠI or LƯU HÀNH NỘI BỘ")),
    Field("period", PERIOD, _("The period the plan covers; deadlines must fall inside it")),
    Field("issuing_authority", Text(), _(
        "Decisions: the authority line above the legal bases (“ỦY BAN NHÂN DÂN TỈNH …”)")),
    Field("addressees", ListOf(RecipientSpec()), _(
        "Addressees after “Kính gửi:” (công văn, tờ trình and báo cáo sent upwards)")),
    Field("invitation", INVITATION, _("Giấy mời: the invitation's fields")),
    Field("minutes", MINUTES, _("Biên bản: the meeting's record")),
    Field("bases", ListOf(ParagraphText()), _(
        "Legal bases (căn cứ), one per entry; printed in italics ending with “;” and “.”")),
    Field("opening", ListOf(PARAGRAPH), _("Opening paragraphs before the first section")),
    Field("sections", ListOf(NODE_REF), _(
        "Sections of the body, numbered I., II., … (Điều 1., 2., … in a decision); each has a "
        "“title” and “content”")),
    Field("closing", ListOf(PARAGRAPH), _("Closing paragraphs after the last section")),
    Field("signature", SIGNATURE, _("The signature block"), required=True),
    Field("cosigner", SIGNATURE, _(
        "A second signature, on the left: the thư ký of a Biên bản (titles: THƯ KÝ)")),
    Field("recipients", ListOf(RecipientSpec()), _(
        "Recipients (Nơi nhận), one per entry, with an optional note such as “(b/c)”"),
        required=True),
    Field("archive", ArchiveSpec(), _(
        "The archive line after “Lưu:”: “VT, PCNC, CAT (3)”")),
    Field("drafter", Text(pattern=r"[A-ZĐ]+", pattern_help=_("initials in upper case")), _(
        "Drafter's initials (ký hiệu người soạn thảo)")),
    Field("copies", Integer(1), _("Number of copies issued (số lượng bản phát hành)")),
    Field("electronic", Bool(), _(
        "true: issued as an electronic document; the number and date in the “(Kèm theo …)” "
        "lines of its appendices stay blank for the signing system to fill")),
    Field("notes", ListOf(PARAGRAPH), _(
        "Notes printed after the signature block (e.g. footnotes of an imported document)")),
    Field("appendices", ListOf(APPENDIX), _(
        "Appendices (phụ lục), printed after the signature, each on its own pages: Phụ lục I, "
        "II …")),
    Field("attachment", ATTACHMENT, _(
        "Decisions: the document this decision issues (a Kế hoạch, a Quy chế …), printed "
        "after it")),
    Field("layout", LAYOUT, _("Page and body settings")),
], _build_plan)

#: The plan file's keys in the order vanban writes them (import, serialize); the schema's
#: order, which is the reading order of the document, is the one place that decides it.
KEY_ORDER = tuple(f.key for f in PLAN.fields if f.key != "vanban")


def json_schema(lang: str | None = None) -> dict[str, Any]:
    """The plan format as JSON Schema (draft 2020-12), described in ``lang``."""
    out = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://vanban.invalid/schema/plan-1.json",
        "title": translate(_("vanban plan"), lang),
        **PLAN.schema(lang),
        "$defs": {"node": NODE.schema(lang), "table": TABLE_BLOCK.schema(lang)},
    }
    return out


def schema_loader() -> type:
    """A PyYAML loader that reads a plan as the JSON Schema describes it: like
    ``yaml.safe_load``, except that dates stay text (``safe_load`` makes ``2024-03-05`` a
    ``datetime.date``, which no JSON Schema type accepts)::

        data = yaml.load(text, Loader=vanban.schema_loader())
        jsonschema.validate(data, vanban.json_schema())
    """
    import yaml

    class SchemaLoader(yaml.SafeLoader):
        pass

    SchemaLoader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers
                if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return SchemaLoader

