"""What follows the document: its appendices, and the document a decision issues with its own.

Each part is printed on its own pages (:mod:`vanban.renderer.sections`), in this order: the
document's appendices right after its signature block and notes, then the attached document
(Mẫu 1.3's “văn bản được ban hành kèm theo quyết định”: agency and Quốc hiệu, type name,
trích yếu, the “(Kèm theo Quyết định số …)” line and a short rule; no number, date,
signature or Nơi nhận), then the attached document's appendices.

An appendix (Phụ lục I, III.1 and Mẫu 2.1) prints “Phụ lục I” (just “Phụ lục” when the
document has one: Roman numerals number two or more), its title in capitals, the
“(Kèm theo …)” line and a short rule, then its content, numbered as the body of the document
it belongs to. The attached document has no number or date of its own, so its appendices
cite the decision that issues it, as the attached document itself does.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from vanban.plan.matrix import task_table
from vanban.plan.model import Appendix, Node, Plan, tables_in
from vanban.renderer.blocks import BodyWriter, close_blocks, paragraph_block
from vanban.renderer.geometry import text_width_twips
from vanban.renderer.tables import Measured, measure, table_block
from vanban.text.vnformat import roman

APPENDIX_WORD = "Phụ lục"


def appendix_label(index: int, count: int) -> str:
    """``Phụ lục II``; ``Phụ lục`` alone when it is the document's only one."""
    return f"{APPENDIX_WORD} {roman(index)}" if count > 1 else APPENDIX_WORD



def too_wide(plan: Plan, measured: Iterable[Measured]) -> bool:
    """Whether tables this wide turn the appendix's pages (``landscape`` left out): one of
    them does not fit the portrait text width at its columns' minimums."""
    portrait = text_width_twips(plan.layout, False) / 20
    return not all(m.fits(portrait) for m in measured)


def turned(plan: Plan, appendix: Appendix, sections: list[Node], numbering: str) -> bool:
    """Whether ``appendix`` is printed on turned pages."""
    if appendix.landscape is not None:
        return appendix.landscape
    tables = [*tables_in(appendix.content)]
    if appendix.tasks:
        tables.append(task_table(sections, numbering))
    return too_wide(plan, [measure(t) for t in tables])


def _appendix(plan: Plan, appendix: Appendix, label: str, reference: str,
              sections: list[Node], numbering: str) -> dict[str, Any]:
    matrix = task_table(sections, numbering) if appendix.tasks else None
    measured = {id(t): measure(t) for t in [*tables_in(appendix.content),
                                            *([matrix] if matrix else [])]}
    landscape = appendix.landscape
    if landscape is None:
        landscape = too_wide(plan, measured.values())
    width = text_width_twips(plan.layout, landscape)
    blocks: list[dict[str, Any]] = []
    BodyWriter(numbering, width, measured).content(appendix.content, blocks)
    if matrix is not None:
        blocks.append(table_block(matrix, width, measured[id(matrix)]))
    close_blocks(blocks)
    return {"kind": "appendix", "label": label, "title": appendix.title,
            "reference": appendix.reference or reference, "doctype_title": "",
            "landscape": landscape, "body": blocks}


def _appendices(plan: Plan, appendices: list[Appendix], sections: list[Node],
                numbering: str) -> list[dict[str, Any]]:
    reference = plan.attached_reference()
    return [_appendix(plan, a, a.label if a.label is not None else
                      appendix_label(i, len(appendices)), reference, sections, numbering)
            for i, a in enumerate(appendices, start=1)]


def parts(plan: Plan) -> list[dict[str, Any]]:
    """The parts after the document, in print order, as the template prints them."""
    out = _appendices(plan, plan.appendices, plan.sections, plan.numbering)
    attachment = plan.attachment
    if attachment is None:
        return out
    blocks = [paragraph_block(p) for p in attachment.opening]
    writer = BodyWriter(attachment.numbering, text_width_twips(plan.layout, False))
    for index, section in enumerate(attachment.sections, start=1):
        writer.node(section, index, blocks)
    blocks += [paragraph_block(p, "closing") for p in attachment.closing]
    close_blocks(blocks)
    out.append({"kind": "attachment", "label": "", "title": attachment.title,
                "reference": attachment.reference or plan.attached_reference(),
                "doctype_title": attachment.type_name.upper(), "landscape": False,
                "body": blocks})
    return out + _appendices(plan, attachment.appendices, attachment.sections,
                             attachment.numbering)
