"""The status bar's three areas, which never run into each other: one chip per account
(its name shortened to fit, its state always whole, the full sentence in the tooltip),
the latest notice (shortened to fit, whole in the tooltip) and the outbox counter.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QStatusBar, QWidget

from console.ui import labels

CHIP_GAP = 10
NAME_MIN = 24  # below this a chip in trouble shows its state alone


class ElidedLabel(QLabel):
    """A one-line plain-text label that shortens its text with "…" to the width it gets,
    instead of cutting letters off; the whole text stays in the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.full_text = ""

    def setText(self, text: str) -> None:
        self.set_full_text(text)

    def set_full_text(self, text: str, tip: str | None = None) -> None:
        self.full_text = text
        self.setToolTip(labels.tooltip(tip if tip is not None else text) if text else "")
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = self.contentsRect().width() - 2 * self.margin()
        shown = self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight,
                                              max(room, 0))
        if shown != self.text():
            QLabel.setText(self, shown)


class AccountChip(QLabel):
    """One account: its name, and its state when something is wrong ("<name> · offline");
    the name is shortened first, the state never. A working account's state ("polling",
    "live") is in the tooltip with the rest."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.name, self.state = "", ""
        self.troubled = False
        # The name is data (a handle, a host, shortened to fit); the kind and state words
        # come from channel_label / state_word, which the translation tests cover.
        labels.mark_data(self)
        self.setContentsMargins(6, 0, 6, 0)

    def set_parts(self, name: str, state: str, tip: str, troubled: bool) -> None:
        self.name, self.state, self.troubled = name, state, troubled
        self.setToolTip(labels.tooltip(tip))
        self.setAccessibleName(tip)
        colour = labels.NEGATIVE_COLOUR.name() if troubled else "palette(window-text)"
        self.setStyleSheet(f"QLabel {{ color: {colour}; border: 1px solid palette(mid);"
                           " border-radius: 8px; }")
        self.fit()

    def _state_part(self) -> str:
        return f" · {self.state}" if self.troubled else ""

    def natural_width(self) -> int:
        margins = self.contentsMargins()
        return (self.fontMetrics().horizontalAdvance(self.name + self._state_part())
                + margins.left() + margins.right() + 2 * self.frameWidth() + 4)

    def fit(self) -> None:
        metrics = self.fontMetrics()
        room = self.contentsRect().width() - 2
        state = self._state_part()
        name_room = room - metrics.horizontalAdvance(state)
        if name_room >= NAME_MIN:
            name = metrics.elidedText(self.name, Qt.TextElideMode.ElideRight, name_room)
            text = name + state
        else:  # no room for a name: the state alone, shortened if it must be
            text = metrics.elidedText(self.state if self.troubled else self.name,
                                      Qt.TextElideMode.ElideRight, max(room, 0))
        if text != self.text():
            self.setText(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()


class AccountChips(QWidget):
    """The chips in a row; when they do not all fit, each gets an equal share."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(CHIP_GAP // 2)
        self.placeholder = ElidedLabel()  # "No sync yet…" when there is no account
        self.row.addWidget(self.placeholder, 1)
        self.chips: list[AccountChip] = []

    def set_chips(self, parts: list[tuple[str, str, str, bool]]) -> None:
        """(name, state, tooltip sentence, troubled) per account, in order."""
        while len(self.chips) > len(parts):
            chip = self.chips.pop()
            self.row.removeWidget(chip)
            chip.deleteLater()
        while len(self.chips) < len(parts):
            chip = AccountChip(self)
            self.row.insertWidget(len(self.chips), chip)
            self.chips.append(chip)
        for chip, (name, state, tip, troubled) in zip(self.chips, parts, strict=True):
            chip.set_parts(name, state, tip, troubled)
        self.placeholder.setVisible(not parts)
        self._share()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._share()

    def _share(self) -> None:
        if not self.chips:
            return
        room = self.width() - self.row.spacing() * (len(self.chips) - 1)
        wants = [chip.natural_width() for chip in self.chips]
        if sum(wants) <= room:
            widths = wants
        else:  # the narrow ones keep their width, the rest share what is left
            widths = list(wants)
            share = room // len(self.chips)
            generous = [i for i, want in enumerate(wants) if want > share]
            left = room - sum(want for want in wants if want <= share)
            for i in generous:
                widths[i] = max(left // len(generous), 0)
        for chip, width in zip(self.chips, widths, strict=True):
            chip.setFixedWidth(width)


class DeskStatusBar(QStatusBar):
    """A status bar whose passing messages go to their own area (never drawn over the
    account chips or the outbox counter); `currentMessage` reads it back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chips = AccountChips()
        self.notice = ElidedLabel()
        self.notice.setAccessibleName(self.tr("Latest notice"))
        self.outbox = labels.plain_label()
        self.outbox.setAccessibleName(self.tr("Outbox"))
        self.addWidget(self.chips, 3)
        self.addWidget(self.notice, 2)
        self.addPermanentWidget(self.outbox)
        self.notice.hide()
        self._expire = QTimer(self)
        self._expire.setSingleShot(True)
        self._expire.timeout.connect(self.clearMessage)

    def showMessage(self, text: str, timeout: int = 0) -> None:
        """Show `text` (plain text) in the notice area for `timeout` ms (0: until the next)."""
        self.notice.set_full_text(" ".join(text.split()))
        self.notice.setVisible(bool(text.strip()))  # the chips have the room meanwhile
        self._expire.stop()
        if timeout:
            self._expire.start(timeout)
        self.messageChanged.emit(text)

    def clearMessage(self) -> None:
        self._expire.stop()
        if self.notice.full_text:
            self.notice.set_full_text("")
            self.notice.hide()
            self.messageChanged.emit("")

    def currentMessage(self) -> str:
        return self.notice.full_text
