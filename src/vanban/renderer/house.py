"""House style: the agency's own look wins over vanban's defaults, the plan over both.

Each page and body setting (margins, body size, first-line indent, paragraph spacing, line
spacing) comes from the first of: the plan's ``layout:``, the ``layout:`` of the project's
``.vanban.yaml``, the template's own page setup and ``VB Body`` style, vanban's default. The
default template's own values are vanban's defaults, so only another template changes
anything. A house template may also print fields of its own (a logo's caption, a phone
line): ``fields:`` in ``.vanban.yaml`` supplies them.
"""

from __future__ import annotations

import dataclasses
import io
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from vanban.plan.model import Layout

#: The settings a layout holds (its ``marks`` say which a plan or a configuration gave).
LAYOUT_KEYS = tuple(f.name for f in dataclasses.fields(Layout) if f.name != "marks")


@dataclasses.dataclass(frozen=True)
class House:
    """What a project's configuration adds to its plans when they are rendered."""

    layout: Layout | None = None
    fields: dict[str, str] = dataclasses.field(default_factory=dict)

    def settings(self) -> dict[str, Any]:
        """What the house gives, as plain data (a batch's fingerprint of its inputs)."""
        layout = {} if self.layout is None else {
            key: getattr(self.layout, key) for key in LAYOUT_KEYS if key in self.layout.marks}
        return {"layout": layout, "fields": dict(self.fields)}


def house_for(plan_path: str | Path) -> House:
    """The house style of the project ``plan_path`` is in: its ``.vanban.yaml``'s ``layout``
    and ``fields`` (none when there is no configuration)."""
    from vanban.configfile import find_config_file

    if find_config_file(Path(plan_path).resolve().parent) is None:
        return House()
    from vanban.check.config import config_for  # the checker's reader, positions and all

    config = config_for(Path(plan_path))
    return House(config.layout, dict(config.fields))


@lru_cache(maxsize=16)
def _template_values(path: str, mtime_ns: int, size: int) -> dict[str, float]:
    import docx

    doc = docx.Document(io.BytesIO(Path(path).read_bytes()))
    section = doc.sections[0]
    out: dict[str, float] = {}
    for key, length in (("margin_top", section.top_margin),
                        ("margin_bottom", section.bottom_margin),
                        ("margin_left", section.left_margin),
                        ("margin_right", section.right_margin)):
        if length is not None:
            out[key] = round(length.mm, 1)
    try:
        body = doc.styles["VB Body"]
    except KeyError:
        return out
    font, pf = body.font, body.paragraph_format
    if font.size is not None:
        out["body_size"] = round(font.size.pt, 1)
    if pf.first_line_indent is not None:
        out["first_line_indent"] = round(pf.first_line_indent.cm, 2)
    if pf.space_after is not None:
        out["paragraph_spacing"] = round(pf.space_after.pt, 1)
    if isinstance(pf.line_spacing, float):
        out["line_spacing"] = round(pf.line_spacing, 2)
    return out


def template_values(path: Path) -> dict[str, float]:
    """The settings ``path`` makes itself: its first section's margins and its ``VB Body``
    style (a setting it leaves to Word's defaults is not one)."""
    try:
        stat = path.stat()
        return _template_values(str(path), stat.st_mtime_ns, stat.st_size)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        return {}  # not a template: loading it says why, with its path


def resolve_layout(plan: Layout, house: Layout | None,
                   template: dict[str, float] | None = None) -> Layout:
    """Each setting from the plan if it gives it, else the house's, else the template's,
    else the default (see the module's note)."""
    values: dict[str, Any] = {}
    for key in LAYOUT_KEYS:
        if key in plan.marks:
            values[key] = getattr(plan, key)
        elif house is not None and key in house.marks:
            values[key] = getattr(house, key)
        elif template and key in template:
            values[key] = template[key]
        else:
            values[key] = getattr(plan, key)
    return Layout(**values, marks=plan.marks)
