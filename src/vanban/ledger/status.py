"""Where a deadline stands on a given day: overdue, due this week, later, or no date.

A deadline may be only partly written (``tháng 6/2026``, ``2026``): the task is due by the end
of that month or year, so that last day is what the status, the date filters and the
calendar's DUE go by.
"""

from __future__ import annotations

import calendar
import datetime as _dt
from typing import Literal

from vanban.text.vnformat import PlanDate

Status = Literal["overdue", "due-soon", "later", "none"]
#: A deadline this many days ahead or fewer (today included) is “due this week”.
SOON_DAYS = 7
#: The statuses in order of urgency, with their Vietnamese names.
STATUS_NAMES: dict[str, str] = {
    "overdue": "quá hạn",
    "due-soon": "trong tuần",
    "later": "còn hạn",
    "none": "không có hạn",
}


def due_date(deadline: PlanDate | None) -> _dt.date | None:
    """The last day a deadline allows: the date itself, else the end of its month or year."""
    if deadline is None:
        return None
    if deadline.month is None:
        return _dt.date(deadline.year, 12, 31)
    if deadline.day is None:
        last = calendar.monthrange(deadline.year, deadline.month)[1]
        return _dt.date(deadline.year, deadline.month, last)
    return _dt.date(deadline.year, deadline.month, deadline.day)


def status_of(due: _dt.date | None, today: _dt.date) -> Status:
    """Overdue once the day has passed; due today counts as due this week, not overdue."""
    if due is None:
        return "none"
    if due < today:
        return "overdue"
    if (due - today).days <= SOON_DAYS:
        return "due-soon"
    return "later"
