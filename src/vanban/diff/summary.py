"""The changes between two plans for people (text) and programs (JSON): pure functions.

The text is meant to be pasted into a review comment: one line per change, the kind of
change, where it is (the numbering path such as ``II.3.b``, or the header field), and the
words, with ``[-removed-]`` and ``{+added+}`` marking a rewording.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from vanban.diff.blocks import APPENDIX, ATTACHMENT, COLUMN, ROW, SCOPE_SEPARATOR, TABLE
from vanban.diff.changes import Change, ChangeKind, PlanDiff
from vanban.diff.units import Unit
from vanban.diff.words import inline
from vanban.i18n import _, translate
from vanban.plan.model import Plan

KIND_WORDS = {
    ChangeKind.ADDED: _("added"),
    ChangeKind.REMOVED: _("removed"),
    ChangeKind.REWORDED: _("reworded"),
    ChangeKind.MOVED: _("moved"),
    ChangeKind.RENUMBERED: _("renumbered"),
    ChangeKind.REFORMATTED: _("reformatted"),
}
PART_NAMES = {
    "draft": _("draft marker"),
    "superior": _("superior body, line {n}"),
    "issuer": _("issuing body, line {n}"),
    "number": _("number and symbol"),
    "stamp": _("urgency, secrecy or circulation mark"),
    "subject": _("subject line (V/v)"),
    "authority": _("issuing authority line"),
    "addressee": _("addressee {n}"),
    "addressee_label": _("the words “Kính gửi:”"),
    "decides": _("the “QUYẾT ĐỊNH:” line"),
    "note": _("note {n}"),
    "circulation": _("circulation instruction"),
    "dateline": _("place and date"),
    "doctype": _("document type"),
    "title": _("subject line"),
    "basis": _("legal basis {n}"),
    "recipient": _("recipient {n}"),
    "archive": _("archive line"),
    "drafter": _("drafter and copies"),
    "signature": _("signature title, line {n}"),
    "other_title": _("signer's other title, line {n}"),
    "signer": _("signer"),
    "layout": _("layout setting {name}"),
}
ROLE_NAMES = {
    "paragraph": _("{path}, paragraph {n}"),
    "opening": _("opening paragraph {n}"),
    "closing": _("closing paragraph {n}"),
    "lead": _("{path}, lead agency"),
    "support": _("{path}, supporting agencies"),
    "deadline": _("{path}, deadline"),
    "timeframe": _("{path}, timeframe"),
    "product": _("{path}, product"),
}
#: What the parts after the document are called in a change's place (``{scope}`` is
#: ``Phụ lục I`` or the attached document's type name).
PART_ROLES = {
    "label": _("{scope}"),
    "title": _("{scope}, title"),
    "reference": _("{scope}, the “(Kèm theo …)” line"),
    "doctype": _("{scope}, type name"),
}
#: Table units: where in the table.
ROW_NAME = _("row {n}")
COLUMN_NAME = _("column {name}")
TABLE_NAME = _("table {n}")
TABLE_WORD = _("table")
HEADER_NAME = _("header of column {n}")
GROUP_HEADER_NAME = _("group header {name}")
CAPTION_NAME = _("caption")
ROWS_NAME = _("rows {old} → {new}")
ROW_RENUMBERED = _("row {old} → {new}")
TABLE_ROLES = frozenset({"caption", "table", "header", "group-header", "cell", "group", "rows"})
EMPHASIS = {"": _("plain"), "b": _("bold"), "i": _("italic"), "bi": _("bold italic")}
#: Lines of an added or removed block shown under its first one.
MAX_LINES = 8


def version_label(plan: Plan, lang: str | None = None) -> str:
    """How a version is named: its ``version``, else its draft round, else its file."""
    if plan.version:
        if not any(ch.isalpha() for ch in plan.version):  # "2" → "version 2"
            return translate(_("version {version}"), lang).format(version=plan.version)
        return plan.version
    if plan.draft:
        return plan.draft.label
    return Path(plan.path).name


def document_name(plan: Plan) -> str:
    """``Kế hoạch 45/KH-UBND``; a draft without its number yet: ``Kế hoạch …/KH-STP``."""
    reference = plan.reference if plan.number is not None else f"…/{plan.symbol_text}"
    return f"{plan.doctype.name} {reference}"


def kind_word(kind: ChangeKind, lang: str | None = None) -> str:
    return translate(KIND_WORDS[kind], lang)


def _table_place(change: Change, unit: Unit, lang: str | None) -> str:
    """``Phụ lục I › row 3 › Thời gian hoàn thành``: where a table unit is."""
    segments = [x for x in (unit.scope, unit.path) if x]
    table = (translate(TABLE_NAME, lang).format(n=unit.table) if unit.table
             else translate(TABLE_WORD, lang))
    role = unit.role
    if role in ("caption", "table"):
        segments.append(table)
        if change.block != TABLE:
            segments.append(translate(CAPTION_NAME, lang))
        return SCOPE_SEPARATOR.join(segments)
    if unit.table:
        segments.append(table)
    if change.block == COLUMN:
        segments.append(translate(COLUMN_NAME, lang).format(name=unit.column))
    elif role == "header":
        segments.append(translate(HEADER_NAME, lang).format(n=unit.ordinal))
    elif role == "group-header":
        segments.append(translate(GROUP_HEADER_NAME, lang).format(name=unit.column))
    elif role == "group":
        segments.append(unit.row)
    elif change.role == "rows":
        name = ROWS_NAME if change.ordinal > 1 else ROW_RENUMBERED
        segments.append(translate(name, lang).format(old=change.old, new=change.new))
    else:
        segments.append(translate(ROW_NAME, lang).format(n=unit.row))
        if change.block != ROW:
            segments.append(unit.column)
    return SCOPE_SEPARATOR.join(segments)


def _joined(old: str, new: str) -> str:
    """``a › b › c`` and ``a › d › c`` as ``a › b → d › c``; one of them if they are equal."""
    if not old or not new or old == new:
        return new or old
    a, b = old.split(SCOPE_SEPARATOR), new.split(SCOPE_SEPARATOR)
    head = 0
    while head < min(len(a), len(b)) - 1 and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head - 1 and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    middle = (f"{SCOPE_SEPARATOR.join(a[head:len(a) - tail])} → "
              f"{SCOPE_SEPARATOR.join(b[head:len(b) - tail])}")
    return SCOPE_SEPARATOR.join([*a[:head], middle, *a[len(a) - tail:]])


def _sides(change: Change, place) -> str:
    units = [u for u in (change.old_unit, change.new_unit) if u is not None]
    if not units:
        return ""
    if change.old_unit is None or change.new_unit is None:
        return place(units[0])
    return _joined(place(change.old_unit), place(change.new_unit))


def where(change: Change, lang: str | None = None) -> str:
    """Where a change is: ``II.3.b``, ``II.3 → III.1``, ``recipient 4``, ``place and date``,
    ``Phụ lục I › row 3 › Thời gian hoàn thành``, ``Kế hoạch › II.1, deadline``."""
    if change.part in (APPENDIX, ATTACHMENT):
        role = "label" if change.block in (APPENDIX, ATTACHMENT) else change.role
        text = translate(PART_ROLES[role], lang)
        if change.block == ATTACHMENT or role == "doctype" and change.block:
            text = translate(PART_ROLES["label"], lang)
        return _sides(change, lambda u: text.format(scope=u.scope))
    if change.part != "body":
        n = str(change.ordinal)
        if change.kind is ChangeKind.MOVED and change.old_ordinal != change.ordinal:
            n = f"{change.old_ordinal} → {change.ordinal}"
        return translate(PART_NAMES[change.part], lang).format(n=n, name=change.role)
    if change.role in TABLE_ROLES:
        return _sides(change, lambda u: _table_place(change, u, lang))
    if change.old_unit is None and change.new_unit is None:  # made by hand: paths only
        path = change.label
    else:
        path = _sides(change, lambda u: SCOPE_SEPARATOR.join(x for x in (u.scope, u.path) if x))
    if change.role in ROLE_NAMES:
        scope = ""
        if change.role in ("opening", "closing"):  # no path: the scope goes before
            unit = change.new_unit or change.old_unit
            scope = unit.scope + SCOPE_SEPARATOR if unit is not None and unit.scope else ""
        return scope + translate(ROLE_NAMES[change.role], lang).format(path=path,
                                                                       n=change.ordinal)
    return path


def describe_unit(unit: Unit, lang: str | None = None) -> str:
    """Where a printed unit is, as :func:`where` says it for a change."""
    return where(Change(ChangeKind.REWORDED, unit.part, unit.role, old_path=unit.path,
                        new_path=unit.path, ordinal=unit.ordinal, new_unit=unit), lang)


def _one_line(text: str) -> str:
    """A cell's paragraphs on one line of the summary."""
    return text.replace("\n", " / ")


