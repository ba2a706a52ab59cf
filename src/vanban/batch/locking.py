"""An exclusive lock between processes, on a small lock file beside the state it guards.

The lock file is never deleted: removing it while another process waits on it would let two
runs hold "the" lock at once.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

from vanban.errors import OutputError, os_reason
from vanban.i18n import _

try:
    import fcntl

    def _lock(fd: int, timeout: float) -> bool:
        # Blocking: the kernel queues the waiters, and a lock dies with its process, so a
        # crashed run cannot leave it held. (Polling with LOCK_NB lets a busy run starve others.)
        fcntl.flock(fd, fcntl.LOCK_EX)
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
except ImportError:  # pragma: no cover - Windows
    import msvcrt

    def _lock(fd: int, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                return True
            except OSError:
                if time.monotonic() > deadline:
                    return False
                time.sleep(0.01)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


@contextlib.contextmanager
def locked(path: Path, *, timeout: float = 60.0) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (created if needed) for the ``with`` block.

    POSIX waits as long as another process holds it (it is only held for a read-modify-write);
    elsewhere ``timeout`` seconds, then :class:`OutputError`.
    """
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise OutputError(_("cannot write {path}: {reason}"), path=str(path),
                          reason=os_reason(exc)) from None
    try:
        if not _lock(fd, timeout):
            raise OutputError(_("{path} is locked by another vanban run; wait for it to finish"),
                              path=str(path))
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)
