"""The thread view: the selected mention in full, its thread, and the brand's replies.

Posts are attacker-controlled. They are written into the document as plain text runs
(never parsed as HTML by Qt); the http(s) links they carried become anchors that the
browser widget never follows itself: a click asks the agent first, and only http and https
addresses are ever opened. The widget refuses to load any resource (no remote image,
no tracking pixel), and an author imitating the brand is marked with a written warning.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from console.mentions.queries import AuthorInfo, MentionDetail
from console.mentions.service import ProfileService
from console.replies.outbox import ReplyInfo
from console.replies.service import ReplyService
from console.sync.events import OutboxChanged
from console.sync.outbox_text import outbox_sentence
from console.triage.reason_text import reasons_text, topic_name
from console.trust.links import segments
from console.ui import labels
from console.ui.profile_panel import safe_url
from console.ui.triage_strip import locale_number

POST_LIMIT = 60_000  # characters of one post shown (the store keeps at most 50,000)

# Given an author, the impersonation warning to show ("" when there is none).
ImpersonationCheck = Callable[[AuthorInfo], str]


def visibility_word(visibility: str) -> str:
    """Who a reply was for, in one or two words (public, unlisted, followers, direct)."""
    words = {
        "public": QCoreApplication.translate("ThreadView", "public"),
        "unlisted": QCoreApplication.translate("ThreadView", "unlisted"),
        "private": QCoreApplication.translate("ThreadView", "followers only"),
        "direct": QCoreApplication.translate("ThreadView", "direct message"),
    }
    return words.get(visibility, visibility)


def no_impersonation_check(_author: AuthorInfo) -> str:
    return ""


class SafeTextBrowser(QTextBrowser):
    """A read-only text view that never follows a link and never loads a resource.

    Clicks on anchors arrive through ``anchorClicked`` for the controller to judge;
    every resource the document asks for (an image, a style sheet) is refused and
    recorded in :attr:`refused`.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.refused: list[QUrl] = []

    def loadResource(self, kind: int, name: QUrl) -> Any:
        self.refused.append(QUrl(name))
        return None

    def setSource(self, name: QUrl, kind: Any = None) -> None:
        """Never navigate: the document is only ever what the controller wrote."""


