"""The commented starting plans printed by ``vanban new``: one per common document type.

Each starter is a complete, valid draft with a comment on every key (in Vietnamese), laid out
as the type's model form in Phụ lục III of the decree; ``--attached`` gives a Quyết định that
issues a Kế hoạch with its appendices (Mẫu 1.3).
"""

from __future__ import annotations

from importlib import resources

from vanban.decree.doctypes import DocumentType, find_type
from vanban.errors import UsageError
from vanban.i18n import _

#: The types with a starter, in the order the help lists them (the keys of their files).
STARTER_TYPES = ("ke-hoach", "quyet-dinh", "cong-van", "thong-bao", "bao-cao", "to-trinh",
                 "chi-thi", "cong-dien", "giay-moi", "bien-ban")
DECISION_ISSUING = "quyet-dinh-ban-hanh"


def starter_types() -> list[DocumentType]:
    """The document types ``vanban new --type`` knows."""
    return [t for key in STARTER_TYPES if (t := find_type(key)) is not None]


def starter_plan(doctype: str = "KH", *, attached: bool = False) -> str:
    """The starting plan for ``doctype`` (a code such as ``KH`` or a name such as ``Công
    văn``); with ``attached``, a Quyết định issuing a Kế hoạch."""
    found = find_type(doctype)
    if found is None or found.key not in STARTER_TYPES:
        raise UsageError(_(
            "vanban has no starting plan for “{type}”; choose one of: {types}"), type=doctype,
            types=", ".join(f"{t.code or t.name}" for t in starter_types()))
    key = found.key
    if attached:
        if key != "quyet-dinh":
            raise UsageError(_("--attached makes a Quyết định that issues a Kế hoạch; use it "
                               "with --type QĐ"))
        key = DECISION_ISSUING
    return resources.files("vanban").joinpath(f"data/starters/{key}.yaml").read_text("utf-8")
