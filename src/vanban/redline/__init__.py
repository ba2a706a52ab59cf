"""The redline: the new version of a plan, rendered, with the old one woven in as Word
tracked changes (``w:ins``, ``w:del``, moves), so Word or LibreOffice can accept or reject
each change.

Layers: :mod:`vanban.diff` (which unit became which), :mod:`.docmap` (where units are
printed), :mod:`.weave` (the merge), :mod:`.oxml` (the XML). :mod:`.table` writes the
side-by-side comparison table instead; :mod:`.libreoffice` accepts or rejects every change
with a real LibreOffice, which is how the tests prove the redline right.
"""

from __future__ import annotations

import datetime as _dt
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

import docx

from vanban.collector import fewer_collections
from vanban.diff import PlanDiff, diff_plans
from vanban.diff.units import Unit
from vanban.errors import UsageError
from vanban.fsutil import atomic_write
from vanban.i18n import _
from vanban.plan.model import Plan
from vanban.redline.oxml import Revisions, max_id
from vanban.redline.weave import weave
from vanban.renderer import normalise_zip, render_bytes
from vanban.text.vnformat import parse_date

DEFAULT_AUTHOR = "vanban"


def revision_date(when: _dt.datetime | _dt.date | None = None) -> str:
    """The ``w:date`` of the changes: ``when``, else ``SOURCE_DATE_EPOCH`` (reproducible
    builds), else now; UTC, to the second."""
    if when is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        if epoch.isdigit():
            when = _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc)
        else:
            when = _dt.datetime.now(_dt.timezone.utc)
    if not isinstance(when, _dt.datetime):
        when = _dt.datetime(when.year, when.month, when.day, tzinfo=_dt.timezone.utc)
    if when.tzinfo is not None:
        when = when.astimezone(_dt.timezone.utc).replace(tzinfo=None)
    return when.replace(microsecond=0).isoformat() + "Z"


def parse_revision_date(text: str) -> str:
    """``--date``: ``2026-03-05``, ``05/03/2026``, ``2026-03-05T09:30[:00][Z|+07:00]`` →
    the ``w:date`` value; raises :class:`UsageError` for anything else."""
    value = text.strip()
    try:
        when: _dt.datetime | _dt.date = _dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            when = parse_date(value).to_date()  # type: ignore[assignment]
        except ValueError:
            raise UsageError(_(
                "invalid date “{value}”: write YYYY-MM-DD, DD/MM/YYYY or "
                "YYYY-MM-DDTHH:MM:SS"), value=text) from None
    return revision_date(when)


@dataclass
class Redline:
    """A rendered redline: the .docx bytes, the comparison, and what it could not show."""

    data: bytes
    diff: PlanDiff
    revisions: int
    missing: list[Unit] = field(default_factory=list)


def _open(plan: Plan, template: str | Path | None) -> docx.document.Document:
    return docx.Document(io.BytesIO(render_bytes(plan, template)))


def _roots(doc: docx.document.Document):
    yield doc.element
    for rel in doc.part.rels.values():
        if not rel.is_external and hasattr(rel.target_part, "element"):
            yield rel.target_part.element


def redline_bytes(old: Plan, new: Plan, *, author: str = DEFAULT_AUTHOR,
                  date: str | None = None, template: str | Path | None = None,
                  diff: PlanDiff | None = None) -> Redline:
    """The redline of ``old`` → ``new`` (both rendered with ``template``).

    ``date`` is an xsd:dateTime (see :func:`revision_date`); the same plans, author and
    date always give the same bytes.
    """
    with fewer_collections():
        diff = diff or diff_plans(old, new)
        old_doc, new_doc = _open(old, template), _open(new, template)
        revisions = Revisions(author, date or revision_date(),
                              max(max_id(_roots(old_doc)), max_id(_roots(new_doc))) + 1)
        result = weave(old_doc, new_doc, diff.alignment, revisions)
        buf = io.BytesIO()
        new_doc.save(buf)
        return Redline(normalise_zip(buf.getvalue()), diff, revisions.count, result.missing)


def write_redline(old: Plan, new: Plan, output: str | Path, **options) -> Redline:
    """:func:`redline_bytes`, written atomically to ``output``."""
    redline = redline_bytes(old, new, **options)
    atomic_write(output, redline.data)
    return redline


__all__ = ["DEFAULT_AUTHOR", "Redline", "parse_revision_date", "redline_bytes", "revision_date",
           "write_redline"]
