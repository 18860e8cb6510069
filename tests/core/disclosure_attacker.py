"""The interval attacker: what a reader of a published table can work out about each hidden count.

It knows every shown value, the column totals and the grand total of the table unless they are
below the threshold (a report over the same days may print them; nothing small is printed
anywhere), that zeros are shown (so each hidden count is at least 1), and that each row's total is
the sum of its cells. For each hidden count it asks a linear program for the lowest and the
highest value consistent with all of that (scipy's HiGHS), as sdcTable's audit does.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import linprog

INF = float("inf")


def intervals(shown: list[list], raw: list[list[int]], k: int, *, withheld=()) -> dict:
    """``raw``: R rows of C cells followed by the row total; ``shown``: the same with hidden values
    replaced by None. Returns {(i, j): (low, high)} for every hidden entry, j == C being the total.
    Margins (column totals, the grand total at j == C) are known when >= k, except those whose
    column index is in ``withheld`` (the suppression said not to publish them)."""
    R, C1 = len(raw), len(raw[0])
    C = C1 - 1
    margins = [sum(raw[i][j] for i in range(R)) for j in range(C1)]
    var: dict[tuple[int, int], int] = {}
    for i in range(R):
        for j in range(C1):
            if shown[i][j] is None:
                var[(i, j)] = len(var)
    for j in range(C1):
        if (margins[j] < k or j in withheld) and margins[j] > 0:
            var[(R, j)] = len(var)
    if not any(i < R for i, _ in var):
        return {}

    def value(i, j):
        return margins[j] if i == R else shown[i][j]

    rows_a, rows_b = [], []

    def equation(terms):  # sum of coefficient * entry == 0
        a, b = np.zeros(len(var)), 0.0
        for coef, (i, j) in terms:
            if (i, j) in var:
                a[var[(i, j)]] += coef
            else:
                b -= coef * value(i, j)
        if a.any():
            rows_a.append(a)
            rows_b.append(b)

    for i in range(R):
        equation([*((1, (i, j)) for j in range(C)), (-1, (i, C))])
    for j in range(C1):
        equation([*((1, (i, j)) for i in range(R)), (-1, (R, j))])
    a_eq, b_eq = (np.array(rows_a), np.array(rows_b)) if rows_a else (None, None)
    bounds = [(1, None)] * len(var)
    out = {}
    for cell, n in var.items():
        if cell[0] == R:
            continue
        ends = []
        for sense in (1, -1):
            c = np.zeros(len(var))
            c[n] = sense
            res = linprog(c, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
            if res.status == 3:  # unbounded
                ends.append(INF if sense < 0 else -INF)
            else:
                assert res.status == 0, res.message  # the true table is always feasible
                ends.append(sense * res.fun)
        out[cell] = (ends[0], ends[1])
    return out


def width(interval) -> float:
    low, high = interval
    return high - low


def best_possible(raw: list[list[int]], k: int, cells) -> dict:
    """The widths each cell would have if every non-zero count and row total were hidden: the most
    any suppression inside the table can give while the margins stay known (for a document that
    prints its totals)."""
    shown = [[None if v > 0 else 0 for v in row] for row in raw]
    found = intervals(shown, raw, k)
    return {c: width(found[c]) for c in cells}


def weak_cells(shown, raw, k, *, withheld=None) -> list[tuple]:
    """Hidden entries narrower than k: (cell, width, best possible). With ``withheld`` (a suppression
    free to withhold margins) every one is weak; without, only those hiding more could have widened."""
    found = intervals(shown, raw, k, withheld=withheld or ())
    narrow = {c: width(iv) for c, iv in found.items() if width(iv) < k - 1e-6}
    if not narrow:
        return []
    if withheld is not None:
        return sorted((c, w, None) for c, w in narrow.items())
    possible = best_possible(raw, k, narrow)
    return sorted((c, w, possible[c]) for c, w in narrow.items() if w < min(k, possible[c]) - 1e-6)
