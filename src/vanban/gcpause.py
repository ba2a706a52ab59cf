"""Pause Python's cyclic garbage collector while a large tree is built.

Reading a plan or a document allocates hundreds of thousands of small objects (YAML nodes,
plan nodes, units of reading) that form no reference cycles. Each allocation burst makes
the collector scan every live object again, so the collector's share grew with the square
of the document: 40 % of importing a 300× plan. Paused, the objects are counted once when
collection resumes; the trees are freed by reference counting as before.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


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
