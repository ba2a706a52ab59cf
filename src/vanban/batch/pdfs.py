"""The PDFs of a batch: converted once, kept while their .docx is unchanged."""

from __future__ import annotations

import hashlib
from pathlib import Path

from vanban.batch import manifest
from vanban.batch.results import BatchResult, Failure, Progress
from vanban.batch.writer import file_sha256
from vanban.errors import OfficeError
from vanban.i18n import _
from vanban.libreoffice import convert_many


def _pdf_inputs(entry: manifest.Entry, pdfa: bool) -> str:
    return _sha(f"{entry.sha256}|{'pdf/a-2b' if pdfa else 'pdf'}".encode())


def forget_stale(directory: Path, entries: dict[str, manifest.Entry],
                 previous: dict[str, manifest.Entry]) -> None:
    """Without --pdf, keep a PDF only while its .docx is unchanged; remove ours that are stale."""
    for name, entry in entries.items():
        old = previous.get(name)
        if old is None or not old.pdf:
            continue
        if old.sha256 == entry.sha256:
            entry.pdf, entry.pdf_sha256, entry.pdf_inputs = old.pdf, old.pdf_sha256, old.pdf_inputs
        elif file_sha256(directory / old.pdf) == old.pdf_sha256:
            (directory / old.pdf).unlink(missing_ok=True)  # exactly the file we made: stale now


def export(output: Path, entries: dict[str, manifest.Entry], result: BatchResult,
           progress: Progress, *, pdfa: bool, force: bool) -> None:
    """Convert the documents whose PDF is missing or stale, in one LibreOffice process."""
    todo = []
    for entry in entries.values():
        wanted = _pdf_inputs(entry, pdfa)
        pdf_name = Path(entry.file).with_suffix(".pdf").name
        if (not force and entry.pdf_inputs == wanted and entry.pdf == pdf_name
                and file_sha256(output / pdf_name) == entry.pdf_sha256):
            result.pdf_unchanged += 1
            continue
        entry.pdf = entry.pdf_sha256 = entry.pdf_inputs = ""
        todo.append(entry)
    if not todo:
        return
    progress.start(_("Exporting PDF"), len(todo))
    try:
        conversion = convert_many([output / e.file for e in todo], output,
                                  pdfa=pdfa, progress=progress.advance)
    except OfficeError as exc:
        for entry in todo:
            result.failures.append(Failure(str(output / Path(entry.file).with_suffix(".pdf")),
                                           exc.msgid, exc.args_))
        progress.finish()
        return
    progress.finish()
    for entry in todo:
        source = output / entry.file
        pdf = conversion.pdfs.get(source)
        if pdf is None:
            result.failures.append(Failure(str(source.with_suffix(".pdf")), _(
                "LibreOffice could not convert {files}: {reason}"),
                {"files": entry.file, "reason": conversion.failed.get(source, "?")}))
            continue
        entry.pdf, entry.pdf_sha256 = pdf.name, file_sha256(pdf) or ""
        entry.pdf_inputs = _pdf_inputs(entry, pdfa)
        result.pdf_built += 1


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
