"""Follows the composer's replies through the outbox and drives the bar under it.

After Send the reply waits ``outbox_delay`` seconds: the bar counts down with Undo, which
pulls the reply back into the editor (the text is never lost). Then it follows the engine's
events: "Sent", or why it failed with Edit / Retry / Discard, or the pre-send re-read's
warning with Send anyway / Edit / Discard.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLocale, QObject, QTimer, Signal, Slot

from console.errors import InvalidInput
from console.replies.outbox import OutboxError, ReplyInfo
from console.replies.service import ReplyService
from console.store.timeutil import utcnow
from console.sync.events import OutboxChanged
from console.sync.outbox_text import outbox_sentence
from console.ui.outbox_bar import OutboxBar

TICK_MS = 200
DONE_MS = 4000


class ReplyFollower(QObject):
    """The logic of the :class:`OutboxBar` for one composer.

    Signals:
        aboutToUndo(): save what is in the editor now (the pulled-back text joins it).
        pulledBack(object): a :class:`ReplyInfo` is a draft again (undo send).
        editRequested(object): the agent wants to edit this failed :class:`ReplyInfo`.
        editEnded(): the failed reply being edited was discarded or queued from the bar.
        changed(): a reply was pulled back, retried or discarded (refresh the thread).
    """

    aboutToUndo = Signal()
    pulledBack = Signal(object)
    editRequested = Signal(object)
    editEnded = Signal()
    changed = Signal()

    def __init__(self, bar: OutboxBar, replies: ReplyService, parent: QObject | None = None,
                 ) -> None:
        super().__init__(parent)
        self.bar = bar
        self.replies = replies
        self.mention_id = 0
        self.pending: ReplyInfo | None = None  # in the undo window or on its way
        self.shown: ReplyInfo | None = None  # the failed or held reply on the bar
        self.editing: int | None = None  # id of the failed reply in the editor
        self._edits: dict[int, str] = {}
        self._polls = 0
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._count_down)
        self._done = QTimer(self)
        self._done.setSingleShot(True)
        self._done.timeout.connect(self._after_done)
        bar.undo.clicked.connect(self.undo)
        bar.edit.clicked.connect(self.edit)
        bar.retry.clicked.connect(self.retry)
        bar.send_anyway.clicked.connect(self.send_anyway)
        bar.discard.clicked.connect(self.discard)

    # --- what to show -----------------------------------------------------------------------

    def show_mention(self, mention_id: int) -> None:
        """The composer moved to another mention: show its failed reply, if any."""
        self.mention_id = mention_id
        if self.pending is None:
            self._show_failed()

    def _show_failed(self) -> None:
        failed = [r for r in self.replies.replies(self.mention_id) if r.state == "failed"] \
            if self.mention_id else []
        self.shown = failed[-1] if failed else None
        reply = self.shown
        if reply is None:
            self.bar.clear()
        elif reply.held:
            self.bar.show_state("held", self.tr("Held, not sent: %1").replace(
                "%1", outbox_sentence(reply.warning)), ("send_anyway", "edit", "discard"))
        else:
            self.bar.show_state("failed", self.tr("Not sent: %1").replace(
                "%1", outbox_sentence(reply.error) or self.tr("the network refused it")),
                ("edit", "retry", "discard"))

    def follow(self, reply: ReplyInfo) -> None:
        """A reply was just queued: count down its undo window."""
        self.pending, self.shown = reply, None
        self._polls = 0
        self._done.stop()
        self._count_down()
        self._tick.start()

    def seconds_left(self) -> int:
        if self.pending is None or self.pending.next_attempt_at is None:
            return 0
        return max(0, math.ceil((self.pending.next_attempt_at - utcnow()).total_seconds()))

    @Slot()
    def _count_down(self) -> None:
        left = self.seconds_left()
        if left > 0:
            self.bar.show_state("pending", self.tr("Sending in %1 s…").replace(
                "%1", QLocale().toString(left)), ("undo",))
            return
        if self.bar.property("face") != "pending" or self.bar.undo.isVisible():
            self.bar.show_state("pending", self.tr("Sending…"), ())
        # Another console on the workspace may be the one sending (its engine's events do
        # not reach us), so the outbox itself is asked how the reply is doing.
        self._polls += 1
        if self._polls % 5 == 0 and self.pending is not None:
            now = self.replies.reply(self.pending.id)
            if now is None:
                self._tick.stop()
                self.pending = None
                self._show_failed()
            elif now.state in ("sent", "failed"):
                self.on_outbox_changed(OutboxChanged({}, now.id, now.mention_id, now.state,
                                                     now.error))

    @Slot()
    def _after_done(self) -> None:
        self.pending = None
        self._show_failed()

    def on_outbox_changed(self, event: object) -> None:
        if not isinstance(event, OutboxChanged) or event.reply_id is None:
            return
        if self.pending is not None and event.reply_id == self.pending.id:
            if event.state == "sent":
                self._tick.stop()
                if self.bar.message.text() != self.tr("Sent."):
                    self.bar.show_state("done", self.tr("Sent."), ())
                    self._done.start(DONE_MS)
            elif event.state == "failed":
                self._tick.stop()
                self.pending = None
                self._show_failed()
            elif event.state == "queued" and event.error:
                self.bar.show_state("pending", self.tr(
                    "Not sent yet: %1 It is tried again automatically.").replace(
                    "%1", outbox_sentence(event.error)), ())
        elif self.pending is None and event.mention_id == self.mention_id:
            self._show_failed()

    # --- the buttons ------------------------------------------------------------------------

    @Slot()
    def undo(self) -> None:
        reply = self.pending
        if reply is None:
            return
        self.aboutToUndo.emit()
        self._tick.stop()
        if self.replies.cancel(reply.id):
            self.pending = None
            self.bar.show_state("done", self.tr("Pulled back: nothing was sent."), ())
            self._done.start(DONE_MS)
            self.pulledBack.emit(reply)
            self.changed.emit()
        else:
            self.bar.show_state("pending", self.tr("Too late: the reply has already left."), ())

    @Slot()
    def edit(self) -> None:
        if self.shown is not None:
            self.editing = self.shown.id
            self.bar.show_state("held" if self.shown.held else "failed", self.tr(
                "Editing the reply that was not sent: Send queues it again."), ("discard",))
            self.editRequested.emit(self.shown)

    def edit_text(self, reply: ReplyInfo) -> str:
        return self._edits.get(reply.id, reply.text)

    def remember_edit(self, text: str) -> None:
        if self.editing is not None:
            self._edits[self.editing] = text

    def stop_editing(self) -> None:
        """The editor no longer holds the failed reply (its edits are kept for later)."""
        self.editing = None

    def _requeue(self, send_anyway: bool) -> None:
        reply = self.shown
        if reply is None:
            return
        try:
            again = self.replies.retry(reply.id, send_anyway=send_anyway)
        except (InvalidInput, OutboxError) as exc:
            self.bar.show_state("failed", str(exc), ("edit", "discard"))
            return
        self._end_edit(reply.id)
        self.follow(again)
        self.changed.emit()

    def _end_edit(self, reply_id: int) -> None:
        self._edits.pop(reply_id, None)
        if self.editing == reply_id:
            self.editing = None
            self.editEnded.emit()

    @Slot()
    def retry(self) -> None:
        self._requeue(send_anyway=False)

    @Slot()
    def send_anyway(self) -> None:
        self._requeue(send_anyway=True)

    @Slot()
    def discard(self) -> None:
        reply = self.shown
        if reply is None:
            return
        self.replies.discard(reply.id)
        self._end_edit(reply.id)
        self.shown = None
        self._show_failed()
        self.changed.emit()
