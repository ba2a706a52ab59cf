"""Aligning long sequences in near-linear time: the longest increasing subsequence and the
patience alignment built on it.

``difflib.SequenceMatcher`` is fine for a body's few dozen siblings, but a table of a thousand
rows where many rows repeat (empty cells, the same agency) can make it quadratic. Patience
alignment anchors on the keys that occur once on each side, keeps the longest run of them
that is in order on both sides (an LIS, O(n log n)), extends anchors over equal neighbours
and repeats inside each gap.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence


def lis(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of ``pairs`` increasing in both coordinates (O(n log n)).

    Pairs are taken in order of their first coordinate; equal first coordinates never
    chain together."""
    ordered = sorted(pairs, key=lambda p: (p[0], -p[1]))
    tails: list[int] = []  # smallest second coordinate ending a chain of each length
    ends: list[int] = []  # index in ``ordered`` of that chain's last pair
    back: list[int] = [-1] * len(ordered)
    for k, (_i, j) in enumerate(ordered):
        at = bisect_left(tails, j)
        back[k] = ends[at - 1] if at else -1
        if at == len(tails):
            tails.append(j)
            ends.append(k)
        else:
            tails[at] = j
            ends[at] = k
    out: list[tuple[int, int]] = []
    k = ends[-1] if ends else -1
    while k >= 0:
        out.append(ordered[k])
        k = back[k]
    return out[::-1]


def patience(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[tuple[int, int]]:
    """Pairs (i, j) with ``a[i] == b[j]``, increasing in both, found by patience alignment.

    Not always the longest common subsequence, but never quadratic: each round costs
    O(n log n) over its gap, and keys repeated in a gap are matched only where they touch
    an anchor or the gap's ends."""
    out: list[tuple[int, int]] = []
    stack = [(0, len(a), 0, len(b))]
    while stack:
        alo, ahi, blo, bhi = stack.pop()
        while alo < ahi and blo < bhi and a[alo] == b[blo]:
            out.append((alo, blo))
            alo, blo = alo + 1, blo + 1
        while alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1]:
            ahi, bhi = ahi - 1, bhi - 1
            out.append((ahi, bhi))
        if alo == ahi or blo == bhi:
            continue
        count_a = Counter(a[alo:ahi])
        count_b = Counter(b[blo:bhi])
        where_b = {b[j]: j for j in range(blo, bhi) if count_b[b[j]] == 1}
        chain = lis([(i, where_b[a[i]]) for i in range(alo, ahi)
                     if count_a[a[i]] == 1 and a[i] in where_b])
        if not chain:
            continue
        prev_i, prev_j = alo, blo
        for i, j in chain:
            out.append((i, j))
            stack.append((prev_i, i, prev_j, j))
            prev_i, prev_j = i + 1, j + 1
        stack.append((prev_i, ahi, prev_j, bhi))
    out.sort()
    return out


def gaps(pairs: Sequence[tuple[int, int]], n: int, m: int) -> list[tuple[int, int, int, int]]:
    """The stretches between consecutive ``pairs`` (and the ends): (i1, i2, j1, j2), in
    order, empty ones left out."""
    out = []
    prev_i, prev_j = 0, 0
    for i, j in [*pairs, (n, m)]:
        if i > prev_i or j > prev_j:
            out.append((prev_i, i, prev_j, j))
        prev_i, prev_j = i + 1, j + 1
    return out


