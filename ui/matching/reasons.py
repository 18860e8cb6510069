"""Why two records may be one person, in words: the agreeing fields, strongest first."""

from __future__ import annotations

import re

from PySide6.QtCore import QObject

_STORED = re.compile(r"(\w+):(\w+)\(([-+][\d.]+)\)")


def parse(text: str) -> list[tuple[str, str, float]]:
    """Reasons as the review queue stores them ("given:exact(+5.3) ...") back into triples."""
    return [(f, lvl, float(bits)) for f, lvl, bits in _STORED.findall(text or "")]


class Reasons(QObject):
    def words(self, reasons) -> str:
        fields = {"given": self.tr("given name"), "father": self.tr("father's name"),
                  "grandfather": self.tr("grandfather's name"), "family": self.tr("family name"),
                  "sex": self.tr("sex"), "birth": self.tr("birth year"), "origin": self.tr("origin"),
                  "household": self.tr("household members")}
        levels = {"exact": self.tr("same"), "variant": self.tr("same but spelt differently"),
                  "translit": self.tr("same in the other script"), "close": self.tr("nearly the same"),
                  "same": self.tr("same"), "same_date": self.tr("same date"), "same_year": self.tr("same year"),
                  "one_year": self.tr("a year apart"), "shared2": self.tr("shared"), "shared1": self.tr("one shared")}
        against = {"diff": self.tr("different"), "far": self.tr("far apart"), "apart": self.tr("years apart"),
                   "few_years": self.tr("a few years apart"), "region": self.tr("another district"),
                   "none": self.tr("none shared")}
        ordered = sorted(reasons, key=lambda r: -abs(r[2]))
        good = [f"{fields[f]} {levels[lvl]}" for f, lvl, bits in ordered if bits > 0 and f in fields and lvl in levels]
        bad = [f"{fields[f]} {against[lvl]}" for f, lvl, bits in ordered if bits < 0 and f in fields and lvl in against]
        text = ", ".join(good)
        if bad:
            text += "; " + self.tr("but: %1").replace("%1", ", ".join(bad))
        return text
