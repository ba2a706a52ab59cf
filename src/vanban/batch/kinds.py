"""The kinds of copies a batch makes and the words the documents print for them.

Formal copies follow Phụ lục I Phần II of Decree 30/2020/NĐ-CP: the copy form is printed as
``SAO Y`` / ``SAO LỤC`` / ``TRÍCH SAO`` and numbered with the codes of Phụ lục III (SY, SL, TrS).
"""

from __future__ import annotations

import enum

from vanban.decree.doctypes import COPY_CODES


class CopyKind(str, enum.Enum):
    COPY = "copy"              # the whole plan, one file per recipient
    EXTRACT = "extract"        # the parts of the plan that concern one agency
    SAO_Y = "sao-y"            # bản sao y: the whole document + the copy block
    SAO_LUC = "sao-luc"        # bản sao lục: a copy of a sao y copy
    TRICH_SAO = "trich-sao"    # bản trích sao: part of the document + the copy block

    @property
    def formal(self) -> bool:
        return self in (CopyKind.SAO_Y, CopyKind.SAO_LUC, CopyKind.TRICH_SAO)

    @property
    def code(self) -> str:
        """The copy code of Phụ lục III: ``SY``, ``SL``, ``TrS`` (formal copies only)."""
        return {CopyKind.SAO_Y: "SY", CopyKind.SAO_LUC: "SL", CopyKind.TRICH_SAO: "TrS"}[self]

    @property
    def form(self) -> str:
        """The copy form as the copy block prints it (ô 1 of Mẫu 3.1)."""
        return {CopyKind.SAO_Y: "SAO Y", CopyKind.SAO_LUC: "SAO LỤC", CopyKind.TRICH_SAO: "TRÍCH SAO"}[self]

    @property
    def label(self) -> str:
        """What the document properties call this kind of copy."""
        if self.formal:
            return COPY_CODES[self.code]
        return {CopyKind.COPY: "Bản gửi", CopyKind.EXTRACT: "Bản trích"}[self]

    @property
    def whole_document(self) -> bool:
        return self in (CopyKind.COPY, CopyKind.SAO_Y, CopyKind.SAO_LUC)


#: Names accepted on the command line, in the order the batch produces them.
CLI_NAMES = {"copies": CopyKind.COPY, "extracts": CopyKind.EXTRACT, "sao-y": CopyKind.SAO_Y,
             "sao-luc": CopyKind.SAO_LUC, "trich-sao": CopyKind.TRICH_SAO}
