"""PageAmount: the rendered document's page count, measured by LibreOffice when it is
installed (the .docx converted to PDF, its pages counted), estimated from the text otherwise.
The figure always travels with its source (:data:`~vanban.record.build.MEASURED` or
:data:`~vanban.record.build.ESTIMATED`)."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

from vanban.errors import OfficeError
from vanban.record.build import ESTIMATED, MEASURED, PageCount

_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b(.*?)\bendobj", re.DOTALL)
_PAGES = re.compile(rb"/Type\s*/Pages\b")
_COUNT = re.compile(rb"/Count\s+(\d+)")


def pdf_page_count(data: bytes) -> int | None:
    """The page count of a PDF: the ``/Count`` of its page tree's root (the ``/Pages`` object
    with no ``/Parent``); None when the tree cannot be found (e.g. in compressed object
    streams, which LibreOffice does not write)."""
    for match in _OBJECT.finditer(data):
        body = match.group(1)
        if _PAGES.search(body) and b"/Parent" not in body:
            count = _COUNT.search(body)
            if count:
                return int(count.group(1))
    return None


def estimate_pages(docx: bytes) -> PageCount:
    """The page count estimated from the text of the .docx, without LibreOffice."""
    from vanban.document.pages import estimated_page_count
    from vanban.document.reader import read_document

    return PageCount(estimated_page_count(read_document("document.docx", docx)), ESTIMATED)


def measure_many(documents: Sequence[bytes], *, office: bool = True) -> list[PageCount]:
    """The page count of each rendered .docx: LibreOffice's (one process for all) when
    ``office`` and it is installed and converts the file, else the estimate."""
    measured: list[int | None] = [None] * len(documents)
    if office and documents:
        from vanban.libreoffice import convert_many

        with tempfile.TemporaryDirectory(prefix="vanban-record-") as tmp:
            sources = [Path(tmp) / f"document-{i}.docx" for i in range(len(documents))]
            for source, data in zip(sources, documents):
                source.write_bytes(data)
            try:
                pdfs = convert_many(sources, Path(tmp) / "pdf").pdfs
            except OfficeError:  # not installed
                pdfs = {}
            for i, source in enumerate(sources):
                if source in pdfs:
                    measured[i] = pdf_page_count(pdfs[source].read_bytes())
    return [PageCount(pages, MEASURED) if pages is not None else estimate_pages(data)
            for pages, data in zip(measured, documents)]


def measure_pages(docx: bytes, *, office: bool = True) -> PageCount:
    """The page count of one rendered .docx (see :func:`measure_many`)."""
    return measure_many([docx], office=office)[0]
