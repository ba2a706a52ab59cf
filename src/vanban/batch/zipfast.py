"""A small, deterministic zip writer that assembles packages from precompressed members.

Per-recipient copies share every part but one or two small ones, so the shared parts are
deflated once and each copy is written as local headers + those bytes + a central directory.
The layout mirrors :func:`vanban.renderer.package.normalise_zip` byte for byte (fixed
timestamp, ``[Content_Types].xml`` first, then by name, deflate level 6), so a copy
assembled here is the same file the renderer would have saved.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

FIRST = "[Content_Types].xml"
LEVEL = 6
_VERSION = 20  # "2.0": deflate, as zipfile writes it
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01, the zip epoch (renderer's FIXED_TIME)
_DOS_TIME = 0
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_LIMIT = 0xFFFFFFFF
_ATTRIBUTES = 0o600 << 16  # rw------- as zipfile.writestr records it (external attributes)


@dataclass(frozen=True)
class Member:
    """One deflated zip entry; ``local`` is its local header + data, ready to write."""

    name: str
    crc: int
    size: int
    compressed_size: int
    local: bytes
    flags: int

    @property
    def name_bytes(self) -> bytes:
        return self.name.encode("utf-8")


def deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def member(name: str, data: bytes) -> Member:
    """Deflate ``data`` once into an entry that can be placed in any number of archives."""
    if len(data) > _LIMIT // 2:
        raise ValueError(f"{name} is too large for a .docx part")
    packed = deflate(data)
    crc = zlib.crc32(data)
    try:
        raw_name = name.encode("ascii")
        flags = 0
    except UnicodeEncodeError:
        raw_name = name.encode("utf-8")
        flags = 0x800  # the name is UTF-8 (what zipfile sets)
    header = _LOCAL.pack(b"PK\003\004", _VERSION, 0, flags, zlib.DEFLATED, _DOS_TIME,
                         _DOS_DATE, crc, len(packed), len(data), len(raw_name), 0)
    return Member(name, crc, len(data), len(packed), header + raw_name + packed, flags)


class MemberCache:
    """Deflated members keyed by name and content, so equal parts are compressed once."""

    def __init__(self) -> None:
        self._members: dict[tuple[str, int, int], Member] = {}

    def get(self, name: str, data: bytes) -> Member:
        key = (name, len(data), zlib.crc32(data))
        found = self._members.get(key)
        if found is None:
            found = self._members[key] = member(name, data)
        return found


def ordered(members: Iterable[Member]) -> list[Member]:
    """``[Content_Types].xml`` first, then by name: the renderer's order."""
    by_name = {m.name: m for m in members}
    first = [by_name.pop(FIRST)] if FIRST in by_name else []
    return first + [by_name[n] for n in sorted(by_name)]


def assemble(members: Iterable[Member]) -> list[bytes]:
    """The archive as a list of byte chunks (write them in order, or join them)."""
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    entries = ordered(members)
    for m in entries:
        chunks.append(m.local)
        raw_name = m.name_bytes
        central.append(_CENTRAL.pack(
            b"PK\001\002", _VERSION, 0, _VERSION, 0, m.flags, zlib.DEFLATED, _DOS_TIME,
            _DOS_DATE, m.crc, m.compressed_size, m.size, len(raw_name), 0, 0, 0, 0,
            _ATTRIBUTES, offset) + raw_name)
        offset += len(m.local)
    directory = b"".join(central)
    if offset > _LIMIT or len(entries) > 0xFFFF:
        raise ValueError("archive too large")
    chunks.append(directory)
    chunks.append(_END.pack(b"PK\005\006", 0, 0, len(entries), len(entries), len(directory),
                            offset, 0))
    return chunks


def build(parts: Mapping[str, bytes]) -> bytes:
    """A complete archive from raw parts (compressed here): handy when nothing is shared."""
    return b"".join(assemble(member(name, data) for name, data in parts.items()))
