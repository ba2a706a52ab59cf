"""The collector is paused while a large tree is built, and always switched back on."""

from __future__ import annotations

import gc

import pytest

from conftest import ROOT
from vanban.collector import collector_paused
from vanban.plan.loader import read_plan


def test_the_collector_is_off_inside_and_on_after():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: the outer block switches it back on
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_error_inside_does_not_leave_the_collector_off():
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("bad plan")
    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_reading_a_plan_leaves_the_collector_on():
    assert read_plan(ROOT / "plans" / "277-KH-BCD-2023.yaml").plan is not None
    assert gc.isenabled()
