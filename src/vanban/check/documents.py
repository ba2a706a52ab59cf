"""Check an existing document (.docx, .txt) as it is, without converting it first.

The document is read into a plan in memory (see :mod:`.importer`) and the plan rules run on
it; their findings are moved from the generated YAML back onto the document — line and column
of a text file, paragraph number of a .docx — through the origin of each imported value. Rules
that only a written document has (the ``Số:`` line, the dateline, Quốc hiệu, Nơi nhận as
written, and for a .docx the page, fonts, sizes, rules and page numbers) run on the document.
Fixes are not offered: they would edit the YAML, not the document.
"""

from __future__ import annotations

import bisect
import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from vanban.check.config import Config
from vanban.check.engine import applies, as_problem, configure_loader_problems, selected
from vanban.check.plans import check_plan
from vanban.check.results import FileResult
from vanban.document.importer import import_document
from vanban.document.model import Document
from vanban.document.reader import read_document
from vanban.collector import collector_paused
from vanban.plan.serialize import Placed, dump_yaml
from vanban.problems import Mark, Problem
from vanban.rules import DocContext, PlanFacts, Rule, all_rules


@dataclass
class _Locator:
    """Maps a position in the generated YAML to the paragraph the value came from."""

    document: Document
    placed: list[Placed]

    def __post_init__(self) -> None:
        self.placed.sort(key=lambda p: (p.line, p.col))
        self.keys = [(p.line, p.col) for p in self.placed]

    def locate(self, mark: Mark) -> Mark:
        """The document position of ``mark``, about as many characters as it is; a mark
        at the start of a value that does not say how long it is stands for the value."""
        index = bisect.bisect_right(self.keys, (mark.line, mark.col)) - 1
        if index >= 0 and self.placed[index].line == mark.line:
            found = self.placed[index]
            offset = max(0, mark.col - found.col - (1 if found.quoted else 0))
            length = mark.length or (len(found.origin) if offset == 0 else 0)
        else:  # a key or a list: the value that comes next stands for it
            index = bisect.bisect_left(self.keys, (mark.line, mark.col))
            if index >= len(self.placed):
                index = len(self.placed) - 1
            if index < 0:
                return self.document.mark(None)
            found, offset, length = self.placed[index], 0, 0
        paras = self.document.paras
        para = paras[found.origin.para] if 0 <= found.origin.para < len(paras) else None
        return self.document.mark(para, found.origin.col + offset, length)


def _document_rules(select: set[str] | None, ignore: set[str] | None, kind: str) -> list[Rule]:
    scopes = ("document", "docx") if kind == "docx" else ("document",)
    return [r for r in all_rules() if r.scope in scopes and r.check is not None
            and selected(r, select, ignore)]


def check_document(path: str | Path, data: bytes | None, config: Config, today: _dt.date,
                   select: set[str] | None, ignore: set[str] | None) -> FileResult:
    """Check the document at ``path`` as it is written."""
    with collector_paused():  # the document, its plan and their trees: no cycles to find
        return _check_document(path, data, config, today, select, ignore)


def _check_document(path: str | Path, data: bytes | None, config: Config, today: _dt.date,
                    select: set[str] | None, ignore: set[str] | None) -> FileResult:
    document = read_document(path, data)
    imported = import_document(document)
    yaml_text, placed = dump_yaml(imported.data)
    locator = _Locator(document, placed)
    plan_result = check_plan(Path(path).with_suffix(".yaml"), yaml_text.encode("utf-8"),
                             config, today, select, ignore, imported=True)
    problems: list[Problem] = []
    for problem in plan_result.problems:
        problems.append(Problem(locator.locate(problem.mark), problem.code, problem.msgid,
                                problem.args, problem.severity, problem.rule))
    problems += configure_loader_problems(imported.problems, config, select, ignore)
    ctx_plan = plan_result.plan  # the imported plan, read once by check_plan
    for rule in _document_rules(select, ignore, document.kind):
        setting = config.setting(rule)
        if setting.severity is None or not applies(rule, ctx_plan):
            continue
        ctx = DocContext(document, imported.roles, ctx_plan, setting.options, today)
        problems += [as_problem(rule, setting.severity, f) for f in rule.check(ctx)]
    result = FileResult(str(path), sorted(problems, key=Problem.sort_key), None, ctx_plan,
                        document=document)
    if ctx_plan is not None:
        facts = PlanFacts.of(ctx_plan)
        result.facts = PlanFacts(str(path), facts.issuer, facts.symbol, facts.number,
                                 facts.year, facts.reference, locator.locate(facts.number_mark))
    return result
