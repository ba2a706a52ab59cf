"""The plan has the sections its document type needs, recognised by meaning.

## Why
A Kế hoạch says why (mục đích, yêu cầu), what (nội dung, nhiệm vụ) and who does it and how
(tổ chức thực hiện); without one of them it cannot be carried out or checked. Sections are
recognised by their meaning, not their exact wording: “NHIỆM VỤ, GIẢI PHÁP”, “NỘI DUNG THỰC
HIỆN” and “CÔNG TÁC TRỌNG TÂM” all count as contents.

## Bad
```yaml
sections:
  - title: Mục đích, yêu cầu
  - title: Nội dung
```

## Good
```yaml
sections:
  - title: Mục đích, yêu cầu
  - title: Nội dung
  - title: Tổ chức thực hiện
```

## Options
- `required` (default: the type's required parts — for a Kế hoạch `purpose`, `contents`,
  `organisation`): the parts an agency's profile demands; add `funding` to require a
  Kinh phí section (it may also be an item inside Tổ chức thực hiện).
"""

from __future__ import annotations

from collections.abc import Iterator

from vanban.decree.doctypes import PLAN_PARTS
from vanban.i18n import _
from vanban.plan.model import Plan
from vanban.plan.spec import Choice, ListOf
from vanban.problems import Severity
from vanban.rules._base import Finding, Option, Rule, RuleContext

PART_KEYS = tuple(p.key for p in PLAN_PARTS)


def found_parts(plan: Plan) -> dict[str, int]:
    """Part key → index of the first section that has it (funding may be an item too)."""
    out: dict[str, int] = {}
    for index, section in enumerate(plan.sections):
        for part in plan.doctype.parts:
            if part.key not in out and part.matches(section.heading):
                out[part.key] = index
    funding = next((p for p in plan.doctype.parts if p.key == "funding"), None)
    if funding and "funding" not in out:
        for node in plan.nodes():
            if node.title and funding.matches(node.title):
                out["funding"] = -1  # present, inside another section
                break
    return out


def check(ctx: RuleContext) -> Iterator[Finding]:
    plan = ctx.plan
    assert plan is not None
    parts = {p.key: p for p in plan.doctype.parts}
    required = ctx.options["required"]
    if required is None:
        required = [p.key for p in plan.doctype.parts if p.required]
    found = found_parts(plan)
    if not plan.sections and any(key in parts for key in required):
        # one finding for a body without sections, not one per part it lacks
        yield ctx.finding(plan.marks.get("sections", plan.mark), _(
            "the {type} has no sections; it needs {parts}"), type=plan.doctype.name,
            parts=", ".join(f"“{parts[k].name.upper()}”" for k in required if k in parts))
        return
    for key in required:
        if key in parts and key not in found:
            yield ctx.finding(plan.marks.get("sections", plan.mark), _(
                "no section says {part}; add one (e.g. “{example}”) or name an existing "
                "section so its meaning is clear"), part=parts[key].name,
                example=parts[key].name.upper())


RULE = Rule(
    "VB101", "required-sections", Severity.ERROR, __doc__, check,
    options={"required": Option(None, ListOf(Choice(PART_KEYS)), _(
        "parts the plan must have: purpose, contents, funding, organisation"))},
)
