"""Inline suppression comments in plan files.

    number: 5   # vanban: disable=VB301           — this line
    # vanban: disable=numbering-style             — the next line
    # vanban: disable-file=VB606,VB605            — the whole file
    # vanban: disable                             — everything on the next line

Codes, rule names and aliases are accepted; several are separated by commas.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vanban.problems import Problem
from vanban.rules import get_rule

_DIRECTIVE = re.compile(r"(?:^|\s)#\s*vanban:\s*(disable-file|disable)(?:\s*=\s*([\w\-, ]+))?")
ALL = "*"


@dataclass
class Suppressions:
    """The ``# vanban: disable=…`` comments of a file: by line, and for the whole file."""

    by_line: dict[int, set[str]] = field(default_factory=dict)
    file: set[str] = field(default_factory=set)

    def covers(self, problem: Problem) -> bool:
        codes = self.file | self.by_line.get(problem.mark.line, set())
        return ALL in codes or problem.code in codes


def _codes(spec: str | None) -> set[str]:
    if not spec:
        return {ALL}
    out = set()
    for key in spec.split(","):
        key = key.strip()
        if not key:
            continue
        rule = get_rule(key)
        out.add(rule.code if rule else key.upper())
    return out


def parse_suppressions(text: str) -> Suppressions:
    found = Suppressions()
    if "vanban:" not in text:
        return found
    for number, line in enumerate(text.splitlines(), start=1):
        m = _DIRECTIVE.search(line)
        if not m:
            continue
        codes = _codes(m.group(2))
        if m.group(1) == "disable-file":
            found.file |= codes
        elif line[: m.start()].strip():  # a trailing comment: this line
            found.by_line.setdefault(number, set()).update(codes)
        else:  # a comment line: the next line
            found.by_line.setdefault(number + 1, set()).update(codes)
    return found