def _what(change: Change, lang: str | None) -> str:
    if change.role == "rows" and change.ordinal > 1:
        return translate(_("{count} rows"), lang).format(count=change.ordinal)
    return _one_line(_what_lines(change, lang))


def _what_lines(change: Change, lang: str | None) -> str:
    if change.kind is ChangeKind.REWORDED:
        return inline(change.words)
    if change.kind is ChangeKind.REFORMATTED:
        return (f"{change.new_lines[0]} ({translate(EMPHASIS[change.old], lang)} → "
                f"{translate(EMPHASIS[change.new], lang)})")
    if change.kind is ChangeKind.RENUMBERED:
        return change.new_lines[0]
    if change.kind is ChangeKind.MOVED:
        text = change.new_lines[0] if change.part == "body" else change.new
        if change.reworded:
            text += " " + translate(_("(moved and changed)"), lang)
        return text
    return change.new or change.old


def _more(change: Change, lang: str | None) -> list[str]:
    lines = list(change.new_lines or change.old_lines)[1:]
    if change.kind not in (ChangeKind.ADDED, ChangeKind.REMOVED) or not lines:
        return []
    sign = "+" if change.kind is ChangeKind.ADDED else "-"
    out = [f"    {sign} {_one_line(line)}" for line in lines[:MAX_LINES]]
    if len(lines) > MAX_LINES:
        out.append("    " + translate(_("… and {count} more paragraph(s)"), lang).format(
            count=len(lines) - MAX_LINES))
    return out


