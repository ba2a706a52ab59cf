"""Rendering a plan once and writing its documents from shared, precompressed parts.

:func:`prepare` runs the normal pipeline for a plan — its full document when whole copies
are wanted, else just its frame — and turns the result into a :class:`Kit`: every part that
all its documents share, deflated once, plus the frame and paragraphs extracts are cut from.
:func:`produce` then writes one document: the kit's members, the few parts that are its own
(properties; the body of an extract; the copy block of a formal copy), and a zip directory.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vanban.batch import zipfast
from vanban.batch.formal import add_copy_block
from vanban.batch.fragments import (
    BodyModel,
    Frame,
    block_key,
    frame_plan,
    region_blocks,
    rest_follows_body,
)
from vanban.batch.jobs import Job
from vanban.batch.kinds import CopyKind
from vanban.batch.parts import collect_parts
from vanban.batch.props import CUSTOM_PART, PropertyTemplates
from vanban.batch.render import Learned, render_parts
from vanban.errors import VanbanError
from vanban.fsutil import atomic_write
from vanban.i18n import _
from vanban.plan.model import Plan

CORE_PART = "docProps/core.xml"
DOCUMENT_PART = "word/document.xml"
_OWN = {CORE_PART, CUSTOM_PART, DOCUMENT_PART, "[Content_Types].xml", "_rels/.rels"}

_cache = zipfast.MemberCache()  # per process: equal parts of different plans deflate once


@dataclass
class Kit:
    """What the documents of one plan share."""

    members: list[zipfast.Member]
    props: PropertyTemplates
    document: zipfast.Member | None = None      # the full document.xml (whole copies)
    frame: Frame | None = None                  # document.xml around the region (extracts)
    table: list[str] = field(default_factory=list)  # region paragraphs, by index
    template: str | None = None


@dataclass
class Outcome:
    file: str
    sha256: str = ""
    size: int = 0
    error: tuple[str, dict[str, Any]] | None = None


def _shared(parts: dict[str, bytes], props: PropertyTemplates) -> list[zipfast.Member]:
    members = [_cache.get(n, d) for n, d in parts.items() if n not in _OWN]
    members.append(_cache.get("[Content_Types].xml", props.content_types))
    members.append(_cache.get("_rels/.rels", props.package_rels))
    return members


def prepare(plan: Plan, jobs: Sequence[Job], template: str | None, model: BodyModel | None,
            primed: Learned | None = None) -> tuple[Kit, list[tuple[tuple[int, ...], str] | None]]:
    """Render ``plan`` once for ``jobs``; return the kit and each job's region recipe.

    A recipe (paragraph indices, last paragraph) means the job's body is assembled from the
    kit; None means the whole document (copies, sao y) or rendering the job's own plan.
    ``primed`` is the probe rendering of this plan, if the template was learned on it: its
    frame and parts serve as they are.
    """
    whole = any(job.kind.whole_document for job in jobs)
    source = plan if whole else frame_plan(plan)
    parts = primed.parts if primed is not None and not whole else render_parts(source, template)
    props = PropertyTemplates(parts)
    kit = Kit(_shared(parts, props), props, template=template)
    if whole:
        kit.document = _cache.get(DOCUMENT_PART, parts[DOCUMENT_PART])
    recipes: list[tuple[tuple[int, ...], str] | None] = [None] * len(jobs)
    regional = [(i, job) for i, job in enumerate(jobs) if job.derived is not None]
    if not regional or model is None or rest_follows_body(plan):
        return kit, recipes
    if primed is not None and not whole:
        kit.frame = primed.frame
    else:
        kit.frame = model.frame(parts[DOCUMENT_PART].decode("utf-8"), region_blocks(source))
    if kit.frame is None:
        return kit, recipes
    index: dict[tuple[Any, ...], int] = {}
    unique: list[dict[str, Any]] = []
    wanted: list[tuple[int, list[int]]] = []
    for i, job in regional:
        blocks = region_blocks(job.derived)
        if not blocks or not model.knows(blocks):
            continue
        ids = []
        for block in blocks:
            key = block_key(block)
            if key not in index:
                index[key] = len(unique)
                unique.append(block)
            ids.append(index[key])
        wanted.append((i, ids))
    kit.table = model.paragraphs(unique)
    last: dict[int, str] = {}
    for i, ids in wanted:
        if ids[-1] not in last:
            last[ids[-1]] = model.keep_with_next(kit.table[ids[-1]])
        recipes[i] = (tuple(ids[:-1]), last[ids[-1]])
    return kit, recipes


def _body_members(job: Job, kit: Kit) -> list[zipfast.Member]:
    """The kit's members plus this job's document.xml (before any copy block)."""
    if job.kind.whole_document:
        assert kit.document is not None
        return [*kit.members, kit.document]
    if job.region is not None and kit.frame is not None:
        ids, last = job.region
        region = "".join([kit.table[i] for i in ids]) + last
        return [*kit.members, zipfast.member(DOCUMENT_PART, kit.frame.document(region))]
    assert job.derived is not None
    parts = render_parts(job.derived, kit.template)  # no fast path: the pipeline itself
    return [*kit.members, _cache.get(DOCUMENT_PART, parts[DOCUMENT_PART])]


def _with_block(job: Job, kit: Kit, members: list[zipfast.Member]) -> list[zipfast.Member]:
    """The document with its copy block, re-read and re-saved through python-docx."""
    from docx import Document

    own = [zipfast.member(CORE_PART, kit.props.core(job.fields)),
           zipfast.member(CUSTOM_PART, kit.props.custom(job.custom, record=job.kind is CopyKind.COPY))]
    doc = Document(io.BytesIO(b"".join(zipfast.assemble(members + own))))
    assert job.block is not None
    add_copy_block(doc, job.block)
    parts = collect_parts(doc)
    return [_cache.get(n, d) for n, d in parts.items() if n not in (CORE_PART, CUSTOM_PART)]


def produce(job: Job, kit: Kit, directory: Path, *, durable: bool = True) -> Outcome:
    """Write ``job``'s document into ``directory``; failures are returned, not raised."""
    try:
        members = _body_members(job, kit)
        if job.block is not None:
            members = _with_block(job, kit, members)
        members += [zipfast.member(CORE_PART, kit.props.core(job.fields)),
                    zipfast.member(CUSTOM_PART, kit.props.custom(job.custom, record=job.kind is CopyKind.COPY))]
        data = b"".join(zipfast.assemble(members))
        atomic_write(directory / job.file, data, durable=durable)
        return Outcome(job.file, hashlib.sha256(data).hexdigest(), len(data))
    except VanbanError as exc:
        return Outcome(job.file, error=(exc.msgid, exc.args_))
    except Exception as exc:  # one broken copy must not stop the others
        return Outcome(job.file, error=(_("internal error: {error}"),
                                        {"error": f"{type(exc).__name__}: {exc}"}))
