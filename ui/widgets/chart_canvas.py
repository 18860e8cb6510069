"""A chart on screen, drawn off the GUI thread.

matplotlib draws a busy chart in 50–200 ms of pure Python; drawn on the GUI thread during an import
that is a frozen window each time a batch lands. So the figure is built and rendered to pixels
(matplotlib's Agg renderer, no Qt) on one chart thread shared by every chart, and the GUI thread only
paints the finished image. matplotlib itself is imported on that thread too (about half a second), so
opening the dashboard never waits for it. The figure is drawn by tracker.charts.draw, the same code
the PDF report uses; the last one drawn stays in ``figure`` for saving and for tests.

Only the chart thread touches figures: saving one runs there as well (it waits for the chart thread,
never for the database writer).
"""

from __future__ import annotations

import threading
import traceback
import weakref
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QImage, QPainter
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from tracker.charts.lock import matplotlib_lock  # threading only: no matplotlib at import

DPI = 100  # matplotlib's points-to-pixels scale on screen; the device pixel ratio comes on top
RESIZE_DELAY_MS = 120  # a window being dragged larger redraws once it settles, not at every step

_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def chart_thread() -> ThreadPoolExecutor:
    """The one thread that builds and renders figures (matplotlib is not safe across threads)."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="charts")
        return _pool


# Figures by view: created, kept and dropped on the chart thread only, never owned by the GUI thread
# (freeing matplotlib objects on one thread while another draws crashed the program).
_figures: dict[int, object] = {}


def _keep(key: int, figure) -> None:
    old = _figures.pop(key, None)
    if figure is not None:
        _figures[key] = figure
    if old is not None:
        old.clear()  # its axes and texts go now, on this thread, under the lock


def _render(key: int, build, width_px: int, height_px: int, ratio: float):
    """On the chart thread: a fresh figure of the widget's size, drawn by ``build``, as RGBA bytes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from tracker.charts import draw
    with matplotlib_lock:  # a report may be written on the writer thread meanwhile
        figure = draw.new_figure(width_px / DPI, height_px / DPI, dpi=DPI)
        build(figure)
        figure.set_dpi(DPI * ratio)
        canvas = FigureCanvasAgg(figure)
        canvas.draw()
        w, h = canvas.get_width_height(physical=True)
        pixels = bytes(canvas.buffer_rgba())
        figure.set_dpi(DPI)  # saved later at the saving resolution, not the screen's
        _keep(key, figure)
    return pixels, w, h


def _drop_later(key: int) -> None:
    def drop():
        with matplotlib_lock:
            _keep(key, None)

    try:
        chart_thread().submit(drop)
    except RuntimeError:  # the program is ending: the chart thread is gone, and the figure with it
        pass


class _Courier(QObject):
    """Carries finished drawings from the chart thread to the GUI thread (a queued signal). One for
    the whole program, made on the GUI thread: a view closed while its chart was drawn is simply
    not called (weak reference), and no signal is ever sent from a dead object."""

    done = Signal(object)

    def __init__(self):
        super().__init__()
        self.done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @staticmethod
    def _deliver(payload) -> None:
        ref, ticket, result, size = payload
        view = ref()
        if view is not None and shiboken6.isValid(view):
            view._arrived(ticket, result, size)


_courier: _Courier | None = None


def _the_courier() -> _Courier:
    global _courier
    if _courier is None or not shiboken6.isValid(_courier):
        _courier = _Courier()
    return _courier


