"""The household form's duplicate warning: while the registrar types the head's name, the origin
or the members, the closest households and persons already registered are shown with why they
match. It never blocks: the check runs on the writer thread a moment after typing stops, and a
newer check replaces an older one's answer.

Hooked into the form with ``EntryWarning.watch(form)``: it reads ``form.values()`` and
``form.members.members()`` and listens to the form's fields and the members grid.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from tracker.matching import candidates, index

from .reasons import Reasons

DEBOUNCE_MS = 450
SHOWN = 3


def check(store, values: dict, members: list[dict], exclude_household: str | None) -> dict:
    """Households and persons like the ones typed (index brought up to date first)."""
    index.refresh(store)
    conn = store.conn
    own = set()
    if exclude_household:
        own = {exclude_household} | {r[0] for r in conn.execute("SELECT id FROM persons WHERE household_id = ?",
                                                                  (exclude_household,))}
    found = {"households": [], "persons": []}
    for c in candidates.check_household(conn, values, members, exclude=own, limit=SHOWN):
        head = conn.execute("SELECT head_name_ar, head_name_lat, registration_date FROM households WHERE id = ?",
                            (c.id,)).fetchone()
        found["households"].append((c, head))
    for m in members:
        if m.get("relationship") == "head" and found["households"]:
            continue
        if not (m.get("given_name_ar") or m.get("given_name_lat")):
            continue
        typed = {**m, "registration_date": values.get("registration_date"), "origin_pcode": values.get("origin_pcode")}
        for c in candidates.check_person(conn, typed, exclude=own, limit=1):
            row = conn.execute("SELECT p.given_name_ar, p.family_name_ar, p.given_name_lat, p.family_name_lat, "
                               "h.head_name_ar, h.head_name_lat FROM persons p JOIN households h "
                               "ON h.id = p.household_id WHERE p.id = ?", (c.id,)).fetchone()
            found["persons"].append((m, c, row))
    return found


class EntryWarning(QFrame):
    """A quiet band that lists possible duplicates; empty and hidden when there are none."""

    found = Signal(int)  # how many candidates the latest check showed

    def __init__(self, ctx, parent=None, *, household_id: str | None = None):
        super().__init__(parent)
        self.setObjectName("entry_warning")
        self.ctx = ctx
        self.household_id = household_id
        self.form = None
        self._asked = 0
        self._reasons = Reasons(self)
        self.setStyleSheet("#entry_warning { background: #fff4e0; border: 1px solid #e0a040; border-radius: 4px; }")
        self.text = QLabel()
        self.text.setObjectName("entry_warning_text")
        self.text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_check)
        self.hide()

    def watch(self, form) -> None:
        self.form = form
        self.household_id = getattr(form, "household_id", None)
        for w in (form.head_name_ar, form.head_name_lat):
            w.textEdited.connect(self.schedule)
        form.origin.changed.connect(self.schedule)
        form.members.edited.connect(self.schedule)

    def schedule(self, *_) -> None:
        self.timer.start()

    def run_check(self) -> None:
        if self.form is None or self.ctx.store is None:
            return
        values = self.form.values()
        members = self.form.members.members() if self.form.members.isVisibleTo(self.form) else []
        if not (values.get("head_name_ar") or values.get("head_name_lat") or members):
            self.show_found({"households": [], "persons": []})
            return
        self._asked += 1
        asked = self._asked
        self.ctx.run(check, self.ctx.store, values, members, self.household_id,
                     on_done=lambda got: self._answer(asked, got), on_error=lambda exc: None)

    def _answer(self, asked: int, got: dict) -> None:
        if asked == self._asked:  # an older check's answer after a newer one was asked: dropped
            self.show_found(got)

    def show_found(self, got: dict) -> None:
        lines = []
        for c, head in got["households"]:
            name = (head[0] or head[1] or "") if head else ""
            lines.append(self.tr("Possible duplicate: the household of %1, registered %2 (%3 % alike): %4")
                         .replace("%1", name).replace("%2", (head[2] or "") if head else "")
                         .replace("%3", str(round(c.probability * 100))).replace("%4", self.why(c.reasons)))
        for m, c, row in got["persons"]:
            typed = m.get("given_name_ar") or m.get("given_name_lat") or ""
            other = " ".join(x for x in (row[0], row[1]) if x) or " ".join(x for x in (row[2], row[3]) if x)
            lines.append(self.tr("%1 may already be registered as %2 in the household of %3 (%4 % alike): %5")
                         .replace("%1", typed).replace("%2", other).replace("%3", row[4] or row[5] or "")
                         .replace("%4", str(round(c.probability * 100))).replace("%5", self.why(c.reasons)))
        self.text.setText("\n".join(lines))
        self.setVisible(bool(lines))
        self.found.emit(len(lines))

    def why(self, reasons) -> str:
        return self._reasons.words(reasons)
