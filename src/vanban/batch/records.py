"""The e-office record beside every copy in the manifest (Decree 30, Phụ lục VI).

A copy is the document itself, so its record is the one the file carries in its custom
properties, with the page count added: LibreOffice's, counted on the copy's PDF when the batch
made one, else estimated once per plan (every copy of a plan has the same pages). Extracts and
formal copies are other documents: they carry no record.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from vanban.batch.kinds import CopyKind
from vanban.batch.manifest import Entry
from vanban.errors import VanbanError
from vanban.record.build import MEASURED, PageCount, with_pages
from vanban.record.measure import estimate_pages, pdf_page_count
from vanban.record.properties import read_record


def attach_records(directory: Path, entries: Iterable[Entry]) -> None:
    """Give each copy among ``entries`` its record (and each other document none)."""
    estimates: dict[str, PageCount | None] = {}
    # every copy of a plan carries its rendering's record untouched (a copy rewrites only
    # its own properties): read once per plan, not once per file
    carried: dict[str, tuple[dict, str | None]] = {}
    for entry in entries:
        entry.record, entry.record_pages = None, ""
        if entry.kind != CopyKind.COPY.value:
            continue
        if entry.plan not in carried:
            carried[entry.plan] = read_record(directory / entry.file)
        fields, source = carried[entry.plan]
        if not fields:
            continue
        count = _measured(directory, entry)
        if count is None:
            if entry.plan not in estimates:
                estimates[entry.plan] = _estimated(directory / entry.file)
            count = estimates[entry.plan]
        if count is not None:
            fields, source = with_pages(fields, count), count.source
        entry.record, entry.record_pages = dict(fields), source or ""


def _measured(directory: Path, entry: Entry) -> PageCount | None:
    if not entry.pdf:
        return None
    try:
        pages = pdf_page_count((directory / entry.pdf).read_bytes())
    except OSError:
        return None
    return PageCount(pages, MEASURED) if pages is not None else None


def _estimated(docx: Path) -> PageCount | None:
    try:
        return estimate_pages(docx.read_bytes())
    except (OSError, VanbanError):
        return None