class _Canvas(QWidget):
    """Paints the last finished image; says so while the first drawing is on its way."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.image: QImage | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(600, 320)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        if self.image is not None:
            ratio = self.image.devicePixelRatio() or 1.0
            w, h = self.image.width() / ratio, self.image.height() / ratio
            # centred; a drawing for a slightly different size (while resizing) is not stretched
            painter.drawImage(int((self.width() - w) / 2), int((self.height() - h) / 2), self.image)
        painter.end()


class ChartView(QWidget):
    """One chart with a 'Save chart…' button (PNG, SVG or PDF)."""

    drawn = Signal()  # a new drawing is on screen (tests and screenshots wait for it)
    failed = Signal(str)

    def __init__(self, name: str = "chart", parent=None, *, min_height: int = 260, save_button: bool = True,
                 height_in: float = 3.2):
        super().__init__(parent)
        self.name = name
        self._key = id(self)
        # when the view goes, its figure goes on the chart thread (the lambda holds the key, not the view)
        self.destroyed.connect(lambda *_, key=self._key: _drop_later(key))
        self.last_saved: Path | None = None
        self._build = None
        self._asked = 0  # drawings asked for; an answer for an older one is dropped
        self._size: tuple[int, int, float] | None = None  # the size the image on screen was drawn for
        self._courier = _the_courier()
        self._resize_timer = QTimer(self, singleShot=True, interval=RESIZE_DELAY_MS)
        self._resize_timer.timeout.connect(self._redraw_for_size)
        self.canvas = _Canvas()
        self.canvas.setMinimumSize(QSize(200, min_height))
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._hint = QSize(int(6 * DPI), int(height_in * DPI))
        # right-click saves too, so compact layouts can leave the button out
        self.canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        save_action = QAction(self.tr("Save chart…"), self.canvas)
        save_action.triggered.connect(self.save_as)
        self.canvas.addAction(save_action)
        self.canvas.setToolTip(self.tr("Right-click to save this chart as PNG, SVG or PDF"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas, 1)
        self.save_button = QPushButton(self.tr("Save chart…"))
        self.save_button.setToolTip(self.tr("Save this chart as PNG, SVG or PDF"))
        self.save_button.clicked.connect(self.save_as)
        self.save_button.setEnabled(False)
        if save_button:
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(self.save_button)
            layout.addLayout(row)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self._hint

    @property
    def figure(self):
        """The last figure drawn (a matplotlib Figure, None before the first): read it, never draw on it
        here; it belongs to the chart thread."""
        return _figures.get(self._key)

    # -- drawing ---------------------------------------------------------------------------
    def show_chart(self, build) -> None:
        """Draw with ``build(figure)`` on the chart thread; the image replaces the old one when done.
        ``build`` must only read the data it was given (it runs on another thread)."""
        self._build = build
        self._submit()

    def is_drawing(self) -> bool:
        """A drawing was asked for and has not reached the screen yet."""
        return self._build is not None and self._size is None

    def _target(self) -> tuple[int, int, float]:
        w, h = self.canvas.width(), self.canvas.height()
        if not self.canvas.isVisible() or w < 50 or h < 50:  # not laid out yet: the size it asks for
            w, h = max(w, self._hint.width()), max(h, self._hint.height(), self.canvas.minimumHeight())
        return w, h, float(self.devicePixelRatioF() or 1.0)

    def _submit(self) -> None:
        self._asked += 1
        ticket, build = self._asked, self._build
        w, h, ratio = self._target()
        self._size = None
        courier, ref, key = self._courier, weakref.ref(self), self._key

        def work():
            try:
                result = _render(key, build, w, h, ratio)
            except Exception as exc:  # noqa: BLE001 (shown beside the chart, not lost in a thread)
                traceback.print_exc()
                result = exc
            courier.done.emit((ref, ticket, result, (w, h, ratio)))

        chart_thread().submit(work)

    def _arrived(self, ticket: int, result, size) -> None:
        if ticket != self._asked:
            return  # a newer drawing is on its way
        if isinstance(result, Exception):
            self.failed.emit(str(result))
            return
        pixels, w, h = result
        image = QImage(pixels, w, h, QImage.Format.Format_RGBA8888).copy()  # own the bytes
        image.setDevicePixelRatio(size[2])
        self.canvas.image = image
        self._size = size
        self.save_button.setEnabled(True)
        self.canvas.update()
        self.drawn.emit()
        if size[:2] != self._target()[:2]:
            self._resize_timer.start()  # laid out at another size while it was drawn

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self._build is not None:
            self._resize_timer.start()

    def _redraw_for_size(self) -> None:
        if self._build is None or not self.isVisible():
            return
        if self._size is not None and self._size[:2] == self._target()[:2]:
            return
        self._submit()

    # -- saving ----------------------------------------------------------------------------
    def save_to(self, path) -> Path:
        """Write the chart on screen to ``path`` (.png, .svg or .pdf; another suffix becomes .png)."""
        from tracker.charts import draw

        if self.figure is None:
            raise RuntimeError("the chart is still being drawn")
        path = Path(path)
        if path.suffix.lower() not in (".png", ".svg", ".pdf"):
            path = path.with_suffix(".png")
        key = self._key

        def save():
            with matplotlib_lock:
                draw.save(_figures[key], path)

        chart_thread().submit(save).result()
        self.last_saved = path
        return path

    def save_as(self) -> Path | None:
        if self.figure is None:
            return None
        filters = ";;".join([self.tr("PNG image (*.png)"), self.tr("SVG drawing (*.svg)"), self.tr("PDF (*.pdf)")])
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Save chart"), f"{self.name}.png", filters)
        if not path:
            return None
        if not Path(path).suffix:
            path += "." + ("svg" if "svg" in chosen else "pdf" if "pdf" in chosen.lower() else "png")
        return self.save_to(path)
