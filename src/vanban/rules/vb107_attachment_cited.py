"""A decision that issues a document cites it, in an article, by the title it bears.

## Why
“Ban hành kèm theo Quyết định này Kế hoạch …” is what gives the attached document its force:
the article must name it by its type and its trích yếu exactly as the attached document
prints them. An association's charter is approved the same way: “Phê duyệt Điều lệ Hội …”. A title revised in the plan but not in Điều 1 (or the reverse) leaves two
names for one document, and a reader cannot tell which was issued.

## Bad
```yaml
sections:
  - text: Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2026.
attachment:
  type: Kế hoạch
  title: Chuyển đổi số trong cơ quan nhà nước tỉnh năm 2026
```

## Good
```yaml
sections:
  - text: Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số trong cơ quan nhà nước tỉnh năm 2026.
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from vanban.i18n import _
from vanban.plan.model import Node
from vanban.problems import Severity
from vanban.rules._base import Finding, Rule, RuleContext

#: The words that issue an attached document: “… kèm theo Quyết định này …”.
ISSUES = re.compile(r"kèm\s+theo\s+quyết\s+định\s+này", re.IGNORECASE)


def comparable(text: str) -> str:
    """Case, spacing, quotes and the end stop do not make a different title."""
    text = re.sub(r"[“”\"‘’]", "", text)
    return " ".join(text.split()).rstrip(" .;:").casefold()


def issuing_article(sections: list[Node], type_name: str) -> Node | None:
    """The article that issues or approves the attached document: “… kèm theo Quyết định
    này …”, or one that opens “Ban hành”/“Phê duyệt” + its type (“Phê duyệt Điều lệ Hội …
    đã được Đại hội thông qua”, as associations' charters are approved)."""
    opens = re.compile(rf"^(?:ban\s+hành|phê\s+duyệt)\s+{re.escape(type_name)}\b",
                       re.IGNORECASE)
    for section in sections:
        for node in section.walk():
            text = node.text or node.title or ""
            if ISSUES.search(text) or opens.match(text.strip()):
                return node
    return None


def check(ctx: RuleContext) -> Iterator[Finding]:
    plan = ctx.plan
    assert plan is not None
    attachment = plan.attachment
    if attachment is None:
        return
    name = f"{attachment.type_name} {attachment.title}"
    article = issuing_article(plan.sections, attachment.type_name)
    if article is None:
        yield ctx.finding(attachment.marks.get("title", attachment.mark), _(
            "no article issues the attached {type}: say it in Điều 1 (“Ban hành kèm theo "
            "Quyết định này {name}.”)"), type=attachment.type_name, name=name)
        return
    text = article.text or article.title or ""
    if comparable(name) not in comparable(text):
        key = "text" if article.text else "title"
        yield ctx.finding(article.marks.get(key, article.mark), _(
            "this article does not cite the attached document as it is titled: “{name}”; "
            "cite the same type and trích yếu in both places"), name=name)


RULE = Rule("VB107", "attachment-cited", Severity.ERROR, __doc__, check)
