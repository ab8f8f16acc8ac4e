"""The reply composer: canned replies, variables, a preview of what leaves, and Send.

The editor holds the agent's text with any ``{variables}`` of canned replies; the Preview
tab shows the exact text that will be posted once they are filled, and the counter counts
that text in the channel's unit. Send checks the channel's rules, puts the reply in the
outbox and shows the undo bar while it waits there (see :mod:`console.ui.outbox_bar`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.cases import canned_text
from console.cases.canned import Canned, CannedService
from console.channels.base import ReplyRules
from console.errors import InvalidInput, StoreError
from console.mentions.service import ProfileService
from console.replies import reply_rules
from console.replies.outbox import OutboxError, ReplyInfo
from console.replies.service import ReplyService
from console.store.timeutil import utcnow
from console.ui import labels
from console.ui.canned_picker import CannedPicker, SlashCompleter, SlashEditor
from console.ui.canned_variables import VariablesDialog
from console.ui.composer_outbox import ReplyFollower
from console.ui.outbox_bar import OutboxBar

AUTOSAVE_MS = 1500


class ComposerView(QWidget):
    """Layout only: recipient, Write/Preview tabs, variables line, counter, Send, outbox bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recipient = labels.plain_label(wrap=True)
        self.editor = SlashEditor()
        self.editor.setAccessibleName(self.tr("Reply text"))
        self.editor.setPlaceholderText(self.tr(
            "Write a reply…  Type / and a shortcut for a canned reply.  (Ctrl+Enter sends)"))
        self.editor.setTabChangesFocus(True)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("Preview of the reply as it will be posted"))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.editor, self.tr("Write"))
        self.tabs.addTab(self.preview, self.tr("Preview"))
        self.visibility = labels.plain_label(wrap=True)
        self.visibility.setAccessibleName(self.tr("Reply visibility"))
        self.visibility.setStyleSheet(f"color: {labels.NEUTRAL_COLOUR.name()};")
        self.private = QCheckBox(self.tr("Continue in private: send it as a direct message to "
                                         "the author"))
        self.private.setToolTip(self.tr(
            "The author accepts direct messages from the brand: the reply leaves as a private "
            "message instead of a public reply."))
        self.private.hide()
        self.variables = labels.plain_label(wrap=True)
        self.variables.setAccessibleName(self.tr("Variables of the reply"))
        self.variables.setStyleSheet(f"color: {labels.NEUTRAL_COLOUR.name()};")
        self.counter = labels.plain_label()
        self.counter.setAccessibleName(self.tr("Characters left"))
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.canned = QPushButton(self.tr("Canned replies…"))
        self.canned.setToolTip(self.tr("Insert saved answers (Ctrl+/), or type / and a shortcut"))
        self.fill = QPushButton(self.tr("Fill variables…"))
        self.send = QPushButton(self.tr("Send  (Ctrl+Enter)"))
        self.send.setAccessibleName(self.tr("Send reply"))
        self.outbox = OutboxBar()
        self.message = labels.plain_label(wrap=True, selectable=True)
        self.message.setAccessibleName(self.tr("Composer message"))
        # The count sits beside the variables line, so the buttons' row holds only buttons
        # and the composer fits a narrow centre pane in Spanish too.
        notes = QHBoxLayout()
        notes.addWidget(self.variables, 1)
        notes.addWidget(self.fill, 0, Qt.AlignmentFlag.AlignTop)
        notes.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignTop)
        row = QHBoxLayout()
        row.addWidget(self.canned)
        row.addStretch(1)
        row.addWidget(self.send)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.recipient)
        layout.addWidget(self.visibility)
        layout.addWidget(self.private)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(notes)
        layout.addLayout(row)
        layout.addWidget(self.outbox)
        layout.addWidget(self.message)


def unit_word(unit: str) -> str:
    """The channel's length unit, in the console's language."""
    if unit == "characters":
        return QCoreApplication.translate("Composer", "characters")
    if unit == "graphemes":
        return QCoreApplication.translate("Composer", "characters (graphemes)")
    if unit == "weighted":
        return QCoreApplication.translate("Composer", "weighted characters")
    return unit


