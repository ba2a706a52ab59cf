"""The e-office record beside every copy in the manifest (Decree 30, Phụ lục VI).

A copy is the document itself, so its record is the one the file carries in its custom
properties; when the batch made a PDF of it, the page count is LibreOffice's, counted on that
PDF. Extracts and formal copies are other documents: they carry no record.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from vanban.batch.kinds import CopyKind
from vanban.batch.manifest import Entry
from vanban.record.build import MEASURED, PageCount, with_pages
from vanban.record.measure import pdf_page_count
from vanban.record.properties import read_record


def attach_records(directory: Path, entries: Iterable[Entry]) -> None:
    """Give each copy among ``entries`` its record (and each other document none)."""
    for entry in entries:
        entry.record, entry.record_pages = None, ""
        if entry.kind != CopyKind.COPY.value:
            continue
        fields, source = read_record(directory / entry.file)
        if not fields:
            continue
        pages = None
        if entry.pdf:
            try:
                pages = pdf_page_count((directory / entry.pdf).read_bytes())
            except OSError:
                pages = None
        if pages is not None:
            fields, source = with_pages(fields, PageCount(pages, MEASURED)), MEASURED
        entry.record, entry.record_pages = fields, source or ""
