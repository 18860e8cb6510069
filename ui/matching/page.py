"""Matching: a tab host for the supervisor's review queue and the tracing list."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from .review import ReviewPage
from .tracing import TracingPage


class MatchingPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("matching_tabs")
        self.review = ReviewPage(ctx)
        self.tracing = TracingPage(ctx)
        self.tabs.addTab(self.review, self.tr("Duplicates"))
        self.tabs.addTab(self.tracing, self.tr("Tracing"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
