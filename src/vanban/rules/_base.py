"""The rule contract: what every rule module provides and what it receives.

A rule module (``vb201_numbering_sequence.py``) has a docstring that is its documentation —
a one-line summary, then ``## Why``, ``## Bad``, ``## Good`` and, if it has options,
``## Options`` — a ``check(ctx)`` generator of :class:`Finding`, and ``RULE = Rule(...)``.
Rules do not know their severity or whether they are enabled: the configuration decides.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from vanban.plan.model import Plan
from vanban.plan.source import Source, YScalar
from vanban.plan.spec import Spec
from vanban.problems import Edit, Fix, Mark, Severity


@dataclass(frozen=True)
class Option:
    """A rule option: its default, the spec that validates a configured value, its help."""

    default: Any
    spec: Spec
    help: str


@dataclass(frozen=True)
class Finding:
    """What a rule found: where, the message id and its arguments, and a fix if certain."""

    mark: Mark
    msgid: str
    args: dict[str, Any] = field(default_factory=dict)
    fix: Fix | None = None


@dataclass
class RuleContext:
    """What a rule may look at: the source and its scalars, the plan if it loaded, options."""

    path: str
    source: Source
    plan: Plan | None
    options: dict[str, Any]
    today: _dt.date
    #: The plan was read from a .docx or .txt document, not written as a plan: what the
    #: document shows as typed (a blank number, spaces aligning two columns) is its layout.
    imported: bool = False
    _by_mark: dict[tuple[int, int], YScalar] | None = field(default=None, repr=False)
    _quoted: dict[int, int] | None = field(default=None, repr=False)

    def finding(self, mark: Mark, msgid: str, fix: Fix | None = None, **args: Any) -> Finding:
        return Finding(mark, msgid, args, fix)

    def at(self, node: YScalar, offset: int = 0, length: int = 0) -> Mark:
        """Position of character ``offset`` of a one-line scalar's value (quotes skipped),
        about ``length`` characters of it."""
        shift = 1 if node.style in ("'", '"') else 0
        return self.source.mark_at(node.start + shift + offset).spanning(length)

    def scalar_at(self, mark: Mark | None) -> YScalar | None:
        """The scalar written at ``mark`` (to build a fix for a model field)."""
        if mark is None:
            return None
        if self._by_mark is None:
            self._by_mark = {(n.mark.line, n.mark.col): n for _p, n in self.source.scalars()}
        return self._by_mark.get((mark.line, mark.col))

    def opens_quoted(self, node: YScalar) -> int:
        """How many quotations (“…”) are still open where the text scalar ``node`` starts:
        a quotation of several paragraphs opens in one and closes in a later one."""
        if self._quoted is None:
            self._quoted, depth = {}, 0
            for _path, scalar in sorted(self.text_scalars(), key=lambda item: item[1].start):
                self._quoted[id(scalar)] = depth
                depth = max(0, depth + scalar.value.count("“") - scalar.value.count("”"))
        return self._quoted.get(id(node), 0)

    def text_scalars(self) -> list[tuple[tuple[str, ...], YScalar]]:
        """Scalars that hold running text (not codes, numbers, dates or settings)."""
        return _text_index(self.source).scalars

    def text_matches(self, pattern: re.Pattern[str],
                     accept: Callable[[re.Match[str]], bool] | None = None) -> Iterator[TextMatch]:
        """Matches of ``pattern`` in running text, with exact positions where possible.

        The pattern runs once over the whole source; a match counts if it lies inside a
        one-line text scalar, so it has its line and column and can be fixed by an edit. A
        value folded over several lines is searched in its value and reported at its start,
        without a fix.
        """
        index = _text_index(self.source)
        text = self.source.text
        for m in pattern.finditer(text):
            at = bisect.bisect_right(index.starts, m.start()) - 1
            if at >= 0 and m.end() <= index.one_line[at].end and (accept is None or accept(m)):
                yield TextMatch(index.one_line[at], m, self.source.span(m.start(), m.end()), True)
        for node in index.multi_line:
            for m in pattern.finditer(node.value):
                if accept is None or accept(m):
                    yield TextMatch(node, m, node.mark, False)


#: Keys whose values are codes, numbers, dates or switches, not prose.
NON_TEXT_KEYS = frozenset({
    "vanban", "type", "number", "symbol", "abbreviation", "date", "deadline", "start", "end",
    "draft", "italic", "bold", "copies", "drafter", "authority", "urgency", "secrecy",
    "circulation", "version", "note", "numbering", "electronic", "tasks", "landscape", "align",
    "width",
})

def char_before(m: re.Match[str]) -> str:
    return m.string[m.start() - 1] if m.start() else ""


def char_after(m: re.Match[str]) -> str:
    return m.string[m.end()] if m.end() < len(m.string) else ""


@dataclass(frozen=True)
class TextMatch:
    """A match of a rule's pattern in the running text of a plan, with its position."""

    node: YScalar
    match: re.Match[str]
    mark: Mark
    in_source: bool  # the match indexes the source text (fixable), not just the value

    def fix(self, replacement: str) -> Fix | None:
        if not self.in_source:
            return None
        return Fix((Edit(self.match.start(), self.match.end(), replacement),))


