"""Cell suppression for published tables, protected as a whole (rows, columns and totals together).

A table is R rows x C cells plus its margins: a total per row (column C), a total per column
(row R) and the grand total (R, C). Every entry of that extended (R+1) x (C+1) matrix is
addressed as ``(i, j)``.

What the attacker knows (the model the tests check with a linear-programming attacker):
- every entry that is shown, and the column totals and grand total even where the document does
  not print them (a report over the same days may), except the ones this protection withholds;
- zeros are shown, so every hidden entry is at least 1;
- nothing below the threshold ``k`` is ever published, so a small margin is unknown too.

Protection: for every hidden entry, the interval of values it can take given all of that
(its lowest to its highest feasible value) is at least ``k`` wide. With ``hide_margins=False``
(a document that prints its totals) the margins stay known, and a cell they alone pin tighter
(6 people over 60 in 5 rows) is as wide as they allow.

How: primary suppression hides every entry 0 < v < k. Then each hidden entry needs a
"rectangle" of hidden entries (p, (i, j2), (i2, j), (i2, j2)): moving p by d and the others by
-d, -d, +d (signs flip for a margin) keeps every row and column sum, so p can move as far as
the smallest partner allows. The cheapest rectangle that gives p room of ``k`` is hidden (a
column total only when nothing inside the table will do, e.g. a table of one row: those are
the totals the caller must not publish); when none does, p's whole row and column are hidden.
Deterministic: same table in, same cells hidden.
"""

from __future__ import annotations

import bisect
import heapq

# how far from p (in row order) to look for a partner row not yet hidden: rows sort by date and place,
# so near rows are the same day and keep the search short on a year of data
NEAR_ROWS = 24
TOTAL_WEIGHT = 4  # a hidden row total costs more than a hidden cell: totals are what readers use most
# a column total or the grand total is hidden only when no rectangle inside the table will do (a table of
# one row): another document over the same rows (a report) may print it, and then the two together tell
MARGIN_WEIGHT = 40