def summary_line(diff: PlanDiff, lang: str | None = None) -> str:
    if not diff.changes:
        return translate(_("no differences"), lang)
    counts = [f"{diff.count(kind)} {kind_word(kind, lang)}" for kind in ChangeKind if diff.count(kind)]
    return translate(_("{count} change(s): {details}"), lang).format(
        count=len(diff.changes), details=", ".join(counts))


def format_text(diff: PlanDiff, lang: str | None = None) -> str:
    """A review-comment summary: a title, one line per change, then the counts."""
    head = translate(_("Changes in {reference}: {old} → {new}"), lang).format(
        reference=document_name(diff.new), old=version_label(diff.old, lang),
        new=version_label(diff.new, lang))
    lines = [head, ""]
    width = max((len(kind_word(c.kind, lang)) for c in diff.changes), default=0)
    for change in diff.changes:
        lines.append(f"{kind_word(change.kind, lang):<{width}}  {where(change, lang)}: "
                     f"{_what(change, lang)}")
        lines += _more(change, lang)
    if diff.changes:
        lines.append("")
    lines.append(summary_line(diff, lang))
    return "\n".join(lines) + "\n"


def _side(plan: Plan, lang: str | None) -> dict[str, Any]:
    return {"path": plan.path, "version": plan.version, "label": version_label(plan, lang),
            "reference": plan.reference if plan.number is not None else None,
            "symbol": plan.symbol_text, "draft": plan.draft.label if plan.draft else None}


def change_dict(change: Change, lang: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": change.kind.value, "part": change.part, "role": change.role,
        "where": where(change, lang), "old_path": change.old_path, "new_path": change.new_path,
        "ordinal": change.ordinal, "old": change.old, "new": change.new,
        "old_lines": list(change.old_lines), "new_lines": list(change.new_lines),
    }
    if change.block:
        out["block"] = change.block
    for side, unit in (("old", change.old_unit), ("new", change.new_unit)):
        if unit is not None and (unit.scope or unit.at is not None):
            out[f"{side}_place"] = {"scope": unit.scope, "path": unit.path,
                                    "table": unit.table, "row": unit.row,
                                    "column": unit.column}
    if change.kind is ChangeKind.REWORDED:
        out["words"] = [{"op": s.op, "text": s.text} for s in change.words]
    if change.kind is ChangeKind.MOVED:
        out["reworded"] = change.reworded
    return out


def format_json(diff: PlanDiff, lang: str | None = None) -> str:
    counts = {kind.value: diff.count(kind) for kind in ChangeKind}
    data = {
        "old": _side(diff.old, lang), "new": _side(diff.new, lang),
        "summary": {**counts, "total": len(diff.changes)},
        "changes": [change_dict(c, lang) for c in diff.changes],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
