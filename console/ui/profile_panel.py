"""The profile panel: who wrote the selected mention, and everything they wrote before."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.services import ProfileService
from console.store.mentions import AuthorInfo
from console.ui import labels
from console.ui.timeline_model import TimelineModel

SAFE_SCHEMES = ("http", "https")


def safe_url(url: str) -> QUrl | None:
    """The URL if it is an absolute http(s) address, else None (no file:, no javascript:)."""
    parsed = QUrl(url.strip(), QUrl.ParsingMode.StrictMode)
    if parsed.isValid() and parsed.scheme().lower() in SAFE_SCHEMES and parsed.host():
        return parsed
    return None


class ProfilePanel(QWidget):
    """Layout only: name, handle, network, followers, bio, fields, link and history."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Author profile")
        self.name = labels.plain_label(wrap=True, selectable=True)
        font = QFont(self.name.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setAccessibleName("Display name")
        self.handle = labels.plain_label(wrap=True, selectable=True)
        self.handle.setAccessibleName("Handle")
        self.network = labels.plain_label()
        self.followers = labels.plain_label()
        self.seen = labels.plain_label(wrap=True)
        self.bio = labels.plain_label(wrap=True, selectable=True)
        self.bio.setAccessibleName("Bio")
        self.fields = labels.plain_label(wrap=True, selectable=True)
        self.fields.setAccessibleName("Profile fields")
        self.link = QPushButton("Open profile in browser")
        self.link.setAccessibleName("Open profile in browser")
        self.history_title = labels.plain_label("History")
        bold = QFont(self.history_title.font())
        bold.setBold(True)
        self.history_title.setFont(bold)
        self.history = QListView()
        self.history.setAccessibleName("Author history")
        self.history.setWordWrap(True)
        self.history.setAlternatingRowColors(True)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.history.setSpacing(2)
        self.placeholder = labels.plain_label("Select a mention to see who wrote it.", wrap=True)

        facts = QFormLayout()
        facts.setContentsMargins(0, 0, 0, 0)
        facts.setHorizontalSpacing(8)
        facts.addRow(labels.plain_label("Network"), self.network)
        facts.addRow(labels.plain_label("Followers"), self.followers)
        facts.addRow(labels.plain_label("Seen"), self.seen)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.name)
        layout.addWidget(self.handle)
        layout.addLayout(facts)
        layout.addWidget(self.bio)
        layout.addWidget(self.fields)
        layout.addWidget(self.link, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(line)
        layout.addWidget(self.history_title)
        layout.addWidget(self.history, 1)

    def show_details(self, shown: bool) -> None:
        self.placeholder.setVisible(not shown)
        for widget in (self.name, self.handle, self.network, self.followers, self.seen,
                       self.bio, self.link):
            widget.setEnabled(shown)
        self.link.setVisible(shown)


class ProfileController(QObject):
    """Fills the profile panel for one author and opens their profile link safely.

    Signals:
        mentionRequested(int): the agent activated an earlier mention in the history.
        linkRefused(str): the profile link is not an http(s) address, so it was not opened.
    """

    mentionRequested = Signal(int)
    linkRefused = Signal(str)

    def __init__(self, panel: ProfilePanel, profile: ProfileService,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self.profile = profile
        self.author: AuthorInfo | None = None
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.timeline = TimelineModel(profile, parent=self)
        panel.history.setModel(self.timeline)
        panel.link.clicked.connect(self.open_profile)
        panel.history.activated.connect(self._on_history_activated)
        self.clear()

    @Slot(int)
    def show_author(self, author_id: int) -> None:
        author = self.profile.author(author_id)
        if author is None:
            self.clear()
            return
        self.author = author
        panel = self.panel
        panel.show_details(True)
        panel.name.setText(" ".join(author.display_name.split()) or author.handle)
        panel.handle.setText(f"@{author.handle}" + ("  ·  bot" if author.bot else ""))
        panel.network.setText(author.channel)
        panel.followers.setText(labels.count_text(author.followers))
        panel.seen.setText(f"{author.mention_count} mention(s) stored, first seen "
                           f"{labels.full_time(author.first_seen)}")
        panel.bio.setText(author.bio.strip() or "(no bio)")
        panel.fields.setText("\n".join(
            f"{name}: {value}" + ("  ✓ verified" if verified else "")
            for name, value, verified in author.fields))
        panel.fields.setVisible(bool(author.fields))
        panel.link.setEnabled(safe_url(author.url) is not None)
        panel.link.setToolTip(labels.tooltip(author.url))
        panel.history_title.setText(f"History of @{author.handle}")
        if self.timeline.author_id != author.id:
            self.timeline.set_author(author.id)

    @Slot()
    def refresh(self) -> None:
        if self.author is not None:
            self.timeline.set_author(None)
            self.show_author(self.author.id)

    @Slot()
    def clear(self) -> None:
        self.author = None
        panel = self.panel
        for label in (panel.name, panel.handle, panel.network, panel.followers, panel.seen,
                      panel.bio, panel.fields):
            label.clear()
        panel.fields.setVisible(False)
        panel.history_title.setText("History")
        panel.show_details(False)
        self.timeline.set_author(None)

    @Slot()
    def open_profile(self) -> None:
        if self.author is None:
            return
        url = safe_url(self.author.url)
        if url is None:
            self.linkRefused.emit(f"Not opened: {self.author.url!r} is not a web address.")
            return
        self.open_url(url)

    @Slot(QModelIndex)
    def _on_history_activated(self, index: QModelIndex) -> None:
        item = self.timeline.item_at(index.row())
        if item is not None:
            self.mentionRequested.emit(item.mention_id)
