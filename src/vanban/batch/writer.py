"""Making a batch's files durable together, and checking them again on a rerun.

Each file is written with :func:`vanban.fsutil.atomic_write`, so a reader never sees half
a file. Flushing each file to disk on its own (``fsync``) costs more than writing it, so a
batch writes its files without it and then flushes the whole file system once (:func:`flush`)
before it writes the manifest: the manifest never lists a file that is not on disk, and a
rerun checks every file's SHA-256 (:func:`file_sha256`) before it trusts it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import hashlib
import os
from pathlib import Path


def _syncfs() -> object | None:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name, use_errno=True) if name else None
    except OSError:  # pragma: no cover
        return None
    return getattr(libc, "syncfs", None)


_SYNCFS = _syncfs() if os.name == "posix" else None


def can_flush() -> bool:
    """Whether :func:`flush` can make a whole directory durable in one call."""
    return _SYNCFS is not None or hasattr(os, "sync")


def flush(directory: Path) -> None:
    """Make everything written under ``directory`` durable (its file system, or all)."""
    if _SYNCFS is not None:
        fd = os.open(directory, os.O_RDONLY)
        try:
            if _SYNCFS(fd) == 0:  # type: ignore[operator]
                return
        finally:
            os.close(fd)
    if hasattr(os, "sync"):
        os.sync()


def file_sha256(path: Path) -> str | None:
    """SHA-256 of an existing file, or None if it cannot be read."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 16), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()
