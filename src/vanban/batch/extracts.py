"""Derived plans: the parts of a plan that concern one agency, or the parts a user picks.

An extract keeps the plan's header, title, signature and Nơi nhận, and its body keeps the
original numbers (``IV.``, ``4.``, ``a)``) so the agency can cite "khoản 4 mục IV" of the
plan. A section or item is kept whole when it concerns the agency (its assignment block,
or a task it leads or supports); its ancestors are kept as headings only.

The appendices go with it, cut the same way (:func:`appendices_for`): the table of tasks
keeps the agency's rows with their original STT under their section's group row; a table
that assigns work to the plan's agencies (a cell names one) keeps the rows naming this
agency, and is left out when none does; other tables and content stay whole. A decision
that issues a plan (the attached document) is extracted in the plan it issues: the
decision's articles stay whole, the attached plan is cut as above.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

from vanban.decree.doctypes import PLAN_PARTS
from vanban.decree.numbering import auto_label
from vanban.errors import UsageError
from vanban.i18n import _
from vanban.plan.matrix import task_table
from vanban.plan.model import (
    Appendix, Block, Node, Paragraph, Plan, Row, Table, tables_in,
)
from vanban.text.fold import fold, slug
from vanban.text.vnformat import from_roman

#: Selection words for the paragraphs around the sections (English and Vietnamese slugs).
_PARAGRAPHS = {"bases": "bases", "can-cu": "bases", "opening": "opening", "mo-dau": "opening",
               "closing": "closing", "ket-thuc": "closing"}
_PART_WORDS = {part.key: part.key for part in PLAN_PARTS}
_PART_WORDS.update({"muc-dich": "purpose", "muc-dich-yeu-cau": "purpose",
                    "noi-dung": "contents", "nhiem-vu": "contents", "kinh-phi": "funding",
                    "to-chuc-thuc-hien": "organisation"})


@dataclass(frozen=True)
class Selection:
    """Common parts chosen by the user: sections by Roman number or by meaning, and the
    legal bases, opening and closing paragraphs."""

    numbers: tuple[int, ...] = ()
    parts: tuple[str, ...] = ()
    bases: bool = False
    opening: bool = False
    closing: bool = False

    @classmethod
    def parse(cls, text: str | Iterable[str] | None) -> Selection:
        """``"I, V, closing"`` (comma-separated) or ``["organisation", "bases"]``; raises
        UsageError for a word that names no part."""
        if text is None:
            return cls()
        items = text.split(",") if isinstance(text, str) else list(text)
        numbers: list[int] = []
        parts: list[str] = []
        flags = {"bases": False, "opening": False, "closing": False}
        for raw in items:
            word = raw.strip().strip(".").strip()
            if not word:
                continue
            key = slug(word)
            if key in _PARAGRAPHS:
                flags[_PARAGRAPHS[key]] = True
            elif key in _PART_WORDS:
                parts.append(_PART_WORDS[key])
            elif (number := from_roman(word)) is not None:
                numbers.append(number)
            else:
                raise UsageError(_(
                    "“{word}” is not a section: use Roman numbers (I, IV), the parts purpose, "
                    "contents, funding, organisation, or bases, opening, closing"), word=raw)
        return cls(tuple(dict.fromkeys(numbers)), tuple(dict.fromkeys(parts)), **flags)

    @property
    def empty(self) -> bool:
        return not (self.numbers or self.parts or self.bases or self.opening or self.closing)

    def takes(self, index: int, section: Node) -> bool:
        """Whether section ``index`` (1-based) is chosen, by number or by what its title means."""
        if index in self.numbers:
            return True
        return any(part.matches(section.heading) for part in PLAN_PARTS if part.key in self.parts)

    def missing_numbers(self, plan: Plan) -> list[int]:
        return [n for n in self.numbers if n > len(plan.sections)]


def _labelled(node: Node, index: int, numbering: str) -> Node:
    """``node`` and its subtree with every number written out as the plan prints it."""
    count = 0
    content: list[Paragraph | Node] = []
    for block in node.content:
        if isinstance(block, Node):
            count += 1
            content.append(_labelled(block, count, numbering))
        else:
            content.append(block)
    number = node.number if node.number is not None else auto_label(node.depth, index,
                                                                     numbering)
    return dataclasses.replace(node, number=number, content=content)


def labelled_sections(plan: Plan) -> list[Node]:
    return [_labelled(section, i, plan.numbering)
            for i, section in enumerate(plan.sections, start=1)]


def concerns(node: Node, agency: str) -> bool:
    return node.agency == agency or agency in node.lead or agency in node.support


def _agencies_in(node: Node) -> set[str]:
    return ({node.agency} if node.agency else set()) | set(node.lead) | set(node.support)


def intro_line(agency: str) -> str:
    return f"(Trích các nội dung liên quan đến {agency})"


def _around(plan: Plan, selection: Selection, sections: list[Node],
            intro: str | None) -> Plan:
    opening = list(plan.opening) if selection.opening else []
    if intro:
        opening.insert(0, Paragraph(intro, plan.mark, italic=True))
    return dataclasses.replace(
        plan, bases=list(plan.bases) if selection.bases else [], opening=opening,
        sections=sections, closing=list(plan.closing) if selection.closing else [])


def _names(row: Row) -> set[str]:
    """The folded lines of a row's cells: an agency stands alone on its line."""
    return {fold(line) for cell in row.cells for line in cell.splitlines() if line.strip()}


