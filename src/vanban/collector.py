"""Python's cyclic garbage collector, kept out of the way of large builds.

Reading a plan or a document, or comparing two, allocates hundreds of thousands to millions
of small objects that form no reference cycles and live to the end of the work. At the
default thresholds the collector re-scans the growing heap every 700 allocations, so its
share grew with the square of the document (40 % of importing a 300× plan, a third of a diff
at 300×). Two remedies, each undone when the work ends:

- :func:`collector_paused` turns the collector off while a tree is built (reading); the
  objects are counted once when it resumes, and freed by reference counting as before;
- :func:`fewer_collections` only makes collections rarer, for work long enough (a diff, a
  redline) that turning it off would let memory grow too far.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: Allocations between young collections, and how often the older generations follow.
THRESHOLDS = (100_000, 50, 100)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cyclic collector off (as it was after, even on error)."""
    if not gc.isenabled():  # nested, or paused by the caller
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Raise the collector's thresholds (never lower them) for the ``with`` block."""
    before = gc.get_threshold()
    gc.set_threshold(*(max(a, b) for a, b in zip(before, THRESHOLDS)))
    try:
        yield
    finally:
        gc.set_threshold(*before)
