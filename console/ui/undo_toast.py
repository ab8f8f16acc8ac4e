"""A short-lived "Case 12 closed without a reply. [Undo]" notice floating over the feed.

It floats (no layout) at the bottom of the mention list so that showing it never moves a
row; Ctrl+Z anywhere in the window takes the close back while it shows (text fields keep
their own Ctrl+Z: they claim the key first).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

UNDO_MS = 8000  # long enough to read and reach for the mouse; short enough not to linger


class UndoToast(QFrame):
    """Offers to take back the last close for a few seconds.

    Signals:
        undoRequested(object): the agent clicked Undo or pressed Ctrl+Z (the token given
            to :meth:`offer`).
    """

    undoRequested = Signal(object)

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("undoToast")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        # The tooltip colours: set apart from the rows it floats over, in either theme.
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.setAccessibleName(self.tr("Undo"))
        self.text = QLabel()
        self.text.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Take the close back (Ctrl+Z)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.undo_button)
        self._token: object = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(UNDO_MS)
        self._timer.timeout.connect(self.dismiss)
        self.undo_button.clicked.connect(self.undo)
        self._shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), host.window())
        self._shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self._shortcut.setEnabled(False)
        self._shortcut.activated.connect(self.undo)
        self.hide()

    def offer(self, text: str, token: object) -> None:
        """Show `text` (plain) with an Undo for `token`, for a few seconds."""
        self._token = token
        self.text.setText(text)
        self.adjustSize()
        host = self.parentWidget()
        assert host is not None
        width = min(max(self.sizeHint().width(), 260), host.width() - 16)
        self.resize(width, self.sizeHint().height())
        self.move(QPoint((host.width() - width) // 2, host.height() - self.height() - 12))
        self.raise_()
        self.show()
        self._shortcut.setEnabled(True)
        self._timer.start()

    @property
    def token(self) -> object:
        return self._token

    @Slot()
    def undo(self) -> None:
        token = self._token
        self.dismiss()
        if token is not None:
            self.undoRequested.emit(token)

    @Slot()
    def dismiss(self) -> None:
        self._timer.stop()
        self._token = None
        self._shortcut.setEnabled(False)
        self.hide()
