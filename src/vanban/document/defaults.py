"""What vanban printed by itself, given back as the defaults it came from.

A vanban-made document prints things the plan never wrote: the “Phụ lục I” heading, the
“(Kèm theo …)” lines made from the parent's number and date, a column's alignment chosen by
practice, the table of tasks made from the body. Read back as written they would become
explicit values, and ``import(render(plan))`` would no longer be the plan. For a vanban-made
document only, each is dropped when it is exactly what vanban would print without it. A
column's relative widths cannot be given back (vanban fits them to the text), so they stay
as measured.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from vanban.decree.references import appendix_label
from vanban.plan.loader import read_plan
from vanban.plan.matrix import task_table
from vanban.plan.model import Appendix, Node, Plan, Table, tables_in
from vanban.renderer.appendices import turned
from vanban.renderer.tables import alignments


def join_broken_names(data: dict[str, Any], document: Any) -> None:
    """The issuer's and superior's names that vanban broke over lines to fit the header
    (renderer.layout.BROKEN_NAMES) come back as the plan wrote them: one string."""
    if document.docx is None:
        return
    from vanban.renderer import custom_properties
    from vanban.renderer.layout import BROKEN_NAMES

    broken = set(custom_properties(document.docx).get(BROKEN_NAMES, "").split("\n")) - {""}
    issuer = data.get("issuer")
    if not broken or not isinstance(issuer, dict):
        return
    for key in ("name", "superior"):
        lines = issuer.get(key)
        if isinstance(lines, list) and " ".join(lines) in broken:
            issuer[key] = " ".join(lines)


def restore_abbreviation(data: dict[str, Any], document: Any) -> None:
    """A type without a code of its own (a Công văn) prints the issuer's abbreviation alone
    after the number, which reads back as a ``symbol``; vanban's keywords property says it
    was the plan's ``issuer.abbreviation`` (renderer.layout.stamp_properties)."""
    if document.docx is None:
        return
    issuer, symbol = data.get("issuer"), data.get("symbol")
    if not isinstance(issuer, dict) or not isinstance(symbol, str) or "abbreviation" in issuer:
        return
    keywords = [k.strip() for k in (document.docx.core_properties.keywords or "").split(";")]
    if keywords and keywords[-1] == symbol:
        issuer["abbreviation"] = symbol
        del data["symbol"]


def restore_defaults(data: dict[str, Any]) -> None:
    """Drop from ``data`` (a vanban-made document's plan data) what vanban prints unasked."""
    from vanban.plan.serialize import dump_yaml

    if not data.get("appendices") and data.get("attachment") is None and \
            not _data_tables(data):
        return  # what is given back concerns tables and appendices: none, no plan to read

    text, _placed = dump_yaml(data)
    plan = read_plan("imported.yaml", text.encode("utf-8")).plan
    if plan is None:
        return
    _tables(data, plan)  # first: the loaded plan's tables are listed as the data's are now
    reference = plan.attached_reference()
    _appendices(plan, data.get("appendices", []), plan.appendices, reference, plan.sections,
                plan.numbering)
    attachment = data.get("attachment")
    if attachment is not None and plan.attachment is not None:
        if attachment.get("reference") == reference:
            del attachment["reference"]
        _appendices(plan, attachment.get("appendices", []), plan.attachment.appendices, reference,
                    plan.attachment.sections, plan.attachment.numbering)


def _appendices(plan: Plan, written: list[dict[str, Any]], read: list[Appendix],
                reference: str, sections: list[Node], numbering: str) -> None:
    for index, (data, appendix) in enumerate(zip(written, read), start=1):
        if data.get("label") == appendix_label(index, len(read)):
            del data["label"]
        if data.get("reference") == reference:
            del data["reference"]
        content = appendix.content
        if len(content) == 1 and isinstance(content[0], Table) and \
                _same_table(content[0], task_table(sections, numbering)):
            data.pop("content", None)
            data["tasks"] = True
            appendix = replace(appendix, content=[], tasks=True)
        if data.get("landscape") and turned(plan, replace(appendix, landscape=None), sections,
                                            numbering):
            del data["landscape"]  # turned because its tables are too wide, as vanban does


def _same_table(a: Table, b: Table) -> bool:
    return [c.header for c in a.columns] == [c.header for c in b.columns] and \
        [(r.group, r.cells) for r in a.rows] == [(r.group, r.cells) for r in b.rows]


def _tables(data: Any, plan: Plan) -> None:
    """Drop each column's alignment where it is the one practice gives (what vanban chose)."""
    tables = iter(_plan_tables(plan))
    for table_data in _data_tables(data):
        table = next(tables, None)
        if table is None:
            return
        chosen = alignments(replace(table, columns=[replace(c, align=None)
                                                    for c in table.columns]))
        for column, align in zip(table_data["columns"], chosen):
            if isinstance(column, dict) and column.get("align") == align:
                del column["align"]


def _data_tables(value: Any) -> list[dict[str, Any]]:
    """The table blocks of the plan data, in document order."""
    if isinstance(value, dict):
        if "table" in value and isinstance(value["table"], dict):
            return [value["table"]]
        return [t for v in value.values() for t in _data_tables(v)]
    if isinstance(value, list):
        return [t for v in value for t in _data_tables(v)]
    return []


def _plan_tables(plan: Plan) -> list[Table]:
    """The same tables in the loaded plan, in the same order as :func:`_data_tables`
    (keys in the plan file's order)."""
    documents: list[Any] = [plan, *([plan.attachment] if plan.attachment is not None else [])]
    return [table for doc in documents
            for part in (doc.opening, doc.sections, doc.closing,
                         *(appendix.content for appendix in doc.appendices))
            for table in tables_in(part)]
