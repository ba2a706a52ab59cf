"""vanban's cache folder: work a process can keep for the next one.

It holds what a template's parts become before a plan is poured in — docxtpl's cleaned XML
and the Python code Jinja compiles from it, a sixth of a cold ``vanban render`` (see
:mod:`vanban.renderer.engine`) — never anything made from a plan. Nothing in it is needed:
a missing, unwritable or damaged cache only makes a command slower, never different.

Where: ``$VANBAN_CACHE_DIR`` if set (``off``, ``0`` or empty: no cache), else the platform's
user cache folder — ``$XDG_CACHE_HOME/vanban`` or ``~/.cache/vanban``, and
``%LOCALAPPDATA%\\vanban\\Cache`` on Windows.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

#: Values of VANBAN_CACHE_DIR that turn the cache off.
OFF = frozenset({"", "0", "off", "no", "false"})


def _base() -> Path | None:
    setting = os.environ.get("VANBAN_CACHE_DIR")
    if setting is not None:
        return None if setting.strip().lower() in OFF else Path(setting)
    if os.name == "nt":
        local = os.environ.get("LOCALAPPDATA")
        return Path(local, "vanban", "Cache") if local else None
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):  # the XDG spec ignores a relative path
        return Path(xdg, "vanban")
    try:
        return Path.home() / ".cache" / "vanban"
    except RuntimeError:  # no home folder
        return None


def cache_dir(kind: str) -> Path | None:
    """The cache's folder for ``kind``, created if need be; None when the cache is off or the
    folder cannot be used (not creatable, or — where users are told apart — not the
    user's own: what is read from it is run)."""
    base = _base()
    if base is None:
        return None
    folder = base / kind
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if hasattr(os, "getuid") and folder.stat().st_uid != os.getuid():
            return None
    except OSError:
        return None
    return folder


#: Entries a kind keeps before it starts again (a template has a handful of parts; each edit
#: of a house template makes new ones).
ENTRIES_LIMIT = 400
_SUFFIX = ".entry"


def read_entry(folder: Path, key: str) -> bytes | None:
    """The data stored under ``key``, if it is there whole (its checksum is stored with it)."""
    try:
        raw = (folder / f"{key}{_SUFFIX}").read_bytes()
    except OSError:
        return None
    checksum, _, data = raw.partition(b"\n")
    return data if checksum == hashlib.sha256(data).hexdigest().encode() else None


def make_room(folder: Path, pattern: str) -> None:
    """Empty ``folder`` of its entries (``pattern``) once it holds ``ENTRIES_LIMIT`` of them:
    the cache never grows without bound, and what is still used is made again."""
    if sum(1 for _ in folder.glob(pattern)) >= ENTRIES_LIMIT:
        for old in folder.glob(pattern):
            old.unlink(missing_ok=True)


def write_entry(folder: Path, key: str, data: bytes) -> None:
    """Store ``data`` under ``key`` atomically; a cache that cannot be written is left alone."""
    from vanban.errors import OutputError
    from vanban.fsutil import atomic_write

    try:
        make_room(folder, f"*{_SUFFIX}")
        atomic_write(folder / f"{key}{_SUFFIX}",
                     hashlib.sha256(data).hexdigest().encode() + b"\n" + data, durable=False)
    except (OSError, OutputError):
        pass
