"""``manifest.json`` and ``manifest.csv``: what the output directory holds and how to check it.

One entry per document: the plan it comes from, the kind of copy, the agency it is for, the
copy number, the file and its SHA-256 (and the same for its PDF). The JSON also keeps what
the file was made from (``inputs``), which is how a rerun knows a copy is up to date. Both
files are written atomically, merged under a lock with what earlier runs left, and contain
no timestamps: the same batch gives the same manifests.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from vanban._version import __version__
from vanban.batch.locking import locked
from vanban.fsutil import atomic_write

MANIFEST_FORMAT = 1
JSON_NAME = "manifest.json"
CSV_NAME = "manifest.csv"
CSV_COLUMNS = ("plan", "reference", "kind", "agency", "copy_number", "file", "sha256", "pdf",
               "pdf_sha256")


@dataclass
class Entry:
    file: str                 # relative to the output directory
    sha256: str
    size: int
    plan: str
    reference: str            # the copied document: 277/KH-BCĐ
    kind: str                 # copy | extract | sao-y | sao-luc | trich-sao
    agency: str               # whose copy ("" for a whole-document formal copy)
    copy_number: str          # "3" (of the plan's copies) or "01/SY-VP"
    inputs: str               # fingerprint of what the file was made from
    pdf: str = ""
    pdf_sha256: str = ""
    pdf_inputs: str = ""      # sha256 of the .docx it was converted from, and the PDF flavour
    #: a copy's e-office record (Decree 30, Phụ lục VI), as the file carries it; its
    #: PageAmount counted on the PDF when there is one
    record: dict[str, Any] | None = None
    record_pages: str = ""    # how PageAmount was found: libreoffice | estimate

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entry | None:
        names = {f.name for f in fields(cls)}
        try:
            return cls(**{k: int(v) if k == "size" else v if k == "record" else str(v)
                          for k, v in data.items() if k in names})
        except (TypeError, ValueError):
            return None


def load(directory: Path) -> dict[str, Entry]:
    """The entries an earlier run left, by file; empty if there is no readable manifest."""
    try:
        data = json.loads((directory / JSON_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    out = {}
    for raw in data.get("documents", []) if isinstance(data, dict) else []:
        entry = Entry.from_dict(raw) if isinstance(raw, dict) else None
        if entry is not None:
            out[entry.file] = entry
    return out


def _json(entries: list[Entry]) -> bytes:
    """The manifest, one document a line: indenting it all would make json use its pure-Python
    encoder, a fifth of a 1,000-copy batch (each entry carries the e-office record)."""
    head = json.dumps({"format": MANIFEST_FORMAT, "generator": f"vanban {__version__}"},
                      ensure_ascii=False)
    lines = ",\n  ".join(json.dumps(vars(e), ensure_ascii=False) for e in entries)
    body = f"[\n  {lines}\n]" if entries else "[]"
    return f'{head[:-1]}, "documents": {body}}}\n'.encode()


def _csv(entries: list[Entry]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for e in entries:
        writer.writerow([getattr(e, c) for c in CSV_COLUMNS])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")  # the BOM makes Excel read UTF-8


def write(directory: Path, entries: Iterable[Entry], *, replaced: Iterable[str] = ()) -> list[Entry]:
    """Merge ``entries`` into the manifests of ``directory`` and write both; return them all.

    Entries of earlier runs stay while their file exists, unless listed in ``replaced``.
    """
    new = {e.file: e for e in entries}
    drop = set(replaced)
    with locked(directory / ".manifest.lock"):
        merged = {f: e for f, e in load(directory).items()
                  if f not in drop and (directory / f).is_file()}
        merged.update(new)
        ordered = [merged[f] for f in sorted(merged)]
        atomic_write(directory / JSON_NAME, _json(ordered))
        atomic_write(directory / CSV_NAME, _csv(ordered))
    return ordered