class ComposerController(QObject):
    """Drafts per mention, canned replies and their variables, rules, sending and undo.

    Signals:
        replyQueued(object): a :class:`ReplyInfo` just persisted in the outbox (or recorded
            as posted by hand).
        repliesChanged(): a reply was pulled back, retried or discarded.
    """

    replyQueued = Signal(object)
    repliesChanged = Signal()

    def __init__(self, view: ComposerView, replies: ReplyService, profile: ProfileService,
                 parent: QObject | None = None, *, canned: CannedService | None = None,
                 open_url: Callable[[QUrl], object] = QDesktopServices.openUrl) -> None:
        super().__init__(parent)
        self.view = view
        self.replies = replies
        self.profile = profile
        self.canned = canned
        self.open_url = open_url
        self.mention_id = 0
        self.rules: ReplyRules | None = None
        self.opened_at: datetime | None = None
        self.lang = ""
        self._known: dict[str, str] = {}
        self._typed: dict[int, dict[str, str]] = {}  # values the agent gave, per mention
        self.variables_dialog: VariablesDialog | None = None
        self.picker: CannedPicker | None = None
        self._dirty = False
        self._loading = False
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_draft)
        self.follower = ReplyFollower(view.outbox, replies, self)
        self.follower.editRequested.connect(self._edit_failed)
        self.follower.pulledBack.connect(self._on_pulled_back)
        self.follower.changed.connect(self.repliesChanged)
        self.follower.aboutToUndo.connect(self.save_draft)
        self.follower.editEnded.connect(self._on_edit_ended)
        self.completer: SlashCompleter | None = None
        if canned is not None:
            self.completer = SlashCompleter(view.editor, canned, self)
            self.completer.chosen.connect(self._on_slash_chosen)
            view.canned.clicked.connect(self.open_picker)
            picker_key = QShortcut(QKeySequence("Ctrl+/"), view)
            picker_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            picker_key.activated.connect(self.open_picker)
        else:
            view.canned.hide()
        view.editor.textChanged.connect(self._on_text_changed)
        view.private.toggled.connect(self._on_private_toggled)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), view.editor)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.send)
        view.send.clicked.connect(self.send)
        view.fill.clicked.connect(self.fill_variables)
        self.clear()

    # --- which mention ----------------------------------------------------------------------

    @Slot(int)
    def set_mention(self, mention_id: int) -> None:
        """Save the draft of the previous mention and load this one's."""
        if mention_id == self.mention_id:
            return
        self.save_draft()
        self.follower.stop_editing()
        self.mention_id = mention_id
        self.opened_at = utcnow()  # the pre-send re-read warns about brand replies after this
        detail = self.profile.mention(mention_id)
        self.rules = rules = self.replies.rules(mention_id)
        self.lang = detail.lang if detail else ""
        if self.completer is not None:
            self.completer.lang = self.lang  # "/" offers replies in the post's language first
        self._known = self.canned.values_for(mention_id) if self.canned else {}
        view = self.view
        who = (labels.author_line(detail.author.display_name, detail.author.handle)
               if detail else "")
        view.recipient.setText(self.tr("Reply to %1 on %2").replace("%1", who).replace(
            "%2", labels.channel_label(detail.channel)) if detail else "")
        self._load_text(self.replies.draft(mention_id))
        view.private.blockSignals(True)
        view.private.setChecked(False)
        view.private.blockSignals(False)
        view.private.setVisible(rules.private is not None)
        self._show_rules(detail.created_at if detail else None)
        self.follower.show_mention(mention_id)
        self._update()

    def _show_rules(self, posted_at: datetime | None) -> None:
        """What the rules say (who sees the reply, a window, why not), editor on or off."""
        view, rules = self.view, self.rules
        assert rules is not None
        note = labels.visibility_note(rules.visibility)
        closes = reply_rules.closes_at(rules, posted_at) if posted_at else None
        if closes is not None and rules.can_reply:
            note += self.tr(" · The reply window closes %1.").replace(
                "%1", labels.full_time(closes))
        view.visibility.setText(note)
        allowed = rules.can_reply
        view.editor.setEnabled(allowed)
        view.canned.setEnabled(allowed)
        view.send.setText(self.tr("Copy and open in browser") if rules.manual
                          else self.tr("Send  (Ctrl+Enter)"))
        if (not allowed and closes is not None and closes.tzinfo is not None
                and closes <= utcnow() and rules.window_seconds is not None):
            # Said here rather than by the rules, so the date reads as every other date.
            view.message.setText(self.tr(
                "The reply window of this channel (%1 after the customer's message) closed "
                "on %2.").replace("%1", reply_rules.window_text(rules.window_seconds))
                .replace("%2", labels.full_time(closes)))
        elif not allowed:
            view.message.setText(rules.reason or self.tr(
                "This channel does not allow a reply here."))
        elif rules.manual:  # the channel's own reason when it has one (X: not summoned)
            view.message.setText(rules.reason or self.tr(
                "This channel cannot take replies from here: the button copies the reply and "
                "opens the post in the browser to paste it; the reply is recorded as sent."))
        else:
            view.message.setText("")

    def private(self) -> bool:
        """Whether the agent chose to continue in private."""
        return not self.view.private.isHidden() and self.view.private.isChecked()

    @Slot(bool)
    def _on_private_toggled(self, checked: bool) -> None:
        """Continue in private (a direct message to the author), or back to a public reply."""
        if not self.mention_id:
            return
        self.rules = self.replies.rules(self.mention_id, private=checked)
        detail = self.profile.mention(self.mention_id)
        self._show_rules(detail.created_at if detail else None)
        self._update()

    @Slot()
    def clear(self) -> None:
        self.save_draft()
        self.follower.stop_editing()
        self.mention_id = 0
        self.rules = None
        self.opened_at = None
        self._known = {}
        self._load_text("")
        view = self.view
        view.recipient.setText(self.tr("Select a mention to reply."))
        view.visibility.setText("")
        view.private.hide()
        view.counter.setText("")
        view.message.setText("")
        view.editor.setEnabled(False)
        view.canned.setEnabled(False)
        view.send.setEnabled(False)
        self.follower.show_mention(0)
        self._update()

    @Slot()
    def focus(self) -> None:
        if self.view.editor.isEnabled():
            self.view.tabs.setCurrentIndex(0)
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
            self.view.message.setText(self.tr("The draft could not be saved: %1").replace(
                "%1", str(exc)))
            return
        self._dirty = False

    def _load_text(self, text: str) -> None:
        self._loading = True
        try:
            self.view.editor.setPlainText(text)
            self.view.editor.moveCursor(QTextCursor.MoveOperation.End)
        finally:
            self._loading = False
        self._dirty = False

    @Slot()
    def _on_text_changed(self) -> None:
        if not self._loading:
            if self.follower.editing is None:  # a failed reply being edited is not a draft
                self._dirty = True
                self._autosave.start()
            else:
                self.follower.remember_edit(self.view.editor.toPlainText())
            if self.view.message.text() and self.rules is not None and self.rules.can_reply \
                    and not self.rules.manual:
                self.view.message.setText("")
        self._update()

    # --- variables and preview --------------------------------------------------------------

    def values(self) -> dict[str, str]:
        return {**self._known, **self._typed.get(self.mention_id, {})}

    def final_text(self) -> str:
        """Exactly what will be posted: the editor's text with its variables filled."""
        return canned_text.fill(self.view.editor.toPlainText(), self.values())

    def _update(self) -> None:
        view, rules = self.view, self.rules
        text = view.editor.toPlainText()
        values = self.values()
        final = canned_text.fill(text, values)
        view.preview.setPlainText(final)
        names = canned_text.variables(text)
        missing = canned_text.missing(text, values)
        if names:
            parts = [f"{{{n}}} = {labels.untrusted(canned_text.lookup(values, n), 60) or '?'}"
                     for n in names]
            view.variables.setText(self.tr("Variables: %1").replace("%1", " · ".join(parts)))
        view.variables.setVisible(bool(names))
        view.fill.setVisible(bool(missing) and rules is not None and rules.can_reply)
        if rules is None or not rules.can_reply:
            view.counter.setText("")
            view.send.setEnabled(False)
            return
        counter = self.replies.count(final, rules)
        if counter.over:
            view.counter.setText(self.tr("%1 over").replace(
                "%1", QLocale().toString(counter.used - counter.limit)))
            colour = labels.COMPLAINT_COLOUR
        else:
            view.counter.setText(self.tr("%1 left").replace(
                "%1", QLocale().toString(counter.remaining)))
            colour = labels.NEUTRAL_COLOUR if counter.remaining > 20 else labels.NEGATIVE_COLOUR
        view.counter.setStyleSheet(f"color: {colour.name()}; font-weight: bold;")
        view.counter.setToolTip(labels.tooltip(self.tr("{used} of {limit} {unit}").format(
            used=QLocale().toString(counter.used), limit=QLocale().toString(counter.limit),
            unit=unit_word(rules.unit))))
        view.send.setEnabled(bool(text.strip()) and not counter.over)

    def _ask(self, names: list[str], then: Callable[[], None], action: str) -> None:
        """Ask for the values of `names`, then run `then` (nothing happens on Cancel)."""
        dialog = VariablesDialog(names, action, self.view)
        self.variables_dialog = dialog
        mention = self.mention_id

        def accepted() -> None:
            self.variables_dialog = None
            if mention != self.mention_id:
                return
            self._typed.setdefault(mention, {}).update(dialog.values())
            self._update()
            then()

        dialog.accepted.connect(accepted)
        dialog.rejected.connect(lambda: setattr(self, "variables_dialog", None))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    @Slot()
    def fill_variables(self) -> None:
        missing = canned_text.missing(self.view.editor.toPlainText(), self.values())
        if missing:
            self._ask(missing, lambda: None, self.tr("Fill"))

    # --- canned replies ---------------------------------------------------------------------

    @Slot()
    def open_picker(self) -> None:
        if self.canned is None or not self.view.editor.isEnabled():
            return
        picker = CannedPicker(self.canned, self.lang, self.view)
        self.picker = picker
        picker.picked.connect(lambda items: self.insert_canned(items))
        picker.finished.connect(picker.deleteLater)
        picker.finished.connect(lambda: setattr(self, "picker", None))
        picker.open()

    @Slot(object)
    def _on_slash_chosen(self, item: Canned) -> None:
        assert self.completer is not None
        self.insert_canned([item], self.completer.token_range())

    def insert_canned(self, items: list[Canned], token: tuple[int, int] | None = None) -> None:
        """Insert one or several canned replies (stacked), asking for unknown variables first.

        `token` is the ``/shortcut`` typed in the editor, replaced by the reply.
        """
        body = canned_text.stack(c.body for c in items)
        missing = canned_text.missing(body, self.values())
        if missing:
            self._ask(missing, lambda: self._put(body, token), self.tr("Insert"))
        else:
            self._put(body, token)

    def _put(self, body: str, token: tuple[int, int] | None) -> None:
        editor = self.view.editor
        cursor = editor.textCursor()
        cursor.beginEditBlock()
        if token is not None:
            cursor.setPosition(token[0])
            cursor.setPosition(token[1], QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        text = editor.toPlainText()
        at_end = not text[cursor.position():].strip()
        if not text.strip():
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(body)
        elif at_end:  # stacking: after what is there, the shared greeting/sign-off merged
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(canned_text.stack([text, body]))
        else:
            cursor.insertText(body)
        cursor.endEditBlock()
        editor.setTextCursor(cursor)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- sending ----------------------------------------------------------------------------

    @Slot()
    def send(self) -> None:
        view, rules = self.view, self.rules
        if not self.mention_id or rules is None:
            return
        text = view.editor.toPlainText()
        missing = canned_text.missing(text, self.values())
        if missing and rules.can_reply:
            self._ask(missing, self.send, self.tr("Send"))
            return
        final = self.final_text()
        problem = self.replies.refusal(self.mention_id, final, self.private())
        if problem:
            view.message.setText(self.tr("Not sent: %1").replace("%1", problem))
            return
        if self.follower.editing is not None:
            self._send_edited(final)
        elif rules.manual:
            self._post_by_hand(final)
        else:
            self._queue(final)

    def _queue(self, final: str) -> None:
        try:
            reply = self.replies.send(self.mention_id, final, context_since=self.opened_at,
                                      private=self.private())
        except (InvalidInput, StoreError) as exc:  # the text stays in the editor
            self.view.message.setText(self.tr("Not sent: %1").replace("%1", str(exc)))
            return
        self._autosave.stop()
        self._load_text("")
        self._update()
        self.view.message.setText("")
        self.follower.follow(reply)
        self.replyQueued.emit(reply)

    def _send_edited(self, final: str) -> None:
        reply_id = self.follower.editing
        assert reply_id is not None
        try:
            reply = self.replies.retry(reply_id, final)
        except (InvalidInput, OutboxError, StoreError) as exc:
            self.view.message.setText(self.tr("Not sent: %1").replace("%1", str(exc)))
            return
        self.follower.stop_editing()
        self._load_text(self.replies.draft(self.mention_id))
        self._update()
        self.follower.follow(reply)
        self.replyQueued.emit(reply)

    def _post_by_hand(self, final: str) -> None:
        detail = self.profile.mention(self.mention_id)
        url = QUrl(detail.url if detail else "")
        if url.scheme() not in ("http", "https"):
            self.view.message.setText(self.tr(
                "Not sent: this post has no web address to open; copy the reply by hand."))
            return
        try:
            reply = self.replies.record_manual(self.mention_id, final)
        except (InvalidInput, StoreError) as exc:
            self.view.message.setText(self.tr("Not sent: %1").replace("%1", str(exc)))
            return
        QGuiApplication.clipboard().setText(final)
        self.open_url(url)
        self._autosave.stop()
        self._load_text("")
        self._update()
        self.view.message.setText(self.tr(
            "The reply is on the clipboard and the post is open in the browser: paste it "
            "there. It is recorded as sent."))
        self.replyQueued.emit(reply)

    # --- the outbox bar ---------------------------------------------------------------------

    @Slot(object)
    def on_outbox_changed(self, event: object) -> None:
        self.follower.on_outbox_changed(event)

    @Slot(object)
    def _edit_failed(self, reply: ReplyInfo) -> None:
        self.save_draft()
        self.view.tabs.setCurrentIndex(0)
        self._load_text(self.follower.edit_text(reply))
        self._update()
        self.view.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(object)
    def _on_pulled_back(self, reply: ReplyInfo) -> None:
        if reply.mention_id == self.mention_id:
            self._load_text(self.replies.draft(self.mention_id))
            self._update()
            self.view.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _on_edit_ended(self) -> None:
        self._load_text(self.replies.draft(self.mention_id) if self.mention_id else "")
        self.view.message.setText("")
        self._update()
