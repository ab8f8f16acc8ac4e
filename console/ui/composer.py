"""The reply composer: length counter for the channel, drafts per mention, and Send."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from console.channels.base import ReplyRules
from console.services import InvalidInput, ProfileService, ReplyService
from console.ui import labels

AUTOSAVE_MS = 1500


class ComposerView(QWidget):
    """Layout only: who the reply goes to, the editor, counter, visibility and Send."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recipient = labels.plain_label(wrap=True)
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName("Reply text")
        self.editor.setPlaceholderText("Write a reply…  (Ctrl+Enter sends)")
        self.editor.setTabChangesFocus(True)
        self.visibility = labels.plain_label(wrap=True)
        self.visibility.setAccessibleName("Reply visibility")
        self.counter = labels.plain_label()
        self.counter.setAccessibleName("Characters left")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.send = QPushButton("Send  (Ctrl+Enter)")
        self.send.setAccessibleName("Send reply")
        self.message = labels.plain_label(wrap=True, selectable=True)
        self.message.setAccessibleName("Composer message")
        self.visibility.setStyleSheet(f"color: {labels.NEUTRAL_COLOUR.name()};")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.counter)
        row.addWidget(self.send)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.recipient)
        layout.addWidget(self.visibility)
        layout.addWidget(self.editor, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)


class ComposerController(QObject):
    """Keeps a draft per mention, counts against the channel's limit and queues replies.

    Signals:
        replyQueued(object): a :class:`ReplyInfo` just persisted in the outbox.
    """

    replyQueued = Signal(object)

    def __init__(self, view: ComposerView, replies: ReplyService, profile: ProfileService,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.replies = replies
        self.profile = profile
        self.mention_id = 0
        self.rules: ReplyRules | None = None
        self._dirty = False
        self._loading = False
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_draft)
        view.editor.textChanged.connect(self._on_text_changed)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), view.editor)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.send)
        view.send.clicked.connect(self.send)
        self.clear()

    # --- which mention ----------------------------------------------------------------------

    @Slot(int)
    def set_mention(self, mention_id: int) -> None:
        """Save the draft of the previous mention and load this one's."""
        if mention_id == self.mention_id:
            return
        self.save_draft()
        self.mention_id = mention_id
        detail = self.profile.mention(mention_id)
        self.rules = self.replies.rules(mention_id)
        view = self.view
        who = (labels.author_line(detail.author.display_name, detail.author.handle)
               if detail else "")
        view.recipient.setText(f"Reply to {who} on {detail.channel}" if detail else "")
        self._load_text(self.replies.draft(mention_id))
        view.visibility.setText(labels.visibility_note(self.rules.visibility))
        allowed = self.rules.can_reply
        view.editor.setEnabled(allowed)
        view.message.setText("" if allowed else (self.rules.reason or
                                                 "This channel does not allow a reply here."))
        self._update_counter()

    @Slot()
    def clear(self) -> None:
        self.save_draft()
        self.mention_id = 0
        self.rules = None
        self._load_text("")
        view = self.view
        view.recipient.setText("Select a mention to reply.")
        view.visibility.setText("")
        view.counter.setText("")
        view.message.setText("")
        view.editor.setEnabled(False)
        view.send.setEnabled(False)

    @Slot()
    def focus(self) -> None:
        if self.view.editor.isEnabled():
            self.view.editor.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- drafts -----------------------------------------------------------------------------

    @Slot()
    def save_draft(self) -> None:
        self._autosave.stop()
        if not self._dirty or not self.mention_id:
            return
        try:
            self.replies.save_draft(self.mention_id, self.view.editor.toPlainText())
        except Exception as exc:  # the mention vanished, the database is locked...
            self.view.message.setText(f"The draft could not be saved: {exc}")
            return
        self._dirty = False

    def _load_text(self, text: str) -> None:
        self._loading = True
        try:
            self.view.editor.setPlainText(text)
        finally:
            self._loading = False
        self._dirty = False

    @Slot()
    def _on_text_changed(self) -> None:
        if not self._loading:
            self._dirty = True
            self._autosave.start()
            if self.view.message.text() and (self.rules is None or self.rules.can_reply):
                self.view.message.setText("")
        self._update_counter()

    # --- counting and sending ---------------------------------------------------------------

    def _update_counter(self) -> None:
        view, rules = self.view, self.rules
        if rules is None or not rules.can_reply:
            view.counter.setText("")
            view.send.setEnabled(False)
            return
        text = view.editor.toPlainText()
        counter = self.replies.count(text, rules)
        if counter.over:
            view.counter.setText(f"{counter.used - counter.limit} over")
            colour = labels.COMPLAINT_COLOUR
        else:
            view.counter.setText(f"{counter.remaining} left")
            colour = labels.NEUTRAL_COLOUR if counter.remaining > 20 else labels.NEGATIVE_COLOUR
        view.counter.setStyleSheet(f"color: {colour.name()}; font-weight: bold;")
        view.counter.setToolTip(labels.tooltip(f"{counter.used} of {counter.limit} {rules.unit}"))
        view.send.setEnabled(bool(text.strip()) and not counter.over)

    @Slot()
    def send(self) -> None:
        view, rules = self.view, self.rules
        if not self.mention_id or rules is None:
            return
        text = view.editor.toPlainText()
        counter = self.replies.count(text, rules)
        if rules.can_reply and counter.over:
            view.message.setText(
                f"Not sent: the reply is {counter.used - counter.limit} {rules.unit} over "
                f"the limit of {counter.limit} on this channel. Shorten it first.")
            return
        try:
            reply = self.replies.send(self.mention_id, text)
        except InvalidInput as exc:
            view.message.setText(f"Not sent: {exc}")
            return
        self._autosave.stop()
        self._load_text("")
        self._update_counter()
        view.message.setText("Reply queued; it leaves in a moment (see the thread above).")
        self.replyQueued.emit(reply)