class ThreadView(QWidget):
    """Layout only: a summary line, an impersonation warning, an "open on network" button
    and the read-only text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = labels.plain_label(wrap=True, selectable=True)
        self.summary.setAccessibleName(self.tr("Mention summary"))
        self.warning = labels.plain_label(wrap=True, selectable=True)
        self.warning.setAccessibleName(self.tr("Impersonation warning"))
        self.warning.setStyleSheet(
            f"color: {labels.COMPLAINT_COLOUR.name()}; font-weight: bold;")
        self.warning.setVisible(False)
        self.open_post = QPushButton(self.tr("Open post ↗"))
        self.open_post.setAccessibleName(self.tr("Open post in browser"))
        self.text = SafeTextBrowser()
        self.text.setAccessibleName(self.tr("Mention and thread"))
        self.text.setPlaceholderText(self.tr("Select a mention in the feed to read it here."))
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.open_post)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.warning)
        layout.addWidget(self.text, 1)


class ThreadController(QObject):
    """Shows one mention with its thread and replies, and follows the outbox for it.

    Signals:
        linkRefused(str): a clicked link was not an http(s) address, so it was not opened.
    """

    linkRefused = Signal(str)

    def __init__(self, view: ThreadView, profile: ProfileService, replies: ReplyService,
                 parent: QObject | None = None, *,
                 impersonation: ImpersonationCheck = no_impersonation_check) -> None:
        super().__init__(parent)
        self.view = view
        self.profile = profile
        self.replies = replies
        self.impersonation = impersonation
        self.mention: MentionDetail | None = None
        self.shown_replies: list[ReplyInfo] = []
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.confirm_open: Callable[[QUrl], bool] = self._ask_before_opening
        view.open_post.clicked.connect(self.open_in_browser)
        view.text.anchorClicked.connect(self.on_link_clicked)
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
        self.view.warning.clear()
        self.view.warning.setVisible(False)
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

    @Slot(QUrl)
    def on_link_clicked(self, url: QUrl) -> None:
        """A link in a post was clicked: http(s) opens after the agent agrees; nothing else."""
        target = safe_url(url.toString())
        if target is None:
            shown = labels.untrusted(url.toString(), 200)
            self.linkRefused.emit(self.tr("Not opened: {0} is not a web address.").format(shown))
            return
        if self.confirm_open(target):
            self.open_url(target)

    def _ask_before_opening(self, url: QUrl) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Open link"), "",
                          QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
                          self.view)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("Open this address in your browser?\n\n{0}\n\nIt comes from a post: "
                            "check that it is what you expect.").format(
                                labels.untrusted(url.toString(), 500)))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Open

    def render(self) -> None:
        mention = self.mention
        assert mention is not None
        view = self.view
        sources = labels.sources_text(mention.sources)
        view.summary.setText(self.tr("{0} · {1} · {2}\n{3} · priority {4}").format(
            labels.channel_label(mention.channel), sources, labels.status_label(mention.status),
            labels.sentiment_marker(mention.complaint, mention.sentiment_label),
            mention.priority))
        reasons = reasons_text(mention.priority_reasons, locale_number)
        language = {"es": self.tr("Spanish"), "en": self.tr("English"),
                    "other": self.tr("other")}.get(mention.lang or "", mention.lang or "?")
        view.summary.setToolTip(labels.tooltip(self.tr(
            "Found by: {0}\nPriority {1}: {2}\nSentiment {3}, complaint {4} ({5}), "
            "language {6}").format(
                sources, mention.priority, reasons or self.tr("no reasons"),
                locale_number(mention.sentiment, 2), locale_number(mention.complaint, 2),
                topic_name(mention.reason), language)))
        warning = self.impersonation(mention.author)
        view.warning.setText(f"⚠ {labels.untrusted(warning)}" if warning else "")
        view.warning.setVisible(bool(warning))
        view.open_post.setEnabled(safe_url(mention.url) is not None)
        view.open_post.setToolTip(labels.tooltip(mention.url))
        self.shown_replies = self.replies.replies(mention.id)
        thread = self.profile.thread(mention.id) or [mention]
        if all(post.id != mention.id for post in thread):
            thread.append(mention)
        self._write(mention, thread)

    def _write(self, mention: MentionDetail, thread: list[MentionDetail]) -> None:
        view = self.view
        view.text.clear()
        cursor = QTextCursor(view.text.document())
        normal = QTextCharFormat()
        heading = QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        muted = QTextCharFormat()
        muted.setForeground(labels.NEUTRAL_COLOUR)
        alarm = QTextCharFormat(heading)
        alarm.setForeground(labels.COMPLAINT_COLOUR)
        selected = QTextCharFormat(heading)
        selected.setForeground(labels.REPLY_COLOUR)
        link = QTextCharFormat()
        link.setAnchor(True)
        link.setForeground(labels.REPLY_COLOUR)
        link.setFontUnderline(True)
        if len(thread) > 1:
            cursor.insertText(self.tr("Thread ({0} posts, oldest first)").format(
                QLocale().toString(len(thread))) + "\n\n", muted)
        for post in thread:
            mark = "▶ " if post.id == mention.id else ""
            who = labels.author_line(post.author.display_name, post.author.handle)
            cursor.insertText(f"{mark}{who}", selected if mark else heading)
            cursor.insertText(f"  ·  {labels.full_time(post.created_at)}\n", muted)
            warning = self.impersonation(post.author)
            if warning:
                cursor.insertText(f"⚠ {labels.untrusted(warning)}\n", alarm)
            body = post.text.strip()[:POST_LIMIT]
            for part in segments(body, post.html):
                shown = labels.untrusted(part.text)
                if part.href is None:
                    cursor.insertText(shown, normal)
                else:
                    anchor = QTextCharFormat(link)
                    anchor.setAnchorHref(part.href)
                    anchor.setToolTip(labels.tooltip(part.href))
                    cursor.insertText(shown, anchor)
            cursor.insertText("\n\n", normal)
        if self.shown_replies:
            cursor.insertText(self.tr("Brand replies") + "\n", heading)
        for reply in self.shown_replies:
            state = labels.reply_state_label(reply.state)
            status = QTextCharFormat(muted)
            if reply.state == "failed":
                status.setForeground(labels.COMPLAINT_COLOUR)
            elif reply.state == "sent":
                status.setForeground(labels.POSITIVE_COLOUR)
            moment = labels.full_time(reply.sent_at or reply.created_at)
            line = self.tr("↩ reply · {0} · {1} · ").format(visibility_word(reply.visibility),
                                                             moment)
            cursor.insertText(line, muted)
            cursor.insertText(state.upper(), status)
            if reply.error:
                error = outbox_sentence(reply.error)
                cursor.insertText(f" — {labels.untrusted(error)}", status)
            cursor.insertText("\n" + labels.untrusted(reply.text.strip()) + "\n\n", normal)
        view.text.moveCursor(QTextCursor.MoveOperation.Start)
