"""The "3 new mentions" bar at the top of the feed: new rows wait there while the agent
points at, reads or answers a mention, so nothing moves under the pointer."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget


class NewMentionsBar(QPushButton):
    """A button that counts the mentions waiting to be shown; clicking it shows them.

    It sits in the search row, beside the search box, so appearing never pushes the
    mention list down (that would move the rows under the pointer it exists to protect).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("New mentions waiting"))
        self.setToolTip(self.tr("New mentions arrived while you were working on one. "
                                "Click or press Home in the list to show them."))
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.setStyleSheet("QPushButton { font-weight: bold; }")
        self.count = 0
        self.hide()

    def set_count(self, count: int) -> None:
        """Show how many mentions wait (hidden when none)."""
        self.count = count
        self.setText(self.tr("↑ %n new mention(s)", "", count))
        self.setVisible(count > 0)
