"""A partner's XLSForm (the ``survey``/``choices``/``settings`` sheets KoboToolbox and ODK forms are
written in): which question uses which choice list, the choices' names and their labels per
language, the questions' labels (a Kobo "labels" export uses them as column headers), the form id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import FileFormatError


@dataclass
class Choice:
    name: str
    labels: dict[str, str]  # language ("English (en)", "Arabic (ar)", "" when unnamed) -> label


@dataclass
class Form:
    form_id: str
    title: str
    questions: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # name -> (type, list name)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # question name -> {language: label}
    lists: dict[str, list[Choice]] = field(default_factory=dict)
    repeats: list[str] = field(default_factory=list)

    def list_of(self, question: str) -> str | None:
        return self.questions.get(question, ("", None))[1]

    def choices_of(self, question: str) -> list[Choice]:
        return self.lists.get(self.list_of(question) or "", [])

    def name_for_label(self, header: str) -> str | None:
        """The question whose label (any language) is this header, for label exports (also with
        Kobo's "hierarchy in labels": ``Household members/Name``)."""
        for key in dict.fromkeys((_fold(header), _fold(str(header).rsplit("/", 1)[-1]))):
            for name, labels in self.labels.items():
                if self.questions.get(name, ("",))[0] in ("begin_group", "begin_repeat", "begin"):
                    continue  # a group's label is not a column
                if any(_fold(v) == key for v in labels.values()):
                    return name
        return None


def _fold(text) -> str:
    return re.sub(r"\s+", " ", str(text or "").strip().lower())


def _language(column: str) -> str | None:
    """'label::Arabic (ar)' -> 'Arabic (ar)'; 'label' -> ''; other columns -> None."""
    head, _, lang = column.partition("::")
    return lang.strip() if head.strip().lower() == "label" else None


def is_xlsform(sheetnames) -> bool:
    names = {n.strip().lower() for n in sheetnames}
    return {"survey", "choices"} <= names


def read(path) -> Form:
    """Read the form. Raises FileFormatError when it is not an XLSForm."""
    from openpyxl import load_workbook

    from .csvio import check_xlsx_cells

    path = Path(path)
    check_xlsx_cells(path)
    fh = open(path, "rb")
    try:
        wb = load_workbook(fh, read_only=True, data_only=True)
    except Exception as exc:
        fh.close()
        raise FileFormatError(f"is not a readable XLSForm workbook ({type(exc).__name__})", str(path)) from None
    try:
        sheets = {n.strip().lower(): wb[n] for n in wb.sheetnames}
        if not is_xlsform(sheets):
            raise FileFormatError("is not an XLSForm (it needs 'survey' and 'choices' sheets)", str(path))
        survey = _records(sheets["survey"])
        choices = _records(sheets["choices"])
        settings = _records(sheets["settings"]) if "settings" in sheets else []
    finally:
        wb.close()
        fh.close()
    first = settings[0] if settings else {}
    form = Form(form_id=str(first.get("form_id") or path.stem), title=str(first.get("form_title") or ""))
    for row in survey:
        kind, name = str(row.get("type") or "").strip(), str(row.get("name") or "").strip()
        if not kind or not name:
            continue
        words = kind.split()
        list_name = words[1] if words[0] in ("select_one", "select_multiple") and len(words) > 1 else None
        if words[0] == "begin_repeat" or kind == "begin repeat":
            form.repeats.append(name)
        form.questions[name] = (words[0], list_name)
        labels = {lang: str(v) for k, v in row.items() if (lang := _language(k)) is not None and v}
        if labels:
            form.labels[name] = labels
    for row in choices:
        list_name = str(row.get("list_name") or row.get("list name") or "").strip()
        name = row.get("name")
        if not list_name or name is None or str(name).strip() == "":
            continue
        labels = {lang: str(v) for k, v in row.items() if (lang := _language(k)) is not None and v}
        form.lists.setdefault(list_name, []).append(Choice(str(name).strip(), labels))
    return form


def _records(ws) -> list[dict]:
    rows = ws.iter_rows(values_only=True)
    header = next(rows, None)
    if not header:
        return []
    keys = [str(h).strip() if h is not None else "" for h in header]
    return [{k: v for k, v in zip(keys, r) if k} for r in rows if any(c not in (None, "") for c in r)]