def in_quotation(ctx: RuleContext, tm: TextMatch) -> bool:
    """Whether a match lies inside “…”: text quoted from another document, which is copied as
    it stands and not corrected. A quotation may run over several paragraphs."""
    start = tm.node.start if tm.in_source else 0
    before = tm.match.string[start:tm.match.start()]
    return ctx.opens_quoted(tm.node) + before.count("“") - before.count("”") > 0


@dataclass
class _TextIndex:
    """A plan's text scalars, sorted so a match in the source finds its scalar."""

    scalars: list[tuple[tuple[str, ...], YScalar]]
    one_line: list[YScalar]  # sorted by start, searched in the source
    starts: list[int]
    multi_line: list[YScalar]


_INDEX_CACHE: dict[int, tuple[Source, _TextIndex]] = {}


def _text_index(source: Source) -> _TextIndex:
    cached = _INDEX_CACHE.get(id(source))
    if cached is not None and cached[0] is source:
        return cached[1]
    scalars = [(p, n) for p, n in source.scalars()
               if p and p[-1] not in NON_TEXT_KEYS and "layout" not in p and "fields" not in p]
    one_line, multi_line = [], []
    for _path, node in scalars:
        single = node.style in (None, "'", '"') and "\n" not in source.text[node.start:node.end]
        (one_line if single else multi_line).append(node)
    one_line.sort(key=lambda n: n.start)
    index = _TextIndex(scalars, one_line, [n.start for n in one_line], multi_line)
    _INDEX_CACHE.clear()  # one source at a time: the checker runs all rules on it in turn
    _INDEX_CACHE[id(source)] = (source, index)
    return index


@dataclass
class DocContext:
    """What a document rule sees: the document as written, its components, the plan read
    from it, and — for a .docx — the Word document itself."""

    document: Any  # vanban.document.reader.Document
    roles: dict[str, list[Any]]  # component → paragraphs
    plan: Plan | None
    options: dict[str, Any]
    today: _dt.date

    @property
    def docx(self) -> Any:
        return self.document.docx

    def mark(self, para: Any, col: int = 0, length: int = 0) -> Mark:
        """The position of column ``col`` (0-based) of a paragraph, about ``length``
        characters of it (see Document.mark)."""
        return self.document.mark(para, col, length)

    def finding(self, mark: Mark, msgid: str, **args: Any) -> Finding:
        return Finding(mark, msgid, args)

    def first(self, role: str) -> Any:
        found = self.roles.get(role) or []
        return found[0] if found else None


Scope = Literal["loader", "plan", "folder", "document", "docx"]
Check = Callable[[RuleContext], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    """A checking rule: stable code and name, default severity, documentation and check."""

    code: str
    name: str
    severity: Severity
    doc: str
    check: Check | None = None  # None: emitted by the loader, documented here
    options: dict[str, Option] = field(default_factory=dict)
    fixable: bool = False
    needs_plan: bool = True
    scope: Scope = "plan"
    aliases: tuple[str, ...] = ()

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0].strip() if self.doc.strip() else ""

    def sections(self) -> dict[str, str]:
        """The ``## …`` sections of the documentation, by heading."""
        parts = re.split(r"^## +(.+?)\s*$", self.doc, flags=re.MULTILINE)
        return {parts[i].strip(): parts[i + 1].strip("\n") for i in range(1, len(parts) - 1, 2)}

    @property
    def checks_form(self) -> bool:
        """Whether the rule checks the decree's form of a document — every family but the
        text's hygiene (VB6xx) and deadlines (VB5xx). A body's internal form the decree does
        not set (a Phiếu trình) is checked by those two families only."""
        return not self.code.startswith(("VB5", "VB6"))

    def defaults(self) -> dict[str, Any]:
        return {key: option.default for key, option in self.options.items()}


@dataclass(frozen=True)
class PlanFacts:
    """What rules across plans need to know of one plan (small, so workers can send it)."""

    path: str
    issuer: str
    symbol: str
    number: int | None
    year: int | None
    reference: str
    number_mark: Mark

    @classmethod
    def of(cls, plan: Plan) -> PlanFacts:
        return cls(plan.path, " ".join(plan.issuer.name).upper(), plan.symbol_text, plan.number,
                   plan.date.year if plan.date else None, plan.reference, plan.marks["number"])


@dataclass(frozen=True)
class FolderContext:
    """What a folder rule sees: the facts of every plan that loaded."""

    plans: list[PlanFacts]
    options: dict[str, Any]
    today: _dt.date

    def finding(self, mark: Mark, msgid: str, **args: Any) -> Finding:
        return Finding(mark, msgid, args)
