"""The body of a plan: paragraphs, numbered items, tables, and the appendices (phụ lục).

Specs of :mod:`vanban.plan.spec`, used by :mod:`vanban.plan.schema` for the plan's
``opening``, ``sections``, ``closing`` and ``appendices`` and for a decision's attachment.
"""

from __future__ import annotations

from typing import Any

from vanban.decree.numbering import MAX_DEPTH
from vanban.i18n import _, translate
from vanban.plan.codes import INVALID_VALUE, MISSING_KEY
from vanban.plan.model import Appendix, Column, Node, Paragraph, Row, Table
from vanban.plan.source import YList, YMap, YNode, YScalar
from vanban.plan.spec import (
    INVALID,
    Bool,
    Choice,
    Context,
    Date,
    Decimal,
    Field,
    Lines,
    ListOf,
    Obj,
    OneOf,
    Ref,
    Spec,
    Text,
)
from vanban.problems import Mark


def _build_paragraph(v: dict[str, Any], marks: dict[str, Mark], mark: Mark, ctx: Context) -> Any:
    return Paragraph(v["text"], mark, italic=v.get("italic", False), bold=v.get("bold", False),
                     marks=marks)


class ParagraphText(Spec):
    """A plain string in a list of paragraphs."""

    def convert(self, node: YNode, ctx: Context) -> Any:
        text = Text().convert(node, ctx)
        if text is INVALID:
            return INVALID
        return Paragraph(text, node.mark, marks={"text": node.mark})

    def schema(self, lang: str | None) -> dict[str, Any]:
        return Text().schema(lang)


PARAGRAPH_OBJ = Obj(_("paragraph"), _("A paragraph with emphasis (plain text needs no mapping)"), [
    Field("paragraph", Text(), _("The text of the paragraph"), required=True, attr="text"),
    Field("italic", Bool(), _("Print the paragraph in italics")),
    Field("bold", Bool(), _("Print the paragraph in bold")),
], _build_paragraph)

PARAGRAPH = OneOf(ParagraphText(), [("paragraph", PARAGRAPH_OBJ)], _("a paragraph"))


def _build_node(v: dict[str, Any], marks: dict[str, Mark], mark: Mark, ctx: Context) -> Any:
    title, text, agency = v.get("title"), v.get("text"), v.get("agency")
    if title is not None and text is not None:
        ctx.report(marks["text"], INVALID_VALUE, _(
            "give either “title” (a heading on its own line) or “text” (a numbered paragraph), "
            "not both; put the running text under “content”"))
        return INVALID
    if title is None and text is None:
        if agency is None:
            ctx.report(mark, MISSING_KEY, _(
                "a numbered item needs “title” (a heading) or “text” (a numbered paragraph)"))
            return INVALID
        title = agency
    if ctx.depth > MAX_DEPTH:
        ctx.report(mark, INVALID_VALUE, _(
            "items nest deeper than the five levels I. → 1. → a) → - → +; move this into "
            "its parent's text or split the item"))
        return INVALID
    return Node(
        depth=ctx.depth, mark=mark, title=title, text=text, number=v.get("number"),
        content=v.get("content", []), agency=agency, lead=v.get("lead", ()),
        support=v.get("support", ()), deadline=v.get("deadline"), timeframe=v.get("timeframe"),
        product=v.get("product"), italic=v.get("italic", False), bold=v.get("bold", False),
        marks=marks,
    )


class NodeSpec(Obj):
    def convert(self, node: YNode, ctx: Context) -> Any:
        ctx.depth += 1
        try:
            return super().convert(node, ctx)
        finally:
            ctx.depth -= 1


NODE_REF = Ref("node", lambda: NODE)
TABLE_BLOCK_REF = Ref("table", lambda: TABLE_BLOCK)
CONTENT = ListOf(OneOf(ParagraphText(), [("paragraph", PARAGRAPH_OBJ), ("table", TABLE_BLOCK_REF),
                                         (None, NODE_REF)],
                       _("a paragraph, a table or a numbered item")))

NODE = NodeSpec(_("numbered item"), _(
    "A numbered unit of the body. Numbers follow the nesting: I. → 1. → a) → - → +"), [
    Field("title", Text(), _("Heading printed after the number on its own line (bold)")),
    Field("text", Text(), _("Running text printed after the number (not bold)")),
    Field("content", CONTENT, _(
        "What the item contains, in order: paragraphs (plain text), tables and sub-items "
        "(mappings)")),
    Field("number", Text(), _(
        "Explicit number as written in an existing document (“2.1.”, “+”); leave it out to "
        "number automatically")),
    Field("agency", Text(), _(
        "The agency this block assigns tasks to; the heading defaults to its name")),
    Field("lead", Lines(), _("Lead agency or agencies of this task (cơ quan chủ trì)")),
    Field("support", Lines(), _("Supporting agencies of this task (cơ quan phối hợp)")),
    Field("deadline", Date(), _("Deadline of the task, as a date (YYYY-MM-DD or DD/MM/YYYY)")),
    Field("timeframe", Text(), _("When the task runs, in words (“Quý IV/2025”, “Thường xuyên”)")),
    Field("product", Text(), _("The product or result of the task")),
    Field("italic", Bool(), _("Print this item in italics")),
    Field("bold", Bool(), _("Print this item in bold")),
], _build_node)


# --- tables -----------------------------------------------------------------------------

def _build_column(v: dict[str, Any], marks: dict[str, Mark], mark: Mark, ctx: Context) -> Any:
    return Column(v["header"], mark, group=v.get("group"), width=v.get("width"),
                  align=v.get("align"))


