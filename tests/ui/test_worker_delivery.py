"""A job's callback is not delivered to a widget that was destroyed while the job ran, whether it
is a bound method, a lambda that captured the widget, or a functools.partial."""

import functools

import shiboken6
from PySide6.QtWidgets import QLabel

from ui.shell.worker import _alive


def test_callbacks_touching_a_destroyed_widget_are_dropped(qtbot):
    label = QLabel()
    bound = label.setText
    captured = lambda text: label.setText(text)  # noqa: E731 (a lambda is what pages pass)
    partial = functools.partial(QLabel.setText, label)
    assert _alive(bound) and _alive(captured) and _alive(partial)
    shiboken6.delete(label)
    assert not _alive(bound) and not _alive(captured) and not _alive(partial)
    assert _alive(lambda x: x) and not _alive(None)
