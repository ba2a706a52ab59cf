"""The ledger as an iCalendar file (RFC 5545): one VTODO per row, for a calendar or task app.

- UID: :mod:`.uid`, the same for the same task, plan, agency and role on every run, so a
  client updates its to-do rather than adding a second one.
- DUE: the end of the deadline's day, 23:59:59 in Asia/Ho_Chi_Minh (``DUE;TZID=…``, with the
  VTIMEZONE that RFC 5545 §3.2.19 asks for every TZID): a task is overdue once its day has
  passed, as the table says, and a client in another zone still shows Việt Nam's deadline. A
  partial deadline (``6/2026``) is due on the last day it allows; its words stay in the
  description, as a whole date need not (DUE says it), so a moved date changes DUE alone.
- A task with only a timeframe (“Thường xuyên”, “Quý IV/2025”) or no time at all is still a
  VTODO, without DUE, its timeframe in the description: the calendar lists what the table
  lists.
- DTSTAMP: midnight of ``today`` in Việt Nam (UTC+7, no summer time), written in UTC, so the
  same plans on the same day give the same file, byte for byte.
- Text escaped as §3.3.11 says (backslash, semicolon, comma, newline), lines folded at 75
  octets of UTF-8 (§3.1) between characters, never inside one, and ended with CRLF.
"""

from __future__ import annotations

import datetime as _dt
import unicodedata

from vanban._version import __version__
from vanban.decree.tasks import TASK_LABELS
from vanban.ledger.rows import ROLE_NAMES, TaskRow
from vanban.text.vnformat import PlanDate, short_date

PRODID = f"-//vanban//vanban {__version__}//VI"
LINE_OCTETS = 75  # a line's octets, its CRLF not counted
#: Việt Nam's offset from UTC (Asia/Ho_Chi_Minh has kept it since 1975).
VIETNAM = _dt.timezone(_dt.timedelta(hours=7))
TZID = "Asia/Ho_Chi_Minh"
#: The zone as the tz database has it: UTC+7 since 13 June 1975 (UTC+8 before), no summer
#: time, so one STANDARD part says it all.
VTIMEZONE = ("BEGIN:VTIMEZONE", f"TZID:{TZID}", "BEGIN:STANDARD", "DTSTART:19750613T000000",
             "TZOFFSETFROM:+0800", "TZOFFSETTO:+0700", "TZNAME:+07", "END:STANDARD",
             "END:VTIMEZONE")
CRLF = b"\r\n"


def escape_text(text: str) -> str:
    """A TEXT value: backslash, semicolon and comma escaped, each line break as ``\\n``."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def _char_start(data: bytes, index: int) -> int:
    """The start of the UTF-8 character ``index`` falls in (continuation bytes are 10xxxxxx)."""
    while index > 0 and data[index] & 0xC0 == 0x80:
        index -= 1
    return index


def _combining_at(data: bytes, index: int) -> bool:
    lead = data[index]
    size = 1 if lead < 0x80 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
    return bool(unicodedata.combining(data[index:index + size].decode("utf-8")))


def fold_line(line: str) -> bytes:
    """One content line as octets: cut before it passes 75 octets, each continuation line
    starting with a space (counted in its 75), never inside a character and, unless a
    letter's marks alone fill a line, not between a letter and its combining marks; every
    piece is valid UTF-8 and unfolding gives the line back."""
    data = line.encode("utf-8")
    pieces: list[bytes] = []
    pos, room = 0, LINE_OCTETS
    while len(data) - pos > room:
        cut = _char_start(data, pos + room)
        back = cut
        while back > pos and _combining_at(data, back):
            back = _char_start(data, back - 1)
        cut = back if back > pos else cut
        pieces.append(data[pos:cut])
        pos, room = cut, LINE_OCTETS - 1
    pieces.append(data[pos:])
    return b"\r\n ".join(pieces) + CRLF


def stamp(today: _dt.date) -> str:
    """DTSTAMP: midnight of ``today`` in Việt Nam, in UTC (``20260624T170000Z``)."""
    midnight = _dt.datetime(today.year, today.month, today.day, tzinfo=VIETNAM)
    return midnight.astimezone(_dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def summary(row: TaskRow) -> str:
    """“Rà soát … — Sở Tư pháp (chủ trì)”: the task, then who and in what role."""
    if not row.agency:
        return row.task
    role = f" ({ROLE_NAMES[row.role]})" if row.role else ""
    return f"{row.task} — {row.agency}{role}"


def _partial(deadline: PlanDate) -> str:
    """A deadline of a month or a year as written: “tháng 6/2026”, “năm 2026”."""
    if deadline.month is None:
        return f"năm {deadline.year}"
    return f"tháng {deadline.month}/{deadline.year}"


def description(row: TaskRow) -> str:
    """The plan, the section, who, by when and what, one to a line."""
    dated = f" ngày {short_date(row.date)}" if row.date else ""
    lines = [f"{row.doctype} số {row.reference}{dated}: {row.title}", f"Mục: {row.section}"]
    if row.agency and row.role:
        lines.append(f"{TASK_LABELS[row.role]}: {row.agency}")
    if row.deadline and row.deadline.to_date() is None:  # “tháng 6/2026”: DUE is its last day
        lines.append(f"{TASK_LABELS['deadline']}: {_partial(row.deadline)}")
    if row.timeframe:
        lines.append(f"{TASK_LABELS['timeframe']}: {row.timeframe}")
    if row.product:
        lines.append(f"{TASK_LABELS['product']}: {row.product}")
    return "\n".join(lines)


def _todo(row: TaskRow, dtstamp: str) -> list[str]:
    lines = ["BEGIN:VTODO", f"UID:{row.uid}", f"DTSTAMP:{dtstamp}",
             f"SUMMARY:{escape_text(summary(row))}",
             f"DESCRIPTION:{escape_text(description(row))}"]
    due = row.due
    if due is not None:
        lines.append(f"DUE;TZID={TZID}:{due.strftime('%Y%m%d')}T235959")
    if row.role:
        lines.append(f"CATEGORIES:{escape_text(ROLE_NAMES[row.role].capitalize())}")
    lines += ["STATUS:NEEDS-ACTION", "END:VTODO"]
    return lines


def ics_bytes(rows: list[TaskRow], *, today: _dt.date, name: str = "Nhiệm vụ") -> bytes:
    """The calendar of ``rows``; ``name`` is the calendar's name as clients show it."""
    dtstamp = stamp(today)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{escape_text(name)}", f"X-WR-TIMEZONE:{TZID}", *VTIMEZONE]
    for row in rows:
        lines += _todo(row, dtstamp)
    lines.append("END:VCALENDAR")
    return b"".join(fold_line(line) for line in lines)
