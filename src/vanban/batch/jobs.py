"""What a batch will write: one :class:`Job` per document, named, numbered and fingerprinted.

Planning happens before anything is rendered, so a rerun can tell which documents are
already up to date, and formal copies get their numbers in one locked step.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from vanban._version import __version__
from vanban.batch.copier import Copier
from vanban.batch.extracts import Extractor, Selection
from vanban.batch.formal import CopyBlock
from vanban.batch.kinds import CopyKind
from vanban.batch.naming import Namer, plan_stem
from vanban.batch.props import CopyFields
from vanban.batch.series import Issued, Request, Series
from vanban.plan.model import Plan
from vanban.renderer.house import house_for
from vanban.text.vnformat import PlanDate, dateline, short_date

BATCH_FORMAT = 1  # bump when the bytes of a copy change for the same inputs


@dataclass
class Job:
    """One document to write."""

    plan: int                         # index of the plan in the batch
    kind: CopyKind
    file: str                         # .docx name in the output directory
    agency: str                       # whose copy ("" for a whole-document formal copy)
    copy_number: str                  # "3" (of the plan's copies) or "01/SY-VP"
    fields: CopyFields
    custom: dict[str, str]
    inputs: str = ""                  # fingerprint of everything the bytes depend on
    derived: Plan | None = None       # extracts and trích sao: the plan they show
    block: CopyBlock | None = None    # formal copies: the copy block
    region: tuple[tuple[int, ...], str] | None = None  # set when the fast path applies


@dataclass
class PlanInput:
    path: str
    plan: Plan
    digest: str                       # sha256 of the plan file


@dataclass
class FormalOptions:
    copier: Copier
    date: _dt.date
    explicit_date: bool
    series: Path
    reissue: bool = False


@dataclass
class _Spec:
    plan: int
    kind: CopyKind
    agency: str = ""
    derived: Plan | None = None
    ordinal: int = 0
    total: int = 0
    request: Request | None = None
    issued: Issued | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _status(plan: Plan, kind: CopyKind) -> str:
    return f"{plan.draft.label}; {kind.label}" if plan.draft else kind.label


def _identity(plan: Plan) -> str:
    return "|".join((plan.reference, plan.date.iso() if plan.date else "", plan.title))


def _key(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]


def specs_for(index: int, plan: Plan, kinds: Sequence[CopyKind], audience: Sequence[str],
              common: Selection, parts: Selection | None,
              formal: FormalOptions | None) -> list[_Spec]:
    out: list[_Spec] = []
    agencies = plan.agencies()
    extractor = Extractor(plan) if any(not k.whole_document for k in kinds) else None
    for kind in kinds:
        if kind is CopyKind.COPY:
            out += [_Spec(index, kind, name, ordinal=i, total=len(audience))
                    for i, name in enumerate(audience, start=1)]
        elif kind is CopyKind.EXTRACT:
            assert extractor is not None
            derived = [(a, extractor.extract(a, common)) for a in agencies]
            derived = [(a, d) for a, d in derived if d is not None]
            out += [_Spec(index, kind, a, d, i, len(derived), extra={"common": repr(common)})
                    for i, (a, d) in enumerate(derived, start=1)]
        elif kind is CopyKind.TRICH_SAO and parts is not None:
            assert extractor is not None
            d = extractor.parts(parts)
            if d is not None:
                out.append(_Spec(index, kind, "", d, 1, 1, extra={"parts": repr(parts)}))
        elif kind is CopyKind.TRICH_SAO:
            assert extractor is not None
            derived = [(a, extractor.extract(a, common, intro=False)) for a in agencies]
            derived = [(a, d) for a, d in derived if d is not None]
            out += [_Spec(index, kind, a, d, i, len(derived), extra={"common": repr(common)})
                    for i, (a, d) in enumerate(derived, start=1)]
        else:
            out.append(_Spec(index, kind, "", None, 1, 1))
    if formal is not None:
        for spec in out:
            if spec.kind.formal:
                spec.request = Request(
                    key=_key(_identity(plan), spec.kind.code, spec.agency,
                             spec.extra.get("parts", ""), formal.copier.body.abbreviation),
                    code=spec.kind.code, date=formal.date, document=plan.reference,
                    audience=spec.agency, explicit_date=formal.explicit_date)
    return out


def issue_numbers(specs: Sequence[_Spec], formal: FormalOptions | None) -> None:
    """Give every formal copy its number (one locked step for the whole batch)."""
    wanted = [s for s in specs if s.request is not None]
    if not wanted or formal is None:
        return
    series = Series(formal.series, formal.copier.body.abbreviation)
    for spec, issued in zip(wanted, series.issue([s.request for s in wanted],
                                                 reissue=formal.reissue)):
        spec.issued = issued


def _block(spec: _Spec, formal: FormalOptions) -> CopyBlock:
    copier = formal.copier
    issued = spec.issued
    assert issued is not None
    recipients = ([spec.agency] if spec.agency else []) + [
        r for r in copier.recipients if r != spec.agency]
    return CopyBlock(
        form=spec.kind.form,
        body=tuple(line.upper() for line in copier.body.name),
        superior=tuple(line.upper() for line in copier.body.superior),
        number_line=f"Số: {issued.symbol(copier.body.abbreviation)}",
        dateline=dateline(copier.place, PlanDate.of(issued.day)),
        signature=tuple(line.upper() for line in copier.signature.lines),
        other_title=tuple(line.upper() for line in copier.signature.other_title),
        signer=copier.signature.name,
        recipients=tuple(f"- {r};" for r in recipients) + ("- Lưu: VT.",),
    )


def _fingerprint(job: Job, plan_digest: str, template_digest: str, extra: dict[str, Any]) -> str:
    data = {"format": BATCH_FORMAT, "vanban": __version__, "plan": plan_digest,
            "template": template_digest, "kind": job.kind.value, "file": job.file,
            "agency": job.agency, "copy_number": job.copy_number, "fields": vars(job.fields),
            "custom": job.custom, "block": asdict(job.block) if job.block else None, **extra}
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def finish_jobs(inputs: Sequence[PlanInput], specs: Sequence[_Spec], formal: FormalOptions | None,
                template_digest: str) -> list[Job]:
    """Name each document (in batch order) and describe it in its properties."""
    plan_names = Namer()
    stems = [plan_names.claim(plan_stem(i.path)) for i in inputs]
    names = Namer()
    jobs = []
    houses: dict[int, dict[str, Any]] = {}  # each plan's house style, looked up once
    for spec in specs:
        plan = inputs[spec.plan].plan
        stem = stems[spec.plan]
        custom = {"kind": spec.kind.value, "source": plan.reference}
        block = None
        if spec.kind is CopyKind.COPY:
            file = names.claim(stem, spec.agency)
            number = str(spec.ordinal)
            description = f"Bản gửi {spec.agency} (bản {spec.ordinal}/{spec.total})"
            custom.update(recipient=spec.agency, copy=f"{spec.ordinal}/{spec.total}")
            identifier = None
        elif spec.kind is CopyKind.EXTRACT:
            file = names.claim(stem, "trich", spec.agency)
            number = str(spec.ordinal)
            description = f"Bản trích các nội dung liên quan đến {spec.agency}"
            custom.update(recipient=spec.agency, copy=f"{spec.ordinal}/{spec.total}")
            identifier = None
        else:
            assert formal is not None and spec.issued is not None
            body = formal.copier.body
            number = identifier = spec.issued.symbol(body.abbreviation)
            file = names.claim(stem, f"{spec.kind.value}-{number}", spec.agency)
            block = _block(spec, formal)
            description = (f"{spec.kind.label} số {number} ngày {short_date(PlanDate.of(spec.issued.day))}"
                           f" của {' '.join(body.name)}")
            if spec.agency:
                description += f", gửi {spec.agency}"
            custom.update(recipient=spec.agency, copy_number=number,
                          copy_date=spec.issued.date, copying_body=body.abbreviation)
        fields = CopyFields(description=description, status=_status(plan, spec.kind),
                            audience=spec.agency, identifier=identifier)
        job = Job(spec.plan, spec.kind, file + ".docx", spec.agency, number, fields, custom,
                  derived=spec.derived, block=block)
        if spec.plan not in houses:  # a changed .vanban.yaml renders anew
            houses[spec.plan] = house_for(plan.path).settings()
        house = houses[spec.plan]
        job.inputs = _fingerprint(job, inputs[spec.plan].digest, template_digest,
                                  {**spec.extra, "house": house})
        jobs.append(job)
    return jobs
