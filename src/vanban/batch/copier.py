"""The copy details file: who makes formal copies, who signs them, where the series lives.

A small YAML file read with the same position-aware loader and schema DSL as plans, so a
mistake is reported as ``sao.yaml:7:3: lỗi: …`` with the line and a caret::

    body:                         # cơ quan, tổ chức sao văn bản (ô 2 of Mẫu 3.1)
      superior: UBND TỈNH LAI CHÂU
      name: VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH
      abbreviation: VP            # → Số: 01/SY-VP
    place: Lai Châu
    signature: {authority: TL., titles: [CHỦ TỊCH, CHÁNH VĂN PHÒNG], name: Nguyễn Văn B}
    recipients: [Sở Tư pháp]      # "- Lưu: VT." is added
    series: so-ban-sao.json       # relative to this file; default: beside the output
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vanban.errors import UsageError, os_reason
from vanban.i18n import _, translate
from vanban.plan.model import Signature
from vanban.plan.schema import ABBREVIATION, SIGNATURE
from vanban.plan.source import Source, read_source
from vanban.plan.spec import INVALID, Choice, Context, Date, Field, Lines, ListOf, Obj, Text
from vanban.problems import Mark, Problem, has_errors
from vanban.text.vnformat import PlanDate


@dataclass(frozen=True)
class CopyingBody:
    name: tuple[str, ...]
    abbreviation: str
    superior: tuple[str, ...] = ()


@dataclass(frozen=True)
class Copier:
    """Everything the copy block prints that is not about the copied document."""

    path: str
    body: CopyingBody
    place: str
    signature: Signature
    recipients: tuple[str, ...] = ()
    date: PlanDate | None = None
    series: Path | None = None
    marks: dict[str, Mark] = field(default_factory=dict, compare=False, hash=False)


BODY = Obj(_("copying body"), _("The body that makes the copies (cơ quan, tổ chức sao văn bản)"), [
    Field("superior", Lines(), _("Its direct superior, upper case (optional)")),
    Field("name", Lines(), _(
        "Full name of the copying body, upper case; a list gives one entry per line"),
        required=True),
    Field("abbreviation", ABBREVIATION, _(
        "Abbreviation used in the copy's symbol (“VP” gives “Số: 01/SY-VP”)"), required=True),
], lambda v, m, mark, ctx: CopyingBody(v["name"], v["abbreviation"], v.get("superior", ())))


def _build(v: dict[str, Any], marks: dict[str, Mark], mark: Mark, ctx: Context) -> Any:
    series = None
    if v.get("series"):
        series = Path(v["series"])
        if not series.is_absolute():
            series = Path(ctx.path).parent / series
    return Copier(path=ctx.path, body=v["body"], place=v["place"], signature=v["signature"],
                  recipients=tuple(v.get("recipients", ())), date=v.get("date"), series=series,
                  marks=marks)


COPIER = Obj(_("the copy details"), _(
    "Who makes formal copies (SAO Y, SAO LỤC, TRÍCH SAO) and who signs them"), [
    Field("vanban", Choice(("1",)), _("Version of the file format (1)")),
    Field("body", BODY, _("The copying body (cơ quan, tổ chức sao văn bản)"), required=True),
    Field("place", Text(), _("Place name (địa danh) of the copy's dateline"), required=True),
    Field("date", Date(), _(
        "Date of the copies (YYYY-MM-DD or DD/MM/YYYY); default: the day they are made")),
    Field("signature", SIGNATURE, _("Who signs the copies: authority, titles and name"),
          required=True),
    Field("recipients", ListOf(Text()), _(
        "Recipients of the copies, one per entry; “- Lưu: VT.” is added at the end")),
    Field("series", Text(), _(
        "File that keeps the running copy number, relative to this file (default: "
        "copy-series.json in the output directory)")),
], _build)


@dataclass
class CopierResult:
    copier: Copier | None
    problems: list[Problem]
    source: Source | None


def read_copier(path: str | Path) -> CopierResult:
    """Read the copy details, collecting every problem; raises UsageError if unreadable."""
    try:
        source, problems = read_source(path)
    except OSError as exc:
        raise UsageError(_("cannot read {path}: {reason}"), path=str(path),
                         reason=os_reason(exc)) from None
    if source is None or source.root is None:
        return CopierResult(None, problems, source)
    ctx = Context(source.path)
    copier = COPIER.convert(source.root, ctx)
    problems = sorted(problems + ctx.problems, key=Problem.sort_key)
    if copier is INVALID or has_errors(problems):
        copier = None
    return CopierResult(copier, problems, source)


def copier_schema(lang: str | None = None) -> dict[str, Any]:
    """The copy details format as JSON Schema, for editors."""
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://vanban.invalid/schema/copier-1.json",
            "title": translate(_("vanban copy details"), lang), **COPIER.schema(lang)}

