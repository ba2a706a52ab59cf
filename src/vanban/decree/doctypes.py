"""Document types of Decree 30 (Điều 7) with their abbreviations (Phụ lục III, Mục I).

A type knows its name, its abbreviation as the decree spells it (``KH``, ``QyĐ``, ``CTr``),
which of Phụ lục III's model forms vanban lays it out with (if any), and the parts its body is
expected to have, described by meaning so the checker can recognise a
section whatever its exact wording.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from vanban.decree.numbering import ARTICLES, POINTS, SECTIONS
from vanban.text.fold import fold


@dataclass(frozen=True)
class Part:
    """A part of the body recognised by meaning: any of ``keywords`` in a section title."""

    key: str
    name: str  # Vietnamese, as a drafter would name it
    keywords: tuple[str, ...]
    required: bool = True

    def matches(self, title: str) -> bool:
        """Whether a section called ``title`` is this part."""
        folded = fold(title)
        return any(keyword in folded for keyword in self.keywords)


MAU_1_4 = "mau-1.4"  # Văn bản có tên loại: type name and trích yếu under the header
QUYET_DINH = "quyet-dinh"  # Mẫu 1.1–1.2: the above plus the authority line and “QUYẾT ĐỊNH:”
CONG_VAN = "cong-van"  # Mẫu 1.5: no type name; “V/v …” under the number; Kính gửi
CONG_DIEN = "cong-dien"  # Mẫu 1.6: “<authority> điện:” and the receivers under the trích yếu
GIAY_MOI = "giay-moi"  # Mẫu 1.7: “… trân trọng kính mời: …”, the event, chair, time, place
BIEN_BAN = "bien-ban"  # Mẫu 1.9: no dateline; the meeting's record; thư ký and chủ tọa sign


#: The fixed words of the forms that are not Mẫu 1.4's, as Phụ lục III prints them.
#: Mẫu 1.6: “<cơ quan, tổ chức or the head's title> điện:” over the receivers.
CABLE_VERB = "điện:"
#: Mẫu 1.7: “<issuing body> trân trọng kính mời: …”, then the event and its particulars.
INVITATION_WORDS = {"invites": "trân trọng kính mời", "event": "Tới dự", "chair": "Chủ trì",
                    "time": "Thời gian", "place": "Địa điểm"}
#: Mẫu 1.9, in its order. The form writes “chủ toạ” here and “CHỦ TỌA” over the signature;
#: vanban writes “tọa” in both. The kinds of meeting in brackets are the form's alternatives:
#: the plan does not say which the meeting was, so they are printed as the form has them.
MINUTES_WORDS = {"start": "Thời gian bắt đầu", "place": "Địa điểm",
                 "participants": "Thành phần tham dự", "chair": "Chủ trì (chủ tọa)",
                 "secretary": "Thư ký (người ghi biên bản)",
                 "content": "Nội dung (theo diễn biến cuộc họp/hội nghị/hội thảo):",
                 "end": "Cuộc họp (hội nghị, hội thảo) kết thúc vào"}


@dataclass(frozen=True)
class DocumentType:
    """A type of administrative document (Điều 7 of the decree): its code, name and model."""

    code: str | None
    name: str
    layout: str | None = None  # which model layout vanban renders it with; None: not yet
    numbering: str = SECTIONS  # how its body is numbered (vanban.decree.numbering)
    #: A type of Điều 7 (or one of Phụ lục III's forms); False for a body's internal form
    #: (Phiếu trình), whose layout the decree does not set: only its text is checked.
    decree: bool = True
    parts: tuple[Part, ...] = field(default=())
    #: Plan keys its model form cannot do without, beyond those of every document
    #: (Kính gửi of a Công văn, the authority line of a Quyết định, a Giấy mời's fields).
    requires: tuple[str, ...] = ()
    dateline: bool = True  # a Biên bản's header has the number but no place and date (Mẫu 1.9)

    @property
    def renderable(self) -> bool:
        return self.layout is not None

    @property
    def has_type_line(self) -> bool:
        """Công văn has no type-name line; the others print ``KẾ HOẠCH``, ``QUYẾT ĐỊNH``…"""
        return self.layout != CONG_VAN

    @property
    def title(self) -> str:
        """The type-name line: ``KẾ HOẠCH``."""
        return self.name.upper()

    @property
    def key(self) -> str:
        return fold(self.name).replace(" ", "-")


PLAN_PARTS = (
    Part("purpose", "Mục đích, yêu cầu", ("muc dich", "yeu cau", "muc tieu")),
    Part("contents", "Nội dung, nhiệm vụ", (
        "noi dung", "nhiem vu", "giai phap", "cong tac trong tam", "hoat dong",
        "chuong trinh", "phan cong")),
    Part("funding", "Kinh phí", ("kinh phi", "nguon von", "tai chinh"), required=False),
    Part("organisation", "Tổ chức thực hiện", (
        "to chuc thuc hien", "trach nhiem", "phan cong", "trien khai thuc hien")),
)

_M14 = dict(layout=MAU_1_4)
_DIEU = dict(layout=MAU_1_4, numbering=ARTICLES)
_POINTS = dict(layout=MAU_1_4, numbering=POINTS)

#: Điều 7 and Phụ lục III, Mục I, in the decree's order.
DOCUMENT_TYPES: tuple[DocumentType, ...] = (
    DocumentType("NQ", "Nghị quyết", requires=("issuing_authority",)),
    DocumentType("QĐ", "Quyết định", layout=QUYET_DINH, numbering=ARTICLES,
                 requires=("issuing_authority",)),
    DocumentType("CT", "Chỉ thị", **_POINTS),
    DocumentType("QC", "Quy chế", **_DIEU),
    DocumentType("QyĐ", "Quy định", **_DIEU),
    DocumentType("TC", "Thông cáo", **_M14),
    DocumentType("TB", "Thông báo", **_POINTS),
    DocumentType("HD", "Hướng dẫn", **_M14),
    DocumentType("CTr", "Chương trình", **_M14),
    DocumentType("KH", "Kế hoạch", parts=PLAN_PARTS, **_M14),
    DocumentType("PA", "Phương án", **_M14),
    DocumentType("ĐA", "Đề án", **_M14),
    DocumentType("DA", "Dự án", **_M14),
    DocumentType("BC", "Báo cáo", **_M14),
    DocumentType("BB", "Biên bản", layout=BIEN_BAN, requires=("minutes",), dateline=False),
    DocumentType("TTr", "Tờ trình", requires=("addressees",), **_M14),
    DocumentType("HĐ", "Hợp đồng"),
    DocumentType(None, "Công văn", layout=CONG_VAN, numbering=POINTS, requires=("addressees",)),
    DocumentType("CĐ", "Công điện", layout=CONG_DIEN, numbering=POINTS,
                 requires=("issuing_authority", "addressees")),
    DocumentType("BGN", "Bản ghi nhớ"),
    DocumentType("BTT", "Bản thỏa thuận"),
    DocumentType("GUQ", "Giấy ủy quyền", **_M14),
    DocumentType("GM", "Giấy mời", layout=GIAY_MOI, requires=("invitation",)),
    DocumentType("GGT", "Giấy giới thiệu"),
    DocumentType("GNP", "Giấy nghỉ phép"),
    DocumentType("PG", "Phiếu gửi", **_M14),
    DocumentType("PC", "Phiếu chuyển", **_M14),
    DocumentType("PB", "Phiếu báo", **_M14),
    DocumentType(None, "Thư công"),
    DocumentType("PT", "Phiếu trình", numbering=POINTS, decree=False),
)

#: Codes of the three forms of copy (bản sao y, bản trích sao, bản sao lục).
COPY_CODES = {"SY": "Bản sao y", "TrS": "Bản trích sao", "SL": "Bản sao lục"}


_BY_KEY: dict[str, DocumentType] = {}
for _t in DOCUMENT_TYPES:
    _BY_KEY[fold(_t.name)] = _t
    _BY_KEY[_t.key] = _t
    if _t.code:
        _BY_KEY.setdefault(_t.code, _t)
        _BY_KEY.setdefault(_t.code.upper(), _t)


def find_type(value: str) -> DocumentType | None:
    """Look a type up by its code (``KH``) or its name (``Kế hoạch``, ``ke-hoach``)."""
    value = unicodedata.normalize("NFC", value.strip())
    return _BY_KEY.get(value) or _BY_KEY.get(value.upper()) or _BY_KEY.get(fold(value))


def type_by_code(code: str) -> DocumentType | None:
    """The type whose abbreviation is exactly ``code`` as the decree spells it."""
    return next((t for t in DOCUMENT_TYPES if t.code == code), None)
