"""Structural comparison of two versions of a plan.

``diff_plans(old, new)`` aligns the plans unit by unit (:mod:`.units`, :mod:`.align`) and
lists what a reviewer needs to know (:mod:`.changes`); :mod:`.report` prints it as text or
JSON. The redline (:mod:`vanban.redline`) is drawn from the same alignment.
"""

from __future__ import annotations

from vanban.diff.changes import Change, ChangeKind, PlanDiff, diff_plans

__all__ = ["Change", "ChangeKind", "PlanDiff", "diff_plans"]
