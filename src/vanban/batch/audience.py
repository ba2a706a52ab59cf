"""Who gets a copy: the plan's Nơi nhận, the agencies it gives tasks, or a distribution list.

A plan often names a group in Nơi nhận ("UBND các xã, phường") that is sent to each member;
a distribution list (one name per line, ``#`` starts a comment) gives those names. Names that
differ only in case, diacritics or punctuation are one recipient, listed once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from vanban.batch.naming import agency_key
from vanban.errors import UsageError, os_reason
from vanban.i18n import _
from vanban.plan.codes import CONTROL_CHARACTER, DUPLICATE_KEY, MISSING_KEY
from vanban.plan.model import Plan
from vanban.plan.source import decode
from vanban.problems import Mark, Problem, Severity

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def unique(names: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(agency_key(name), name)
    return list(seen.values())


def audiences(plan: Plan, mode: str) -> list[str]:
    """Recipients (Nơi nhận, without notes such as "b/c"), agencies with tasks, or both."""
    recipients = [r.name for r in plan.recipients]
    if mode == "recipients":
        return unique(recipients)
    if mode == "agencies":
        return unique(plan.agencies())
    return unique(recipients + plan.agencies())


def read_distribution(path: str | Path) -> tuple[list[str], list[Problem]]:
    """The names of a distribution list, and every problem found in it."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise UsageError(_("cannot read {path}: {reason}"), path=name,
                         reason=os_reason(exc)) from None
    text, problems = decode(data, name)
    if text is None:
        return [], problems
    names: list[str] = []
    first: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if m := _CONTROL.search(raw):
            problems.append(Problem(Mark(name, number, m.start() + 1), CONTROL_CHARACTER, _(
                "control character U+{code:04X} is not allowed in text; delete it"),
                {"code": ord(m.group())}))
            continue
        line = unicodedata.normalize("NFC", line)
        key = agency_key(line)
        col = len(raw) - len(raw.lstrip()) + 1
        if key in first:
            problems.append(Problem(Mark(name, number, col), DUPLICATE_KEY, _(
                "“{name}” is already in the list (line {line}); each recipient gets one copy"),
                {"name": line, "line": first[key]}, Severity.WARNING))
            continue
        first[key] = number
        names.append(line)
    if not names and not problems:
        problems.append(Problem(Mark(name, 1, 1), MISSING_KEY, _(
            "the distribution list is empty; write one recipient per line")))
    return names, problems
