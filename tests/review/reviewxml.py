"""Reading an annotated .docx back: its comments, and the text each comment's range covers."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SEEDED_PLAN = """\
vanban: 1
type: KH
issuer:
  name: [ỦY BAN NHÂN DÂN, TỈNH LAI CHÂU]
  abbreviation: UBND
number: 45
symbol: QĐ-UBND
place: Lai Châu
date: 2026-01-15
title: Phòng, chống thiên tai năm 2026
sections:
  - title: "Mục đích, yêu cầu:"
    content:
      - Chủ động phòng ngừa, ứng phó kịp thời với thiên tai.
  - title: Nhiệm vụ, giải pháp
    content:
      - Rà soát phương án ứng phó trước ngày 05 tháng 03 năm 2026.
      - Kiểm tra các công trình phòng, chống thiên tai và các khu vực có nguy cơ sạt lở đất sạt lở đất.
  - title: Tổ chức thực hiện
    content:
      - agency: Sở Tư pháp
        content:
          - Thẩm định các văn bản có liên quan.
      - agency: Công an tỉnh
        content:
          - Bảo đảm an ninh trật tự.
signature:
  authority: KT.
  titles: [CHỦ TỊCH, PHÓ CHỦ TỊCH]
  name: Lê Văn Lương
recipients:
  - Công an tỉnh
archive: VT
"""
#: The five slips of the seeded plan, by rule: the text each comment must cover.
SLIPS = {
    "VB301": "QĐ-UBND",  # a Kế hoạch numbered with a Quyết định's type code
    "VB104": "Mục đích, yêu cầu:",  # a heading ending with a colon
    "VB608": "ngày 05 tháng 03 năm 2026",  # a month with a zero
    "VB606": "sạt lở đất",  # the second copy of a repeated phrase
    "VB402": "Sở Tư pháp",  # given a task, missing from Nơi nhận
}


@dataclass(frozen=True)
class Comment:
    id: str
    author: str
    initials: str
    date: str | None
    text: str


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def comments(data: bytes, name: str = "word/comments.xml") -> list[Comment]:
    root = etree.fromstring(parts(data)[name])
    return [Comment(c.get(W + "id"), c.get(W + "author"), c.get(W + "initials"),
                    c.get(W + "date"), "".join(t.text or "" for t in c.iter(W + "t")))
            for c in root.iter(W + "comment")]


def ranges(data: bytes) -> dict[str, str]:
    """The text between each comment's commentRangeStart and commentRangeEnd."""
    root = etree.fromstring(parts(data)["word/document.xml"])
    open_: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for element in root.iter():
        if element.tag == W + "commentRangeStart":
            open_[element.get(W + "id")] = []
        elif element.tag == W + "commentRangeEnd":
            out[element.get(W + "id")] = "".join(open_.pop(element.get(W + "id")))
        elif element.tag in (W + "t", W + "tab"):
            text = element.text or "" if element.tag == W + "t" else "\t"
            for pieces in open_.values():
                pieces.append(text)
    assert not open_, f"ranges never closed: {sorted(open_)}"
    return out


def references(data: bytes) -> list[str]:
    root = etree.fromstring(parts(data)["word/document.xml"])
    return [r.get(W + "id") for r in root.iter(W + "commentReference")]


def by_code(data: bytes) -> dict[str, str]:
    """Rule code → the text its comment covers."""
    covered = ranges(data)
    return {c.text[1:6]: covered[c.id] for c in comments(data)}