def pair_best(n: int, m: int, score) -> list[tuple[int, int]]:
    """The order-keeping pairing of ``range(n)`` with ``range(m)`` of highest total
    ``score(i, j)`` (0: never paired); O(n·m) scores, for short sequences."""
    if not n or not m:
        return []
    table = [[score(i, j) for j in range(m)] for i in range(n)]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = table[i][j] + best[i + 1][j + 1] if table[i][j] else 0.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if table[i][j] and best[i][j] == table[i][j] + best[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def pair_near(n: int, m: int, score, window: int) -> list[tuple[int, int]]:
    """An order-keeping pairing for long sequences: each item of the first is paired with
    the best-scoring of the next ``window`` items of the second after the last pair (the
    nearest on a tie), or with none. O(n·window) scores; it finds what :func:`pair_best`
    finds when few items were inserted or removed between two edited ones, which is how
    tables are edited."""
    pairs: list[tuple[int, int]] = []
    last = -1
    for i in range(n):
        best, at = 0.0, -1
        for j in range(last + 1, min(m, last + 1 + window)):
            s = score(i, j)
            if s > best:
                best, at = s, j
        if at >= 0:
            pairs.append((i, at))
            last = at
    return pairs


def similar_pairs(a: Sequence[Sequence[Hashable]], b: Sequence[Sequence[Hashable]],
                  threshold: float) -> list[tuple[int, int]]:
    """Pairs (i, j), sorted, that may have ``2·|a[i] ∩ b[j]| / (|a[i]| + |b[j]|) ≥
    threshold`` (as multisets: difflib's ``quick_ratio``); every pair that has it is among
    them. Prefix filtering: for that similarity two multisets must share at least
    ``threshold·n / (2 − threshold)`` elements of the n of either, so under one order of
    the elements (rarest first) their first ``n − that + 1`` elements meet. Only pairs
    meeting there are returned: near-linear where a comparison of every pair would be
    quadratic."""
    def elements(items: Sequence[Hashable]) -> list[tuple[Hashable, int]]:
        seen: Counter = Counter()
        out = []
        for item in items:
            out.append((item, seen[item]))  # the k-th copy: multisets become sets
            seen[item] += 1
        return out

    sets = [elements(x) for x in a], [elements(y) for y in b]
    freq = Counter(e for side in sets for x in side for e in x)
    rank = {e: k for k, e in enumerate(sorted(freq, key=lambda e: (freq[e], repr(e))))}

    def prefix(x: list[tuple[Hashable, int]]) -> list[int]:
        overlap = int(threshold * len(x) / (2 - threshold))  # rounded down: never too short
        return sorted(rank[e] for e in x)[:len(x) - overlap + 1]

    index: dict[int, list[int]] = defaultdict(list)
    for i, x in enumerate(sets[0]):
        for e in prefix(x):
            index[e].append(i)
    out: set[tuple[int, int]] = set()
    for j, y in enumerate(sets[1]):
        for e in prefix(y):
            out.update((i, j) for i in index.get(e, ()))
    return sorted(out)


def myers(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[tuple[int, int]]:
    """Pairs (i, j) of a longest common subsequence of ``a`` and ``b``, by Myers' O((n+m)·d)
    algorithm (d: the number of items inserted or removed).

    For long sibling lists that repeat the same keys many times (a plan whose sections
    recur), where ``difflib.SequenceMatcher`` scans every occurrence of every key again and
    again; here the cost follows the size of the change, not the repetition."""
    n, m = len(a), len(b)
    lo = 0
    while lo < n and lo < m and a[lo] == b[lo]:  # common ends cost nothing below
        lo += 1
    hi_a, hi_b = n, m
    while hi_a > lo and hi_b > lo and a[hi_a - 1] == b[hi_b - 1]:
        hi_a, hi_b = hi_a - 1, hi_b - 1
    head = [(i, i) for i in range(lo)]
    tail = [(hi_a + k, hi_b + k) for k in range(n - hi_a)]
    a, b = a[lo:hi_a], b[lo:hi_b]
    n, m = len(a), len(b)
    if not n or not m:
        return head + tail
    offset = n + m + 1
    v = [0] * (2 * offset + 1)  # v[offset + k]: furthest x reached on diagonal k
    trace: list[list[int]] = []
    found = False
    for d in range(n + m + 1):
        trace.append(v[offset - d - 1:offset + d + 2])  # the state before this round
        for k in range(-d, d + 1, 2):
            if k == -d or (k != d and v[offset + k - 1] < v[offset + k + 1]):
                x = v[offset + k + 1]  # down: an item of b inserted
            else:
                x = v[offset + k - 1] + 1  # right: an item of a removed
            y = x - k
            while x < n and y < m and a[x] == b[y]:
                x, y = x + 1, y + 1
            v[offset + k] = x
            if x >= n and y >= m:
                found = True
                break
        if found:
            break
    pairs: list[tuple[int, int]] = []
    x, y = n, m
    for step in range(len(trace) - 1, -1, -1):
        before = trace[step]  # covers diagonals -step-1 … step+1

        def at(k: int, before: list[int] = before, step: int = step) -> int:
            return before[k + step + 1]

        k = x - y
        if step == 0:
            prev_x, prev_y = 0, 0
        else:
            prev_k = k + 1 if k == -step or (k != step and at(k - 1) < at(k + 1)) else k - 1
            prev_x = at(prev_k)
            prev_y = prev_x - prev_k
        while x > prev_x and y > prev_y:  # the diagonal run: equal items
            x, y = x - 1, y - 1
            pairs.append((lo + x, lo + y))
        x, y = prev_x, prev_y
    return head + pairs[::-1] + tail
