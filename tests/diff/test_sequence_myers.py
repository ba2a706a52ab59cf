"""Myers' alignment of long sibling lists: a longest common subsequence, whatever repeats."""

from __future__ import annotations

import random

import pytest

from vanban.diff import align
from vanban.diff.sequence import myers


def _lcs_length(a: list[str], b: list[str]) -> int:
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) - 1, -1, -1):
        for j in range(len(b) - 1, -1, -1):
            table[i][j] = table[i + 1][j + 1] + 1 if a[i] == b[j] else \
                max(table[i + 1][j], table[i][j + 1])
    return table[0][0]


@pytest.mark.parametrize("seed", range(5))
def test_myers_finds_a_longest_common_subsequence(seed):
    rng = random.Random(seed)
    for _ in range(300):
        a = [rng.choice("abcd") for _ in range(rng.randint(0, 14))]
        b = [rng.choice("abcd") for _ in range(rng.randint(0, 14))]
        pairs = myers(a, b)
        assert all(a[i] == b[j] for i, j in pairs)
        assert all(p < q for (p, _), (q, _) in zip(pairs, pairs[1:]))
        assert all(p < q for (_, p), (_, q) in zip(pairs, pairs[1:]))
        assert len(pairs) == _lcs_length(a, b)


def test_long_siblings_get_the_opcodes_difflib_would_give_on_repeated_sections():
    # a plan's sections recurring 300 times, two of every five edited
    old = ["mục đích", "nội dung", "nhiệm vụ", "kinh phí", "tổ chức"] * 300
    new = [key + " (sửa)" if k % 5 in (1, 3) else key for k, key in enumerate(old)]
    assert len(old) * len(new) > align.LONG_SIBLINGS
    from difflib import SequenceMatcher
    expected = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    assert align._opcodes(old, new) == expected
