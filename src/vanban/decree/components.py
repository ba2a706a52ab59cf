"""How each component of page 1 and the signature block is set (Phụ lục I, II and its
“Mẫu chữ” table): size range in points, weight, slant and case, by the role a paragraph
plays in the document."""

from __future__ import annotations

from dataclasses import dataclass

from vanban.i18n import _


@dataclass(frozen=True)
class ComponentFormat:
    """The decree's setting of one component; None: the decree leaves it open."""

    name: str  # as messages name it
    sizes: tuple[float, float]
    bold: bool | None = None
    italic: bool | None = None
    upper: bool = False


COMPONENT_FORMATS = {
    "quoc_hieu": ComponentFormat(_("the Quốc hiệu"), (12, 13), bold=True, italic=False,
                                 upper=True),
    "motto": ComponentFormat(_("the Tiêu ngữ"), (13, 14), bold=True, italic=False),
    "superior": ComponentFormat(_("the superior body"), (12, 13), bold=False, upper=True),
    "issuer": ComponentFormat(_("the issuing body"), (12, 13), bold=True, upper=True),
    "number": ComponentFormat(_("the “Số:” line"), (13, 13), bold=False, italic=False),
    "dateline": ComponentFormat(_("the dateline"), (13, 14), italic=True),
    "type": ComponentFormat(_("the type name"), (13, 14), bold=True, upper=True),
    "title": ComponentFormat(_("the trích yếu"), (13, 14), bold=True),
    "basis": ComponentFormat(_("a legal basis"), (13, 14), italic=True),
    "recipients_label": ComponentFormat(_("“Nơi nhận:”"), (12, 12), bold=True, italic=True),
    "recipient": ComponentFormat(_("a recipient line"), (11, 11), bold=False),
    "signature_title": ComponentFormat(_("a signature title line"), (13, 14), bold=True,
                                       upper=True),
    "signer": ComponentFormat(_("the signer's name"), (13, 14), bold=True),
}
