"""Quốc hiệu and Tiêu ngữ head the document, written exactly.

## Why
“CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM” and “Độc lập - Tự do - Hạnh phúc” are the first component
of every administrative document (Điều 8; Phụ lục I, II.1): the Quốc hiệu in capitals, the
Tiêu ngữ with a capital on each phrase and hyphens with spaces around them. Both placements of
the tone mark (HÒA / HOÀ) appear in the decree and are accepted.

## Bad
```text
Cộng hòa xã hội chủ nghĩa Việt Nam
Độc lập – Tự do – Hạnh phúc
```

## Good
```text
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
```
"""

from __future__ import annotations

from collections.abc import Iterator

from vanban.i18n import _
from vanban.problems import Severity
from vanban.rules._base import DocContext, Finding, Rule

QUOC_HIEU = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def _shown(para) -> str:
    """The text as printed: a caps style shows it in capitals."""
    return para.text.upper() if para.format is not None and para.format.caps else para.text


def check(ctx: DocContext) -> Iterator[Finding]:
    quoc_hieu, motto = ctx.first("quoc_hieu"), ctx.first("motto")
    if quoc_hieu is None:
        yield ctx.finding(ctx.mark(ctx.first("number") or ctx.first("type")), _(
            "the document has no Quốc hiệu “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM” and Tiêu ngữ"))
    elif _shown(quoc_hieu).strip() not in QUOC_HIEU:
        yield ctx.finding(ctx.mark(quoc_hieu), _(
            "write the Quốc hiệu exactly, in capitals: “{right}”"), right=QUOC_HIEU[0])
    if quoc_hieu is not None and motto is None:
        yield ctx.finding(ctx.mark(quoc_hieu), _(
            "the Tiêu ngữ “Độc lập - Tự do - Hạnh phúc” is missing under the Quốc hiệu"))
    elif motto is not None and motto.text.strip() != MOTTO:
        text = motto.text.strip()
        if text.replace("–", "-").replace("—", "-") == MOTTO:
            yield ctx.finding(ctx.mark(motto, text.find("–") if "–" in text else text.find("—")),
                              _("the Tiêu ngữ joins its words with hyphens “-”, not dashes “–”: "
                                "“{right}”"), right=MOTTO)
        else:
            yield ctx.finding(ctx.mark(motto), _("write the Tiêu ngữ exactly: “{right}”"),
                              right=MOTTO)


RULE = Rule("VB311", "national-title", Severity.ERROR, __doc__, check, needs_plan=False,
            scope="document")
