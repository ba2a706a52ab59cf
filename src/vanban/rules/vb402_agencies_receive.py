"""Every agency given a task also receives the plan.

## Why
An agency cannot carry out a task in a plan it never received. Each agency with a task
(an `agency:` block, or a `lead`/`support` unit) must appear in Nơi nhận, by name, by its usual
abbreviation (UBND, BCĐ, UBMTTQVN, TC CT-XH …), through a group line such as “Các Sở, ngành
liên quan”, “Các cơ quan chuyên môn thuộc UBND tỉnh” or “UBND các xã, phường”, or through a
reference: “Như trên” (the Kính gửi addressees), “Như Điều 3”, “Như Mục V” (every agency given
a task there). The issuing body itself needs no copy, nor does any of the bodies that issue a
document jointly (liên tịch: two signatures, the issuer's name joining the bodies with “ - ”).
Party bodies and mass organisations are not covered by “Sở, ngành” lines; a generic tail
(“… và các cơ quan, tổ chức, cá nhân có liên quan”) names no one to add.

## Bad
```yaml
- agency: Sở Tư pháp
  content: [Thẩm định dự thảo.]
recipients: [Công an tỉnh]
```

## Good
```yaml
recipients: [Công an tỉnh, Sở Tư pháp]
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from vanban.decree.doctypes import BIEN_BAN
from vanban.decree.numbering import parse_label
from vanban.i18n import _
from vanban.plan.model import Plan
from vanban.problems import Severity
from vanban.rules._agencies import covered
from vanban.rules._base import Finding, Rule, RuleContext


#: A recipient line that points elsewhere: “Như trên”, “Như Điều 3”, “Như Mục V”.
_REFERENCE = re.compile(r"^Như\s+(?:(?P<above>trên)|(?:Điều|điều)\s+(?P<article>\d+)|"
                        r"(?:Mục|mục|Phần|phần)\s+(?P<section>[IVXLC]+))\b")
#: How the name of a document issued jointly joins its bodies: “SỞ TƯ PHÁP - SỞ NỘI VỤ”.
_JOINED = re.compile(r"\s+-\s+")


def _references(plan: Plan) -> tuple[list[str], set[int]]:
    """Recipient names, the Kính gửi addressees “Như trên” stands for, and the sections
    (0-based) a “Như Điều 3” or “Như Mục V” line covers."""
    names: list[str] = []
    sections: set[int] = set()
    for recipient in plan.recipients:
        m = _REFERENCE.match(recipient.name)
        if m is None:
            names.append(recipient.name)
        elif m["above"]:
            names += plan.addressed()
        else:
            label = parse_label(f"Điều {m['article']}." if m["article"] else f"{m['section']}.")
            if label.value:
                sections.add(label.value - 1)
            if m["article"] and label.value and label.value <= len(plan.sections):
                # a decision's “Như Điều 3” sends it to every body that article names
                article = plan.sections[label.value - 1]
                names += [node.heading for node in article.walk()]
    return names, sections


def _issuers(plan: Plan) -> list[str]:
    """The bodies that carry out their own tasks without receiving their own document: the
    issuer, and each body of a document issued jointly (a second signature beside the
    first, which in a Biên bản is its thư ký's)."""
    name = " ".join(plan.issuer.name)
    joint = plan.cosigner is not None and plan.doctype.layout != BIEN_BAN
    return [name, *(_JOINED.split(name) if joint else []), *filter(None, [plan.issuer.in_text])]


def check(ctx: RuleContext) -> Iterator[Finding]:
    plan = ctx.plan
    assert plan is not None
    recipients, sections = _references(plan)
    recipients += _issuers(plan)
    covered_nodes = {id(n) for i in sections if i < len(plan.sections)
                     for n in plan.sections[i].walk()}
    reported: set[str] = set()
    for node in plan.nodes():
        if id(node) in covered_nodes:
            continue
        for key, agencies in (("agency", [node.agency] if node.agency else []),
                              ("lead", list(node.lead)), ("support", list(node.support))):
            for agency in agencies:
                if agency in reported or covered(agency, recipients):
                    continue
                reported.add(agency)
                yield ctx.finding(node.marks.get(key, node.mark), _(
                    "“{agency}” is given a task but does not receive the plan; add it to Nơi "
                    "nhận (or a group line that includes it)"), agency=agency)


RULE = Rule("VB402", "agencies-receive-plan", Severity.WARNING, __doc__, check)
