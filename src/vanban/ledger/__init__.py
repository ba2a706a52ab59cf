"""The assignment ledger: every task of many plans, one row per task and agency role, with
where its deadline stands, as a table, CSV, Excel, iCalendar or JSON (``vanban tasks``).

One module per job: :mod:`.sources` reads plan files and documents, :mod:`.rows` turns a
plan into rows, :mod:`.collect` gathers them from files and folders, :mod:`.status` places a
deadline against today, :mod:`.select` chooses an agency's rows and a span of dates,
:mod:`.uid` names a row for calendars, and :mod:`.formats` writes them (:mod:`.table`,
:mod:`.csv_format`, :mod:`.xlsx_format`, :mod:`.ics`, :mod:`.json_format`)::

    rows = task_rows(["plans/"], today=date(2026, 6, 25))
    mine = select(rows, agency="Sở Tư pháp")
    atomic_write("tasks.ics", write(mine, "ics", Options(today=date(2026, 6, 25))))
"""

from __future__ import annotations

from vanban.ledger.collect import Ledger, read_ledger, task_rows
from vanban.ledger.formats import FORMATS, Options, write
from vanban.ledger.rows import TaskRow, plan_rows
from vanban.ledger.select import select
from vanban.ledger.status import STATUS_NAMES, due_date, status_of

__all__ = ["FORMATS", "STATUS_NAMES", "Ledger", "Options", "TaskRow", "due_date", "plan_rows",
           "read_ledger", "select", "status_of", "task_rows", "write"]
