"""The pieces that keep the diff near-linear give the answers the slow ways give: the longest
increasing chain, the prefix-filtered search for similar blocks, the multiset similarity,
formatting compared once per run."""

import random
from collections import Counter
from difflib import SequenceMatcher
from itertools import pairwise

from docx.oxml.ns import nsmap
from lxml import etree

from vanban.diff.sequence import lis, similar_pairs
from vanban.diff.words import bag_similarity
from vanban.redline import oxml

W_NS = nsmap["w"]


def longest_chain_length(pairs):
    """Quadratic dynamic programming: the length of the longest chain increasing in both."""
    pairs = sorted(pairs)
    best = [1] * len(pairs)
    for k, (i, j) in enumerate(pairs):
        for m in range(k):
            if pairs[m][0] < i and pairs[m][1] < j:
                best[k] = max(best[k], best[m] + 1)
    return max(best, default=0)


def test_lis_is_a_longest_chain_increasing_in_both_coordinates():
    rng = random.Random(7)
    for _ in range(200):
        pairs = list({(rng.randrange(30), rng.randrange(30)) for _ in range(rng.randrange(25))})
        chain = lis(pairs)
        assert all(a[0] < b[0] and a[1] < b[1] for a, b in pairwise(chain))
        assert set(chain) <= set(pairs)
        assert len(chain) == longest_chain_length(pairs)


def test_lis_of_a_long_sequence_is_fast_and_right():
    n = 200_000
    pairs = [(i, (i * 7919) % n) for i in range(n)] + [(n + i, n + i) for i in range(1000)]
    chain = lis(pairs)
    assert len(chain) >= 1000 and chain[-1] == (n + 999, n + 999)


def test_similar_pairs_misses_no_pair_that_is_alike_enough():
    rng = random.Random(11)
    vocabulary = [f"w{k}" for k in range(40)] + [",", "và", "các"] * 5
    for _ in range(40):
        base = [[rng.choice(vocabulary) for _ in range(rng.randrange(0, 30))]
                for _ in range(12)]
        a = [list(x) for x in base]
        b = [x[: rng.randrange(len(x) + 1)] + [rng.choice(vocabulary)] for x in base[::-1]]
        b += [[rng.choice(vocabulary) for _ in range(rng.randrange(1, 30))] for _ in range(5)]
        found = set(similar_pairs(a, b, 0.8))
        for i, x in enumerate(a):
            for j, y in enumerate(b):
                if SequenceMatcher(None, x, y, autojunk=False).quick_ratio() >= 0.8:
                    assert (i, j) in found


def test_bag_similarity_is_difflibs_quick_ratio():
    rng = random.Random(3)
    for _ in range(200):
        x = [rng.choice("abcdefg") for _ in range(rng.randrange(12))]
        y = [rng.choice("abcdefg") for _ in range(rng.randrange(12))]
        want = SequenceMatcher(None, x, y).quick_ratio() if x or y else 1.0
        assert abs(bag_similarity(Counter(x), Counter(y)) - want) < 1e-12
        assert bag_similarity(Counter(x), Counter(y), 0.6) in (0.0, bag_similarity(
            Counter(x), Counter(y)))


def test_formatting_is_compared_once_per_run_not_per_character(monkeypatch):
    bold = etree.fromstring(f'<w:rPr xmlns:w="{W_NS}"><w:b/></w:rPr>')
    italic = etree.fromstring(f'<w:rPr xmlns:w="{W_NS}"><w:i/></w:rPr>')
    text = "x" * 5000
    a = oxml.Styled(text, [bold] * 2500 + [italic] * 2500, [0, 2500])
    b = oxml.Styled(text, [bold] * 3000 + [italic] * 2000, [0, 3000])
    calls = []
    real = oxml.same_props
    monkeypatch.setattr(oxml, "same_props", lambda x, y: calls.append(1) or real(x, y))
    assert oxml.same_formatting(a, a)
    assert not oxml.same_formatting(a, b)
    assert len(calls) <= 5
