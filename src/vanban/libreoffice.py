"""LibreOffice (headless) for PDF export: one process converts a whole batch.

Starting LibreOffice costs most of a second, so files are converted together in one
``soffice --convert-to pdf`` call, with a private user profile so a running LibreOffice or
another conversion cannot interfere. :func:`convert_to_pdf` is all-or-nothing;
:func:`convert_many` (for batches) reports each document's result and progress.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from vanban.errors import OfficeError
from vanban.i18n import _

CANDIDATES = ("soffice", "libreoffice", "/usr/bin/soffice",
              "/Applications/LibreOffice.app/Contents/MacOS/soffice")


def find_soffice() -> str:
    """The LibreOffice executable (``VANBAN_SOFFICE`` overrides the search)."""
    override = os.environ.get("VANBAN_SOFFICE")
    for candidate in ((override,) if override else CANDIDATES):
        found = shutil.which(candidate) if candidate else None
        if found:
            return found
    raise OfficeError(_(
        "LibreOffice is not installed; on Debian or Ubuntu run "
        "`sudo apt-get install libreoffice-writer-nogui fonts-liberation2`"))


def _export_filter(pdfa: bool, notes: bool = False) -> str:
    options = []
    if pdfa:  # PDF/A-2b: archival; the signed electronic release is a PDF
        options.append('"SelectPdfVersion":{"type":"long","value":"2"}')
    if notes:  # comments as PDF annotations (LibreOffice 7.4 has no “in the margin” option)
        options.append('"ExportNotes":{"type":"boolean","value":"true"}')
    return f"pdf:writer_pdf_Export:{{{','.join(options)}}}" if options else "pdf"


def _command(soffice: str, profile: str, target: str, outdir: Path,
             documents: Sequence[str | Path]) -> list[str]:
    return [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
            "--norestore", "--nolockcheck", "--convert-to", target, "--outdir", str(outdir),
            *map(str, documents)]


def convert_to_pdf(documents: Sequence[str | Path], outdir: str | Path, *,
                   pdfa: bool = False, notes: bool = False, timeout: float = 600) -> list[Path]:
    """Convert ``documents`` to PDF in ``outdir`` with one LibreOffice process.

    ``pdfa`` asks for PDF/A-2b (archival; the signed electronic release is a PDF); ``notes``
    exports the documents' comments as PDF annotations (a review copy).
    Returns the PDF paths in the order of ``documents``.
    """
    soffice = find_soffice()
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    pdfs = [outdir / (Path(d).stem + ".pdf") for d in documents]
    for stale in pdfs:  # a PDF left from an earlier run must not pass for a new one
        stale.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="vanban-lo-") as profile:
        cmd = _command(soffice, profile, _export_filter(pdfa, notes), outdir, documents)
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise OfficeError(_("LibreOffice did not finish within {seconds} s"),
                              seconds=int(timeout)) from None
    missing = [p for p in pdfs if not p.exists()]
    if missing:
        raise OfficeError(_("LibreOffice could not convert {files}: {reason}"),
                          files=", ".join(p.name for p in missing),
                          reason=(done.stderr or done.stdout).strip()[-500:] or "?")
    return pdfs


# --- many documents, each one's result on its own ---------------------------------------

#: Documents per LibreOffice process: keeps command lines short and a leaking process young.
CHUNK = 500
START_SECONDS = 60.0       # allowance for starting LibreOffice
SECONDS_PER_DOCUMENT = 30.0


@dataclass
class Conversion:
    """What :func:`convert_many` made: PDFs by source document, and reasons for the rest."""

    pdfs: dict[Path, Path] = field(default_factory=dict)
    failed: dict[Path, str] = field(default_factory=dict)


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(5) == b"%PDF-"
    except OSError:
        return False


def _run(cmd: list[str], staging: Path, expected: set[str], timeout: float,
         progress: Callable[[int], None] | None) -> str:
    """Run one LibreOffice process, reporting PDFs as they appear; return its output."""
    seen: set[str] = set()
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        timed_out = False
        while True:
            try:
                proc.wait(timeout=0.25)
                break
            except subprocess.TimeoutExpired:
                if time.monotonic() > deadline:
                    timed_out = True
                    proc.kill()
                    proc.wait()
                    break
            if progress is not None:
                # A PDF counts once the next one has started: the last may still be written.
                present = {p.name for p in staging.iterdir()} & expected
                fresh = len(present - seen) - 1
                if fresh > 0:
                    done = sorted(present - seen)[:fresh]
                    seen.update(done)
                    progress(len(done))
        log.seek(0)
        output = log.read().decode("utf-8", "replace").strip()
    if progress is not None:
        rest = ({p.name for p in staging.iterdir()} & expected) - seen
        if rest:
            progress(len(rest))
    if proc.returncode not in (0, None) and not output:
        output = f"exit status {proc.returncode}"
    if timed_out:
        output = (output + "\n" if output else "") + f"timed out after {int(timeout)} s"
    return output


def convert_many(documents: Sequence[str | Path], outdir: str | Path, *, pdfa: bool = False,
                 progress: Callable[[int], None] | None = None) -> Conversion:
    """Convert ``documents`` (distinct file names) to PDFs in ``outdir``, one process a chunk.

    Each PDF is written to a staging directory first and renamed into place, so a failed or
    interrupted conversion never leaves a half-written PDF under its final name. When the
    process stops early (a document that crashes LibreOffice), the documents it did not reach
    are converted again, the first of them on its own, so one bad file fails alone.
    ``progress`` is called with the number of PDFs finished since the last call.
    """
    soffice = find_soffice()
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    docs = [Path(d) for d in documents]
    result = Conversion()
    target = _export_filter(pdfa)
    with tempfile.TemporaryDirectory(prefix="vanban-lo-") as profile, \
            tempfile.TemporaryDirectory(prefix=".vanban-pdf-", dir=outdir) as staging_name:
        staging = Path(staging_name)
        # (documents, rest): ``rest`` follows a lone probe after a run that converted nothing;
        # when the probe fails too, LibreOffice cannot convert anything and ``rest`` fails.
        queue: list[tuple[list[Path], list[Path] | None]] = [
            (docs[i:i + CHUNK], None) for i in range(0, len(docs), CHUNK)]
        while queue:
            chunk, rest = queue.pop(0)
            expected = {d.stem + ".pdf" for d in chunk}
            timeout = START_SECONDS + SECONDS_PER_DOCUMENT * len(chunk)
            output = _run(_command(soffice, profile, target, staging, chunk), staging, expected,
                          timeout, progress)
            missing = []
            for doc in chunk:
                made = staging / (doc.stem + ".pdf")
                if made.exists() and _is_pdf(made):
                    final = outdir / made.name
                    os.replace(made, final)
                    result.pdfs[doc] = final
                else:
                    made.unlink(missing_ok=True)
                    missing.append(doc)
            reason = output[-500:] or "LibreOffice produced no PDF"
            if len(chunk) == 1:
                if missing:
                    for doc in [chunk[0], *(rest or [])]:
                        result.failed[doc] = reason
                elif rest:
                    queue.insert(0, (rest, None))
                continue
            if not missing:
                continue
            # Retry what was not reached: the first alone (the likely culprit), then the rest.
            if len(missing) == len(chunk):
                queue.insert(0, ([missing[0]], missing[1:]))
            else:
                queue[:0] = [([missing[0]], None)] + ([(missing[1:], None)] if missing[1:] else [])
    return result
