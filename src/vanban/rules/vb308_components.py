"""The components the decree requires are all there: issuing body, place, title, signer.

## Why
Điều 8 lists the components every administrative document carries: the issuing body, the
number and symbol, place and date, type name and trích yếu, content, the signer's title and
name, and the recipients. A plan may be written — or imported from a document whose header
was lost — with some of them empty; the document cannot go out like that. Only a draft may
leave the signer's name open: who signs may not be decided yet.

## Bad
```yaml
issuer: {name: ""}
title: ""
signature: {titles: TRƯỞNG BAN, name: ""}
```

## Good
```yaml
issuer: {superior: UBND TỈNH BÀ RỊA - VŨNG TÀU, name: BAN CHỈ ĐẠO NHÂN QUYỀN}
title: Triển khai hoạt động tuyên truyền …
signature: {titles: TRƯỞNG BAN, name: Đặng Minh Thông}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from vanban.i18n import Msg, _
from vanban.problems import Severity
from vanban.rules._base import Finding, Rule, RuleContext


#: What each key a type may require prints, for the message.
REQUIRED_PARTS = {
    "issuing_authority": Msg(_("the authority line (thẩm quyền ban hành)")),
    "addressees": Msg(_("the addressees (Kính gửi)")),
    "invitation": Msg(_("who is invited, to what, when and where")),
    "minutes": Msg(_("the meeting's time, place and participants")),
}


def check(ctx: RuleContext) -> Iterator[Finding]:
    plan = ctx.plan
    assert plan is not None
    missing = []
    if not any(line.strip() for line in plan.issuer.name):
        missing.append((plan.issuer.marks.get("name", plan.issuer.mark),
                        Msg(_("the issuing body (tên cơ quan ban hành)"))))
    if not plan.issuer.abbreviation and not plan.symbol:
        missing.append((plan.issuer.mark, Msg(_(
            "the issuer's abbreviation (or an explicit symbol) for the number and symbol"))))
    if not plan.place.strip() and plan.doctype.dateline:
        missing.append((plan.marks.get("place", plan.mark), Msg(_("the place name (địa danh)"))))
    if not plan.title.strip():
        missing.append((plan.marks["title"], Msg(_("the subject (trích yếu)"))))
    sig = plan.signature
    if not any(line.strip() for line in sig.titles):
        missing.append((sig.marks.get("titles", sig.mark), Msg(_("the signer's title"))))
    if not sig.name.strip() and plan.draft is None:  # a draft may not know its signer yet
        missing.append((sig.marks.get("name", sig.mark), Msg(_("the signer's name"))))
    for mark, what in missing:
        yield ctx.finding(mark, _("{what} is missing; the decree requires it"), what=what)
    for key in plan.doctype.requires:
        if not getattr(plan, key):
            yield ctx.finding(plan.marks.get("doctype", plan.mark), _(
                "the model form of a {type} has {what}: add it (plan key “{key}”)"),
                what=REQUIRED_PARTS[key], type=plan.doctype.name, key=key)


RULE = Rule("VB308", "components", Severity.ERROR, __doc__, check)
