"""Rarer garbage collections while a large comparison runs, and the process's own settings
back afterwards."""

import gc

import pytest

from vanban.collector import THRESHOLDS, fewer_collections


def test_thresholds_are_raised_for_the_work_and_set_back_after():
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        with fewer_collections():
            assert gc.get_threshold() == THRESHOLDS
        assert gc.get_threshold() == (700, 10, 10)
        gc.set_threshold(10**6, 5, 1000)  # a program's own higher setting is kept
        with pytest.raises(RuntimeError), fewer_collections():
            assert gc.get_threshold() == (10**6, THRESHOLDS[1], 1000)
            raise RuntimeError
        assert gc.get_threshold() == (10**6, 5, 1000)
    finally:
        gc.set_threshold(*before)
