"""Closing the window while replies are still on their way: say so and let the agent
choose to send them later, discard them, or stay."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from console.replies.service import ReplyService

PENDING_STATES = ("queued", "sending", "failed")
LATER, DISCARD, STAY = "later", "discard", "stay"


class QuitGuard(QObject):
    """Asks before the window closes with replies queued, sending or failed.

    `choose` shows the question and returns LATER, DISCARD or STAY (tests answer it). The
    window is its Qt parent, never a Python attribute: the window holds :meth:`allow_close`,
    and a reference back would keep a deleted window's wrapper alive.
    """

    def __init__(self, window: QWidget, replies: ReplyService) -> None:
        super().__init__(window)
        self.replies = replies
        self.choose: Callable[[QMessageBox], str] = self._ask

    def pending(self) -> dict[str, int]:
        counts = self.replies.counts()
        return {state: counts.get(state, 0) for state in PENDING_STATES
                if counts.get(state, 0)}

    def allow_close(self) -> bool:
        """True when the window may close (after doing what the agent chose)."""
        try:
            pending = self.pending()
        except Exception:  # the database is gone: nothing more can be asked of it
            return True
        if not pending:
            return True
        choice = self.choose(self.question(pending))
        if choice == DISCARD:
            self.discard()
        return choice in (LATER, DISCARD)

    def question(self, pending: dict[str, int]) -> QMessageBox:
        parts = []
        if pending.get("queued"):
            parts.append(self.tr("%n queued", "", pending["queued"]))
        if pending.get("sending"):
            parts.append(self.tr("%n being sent", "", pending["sending"]))
        if pending.get("failed"):
            parts.append(self.tr("%n not sent (failed)", "", pending["failed"]))
        total = sum(pending.values())
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Replies not sent yet"), "",
                          parent=self._window())
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("%n reply(ies) have not gone out yet: %1.", "", total)
                    .replace("%1", ", ".join(parts)))
        box.setInformativeText(self.tr(
            "Send later keeps them in the outbox: they go out the next time this workspace "
            "is open. Discard takes the queued ones back to drafts and drops the failed "
            "ones."))
        box.addButton(self.tr("Send later"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        return box

    def _window(self) -> QWidget | None:
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None

    @staticmethod
    def _ask(box: QMessageBox) -> str:
        box.exec()
        role = box.buttonRole(box.clickedButton()) if box.clickedButton() else None
        return {QMessageBox.ButtonRole.AcceptRole: LATER,
                QMessageBox.ButtonRole.DestructiveRole: DISCARD}.get(role, STAY)  # type: ignore[arg-type]

    def discard(self) -> None:
        """Queued replies go back to drafts (their text is kept); failed ones are dropped.
        A reply already being sent cannot be stopped."""
        for reply in self.replies.outbox(("queued", "failed"), limit=10_000):
            if reply.state == "queued":
                self.replies.cancel(reply.id)
            else:
                self.replies.discard(reply.id)
