"""Choosing rows: one agency's tasks, deadlines within dates.

Agencies are matched as the checker matches recipients (:mod:`vanban.rules`): without
diacritics or case, with abbreviations expanded (UBND, HĐND …) and acronyms (“STP” is “Sở Tư
pháp”). A name written all in capitals (“SỞ TƯ PHÁP”) is also read as words, not as a run of
abbreviations (“TƯ” is not Tỉnh ủy there).

A group line given a task (“Các sở, ban, ngành”) may include the agency asked for: its rows
are shown too, marked ``via_group``, unless ``named_only`` — a Sở must do its share of what
every Sở is asked to do. Which groups include which bodies is the checker's rule: a Sở is in
“Các sở, ban, ngành”, a Party or mass organisation is not.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Iterable

from vanban.ledger.rows import TaskRow
from vanban.rules import forms, group_includes


def _variants(name: str) -> frozenset[str]:
    found = forms(name)
    letters = [c for c in name if c.isalpha()]
    if len(name.split()) > 1 and letters and all(c.isupper() for c in letters):
        found |= forms(name.lower())
    return found - {""}  # a name of function words only (“các cơ quan liên quan”) names none


def names(agency: str, wanted: str) -> bool:
    """Whether ``agency`` (as a plan writes it) is the agency ``wanted``."""
    return bool(agency) and bool(_variants(agency) & _variants(wanted))


def may_include(agency: str, wanted: str) -> bool:
    """Whether ``agency`` is a group line that may include ``wanted`` without naming it."""
    return bool(agency) and group_includes(agency, wanted) and not names(agency, wanted)


def select(rows: Iterable[TaskRow], *, agency: str | None = None,
           start: _dt.date | None = None, end: _dt.date | None = None,
           named_only: bool = False) -> list[TaskRow]:
    """The rows of ``agency`` (named, or through a group unless ``named_only``) whose
    deadline falls between ``start`` and ``end`` (both included). With a date limit, rows
    without a deadline are left out: there is no date to compare."""
    rows = list(rows)
    # “STP” alone does not say it is a Sở; the names the plans write for it do.
    spellings = {agency, *(r.agency for r in rows if agency is not None
                           and names(r.agency, agency))} if agency is not None else set()
    out: list[TaskRow] = []
    for row in rows:
        if start is not None or end is not None:
            due = row.due
            if due is None or (start is not None and due < start) or \
                    (end is not None and due > end):
                continue
        if agency is not None:
            if names(row.agency, agency):
                row = dataclasses.replace(row, via_group=False)
            elif not named_only and any(may_include(row.agency, s) for s in spellings):
                row = dataclasses.replace(row, via_group=True)
            else:
                continue
        out.append(row)
    return out
