"""Generate docs/rules.md and docs/rules.vi.md from the rule registry (the docstrings are the
documentation; the Vietnamese page translates them through the message catalog).

    python scripts/gen_rule_docs.py           # rewrite docs/rules.md and docs/rules.vi.md
    python scripts/gen_rule_docs.py --check   # exit 1 if either is stale
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vanban.check.formats import severity_word  # noqa: E402
from vanban.i18n import translate  # noqa: E402
from vanban.rules import all_rules  # noqa: E402
from vanban.rules.docs import sections  # noqa: E402

TARGETS = {"en": ROOT / "docs" / "rules.md", "vi": ROOT / "docs" / "rules.vi.md"}
#: The families of rules, by the start of their codes, with their titles in each language.
GROUPS = [
    ("VB0", "Reading the plan", "Đọc kế hoạch"),
    ("VB1", "Structure", "Bố cục"),
    ("VB2", "Numbering", "Số thứ tự"),
    ("VB3", "Header and signature", "Phần đầu văn bản và phần ký"),
    ("VB4", "Recipients and assignments", "Nơi nhận và phân công nhiệm vụ"),
    ("VB5", "Dates and deadlines", "Ngày tháng và thời hạn"),
    ("VB6", "Vietnamese text hygiene", "Chữ viết tiếng Việt"),
    ("VB7", "Across a folder of plans", "Đối chiếu nhiều kế hoạch trong một thư mục"),
    ("VB8", "Layout of a Word document", "Trình bày văn bản Word"),
]
#: The words of the page that do not come from the rules, in each language.
WORDS = {
    "en": {
        "intro": """\
# Rules of `vanban check`

Generated from the rule modules by `scripts/gen_rule_docs.py`; do not edit by hand.
Each rule has a stable code, a name (both work in configuration and in
`# vanban: disable=` comments) and a default level. Rules marked *fixable* are repaired by
`vanban check --fix`. Messages are shown in Vietnamese by default (`--lang en` for English).

Tiếng Việt: [rules.vi.md](rules.vi.md).""",
        "columns": "| code | name | level | fixable | summary |",
        "yes": "yes", "fixable": "fixable",
        "scope": {"folder": "across plans", "document": "documents as written",
                  "docx": ".docx layout"},
    },
    "vi": {
        "intro": """\
# Các quy tắc của `vanban check`

Tạo tự động từ các mô-đun quy tắc bằng `scripts/gen_rule_docs.py`; không sửa trực tiếp tệp này.
Mỗi quy tắc có một mã cố định, một tên (cả hai đều dùng được trong tệp cấu hình và trong chú thích
`# vanban: disable=`) và một mức mặc định. Các quy tắc có ghi *sửa tự động* thì `vanban check --fix`
sửa được. Thông báo hiển thị bằng tiếng Việt theo mặc định (`--lang en` để xem bằng tiếng Anh).

English: [rules.md](rules.md).""",
        "columns": "| mã | tên | mức | sửa tự động | tóm tắt |",
        "yes": "có", "fixable": "sửa tự động",
        "scope": {"folder": "đối chiếu nhiều kế hoạch", "document": "văn bản nguyên trạng",
                  "docx": "trình bày tệp .docx"},
    },
}


def render(lang: str = "en") -> str:
    rules = all_rules()
    words = WORDS[lang]
    out = [*words["intro"].splitlines(), "", words["columns"], "| --- | --- | --- | --- | --- |"]
    for rule in rules:
        out.append(f"| [{rule.code}](#{rule.code.lower()}) | `{rule.name}` | "
                   f"{severity_word(rule.severity, lang)} | "
                   f"{words['yes'] if rule.fixable else ''} | {translate(rule.summary, lang)} |")
    for prefix, *titles in GROUPS:
        members = [r for r in rules if r.code.startswith(prefix)]
        if not members:
            continue
        out += ["", f"## {titles[list(WORDS).index(lang)]}"]
        for rule in members:
            tags = [f"`{rule.name}`", severity_word(rule.severity, lang)]
            tags += [words["fixable"]] if rule.fixable else []
            tags += [words["scope"][rule.scope]] if rule.scope in words["scope"] else []
            summary = f"**{translate(rule.summary, lang)}**"
            if lang == "en":  # the English page shows the message readers will see
                summary += f" — *{translate(rule.summary, 'vi')}*"
            out += ["", f"### {rule.code}", "", " · ".join(tags), "", summary]
            for heading, body in sections(rule, lang).items():
                out += ["", f"#### {heading}", "", body.strip()]
    return "\n".join(out) + "\n"


def main() -> int:
    stale = []
    for lang, target in TARGETS.items():
        text = render(lang)
        name = target.relative_to(ROOT)
        if "--check" in sys.argv:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                stale.append(name)
            continue
        target.parent.mkdir(exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(f"wrote {name}")
    for name in stale:
        print(f"{name} is stale: run python scripts/gen_rule_docs.py")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
