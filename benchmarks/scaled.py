"""Plans k times the size of the bundled 277 plan, and a revised version of each.

The k copies of the plan's sections follow one another, each copy's section titles carrying
its number so that no two sections read the same; the revision edits every copy the way a
drafting round does (a word changed, an item removed, two items swapped, now and then a
section inserted), so a diff of the pair has work proportional to the plan's size.
"""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "plans" / "277-KH-BCD-2023.yaml"


def _scaled_sections(sections: list[dict], k: int) -> list[dict]:
    out = []
    for n in range(k):
        for section in sections:
            section = copy.deepcopy(section)
            if n:
                section["title"] = f"{section['title'].rstrip(':')} (phần {n + 1})"
            out.append(section)
    return out


def _items(section: dict) -> list:
    return section.setdefault("content", [])


def _text_of(item) -> str | None:
    return item.get("text") if isinstance(item, dict) else None


def _revise(sections: list[dict], per_copy: int) -> list[dict]:
    sections = copy.deepcopy(sections)
    out: list[dict] = []
    for s, section in enumerate(sections):
        n, part = divmod(s, per_copy)
        items = _items(section)
        if part == 0 and items and _text_of(items[0]):
            items[0]["text"] = items[0]["text"].replace("Thông qua", "Qua", 1) \
                .replace("Tiếp tục", "Tiếp tục kiên trì", 1)
        if part == 1 and n % 2 == 0 and len(items) > 2:
            del items[-1]
        if part == 2 and n % 3 == 1 and len(items) > 2:
            items[0], items[1] = items[1], items[0]
        out.append(section)
        if part == per_copy - 1 and n % 5 == 4:
            out.append({"title": f"Nhiệm vụ bổ sung đợt {n + 1}",
                        "content": [{"text": "Rà soát, đánh giá kết quả thực hiện các nhiệm vụ "
                                     "nêu trên và báo cáo Ban Chỉ đạo."}]})
    return out


def scaled_pair(k: int, folder: Path) -> tuple[Path, Path]:
    """``old.yaml`` (k × the 277 plan) and ``new.yaml`` (its revision) in ``folder``."""
    plan = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    sections = plan["sections"]
    old = dict(plan, sections=_scaled_sections(sections, k))
    new = dict(old, sections=_revise(old["sections"], len(sections)))
    paths = folder / f"old-{k}.yaml", folder / f"new-{k}.yaml"
    for path, data in zip(paths, (old, new)):
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6),
                        encoding="utf-8")
    return paths
