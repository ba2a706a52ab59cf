"""Atomic file output: write a temporary file beside the target, then rename it over.

A crash or a full disk leaves either the old file or the new one, never half of one. Every
file vanban writes goes through :func:`atomic_write`.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from pathlib import Path

from vanban.errors import OutputError, os_reason
from vanban.i18n import _

_counter = itertools.count()


def atomic_write(path: str | Path, data: bytes, *, durable: bool = True) -> Path:
    """Write ``data`` to ``path`` atomically; raise :class:`OutputError` on failure.

    ``durable`` flushes the file to disk before the rename; a batch that flushes its whole
    folder once at the end (:func:`vanban.batch.writer.flush`) writes without it.
    """
    target = Path(path)
    if target.is_dir():
        raise OutputError(_("cannot write {path}: it is a directory"), path=str(target))
    tmp = target.with_name(f".{target.name}.{os.getpid()}-{next(_counter)}.tmp")
    try:
        # 0o666 as any new file: the umask decides, as it does for the file being replaced
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException as exc:  # a full disk, or Ctrl-C between write and rename
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(_("cannot write {path}: {reason}"), path=str(target),
                              reason=os_reason(exc)) from None
        raise
    return target
