"""Writing one output file atomically and fast, with its SHA-256.

The same contract as :func:`vanban.fsutil.atomic_write` (a temporary file beside the target,
flushed to disk, then renamed over it, so a reader never sees half a file), made cheap enough
to run thousands of times: no umask round trips, the file mode comes from ``os.open``.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
from collections.abc import Iterable
from pathlib import Path

from vanban.errors import OutputError
from vanban.i18n import _

_counter = itertools.count()


def write_atomic(path: Path, chunks: Iterable[bytes], *, durable: bool = True) -> tuple[str, int]:
    """Write ``chunks`` to ``path``; return (sha256 hex, size). Raises :class:`OutputError`."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{next(_counter)}.tmp")
    digest = hashlib.sha256()
    size = 0
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        try:
            for chunk in chunks:
                digest.update(chunk)
                size += len(chunk)
                view = memoryview(chunk)
                while view:
                    view = view[os.write(fd, view):]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(_("cannot write {path}: {reason}"), path=str(path),
                          reason=exc.strerror or str(exc)) from None
    return digest.hexdigest(), size


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
