"""Batch production: per-recipient copies, per-agency extracts and formal copies of plans.

The public API::

    from vanban.batch import BatchRequest, CopyKind, run_batch

    result = run_batch(BatchRequest([Path("plans/")], Path("out/"), kinds=[CopyKind.COPY]))
    for failure in result.failures:
        print(failure.subject, failure.message())

Modules, each with one job: :mod:`.jobs` plans the documents, :mod:`.produce` renders each
plan once and writes its documents from precompressed parts (:mod:`.zipfast`,
:mod:`.parts`, :mod:`.props`, :mod:`.fragments`), :mod:`.extracts` derives the plans of
extracts, :mod:`.formal` adds the copy block, :mod:`.series` numbers formal copies,
:mod:`.copier` reads the copy details, :mod:`.naming` names files, :mod:`.manifest` records
them, :mod:`.pool` shares the work between processes, :mod:`.pdfs` exports PDFs, and
:mod:`.runner` ties it together.
"""

from __future__ import annotations

from vanban.batch.copier import Copier, read_copier
from vanban.batch.extracts import Selection
from vanban.batch.kinds import CopyKind
from vanban.batch.runner import BatchRequest, BatchResult, Failure, run_batch

__all__ = ["BatchRequest", "BatchResult", "Copier", "Failure", "CopyKind", "Selection",
           "read_copier", "run_batch"]