def rows_for(table: Table, agency: str, agencies: set[str]) -> Table | None:
    """``table`` for ``agency``: whole when no cell names one of the plan's ``agencies``
    (folded); else only the rows naming ``agency``, each group row kept above the rows it
    heads; None when no row names it."""
    named = [_names(row) for row in table.rows]
    if not any(names & agencies for names in named):
        return table
    wanted = fold(agency)
    rows: list[Row] = []
    group: Row | None = None
    for row, names in zip(table.rows, named):
        if row.group is not None:
            group = row
        elif wanted in names:
            if group is not None:
                rows.append(group)
                group = None
            rows.append(row)
    return dataclasses.replace(table, rows=rows) if rows else None


def cuts_after_body(plan: Plan) -> bool:
    """Whether an extract changes what ``plan`` prints after its body: the document it
    issues, the table of tasks, a table that assigns work to the plan's agencies."""
    if plan.attachment is not None:
        return True
    agencies = {fold(a) for a in plan.agencies()}
    return any(appendix.tasks or any(rows_for(t, "", agencies) is not t
                                     for t in tables_in(appendix.content))
               for appendix in plan.appendices)


def _content_for(content: list[Block], agency: str, agencies: set[str]) -> list[Block]:
    out: list[Block] = []
    for block in content:
        if isinstance(block, Table):
            if (kept := rows_for(block, agency, agencies)) is not None:
                out.append(kept)
        elif isinstance(block, Node):
            out.append(dataclasses.replace(
                block, content=_content_for(block.content, agency, agencies)))
        else:
            out.append(block)
    return out


def appendices_for(appendices: list[Appendix], agency: str, agencies: set[str],
                   sections: list[Node], numbering: str) -> list[Appendix]:
    """The appendices of a body (its full ``sections``, numbered ``numbering``) as the
    extract for ``agency`` carries them (see the module's docstring)."""
    out: list[Appendix] = []
    for appendix in appendices:
        content = _content_for(appendix.content, agency, agencies)
        if appendix.tasks:
            # the full table cut down, so the rows keep the numbers the plan gives them
            matrix = rows_for(task_table(sections, numbering), agency, {fold(agency)})
            content += [matrix] if matrix is not None else []
        if appendix.tasks or content != appendix.content:
            appendix = dataclasses.replace(appendix, content=content, tasks=False)
        out.append(appendix)
    return out


class Extractor:
    """Extracts of one plan: numbers and the agencies below each node are worked out once."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.agencies = {fold(a) for a in plan.agencies()}
        attachment = plan.attachment
        # a decision that issues a plan is extracted in the plan it issues
        self.inner = attachment is not None and bool(attachment.sections)
        numbering = attachment.numbering if self.inner else plan.numbering  # type: ignore[union-attr]
        self.sections = [_labelled(section, i, numbering) for i, section in enumerate(
            attachment.sections if self.inner else plan.sections, start=1)]  # type: ignore[union-attr]
        self._below: dict[int, frozenset[str]] = {}
        for section in self.sections:
            self._index(section)

    def _index(self, node: Node) -> frozenset[str]:
        found = _agencies_in(node)
        for child in node.children:
            found |= self._index(child)
        self._below[id(node)] = frozen = frozenset(found)
        return frozen

    def _prune(self, node: Node, agency: str) -> Node:
        if concerns(node, agency):
            return node
        kept = [self._prune(c, agency) for c in node.children if agency in self._below[id(c)]]
        # An ancestor stays as a heading: its own paragraphs and task lines concern others.
        return dataclasses.replace(node, content=kept, lead=(), support=(), deadline=None,
                                   timeframe=None, product=None)

    def extract(self, agency: str, selection: Selection = Selection(), *,
                intro: bool = True) -> Plan | None:
        """The extract for ``agency``; None if no part of the plan concerns it."""
        sections: list[Node] = []
        concerned = False
        for index, section in enumerate(self.sections, start=1):
            relevant = agency in self._below[id(section)]
            concerned = concerned or relevant
            if selection.takes(index, section):
                sections.append(section)
            elif relevant:
                sections.append(self._prune(section, agency))
        if not concerned:
            return None
        plan = self.plan
        if self.inner:
            attachment = plan.attachment
            assert attachment is not None
            cut = dataclasses.replace(attachment, sections=sections, appendices=appendices_for(
                attachment.appendices, agency, self.agencies, attachment.sections,
                attachment.numbering))
            derived = dataclasses.replace(plan, attachment=cut, appendices=appendices_for(
                plan.appendices, agency, self.agencies, plan.sections, plan.numbering))
            return _around(derived, selection, list(plan.sections),
                           intro_line(agency) if intro else None)
        derived = dataclasses.replace(plan, appendices=appendices_for(
            plan.appendices, agency, self.agencies, plan.sections, plan.numbering))
        return _around(derived, selection, sections, intro_line(agency) if intro else None)

    def parts(self, selection: Selection) -> Plan | None:
        """The sections and paragraphs ``selection`` picks, whole; None if it picks nothing."""
        sections = [s for i, s in enumerate(labelled_sections(self.plan), start=1)
                    if selection.takes(i, s)]
        derived = _around(self.plan, selection, sections, None)
        if not (derived.sections or derived.opening or derived.closing):
            return None
        return derived


def extract_plan(plan: Plan, agency: str, selection: Selection = Selection(), *,
                 intro: bool = True) -> Plan | None:
    """The extract of ``plan`` for ``agency``; None if no part of the plan concerns it."""
    return Extractor(plan).extract(agency, selection, intro=intro)
