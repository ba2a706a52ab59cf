"""Generate docs/rules.md from the rule registry (the docstrings are the documentation).

    python scripts/gen_rule_docs.py           # rewrite docs/rules.md
    python scripts/gen_rule_docs.py --check   # exit 1 if docs/rules.md is stale
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vanban.i18n import translate  # noqa: E402
from vanban.rules import all_rules  # noqa: E402

TARGET = ROOT / "docs" / "rules.md"
GROUPS = [("VB0", "Reading the plan"), ("VB1", "Structure"), ("VB2", "Numbering"),
          ("VB3", "Header and signature"), ("VB4", "Recipients and assignments"),
          ("VB5", "Dates and deadlines"), ("VB6", "Vietnamese text hygiene"),
          ("VB7", "Across a folder of plans"), ("VB8", "Layout of a Word document")]


def render() -> str:
    rules = all_rules()
    out = [
        "# Rules of `vanban check`",
        "",
        "Generated from the rule modules by `scripts/gen_rule_docs.py`; do not edit by hand.",
        "Each rule has a stable code, a name (both work in configuration and in",
        "`# vanban: disable=` comments) and a default level. Rules marked *fixable* are repaired by",
        "`vanban check --fix`. Messages are shown in Vietnamese by default (`--lang en` for English).",
        "",
        "| code | name | level | fixable | summary |",
        "| --- | --- | --- | --- | --- |",
    ]
    for rule in rules:
        out.append(f"| [{rule.code}](#{rule.code.lower()}) | `{rule.name}` | {rule.severity} | "
                   f"{'yes' if rule.fixable else ''} | {rule.summary} |")
    for prefix, title in GROUPS:
        members = [r for r in rules if r.code.startswith(prefix)]
        if not members:
            continue
        out += ["", f"## {title}"]
        for rule in members:
            out += ["", f"### {rule.code}", "",
                    f"`{rule.name}` · {rule.severity}" + (" · fixable" if rule.fixable else "")
                    + {"folder": " · across plans", "document": " · documents as written",
                       "docx": " · .docx layout"}.get(rule.scope, ""), "",
                    f"**{rule.summary}** — *{translate(rule.summary, 'vi')}*"]
            for heading, body in rule.sections().items():
                out += ["", f"#### {heading}", "", body.strip()]
    return "\n".join(out) + "\n"


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print("docs/rules.md is stale: run python scripts/gen_rule_docs.py")
            return 1
        return 0
    TARGET.parent.mkdir(exist_ok=True)
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