#: A cell's text: empty, or several lines — a block scalar ``|`` or ``\n`` in quotes — each a
#: paragraph of the cell (a Word cell's paragraphs).
CELL = Text(allow_empty=True, multiline=True)

COLUMN_OBJ = Obj(_("column"), _("A column of a table"), [
    Field("header", CELL, _("The column's header"), required=True),
    Field("group", Text(), _(
        "A header over this column and the next ones with the same group (a merged cell)")),
    Field("width", Decimal(1, 1000, ""), _(
        "Relative width (the columns share the text width in these proportions)")),
    Field("align", Choice(("left", "center", "right")), _(
        "Alignment of the column's cells: left, center or right; by default STT and dates "
        "are centred, figures right-aligned and text left")),
], _build_column)


class ColumnSpec(Spec):
    """A column: its header as text, or a mapping with the header and its settings."""

    def convert(self, node: YNode, ctx: Context) -> Any:
        if isinstance(node, YScalar):
            header = CELL.convert(node, ctx)
            return INVALID if header is INVALID else Column(header, node.mark)
        return COLUMN_OBJ.convert(node, ctx)

    def schema(self, lang: str | None) -> dict[str, Any]:
        return {"anyOf": [CELL.schema(lang), COLUMN_OBJ.schema(lang)]}


class RowSpec(Spec):
    """A row: a list of cell texts, or ``{group: …}`` for a row spanning the table."""

    def convert(self, node: YNode, ctx: Context) -> Any:
        if isinstance(node, YMap):
            group = node.get("group")
            keys = [k.value for k, _v in node.entries]
            if group is None or keys != ["group"]:
                return self._wrong_type(node, ctx, _("a list of cells, or {group: …}"))
            text = Text().convert(group, ctx)
            return INVALID if text is INVALID else Row((), node.mark, group=text)
        if not isinstance(node, YList):
            return self._wrong_type(node, ctx, _("a list of cells, or {group: …}"))
        cells = [CELL.convert(item, ctx) for item in node.items]
        if any(c is INVALID for c in cells):
            return INVALID
        return Row(tuple(cells), node.mark, marks={"cells": node.mark})

    def schema(self, lang: str | None) -> dict[str, Any]:
        group = {**Text().schema(lang), "description": translate(_(
            "A row spanning the table: the group's number and title"), lang)}
        return {"anyOf": [{"type": "array", "items": CELL.schema(lang)},
                          {"type": "object", "properties": {"group": group},
                           "required": ["group"], "additionalProperties": False}]}


def _build_table(v: dict[str, Any], marks: dict[str, Mark], mark: Mark, ctx: Context) -> Any:
    columns, rows = v["columns"], v.get("rows", [])
    for row in rows:
        if row.group is None and len(row.cells) != len(columns):
            ctx.report(row.mark, INVALID_VALUE, _(
                "this row has {cells} cell(s) and the table {columns} column(s); give one "
                "text per column (\"\" for an empty cell, and quotes around a cell that holds a "
                "comma)"), cells=len(row.cells),
                columns=len(columns))
            return INVALID
    return Table(columns, rows, mark, title=v.get("title"), marks=marks)


TABLE = Obj(_("table"), _("A table: columns with their headers, and rows of cells"), [
    Field("title", Text(), _("A caption printed above the table")),
    Field("columns", ListOf(ColumnSpec(), min_items=1), _(
        "The columns, left to right: a header, or {header, group, width, align}"),
        required=True),
    Field("rows", ListOf(RowSpec()), _(
        "The rows, top to bottom: one text per column, or {group: …} for a row spanning the "
        "table (“I. CẢI CÁCH THỂ CHẾ”)")),
], _build_table)


TABLE_BLOCK = Obj(_("table block"), _("A table in the content"), [
    Field("table", TABLE, _("The table"), required=True),
], lambda v, m, mark, ctx: v["table"])


# --- appendices ---------------------------------------------------------------------------

def _build_appendix(v: dict[str, Any], marks: dict[str, Mark], mark: Mark, ctx: Context) -> Any:
    return Appendix(v["title"], mark, content=v.get("content", []), tasks=v.get("tasks", False),
                    landscape=v.get("landscape"), reference=v.get("reference"),
                    label=v.get("label"), marks=marks)


APPENDIX = Obj(_("appendix"), _(
    "A phụ lục: “Phụ lục I”, its title in capitals and the “(Kèm theo …)” line, on its own "
    "pages"), [
    Field("label", Text(allow_empty=True), _(
        "The heading as written (“Phụ lục số 01”; empty when the appendix has only its "
        "title, as a “DANH SÁCH …”), for an imported appendix; by default “Phụ lục I”, "
        "“Phụ lục II” … (“Phụ lục” alone when there is one)")),
    Field("title", Text(), _("The title of the appendix (printed in capitals)"), required=True),
    Field("tasks", Bool(), _(
        "true: a table of the plan's tasks (lead, support, deadline, product), by section")),
    Field("landscape", Bool(), _(
        "Turn the appendix's pages: true, false, or leave it out (landscape when a table is "
        "too wide for a portrait page)")),
    Field("content", CONTENT, _("What the appendix holds: paragraphs, tables, numbered items")),
    Field("reference", Text(), _(
        "The “(Kèm theo …)” line as written, for an imported appendix; by default it is made "
        "from the document's type, number, date and issuer")),
], _build_appendix)
