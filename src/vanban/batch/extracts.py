"""Derived plans: the parts of a plan that concern one agency, or the parts a user picks.

An extract keeps the plan's header, title, signature and Nơi nhận, and its body keeps the
original numbers (``IV.``, ``4.``, ``a)``) so the agency can cite "khoản 4 mục IV" of the
plan. A section or item is kept whole when it concerns the agency (its assignment block,
or a task it leads or supports); its ancestors are kept as headings only.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

from vanban.decree.doctypes import PLAN_PARTS
from vanban.decree.numbering import auto_label
from vanban.errors import UsageError
from vanban.i18n import _
from vanban.plan.model import Node, Paragraph, Plan
from vanban.text.fold import slug
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


class Extractor:
    """Extracts of one plan: numbers and the agencies below each node are worked out once."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.sections = labelled_sections(plan)
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
        return _around(self.plan, selection, sections, intro_line(agency) if intro else None)

    def parts(self, selection: Selection) -> Plan | None:
        """The sections and paragraphs ``selection`` picks, whole; None if it picks nothing."""
        sections = [s for i, s in enumerate(self.sections, start=1) if selection.takes(i, s)]
        derived = _around(self.plan, selection, sections, None)
        if not (derived.sections or derived.opening or derived.closing):
            return None
        return derived


def extract_plan(plan: Plan, agency: str, selection: Selection = Selection(), *,
                 intro: bool = True) -> Plan | None:
    """The extract of ``plan`` for ``agency``; None if no part of the plan concerns it."""
    return Extractor(plan).extract(agency, selection, intro=intro)
