"""LibreOffice (headless) for PDF export: one process converts a whole batch.

Starting LibreOffice costs most of a second, so files are converted together in one
``soffice --convert-to pdf`` call, with a private user profile so a running LibreOffice or
another conversion cannot interfere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from vanban.errors import VanbanError
from vanban.i18n import _

CANDIDATES = ("soffice", "libreoffice", "/usr/bin/soffice",
              "/Applications/LibreOffice.app/Contents/MacOS/soffice")


class OfficeError(VanbanError):
    """LibreOffice is missing or failed."""


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


def convert_to_pdf(documents: Sequence[str | Path], outdir: str | Path, *,
                   pdfa: bool = False, timeout: float = 600) -> list[Path]:
    """Convert ``documents`` to PDF in ``outdir`` with one LibreOffice process.

    ``pdfa`` asks for PDF/A-2b (archival; the signed electronic release is a PDF).
    Returns the PDF paths in the order of ``documents``.
    """
    soffice = find_soffice()
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    pdfs = [outdir / (Path(d).stem + ".pdf") for d in documents]
    for stale in pdfs:  # a PDF left from an earlier run must not pass for a new one
        stale.unlink(missing_ok=True)
    target = "pdf"
    if pdfa:
        target = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
    with tempfile.TemporaryDirectory(prefix="vanban-lo-") as profile:
        cmd = [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
               "--norestore", "--nolockcheck", "--convert-to", target, "--outdir", str(outdir),
               *map(str, documents)]
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
