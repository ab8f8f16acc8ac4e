"""The thread view: the selected mention in full, its thread, and the brand's replies."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from console.services import ProfileService, ReplyService
from console.store.mentions import MentionDetail
from console.store.outbox import ReplyInfo
from console.sync.events import OutboxChanged
from console.ui import labels
from console.ui.profile_panel import safe_url


class ThreadView(QWidget):
    """Layout only: a summary line, an "open on network" button and the read-only text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = labels.plain_label(wrap=True, selectable=True)
        self.summary.setAccessibleName("Mention summary")
        self.open_post = QPushButton("Open post ↗")
        self.open_post.setAccessibleName("Open post in browser")
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Mention and thread")
        self.text.setPlaceholderText("Select a mention in the feed to read it here.")
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.open_post)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)


class ThreadController(QObject):
    """Shows one mention with its thread and replies, and follows the outbox for it."""

    def __init__(self, view: ThreadView, profile: ProfileService, replies: ReplyService,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.profile = profile
        self.replies = replies
        self.mention: MentionDetail | None = None
        self.shown_replies: list[ReplyInfo] = []
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        view.open_post.clicked.connect(self.open_in_browser)
        self.clear()

    @Slot(int)
    def show_mention(self, mention_id: int) -> None:
        self.mention = self.profile.mention(mention_id)
        if self.mention is None:
            self.clear()
            return
        self.render()

    @Slot()
    def refresh(self) -> None:
        if self.mention is not None:
            self.show_mention(self.mention.id)

    @Slot()
    def clear(self) -> None:
        self.mention = None
        self.shown_replies = []
        self.view.summary.setText("")
        self.view.open_post.setEnabled(False)
        self.view.text.clear()

    @Slot(object)
    def on_outbox_changed(self, event: OutboxChanged) -> None:
        if self.mention is not None and event.mention_id in (None, self.mention.id):
            self.refresh()

    @Slot(list)
    def on_mentions_changed(self, ids: list[int]) -> None:
        if self.mention is not None and self.mention.id in ids:
            self.refresh()

    @Slot()
    def open_in_browser(self) -> None:
        url = safe_url(self.mention.url) if self.mention else None
        if url is not None:
            self.open_url(url)

    def render(self) -> None:
        mention = self.mention
        assert mention is not None
        view = self.view
        view.summary.setText(
            f"{mention.channel} · {labels.sources_text(mention.sources)} · {mention.status}\n"
            f"{labels.sentiment_marker(mention.complaint, mention.sentiment_label)} · "
            f"priority {mention.priority}")
        view.summary.setToolTip(labels.tooltip(
            f"Found by: {labels.sources_text(mention.sources)}\n"
            f"Priority {mention.priority}: {mention.priority_reasons or 'no reasons'}\n"
            f"Sentiment {mention.sentiment:+.2f}, complaint {mention.complaint:.2f} "
            f"({mention.reason}), language {mention.lang or '?'}"))
        view.open_post.setEnabled(safe_url(mention.url) is not None)
        view.open_post.setToolTip(labels.tooltip(mention.url))
        self.shown_replies = self.replies.replies(mention.id)
        thread = self.profile.thread(mention.id) or [mention]
        if all(post.id != mention.id for post in thread):
            thread.append(mention)

        view.text.clear()
        cursor = QTextCursor(view.text.document())
        normal = QTextCharFormat()
        heading = QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        muted = QTextCharFormat()
        muted.setForeground(labels.NEUTRAL_COLOUR)
        selected = QTextCharFormat(heading)
        selected.setForeground(labels.REPLY_COLOUR)
        if len(thread) > 1:
            cursor.insertText(f"Thread ({len(thread)} posts, oldest first)\n\n", muted)
        for post in thread:
            mark = "▶ " if post.id == mention.id else ""
            who = labels.author_line(post.author.display_name, post.author.handle)
            cursor.insertText(f"{mark}{who}", selected if mark else heading)
            cursor.insertText(f"  ·  {labels.full_time(post.created_at)}\n", muted)
            cursor.insertText(post.text.strip() + "\n\n", normal)
        if self.shown_replies:
            cursor.insertText("Brand replies\n", heading)
        for reply in self.shown_replies:
            state = labels.REPLY_STATE_WORDS.get(reply.state, reply.state)
            status = QTextCharFormat(muted)
            if reply.state == "failed":
                status.setForeground(labels.COMPLAINT_COLOUR)
            elif reply.state == "sent":
                status.setForeground(labels.POSITIVE_COLOUR)
            moment = labels.full_time(reply.sent_at or reply.created_at)
            cursor.insertText(f"↩ reply · {reply.visibility} · {moment} · ", muted)
            cursor.insertText(state.upper(), status)
            if reply.error:
                cursor.insertText(f" — {reply.error}", status)
            cursor.insertText("\n" + reply.text.strip() + "\n\n", normal)
        view.text.moveCursor(QTextCursor.MoveOperation.Start)
