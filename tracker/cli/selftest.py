"""``dtrack self-test``: prove that this installation (a checkout, a wheel or a frozen bundle) works.

Each check uses the real parts on real files in a temporary folder: an encrypted database, a
household with Arabic names, HXL CSV and XLSX exports, every chart, the flow map and the PDF
report drawn in Arabic with the shipped font, both languages' words and translation files, and
a sync bundle between two temporary devices. One line per check; the folder is removed at the
end. The window adds its own checks (ui/shell/selftest.py) through ``run(extra=...)``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Callable

from tracker import __version__
from tracker.resources import resource_path

# The Arabic head of household written and read back; "احمد" (no hamza) must find "أحمد".
HEAD = {"given_name_ar": "أحمد", "father_name_ar": "محمود", "family_name_ar": "الأسعد",
        "given_name_lat": "Ahmad", "family_name_lat": "Al-Asaad", "sex": "m", "age_estimated": 44,
        "relationship": "head"}
SPOUSE = {"given_name_ar": "ليلى", "family_name_ar": "الأسعد", "sex": "f", "age_estimated": 39,
          "relationship": "spouse"}
HEAD_NAME_AR = "أحمد محمود الأسعد"
HOUSEHOLD = {"registration_date": "2025-03-12", "origin_pcode": "SY10", "current_pcode": "LB51"}
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")  # the first 16 bytes of every Qt .qm file
SHIPPED_FONT = "NotoSansArabic"
ACCOUNT = "selftest"  # the administrator account each temporary database is made with


class CheckFailed(Exception):
    """A check found something wrong; its text is the one line printed."""


def require(condition, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


class SelfTest:
    """The temporary folder, passphrase and databases the checks share; ``close`` removes them all."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="dtrack-selftest-"))
        self.passphrase = secrets.token_urlsafe(12)
        self.store = None
        self.household_id: str | None = None
        self._open: list = []

    def track(self, store):
        self._open.append(store)
        return store

    def close_stores(self) -> None:
        for store in self._open:
            with contextlib.suppress(Exception):
                store.close()
        self._open.clear()
        self.store = None

    # -- the checks, in order ----------------------------------------------------------------
    def check_version(self) -> str:
        require(__version__ and __version__ != "0+unknown", "the version is unknown (the package metadata is missing)")
        frozen = getattr(sys, "frozen", False)
        # the bundle runs Python in UTF-8 mode (packaging/displacement-tracker.spec): Arabic in piped output
        require(not frozen or sys.flags.utf8_mode, "the bundle was built without Python's UTF-8 mode")
        return (f"Displacement Tracker {__version__}, Python {sys.version.split()[0]}"
                + (", UTF-8 mode" if sys.flags.utf8_mode else ""))

    def check_resources(self) -> str:
        needed = [("gazetteer", "locations.csv"), ("geo", "countries.geojson"), ("geo", "places.csv"),
                  ("fonts", "NotoSansArabic-Regular.ttf"), ("fonts", "NotoSansArabic-Bold.ttf")]
        missing = ["/".join(p) for p in needed if not resource_path(*p).is_file()]
        require(not missing, "missing from the installation: " + ", ".join(missing))
        return f"gazetteer, map geometry and fonts under {resource_path()}"

    def check_encrypted_database(self) -> str:
        from tracker import office
        from tracker.errors import WrongPassphrase

        path = self.folder / "office.dtdb"
        store = office.create(path, self.passphrase, admin=ACCOUNT, organisation="منظمة الاختبار",
                              device_name="selftest-a")
        store.close()
        head = path.read_bytes()[:16]
        require(head != b"SQLite format 3\x00", f"{path.name} is not encrypted (it starts like a plain SQLite file)")
        try:
            office.open(path, self.passphrase + "x", ACCOUNT).close()
        except WrongPassphrase:
            pass
        else:
            raise CheckFailed("a wrong passphrase opened the database")
        self.store = self.track(office.open(path, self.passphrase, ACCOUNT))
        return f"created, refused a wrong passphrase, reopened ({path.stat().st_size:,} bytes)"

    def check_arabic_household(self) -> str:
        from tracker.domain import household_edits, households, queries
        from tracker.store import records

        store = self._need_store()
        hid = household_edits.register(store, "full", HOUSEHOLD, [HEAD, SPOUSE])
        self.household_id = hid
        row = records.require(store, "households", hid)
        require(row["head_name_ar"] == HEAD_NAME_AR, f"the head's Arabic name came back as {row['head_name_ar']!r}")
        names = sorted(m["given_name_ar"] for m in households.members_of(store, hid))
        require(names == sorted(["أحمد", "ليلى"]), f"the members came back as {names!r}")
        found = queries.household_ids(store.conn, queries.HouseholdFilters(text="احمد الاسعد"))
        require(hid in found, "a search for the name spelt without hamza did not find the household")
        return "written, read back and found by a spelling variant"

    def check_hxl_csv(self) -> str:
        import csv

        from tracker.exchange import export

        store = self._need_store()
        self._demo_data(store)
        out = self.folder / "households.csv"
        result = export.export(store, "households", out, "csv")
        with open(out, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
        require(len(rows) >= 3, f"{out.name} has {len(rows)} lines")
        require(all(c.startswith("#") for c in rows[1] if c), "the second line is not the HXL tag row")
        meta = Path(result["metadata_path"]).read_text(encoding="utf-8-sig")
        require(__version__ in meta, "the export's metadata does not name this version")
        return f"{result['rows']['households']} households, HXL tags, metadata names version {__version__}"

    def check_xlsx(self) -> str:
        from openpyxl import load_workbook

        from tracker.exchange import export

        store = self._need_store()
        out = self.folder / "export.xlsx"
        export.export(store, ["households", "crossings"], out, "xlsx")
        book = load_workbook(out, read_only=True)
        try:
            sheets = book.sheetnames
            meta = " ".join(str(c) for row in book[_metadata_sheet(sheets)].iter_rows(values_only=True) for c in row)
        finally:
            book.close()
        require(__version__ in meta, "the workbook's metadata sheet does not name this version")
        return f"sheets {', '.join(sheets)}"

    def check_charts(self) -> str:
        from tracker.charts import data, draw, text

        store = self._need_store()
        names = text.place_names(store, "ar")
        series = data.daily_by_point(store)
        charts = {
            "daily": lambda fig: draw.draw_daily(fig, series, names, "ar"),
            "cumulative": lambda fig: draw.draw_cumulative(fig, *data.cumulative(store, series=series), "ar"),
            "flows": lambda fig: draw.draw_flows(fig, data.origin_destination(store), names, "ar"),
            "pyramid": lambda fig: draw.draw_pyramid(fig, data.pyramid(store), "ar"),
            "map": lambda fig: draw.draw_map(fig, data.route_flows(store), store.locations(), names, "ar"),
        }
        for name, build in charts.items():
            out = self.folder / f"{name}-ar.png"
            with draw.style("ar"), missing_glyphs() as missing:
                fig = draw.new_figure(6, 4)
                build(fig)
                draw.save(fig, out, dpi=60)
            require(not missing, f"the {name} chart drew boxes instead of letters: {missing[:1]}")
            require(out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", f"the {name} chart is not a PNG")
        return f"{', '.join(charts)} drawn in Arabic with {arabic_font_file().name}, no missing letters"

    def check_report(self) -> str:
        from tracker.charts import report
        from tracker.charts.data import Filters

        store = self._need_store()
        out = self.folder / "sitrep-ar.pdf"
        with missing_glyphs() as missing:
            report.write(store, Filters(), out, language="ar")
        pdf = out.read_bytes()
        require(pdf[:5] == b"%PDF-", f"{out.name} is not a PDF")
        require(not missing, f"the report drew boxes instead of letters: {missing[:1]}")
        require(SHIPPED_FONT.encode() in pdf, f"the report does not embed the shipped {SHIPPED_FONT} font")
        require(f"Displacement Tracker {__version__}".encode() in pdf, "the report's metadata lacks the version")
        return f"one page in Arabic, {SHIPPED_FONT} embedded ({len(pdf):,} bytes)"

    def check_translations(self) -> str:
        from tracker.charts import text

        untranslated = [k for k, (en, ar) in text.WORDS.items() if not en or not ar]
        require(not untranslated, "chart words without both languages: " + ", ".join(untranslated[:5]))
        require(text.word("report_title", "ar") != text.word("report_title", "en"), "Arabic words are English")
        folder = resource_path("translations")
        files = sorted(folder.glob("*_ar.qm"))
        require(files, f"no Arabic translation files (.qm) in {folder}")
        bad = [f.name for f in files if f.read_bytes()[:16] != QM_MAGIC]
        require(not bad, "damaged translation files: " + ", ".join(bad))
        return f"English and Arabic chart words; {len(files)} Arabic translation files"

    def check_sync(self) -> str:
        from tracker import office
        from tracker.store import records
        from tracker.sync import bundle, identity

        a = self._need_store()
        b = self.track(office.create(self.folder / "other.dtdb", self.passphrase, admin=ACCOUNT,
                                     organisation="منظمة الاختبار", device_name="selftest-b"))
        identity.export_identity(a, self.folder / "a.identity")
        identity.export_identity(b, self.folder / "b.identity")
        identity.add_peer(a, identity.read_identity(self.folder / "b.identity"))
        identity.add_peer(b, identity.read_identity(self.folder / "a.identity"))
        out = self.folder / "a-to-b.dtb"
        sent = bundle.export_bundle(a, out, for_device=b.device_id)
        got = bundle.import_bundle(b, out)
        row = records.get(b, "households", self.household_id) if self.household_id else None
        require(row is not None and row["head_name_ar"] == HEAD_NAME_AR,
                "the Arabic household did not arrive on the second device")
        return f"{sent['changes']} changes signed, encrypted, imported ({got['new']} new)"

    # -- helpers --------------------------------------------------------------------------------
    def _need_store(self):
        require(self.store is not None, "needs the encrypted database, which failed above")
        return self.store

    def _demo_data(self, store) -> None:
        from tracker.domain import demo

        if not store.conn.execute("SELECT 1 FROM crossing_counts LIMIT 1").fetchone():
            demo.populate(store, households=14, crossings=120, seed=2025)

    def remove(self) -> str:
        self.close_stores()
        folder = self.folder
        for attempt in range(5):  # on Windows a file just closed may stay locked for a moment
            shutil.rmtree(folder, ignore_errors=attempt < 4)
            if not folder.exists():
                break
            time.sleep(0.2)
        require(not folder.exists(), f"could not remove {folder}")
        return f"removed {folder}"



def _metadata_sheet(sheets: list[str]) -> str:
    found = [s for s in sheets if s.lower() == "metadata"]
    require(found, "the workbook has no metadata sheet")
    return found[0]


def arabic_font_file() -> Path:
    """The file matplotlib uses for the Arabic font family; it must be the shipped one."""
    from matplotlib import font_manager

    from tracker.charts import draw

    families = draw._register_fonts()
    require(families, "the shipped Arabic font could not be registered with matplotlib")
    found = Path(font_manager.findfont(font_manager.FontProperties(family=families[0]), fallback_to_default=False))
    require(found.resolve().parent == resource_path("fonts").resolve(),
            f"matplotlib uses {found} for Arabic, not the shipped font")
    return found


@contextlib.contextmanager
def missing_glyphs():
    """Collect matplotlib's complaints about letters no font has (they would be drawn as boxes)."""
    complaints: list[str] = []

    class Catch(logging.Handler):
        def emit(self, record):
            complaints.append(record.getMessage())

    handler = Catch(logging.WARNING)
    logger = logging.getLogger("matplotlib.font_manager")
    logger.addHandler(handler)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield complaints
        complaints.extend(str(w.message) for w in caught if "missing from font" in str(w.message)
                          or "findfont" in str(w.message))
    finally:
        logger.removeHandler(handler)


CORE_CHECKS = (
    ("version", SelfTest.check_version),
    ("resources", SelfTest.check_resources),
    ("encrypted database", SelfTest.check_encrypted_database),
    ("Arabic household", SelfTest.check_arabic_household),
    ("HXL CSV export", SelfTest.check_hxl_csv),
    ("XLSX export", SelfTest.check_xlsx),
    ("charts and flow map", SelfTest.check_charts),
    ("PDF report", SelfTest.check_report),
    ("translations", SelfTest.check_translations),
    ("sync bundle", SelfTest.check_sync),
)


def run(extra: tuple[tuple[str, Callable], ...] = (), out=None) -> bool:
    """Run the core checks, then ``extra`` (name, fn(selftest) -> detail), then clean up.
    Prints one line per check; True only when every check passed."""
    if out is None:
        # a Windows console or pipe may not encode Arabic: an unprintable letter must not fail the run
        with contextlib.suppress(AttributeError, ValueError):
            sys.stdout.reconfigure(errors="backslashreplace")
        out = lambda line: print(line, flush=True)  # noqa: E731
    test = SelfTest()
    ok = True
    out(f"Displacement Tracker {__version__} self-test in {test.folder}")
    for name, check in (*CORE_CHECKS, *extra, ("clean-up", SelfTest.remove)):
        started = time.perf_counter()
        try:
            detail = check(test)
        except Exception as exc:  # every failure is reported and the next check still runs
            ok = False
            out(f"FAIL {name}: {_one_line(exc)}")
        else:
            out(f"ok   {name}: {detail} ({time.perf_counter() - started:.1f} s)")
    if test.folder.exists():  # a failed clean-up above: try once more, quietly
        test.close_stores()
        shutil.rmtree(test.folder, ignore_errors=True)
    out("self-test passed" if ok else "self-test FAILED")
    return ok


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or exc.__class__.__name__
    if not isinstance(exc, CheckFailed):
        text = f"{exc.__class__.__name__}: {text}"
    return text[:300]


def _cmd_self_test(args) -> int:
    os.environ.setdefault("MPLBACKEND", "Agg")
    return 0 if run() else 1


def register(sub) -> None:
    p = sub.add_parser("self-test", help="check this installation: database, exports, charts, report, sync")
    p.set_defaults(func=_cmd_self_test)
