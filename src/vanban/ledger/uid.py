"""Calendar UIDs that survive a new run: the same task of the same plan for the same agency
and role gets the same UID, so a calendar client updates the to-do instead of adding another.

The UID hashes what identifies a task, never its position: the issuing body, the number and
symbol and the year of the plan (the title too while the plan has no number, as a draft),
the task's text, the agency as compared (“UBND tỉnh” and “Ủy ban nhân dân tỉnh” are one), and
the role. A task added above, a deadline moved, a section renumbered leave it unchanged;
rewording the task makes it another task.
"""

from __future__ import annotations

import hashlib
import unicodedata

from vanban.plan.model import Plan
from vanban.rules import normal_name

#: The right-hand side of every UID (RFC 5545 advises a domain-like part).
UID_DOMAIN = "vanban"


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def plan_identity(plan: Plan) -> str:
    """What names the plan among others: issuer, ``45/KH-UBND``, year; the title if unnumbered."""
    parts = [normal_name(" ".join(plan.issuer.name)), plan.reference,
             str(plan.date.year) if plan.date else ""]
    if plan.number is None:
        parts.append(_clean(plan.title))
    return "\x1f".join(parts)


def task_uid(plan: str, task: str, agency: str, role: str | None, occurrence: int = 0) -> str:
    """The UID of one row; ``occurrence`` tells apart identical rows of one plan (counted
    among those identical rows only, so other tasks added above do not shift it)."""
    key = "\x1f".join([plan, _clean(task), normal_name(agency), role or "", str(occurrence)])
    return f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:32]}@{UID_DOMAIN}"
