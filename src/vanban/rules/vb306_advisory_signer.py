"""An advisory body's signer shows both titles when the body uses the agency's seal.

## Why
Ban Chỉ đạo, Hội đồng and Tổ công tác are advisory bodies (tổ chức tư vấn). When such a body
issues documents with the agency's seal, the signer's title in the body and their post in
the agency are both written, the agency post above the name (Phụ lục I, II.7.c) — the seed
plan signs `TRƯỞNG BAN` with `PHÓ CHỦ TỊCH UBND TỈNH` above the name. A body with its own seal
writes only its own title: then set `require_other_title: false`. A Biên bản is signed by the
meeting's chair as its chair (`CHỦ TỌA`, Mẫu 1.9), not by the body's head: it is not checked.

## Bad
```yaml
issuer: {superior: UBND TỈNH BÀ RỊA - VŨNG TÀU, name: BAN CHỈ ĐẠO NHÂN QUYỀN, abbreviation: BCĐ}
signature: {titles: TRƯỞNG BAN, name: Đặng Minh Thông}
```

## Good
```yaml
signature:
  titles: TRƯỞNG BAN
  other_title: PHÓ CHỦ TỊCH UBND TỈNH
  name: Đặng Minh Thông
```

## Options
- `require_other_title` (default `true`): whether advisory bodies use the agency's seal.
"""

from __future__ import annotations

from collections.abc import Iterator

from vanban.decree.doctypes import BIEN_BAN
from vanban.i18n import _
from vanban.plan.spec import Bool
from vanban.problems import Severity
from vanban.rules._base import Finding, Option, Rule, RuleContext

ADVISORY = ("BAN CHỈ ĐẠO", "HỘI ĐỒNG", "TỔ CÔNG TÁC", "BAN TỔ CHỨC", "TIỂU BAN", "TỔ GIÚP VIỆC",
            "BAN CHỈ HUY", "TỔ THƯỜNG TRỰC")


def check(ctx: RuleContext) -> Iterator[Finding]:
    plan = ctx.plan
    assert plan is not None
    name = " ".join(plan.issuer.name).upper()
    if not name.startswith(ADVISORY) or not ctx.options["require_other_title"] or \
            plan.doctype.layout == BIEN_BAN:
        return
    sig = plan.signature
    if sig.authority == "TM." or sig.other_title:
        return
    yield ctx.finding(sig.marks.get("name", sig.mark), _(
        "{body} is an advisory body: write the signer's post in the agency above the name "
        "(other_title), e.g. “PHÓ CHỦ TỊCH UBND TỈNH”"), body=" ".join(plan.issuer.name))


RULE = Rule("VB306", "advisory-signer", Severity.WARNING, __doc__, check, options={
    "require_other_title": Option(True, Bool(), _(
        "advisory bodies use the agency's seal, so the signer's agency post is required")),
})
