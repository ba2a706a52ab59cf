"""The plan pairs of ``tests/data/diff/``: each folder holds ``old.yaml`` and ``new.yaml``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from vanban import load_plan

DIFF_DATA = Path(__file__).resolve().parent / "data" / "diff"
CASES = sorted(p.name for p in DIFF_DATA.iterdir() if (p / "old.yaml").exists())
#: The cases the issue asks for, by name.
REQUIRED = ("one-word", "inserted-section", "deleted-point", "moved-item", "recipients", "date")
AUTHOR = "Phòng Tư pháp"
DATE = "2026-03-05T09:30:00Z"


def paths(case: str) -> tuple[Path, Path]:
    return DIFF_DATA / case / "old.yaml", DIFF_DATA / case / "new.yaml"


@lru_cache(maxsize=None)
def plans(case: str):
    old, new = paths(case)
    return load_plan(old), load_plan(new)


@lru_cache(maxsize=None)
def redline(case: str):
    from vanban.redline import redline_bytes

    old, new = plans(case)
    return redline_bytes(old, new, author=AUTHOR, date=DATE)
