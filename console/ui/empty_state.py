"""What a pane says while nothing is selected: a short heading and what to do next,
instead of captions with no values beside them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from console.ui import labels


class EmptyState(QFrame):
    """A heading and one or two sentences, centred in the pane (both already translated)."""

    def __init__(self, heading: str, advice: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = labels.plain_label(heading, wrap=True)
        bigger = QFont(self.heading.font())
        bigger.setBold(True)
        bigger.setPointSizeF(bigger.pointSizeF() * 1.15)
        self.heading.setFont(bigger)
        self.advice = labels.plain_label(advice, wrap=True)
        self.advice.setForegroundRole(self.advice.foregroundRole())
        for label in (self.heading, self.advice):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addSpacing(6)
        layout.addWidget(self.advice)
        layout.addStretch(2)
        self.setAccessibleName(heading)