class Protection:
    """The extended matrix of one table and the entries hidden in it."""

    def __init__(self, cells: list[list[int]], k: int, *, hide_margins: bool = False,
                 row_totals: list[int] | None = None):
        self.k = k
        self.R = len(cells)
        self.C = len(cells[0]) if cells else 0
        R, C = self.R, self.C
        totals = row_totals if row_totals is not None else [sum(r) for r in cells]
        self.E = [list(r) + [t] for r, t in zip(cells, totals)]
        self.E.append([sum(cells[i][j] for i in range(R)) for j in range(C)] + [sum(totals)])
        self.hide_margins = hide_margins
        self.hidden: set[tuple[int, int]] = set()
        self.up: dict[tuple[int, int], float] = {}
        self.down: dict[tuple[int, int], float] = {}
        # rows with a non-zero entry in each column, and hidden entries by row and by column
        self.nonzero_rows = [[i for i in range(R + 1) if self.E[i][j] > 0] for j in range(C + 1)]
        self.hidden_in_row: list[set[int]] = [set() for _ in range(R + 1)]
        self.hidden_in_col: list[set[int]] = [set() for _ in range(C + 1)]

    # -- entries ------------------------------------------------------------------------------
    def hideable(self, i: int, j: int) -> bool:
        """Cells and row totals always; column totals and the grand total only with ``hide_margins``."""
        return i < self.R or self.hide_margins

    def hide(self, i: int, j: int) -> bool:
        if (i, j) in self.hidden:
            return False
        self.hidden.add((i, j))
        self.hidden_in_row[i].add(j)
        self.hidden_in_col[j].add(i)
        self.up.setdefault((i, j), 0)
        self.down.setdefault((i, j), 0)
        return True

    def room(self, p: tuple[int, int]) -> float:
        return self.up.get(p, 0) + self.down.get(p, 0)

    # -- rectangles -----------------------------------------------------------------------------
    def rectangle(self, p, i2, j2):
        """(up, down, members with their direction relative to p) of the rectangle p, (i, j2),
        (i2, j), (i2, j2), all of them usable."""
        i, j = p
        R, C, E = self.R, self.C, self.E
        # direction of each member relative to p: the rectangle's own signs (+ - - +), flipped for
        # each margin index (a margin moves with the cells it sums, not against them)
        ri, ri2, cj, cj2 = (i == R), (i2 == R), (j == C), (j2 == C)
        d_a = -1 if cj2 == cj else 1
        d_b = -1 if ri2 == ri else 1
        d_c = 1 if (ri2 == ri) == (cj2 == cj) else -1
        down, up = E[i][j] - 1, float("inf")
        for v, d in ((E[i][j2] - 1, d_a), (E[i2][j] - 1, d_b), (E[i2][j2] - 1, d_c)):
            if d > 0:
                down = v if v < down else down
            else:
                up = v if v < up else up
        return up, down, (((i, j), 1), ((i, j2), d_a), ((i2, j), d_b), ((i2, j2), d_c))

    def commit(self, up, down, members) -> list[tuple[int, int]]:
        new = []
        hidden, ups, downs = self.hidden, self.up, self.down
        for cell, direction in members:
            if cell not in hidden:
                self.hide(*cell)
                new.append(cell)
            u, d = (up, down) if direction > 0 else (down, up)
            if u > ups[cell]:
                ups[cell] = u
            if d > downs[cell]:
                downs[cell] = d
        return new

    def spread(self, members) -> None:
        """The two rows of a rectangle just hidden make a rectangle, free, with every other column in
        which both are hidden already: record the room those give (saves searching for them)."""
        (i, j), (_, j2), (i2, _) = members[0][0], members[1][0], members[2][0]
        both = self.hidden_in_row[i] & self.hidden_in_row[i2]
        for b in both:
            if b != j and b != j2:
                self.commit(*self.rectangle((i, b), i2, j2))

    def candidate_rows(self, p) -> list[int]:
        """Rows to pair p's row with: the non-zero rows of p's column nearest to it (rows already
        holding a hidden entry there first, as they cost nothing), and the margin row."""
        i, j = p
        rows = self.nonzero_rows[j]
        at = bisect.bisect_left(rows, i)
        near = rows[max(0, at - NEAR_ROWS // 2):at + NEAR_ROWS // 2]
        hidden = self.hidden_in_col[j]
        first = [r for r in near if r in hidden]
        return [*first, *(r for r in near if r not in hidden), *([] if self.R in near else [self.R])]

    def best_rectangle(self, p):
        i, j = p
        R, C, E, k = self.R, self.C, self.E, self.k
        hidden, margins = self.hidden, self.hide_margins
        best = None
        have_up, have_down = self.up.get(p, 0), self.down.get(p, 0)
        # a rectangle lets p go down by at most p - 1, so it must let p go up by at least this much;
        # partners of the same kind as p (both cells, or both totals) move against p and bound that
        need_up = 0 if have_up >= k - have_down else k - max(have_down, E[i][j] - 1)
        row = E[i]
        columns = [b for b in range(C + 1) if b != j and (row[b] > 0 if i < R or margins else (i, b) in hidden)
                   and ((b == C) != (j == C) or row[b] - 1 >= need_up)]
        for i2 in self.candidate_rows(p):
            if i2 == i:
                continue
            other = E[i2]
            if i2 == R and not margins:
                if (i2, j) not in hidden:
                    continue
            elif (i2 == R) == (i == R) and other[j] - 1 < need_up:
                continue
            for j2 in columns:
                if other[j2] <= 0 or (i2 == R and not margins and (i2, j2) not in hidden):
                    continue
                up, down, members = self.rectangle(p, i2, j2)
                if (up if up > have_up else have_up) + (down if down > have_down else have_down) < k:
                    continue
                cost = 0
                for cell, _ in members:
                    if cell not in hidden:
                        cost += MARGIN_WEIGHT if cell[0] == R else TOTAL_WEIGHT if cell[1] == C else 1
                key = (cost, -(min(up, 10 ** 9) + min(down, 10 ** 9)), i2, j2)
                if best is None or key < best[0]:
                    best = (key, up, down, members)
                    if cost <= 1:  # nothing or one more cell: good enough, stop looking (speed)
                        return best
        return best

    def widen(self, p) -> list[tuple[int, int]]:
        """No rectangle gives p room of k: hide p's whole row and column (and the totals of the rows
        that column crosses), so p has all the room the known margins leave."""
        i, j = p
        new = []
        cells = [(i, b) for b in range(self.C + 1)] + [(a, j) for a in range(self.R + 1)]
        cells += [(a, self.C) for a in range(self.R) if self.E[a][j] > 0]
        for a, b in cells:
            if self.E[a][b] > 0 and self.hideable(a, b) and self.hide(a, b):
                new.append((a, b))
        self.up[p] = self.down[p] = float("inf")  # as wide as it can be: do not look again
        return new

    # -- the algorithm --------------------------------------------------------------------------
    def run(self) -> set[tuple[int, int]]:
        if self.k <= 1:
            return self.hidden
        queue: list = []
        for i in range(self.R + 1):
            for j in range(self.C + 1):
                if 0 < self.E[i][j] < self.k:
                    self.hide(i, j)
                    heapq.heappush(queue, (self.E[i][j], i, j))
        while queue:
            _, i, j = heapq.heappop(queue)
            p = (i, j)
            if self.room(p) >= self.k:
                continue
            found = self.best_rectangle(p)
            new = self.commit(*found[1:]) if found else self.widen(p)
            if found:
                self.spread(found[3])
            for a, b in new:
                heapq.heappush(queue, (self.E[a][b], a, b))
        return self.hidden


def protect(cells: list[list[int]], k: int, *, hide_margins: bool = False,
            row_totals: list[int] | None = None) -> set[tuple[int, int]]:
    """The entries ``(i, j)`` of the extended table to hide (see the module text). ``row_totals``
    defaults to the row sums. ``hide_margins`` lets a column total or the grand total be withheld as a
    complement (entries ``(R, j)`` in the result), for a document that does not print them (the
    summary export); without it they stay known, for a document that prints them (the report)."""
    return Protection(cells, k, hide_margins=hide_margins, row_totals=row_totals).run()


def protect_line(values: list[int], k: int, *, total_known: bool = True) -> set[int]:
    """One column with its total (households per row): hidden indexes. With the total known, the
    hidden values sum to a known number S over h entries, so each lies in [1, S - h + 1]: hide the
    smallest others until S - h >= k (or every non-zero value, if even that is not enough)."""
    hidden = {i for i, v in enumerate(values) if 0 < v < k}
    if not hidden or not total_known or k <= 1:
        return hidden
    spare = sorted((v, i) for i, v in enumerate(values) if v > 0 and i not in hidden)
    room = sum(values[i] - 1 for i in hidden)
    for v, i in spare:
        if room >= k:
            break
        hidden.add(i)
        room += v - 1
    return hidden
