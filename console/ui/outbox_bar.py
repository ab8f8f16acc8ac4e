"""The bar under the composer that follows the agent's last reply out of the outbox.

Three faces: "Sending in 5 s — Undo" while a reply waits in the outbox; "Not sent: why"
with Edit / Retry / Cancel beside the reason when it failed; "Held: the brand already
replied…" with Send anyway / Edit / Cancel when the pre-send re-read stopped it. Layout only: the
composer's controller decides what it shows.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QPushButton, QWidget

from console.ui import labels

STYLES = {
    "pending": "background: #e8f0fe; border: 1px solid #1a5fb4; border-radius: 4px;",
    "failed": "background: #fce8e6; border: 1px solid #b3261e; border-radius: 4px;",
    "held": "background: #fef7e0; border: 1px solid #a35a00; border-radius: 4px;",
    "done": "background: #e6f4ea; border: 1px solid #1e7a34; border-radius: 4px;",
}


class OutboxBar(QFrame):
    """A message and the buttons that fit it; hidden when there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outboxBar")
        self.setAccessibleName(self.tr("Reply status"))
        self.message = labels.plain_label(wrap=True, selectable=True)
        self.message.setStyleSheet("border: none; background: transparent;")
        self.undo = QPushButton(self.tr("Undo"))
        self.undo.setAccessibleName(self.tr("Undo send"))
        self.send_anyway = QPushButton(self.tr("Send anyway"))
        self.edit = QPushButton(self.tr("Edit"))
        self.retry = QPushButton(self.tr("Retry"))
        self.discard = QPushButton(self.tr("Cancel"))
        self.discard.setToolTip(self.tr("Do not send this reply: it leaves the outbox."))
        self.discard.setAccessibleName(self.tr("Cancel the reply"))
        self.buttons = {"undo": self.undo, "send_anyway": self.send_anyway, "edit": self.edit,
                        "retry": self.retry, "discard": self.discard}
        # A failure's buttons sit beside its reason, where the eye already is; a held
        # reply's several go on a row of their own below, so the long warning keeps the
        # full width.
        self.beside = QHBoxLayout()
        self.below = QHBoxLayout()
        self.below.addStretch(1)
        for button in self.buttons.values():
            self.beside.addWidget(button)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 4, 4)
        grid.setColumnStretch(0, 1)
        grid.addWidget(self.message, 0, 0)
        grid.addLayout(self.beside, 0, 1)
        grid.addLayout(self.below, 1, 0, 1, 2)
        self.hide()

    def show_state(self, face: str, text: str, buttons: tuple[str, ...] = ()) -> None:
        self.setStyleSheet(f"#outboxBar {{ {STYLES.get(face, '')} }}")
        self.message.setText(text)
        for name, button in self.buttons.items():
            button.setVisible(name in buttons)
        target = self.below if len(buttons) > 1 and face != "failed" else self.beside
        for button in self.buttons.values():
            for row in (self.beside, self.below):
                row.removeWidget(button)
            target.addWidget(button)
        self.setProperty("face", face)
        self.show()

    def clear(self) -> None:
        self.setProperty("face", "")
        self.message.setText("")
        self.hide()
