"""Choosing rows: one agency's tasks, deadlines within dates.

Agencies are matched as the checker matches recipients (:mod:`vanban.rules`): without
diacritics or case, with abbreviations expanded (UBND, HĐND …) and acronyms (“STP” is “Sở Tư
pháp”). A name written all in capitals (“SỞ TƯ PHÁP”) is also read as words, not as a run of
abbreviations (“TƯ” is not Tỉnh ủy there). Stricter than the checker in one way: an acronym
matches only a name written as that acronym, never two names spelt out whose initials agree
(“Sở Nội vụ” is not “Sở Ngoại vụ”, though both make “SNV”) — the checker errs towards a
missed alarm, the ledger must not list another agency's tasks.

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
from vanban.rules import forms, group_includes, normal_name


def _capitals(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(name.split()) > 1 and bool(letters) and all(c.isupper() for c in letters)


def _written(name: str) -> frozenset[str]:
    """The name as written, compared (read as words too when all in capitals)."""
    found = {normal_name(name)} | ({normal_name(name.lower())} if _capitals(name) else set())
    return frozenset(found - {""})


def _variants(name: str) -> frozenset[str]:
    """The name and its forms with runs of words shortened to their acronym."""
    found = forms(name) | (forms(name.lower()) if _capitals(name) else frozenset())
    return found - {""}  # a name of function words only (“các cơ quan liên quan”) names none


def is_name(wanted: str) -> bool:
    """Whether ``wanted`` names an agency at all (“các cơ quan liên quan” names none)."""
    return bool(_variants(wanted))


def names(agency: str, wanted: str) -> bool:
    """Whether ``agency`` (as a plan writes it) is the agency ``wanted``: the same name, or
    one written as an acronym of the other (“STP”, “Sở TP” for “Sở Tư pháp”)."""
    return bool(agency) and bool(_written(agency) & _variants(wanted) or
                                 _written(wanted) & _variants(agency))


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


def close_names(rows: Iterable[TaskRow], wanted: str, limit: int = 3) -> list[str]:
    """The agencies of ``rows`` whose names, as compared, are nearest to ``wanted``: what to
    suggest when no row is ``wanted``'s (a misspelt name, or a short one: “Công an” for
    “Công an tỉnh”). Names holding every word of ``wanted`` come first, then those a letter
    or two away."""
    import difflib

    spellings: dict[str, str] = {}
    for row in rows:
        if row.agency:
            spellings.setdefault(normal_name(row.agency), row.agency)
    key = normal_name(wanted)
    words = set(key.split())
    near = [n for n in spellings if words and words <= set(n.split())]
    near += difflib.get_close_matches(key, list(spellings), n=limit, cutoff=0.8)
    return [spellings[n] for n in dict.fromkeys(near)][:limit]
