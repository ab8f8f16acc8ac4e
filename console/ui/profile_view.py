"""The profile panel's layout: who the person is (every account), figures, their portrait
(reach, communities, topics, mood; sections that fold) and tabs for the history, accounts,
notes, open cases and link suggestions. Layout only: the controller in
:mod:`console.ui.profile_panel` fills it and reacts to it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QListView,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.ui import labels
from console.ui.person_sections import AccountsSection, SuggestionsSection
from console.ui.profile_portrait import PortraitView
from console.ui.wrapping_tabs import WrappingTabs

SAFE_SCHEMES = ("http", "https")


def safe_url(url: str) -> QUrl | None:
    """The URL if it is an absolute http(s) address, else None (no file:, no javascript:)."""
    parsed = QUrl(url.strip(), QUrl.ParsingMode.StrictMode)
    if parsed.isValid() and parsed.scheme().lower() in SAFE_SCHEMES and parsed.host():
        return parsed
    return None


def _list_view(name: str) -> QListView:
    view = QListView()
    view.setAccessibleName(name)
    view.setWordWrap(True)
    view.setAlternatingRowColors(True)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setUniformItemSizes(False)
    view.setSpacing(2)
    return view


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


class ProfilePanel(QWidget):
    """Layout only: the person, their figures and actions, and the tabs below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Customer profile"))
        self.setMinimumWidth(320)  # room for an account's line, the actions and the tabs
        plain = labels.plain_label
        self.placeholder = plain(self.tr("Select a mention to see who wrote it."), wrap=True)
        self.name = plain(wrap=True, selectable=True)
        font = QFont(self.name.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setAccessibleName(self.tr("Name"))
        labels.mark_data(self.name)
        self.vip_badge = plain(self.tr("★ VIP"))
        self.vip_badge.setStyleSheet("color: #8a5a00; font-weight: bold;")
        self.handle = plain(wrap=True, selectable=True)
        self.handle.setAccessibleName(self.tr("Handle"))
        labels.mark_data(self.handle)
        self.lookalike = plain(wrap=True, selectable=True)
        self.lookalike.setAccessibleName(self.tr("Impersonation warning"))
        self.lookalike.setStyleSheet(f"color: {labels.COMPLAINT_COLOUR.name()}; "
                                     "font-weight: bold;")
        self.lookalike.setVisible(False)
        self.customer_line = plain(wrap=True)
        self.customer_line.setAccessibleName(self.tr("Customer"))
        self.network = plain(wrap=True)
        self.network.setAccessibleName(self.tr("Networks"))
        self.seen = plain(wrap=True)
        self.seen.setAccessibleName(self.tr("Posts stored"))
        self.bio = plain(wrap=True, selectable=True)
        self.bio.setAccessibleName(self.tr("Bio"))
        self.fields = plain(wrap=True, selectable=True)
        self.fields.setAccessibleName(self.tr("Profile fields"))
        self.link = QPushButton(self.tr("Open profile in browser"))
        self.link.setAccessibleName(self.tr("Open profile in browser"))
        self.tags = plain(wrap=True, selectable=True)
        self.tags.setAccessibleName(self.tr("Tags"))
        # What the network or agents wrote (the UI words in them are translated); the
        # link's tooltip is the profile's address.
        for widget in (self.bio, self.fields, self.link, self.tags):
            labels.mark_data(widget)
        self.figures = plain(wrap=True)
        self.figures.setAccessibleName(self.tr("Figures"))
        self.portrait = PortraitView()
        self.followers = self.portrait.followers  # followers per network, in the reach
        self.suggestions_hint = QPushButton()
        self.suggestions_hint.setAccessibleName(self.tr("Show link suggestions"))
        self.suggestions_hint.setVisible(False)
        self.error = plain(wrap=True)
        self.error.setAccessibleName(self.tr("Problem"))
        self.error.setStyleSheet(f"color: {labels.COMPLAINT_COLOUR.name()};")
        self.error.setVisible(False)

        self.vip = QCheckBox(self.tr("VIP"))
        self.tags_button = QPushButton(self.tr("Tags…"))
        self.customer_button = QToolButton()
        self.customer_button.setText(self.tr("Customer"))
        self.customer_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.customer_menu = QMenu(self.customer_button)
        self.link_action = QAction(self.tr("Link to customer…"), self)
        self.create_action = QAction(self.tr("New customer with this account"), self)
        self.rename_action = QAction(self.tr("Rename customer…"), self)
        self.merge_action = QAction(self.tr("Merge with another customer…"), self)
        self.history_action = QAction(self.tr("Merge history and undo…"), self)
        for action in (self.link_action, self.create_action, self.rename_action,
                       self.merge_action, self.history_action):
            self.customer_menu.addAction(action)
        self.customer_button.setMenu(self.customer_menu)

        self.history = _list_view(self.tr("Customer history"))
        self.accounts = AccountsSection()
        self.notes = _list_view(self.tr("Notes"))
        self.add_note = QPushButton(self.tr("Add note…"))
        self.edit_note = QPushButton(self.tr("Edit…"))
        self.delete_note = QPushButton(self.tr("Delete"))
        self.cases = _list_view(self.tr("Open cases"))
        self.suggestions = SuggestionsSection()
        self.tabs = WrappingTabs()  # never cut: the tab buttons wrap in a narrow pane
        self.tabs.addTab(self.history, self.tr("History"))
        self.tabs.addTab(_scrolled(self.accounts), self.tr("Accounts"))
        notes_page = QWidget()
        notes_box = QVBoxLayout(notes_page)
        notes_box.setContentsMargins(0, 4, 0, 0)
        notes_box.addWidget(self.notes, 1)
        note_buttons = QHBoxLayout()
        for button in (self.add_note, self.edit_note, self.delete_note):
            note_buttons.addWidget(button)
        note_buttons.addStretch(1)
        notes_box.addLayout(note_buttons)
        self.tabs.addTab(notes_page, self.tr("Notes"))
        self.tabs.addTab(self.cases, self.tr("Cases"))
        self.tabs.addTab(_scrolled(self.suggestions), self.tr("Suggestions"))
        self._build(self._details())

    def _details(self) -> QWidget:
        details = QWidget()
        box = QVBoxLayout(details)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        title = QHBoxLayout()
        title.addWidget(self.name, 1)
        title.addWidget(self.vip_badge, 0, Qt.AlignmentFlag.AlignTop)
        box.addWidget(self.placeholder)
        box.addLayout(title)
        for widget in (self.handle, self.lookalike, self.customer_line):
            box.addWidget(widget)
        facts = QFormLayout()
        facts.setContentsMargins(0, 0, 0, 0)
        facts.setHorizontalSpacing(8)
        facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        facts.addRow(labels.plain_label(self.tr("Networks")), self.network)
        facts.addRow(labels.plain_label(self.tr("Posts")), self.seen)
        box.addLayout(facts)
        box.addWidget(self.bio)
        box.addWidget(self.fields)
        box.addWidget(self.link, 0, Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.tags)
        box.addWidget(self.figures)
        box.addWidget(self.portrait)
        box.addStretch(1)
        return details

    def _actions(self) -> QWidget:
        """VIP, tags, customer and the link suggestions: below the scrolled details, so
        they are always whole and in reach however long the person's portrait is."""
        actions = QWidget()
        box = QVBoxLayout(actions)
        box.setContentsMargins(0, 4, 0, 0)
        box.setSpacing(2)
        row = QHBoxLayout()
        row.addWidget(self.vip)
        row.addWidget(self.tags_button)
        row.addWidget(self.customer_button)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(self.suggestions_hint, 0, Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.error)
        return actions

    def _build(self, details: QWidget) -> None:
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        person = QWidget()
        column = QVBoxLayout(person)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(_scrolled(details), 1)
        column.addWidget(self._actions())
        self.splitter.addWidget(person)
        self.splitter.addWidget(self.tabs)
        # The person and their portrait get as much room as the tabs: the portrait is what
        # an agent reads before answering, and its sections fold when the history matters.
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.splitter)

    def show_details(self, shown: bool) -> None:
        self.placeholder.setVisible(not shown)
        for widget in (self.name, self.handle, self.customer_line, self.network,
                       self.seen, self.bio, self.link, self.tags,
                       self.figures, self.portrait, self.vip, self.tags_button,
                       self.customer_button, self.tabs):
            widget.setEnabled(shown)
        for widget in (self.link, self.vip, self.tags_button, self.customer_button,
                       self.portrait):
            widget.setVisible(shown)
        if not shown:
            self.vip_badge.setVisible(False)
            self.suggestions_hint.setVisible(False)
            self.error.setVisible(False)
