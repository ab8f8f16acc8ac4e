"""The main window: feed | thread over composer | profile, menus and the status bar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QResizeEvent, QScreen, QShowEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

import console
from console.sync.events import OutboxChanged
from console.ui import shortcuts
from console.ui.bridge import EngineBridge
from console.ui.case_panel import CasePanel
from console.ui.composer import ComposerController, ComposerView
from console.ui.empty_state import EmptyState
from console.ui.feed_pane import FeedController, FeedPane
from console.ui.profile_panel import ProfileController, ProfilePanel
from console.ui.status_chips import DeskStatusBar
from console.ui.sync_status import SyncStatusController
from console.ui.thread_view import ThreadController, ThreadView
from console.ui.triage_strip import TriageStrip


def fitted_size(wanted: QSize, screen: QScreen | None) -> QSize:
    """`wanted`, made smaller where the screen's free area (without panels) is smaller."""
    if screen is None:
        return wanted
    room = screen.availableGeometry()
    return QSize(min(wanted.width(), room.width()), min(wanted.height(), room.height()))


def fit_on_screen(window: QWidget) -> None:
    """Move and shrink `window` so all of it lies in its screen's free area (a restored
    geometry may come from a larger monitor)."""
    screen = window.screen()
    if screen is None:
        return
    room = screen.availableGeometry()
    frame = window.frameGeometry()
    extra_w = frame.width() - window.width()
    extra_h = frame.height() - window.height()
    size = QSize(min(window.width(), room.width() - extra_w),
                 min(window.height(), room.height() - extra_h))
    if size != window.size():
        window.resize(size)
    frame = window.frameGeometry()
    x = min(max(frame.x(), room.left()), room.right() + 1 - frame.width())
    y = min(max(frame.y(), room.top()), room.bottom() + 1 - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        window.move(max(x, room.left()), max(y, room.top()))


class MainWindow(QMainWindow):
    """Layout only: three panes in splitters, the menus and the status bar labels.

    Signals:
        closing(): the window is about to close (save drafts, stop the engine).
    """

    closing = Signal()

    def __init__(self, workspace_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Posventa — {workspace}").format(workspace=workspace_name))
        self.resize(fitted_size(QSize(1440, 860), self.screen()))
        self.feed = FeedPane()
        self.thread = ThreadView()
        self.composer = ComposerView()
        self.profile = ProfilePanel()

        # The centre is for reading and answering: the thread and the composer get the
        # height. The case sits above the person on the right, as in a help desk's sidebar.
        self.triage = TriageStrip()  # the selected mention's labels, above its thread
        reading = QWidget()
        reading_layout = QVBoxLayout(reading)
        reading_layout.setContentsMargins(0, 0, 0, 0)
        reading_layout.setSpacing(0)
        reading_layout.addWidget(self.triage)
        reading_layout.addWidget(self.thread, 1)
        self.centre = QSplitter(Qt.Orientation.Vertical)
        self.centre.addWidget(reading)
        self.centre.addWidget(self.composer)
        self.centre.setStretchFactor(0, 3)
        self.centre.setStretchFactor(1, 2)
        self.case_panel = CasePanel()  # the selected mention's case, above its author
        self.side = QSplitter(Qt.Orientation.Vertical)
        self.side.addWidget(self.case_panel)
        self.side.addWidget(self.profile)
        self.side.setStretchFactor(0, 1)
        self.side.setStretchFactor(1, 2)
        for splitter in (self.centre, self.side):
            splitter.setChildrenCollapsible(False)
        # With nothing selected the centre and the right say what to do next.
        self.centre_stack = QStackedWidget()
        self.centre_stack.addWidget(EmptyState(
            self.tr("No mention selected"),
            self.tr("Choose a mention in the feed to read its thread and answer it here. "
                    "Enter opens the reply box; “/” searches.")))
        self.centre_stack.addWidget(self.centre)
        self.side_stack = QStackedWidget()
        self.side_stack.addWidget(EmptyState(
            self.tr("Case and person"),
            self.tr("The selected mention's case and who wrote it appear here: their "
                    "other posts, accounts and notes.")))
        self.side_stack.addWidget(self.side)
        self.panes = QSplitter(Qt.Orientation.Horizontal)
        self.panes.addWidget(self.feed)
        self.panes.addWidget(self.centre_stack)
        self.panes.addWidget(self.side_stack)
        for pane in range(3):
            self.panes.setCollapsible(pane, False)
        self.panes.setStretchFactor(0, 4)
        self.panes.setStretchFactor(1, 4)
        self.panes.setStretchFactor(2, 3)
        self.panes.setSizes([520, 440, 400])
        self.layout_restored = False  # set when the saved splitter sizes were applied
        self._shared = False
        self.centre.setSizes([380, 300])
        self.side.setSizes([320, 400])
        self.show_selection(False)
        self.setCentralWidget(self.panes)

        self.accounts_action = QAction(self.tr("&Accounts…"), self)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcuts(shortcuts.sequences("quit"))
        self.refresh_action = QAction(self.tr("&Refresh now"), self)
        self.refresh_action.setShortcuts(shortcuts.sequences("refresh"))
        self.search_action = QAction(self.tr("Focus &search"), self)
        # "/" never steals a keystroke from a text field: those claim printable keys first.
        self.search_action.setShortcuts(shortcuts.sequences("search"))
        self.about_action = QAction(self.tr("&About Posventa"), self)
        menus = self.menuBar()
        file_menu = menus.addMenu(self.tr("&File"))
        file_menu.addAction(self.accounts_action)
        self.export_view_action = QAction(self.tr("&Export view…"), self)
        self.import_csv_action = QAction(self.tr("&Import CSV…"), self)
        file_menu.addAction(self.export_view_action)
        file_menu.addAction(self.import_csv_action)
        self.export_cases_action = QAction(self.tr("Export &cases…"), self)
        self.open_case_file_action = QAction(self.tr("&Open case file…"), self)
        self.import_case_file_action = QAction(self.tr("Import case &file…"), self)
        file_menu.addAction(self.export_cases_action)
        file_menu.addAction(self.open_case_file_action)
        file_menu.addAction(self.import_case_file_action)
        self.team_action = QAction(self.tr("&Team database…"), self)
        file_menu.addAction(self.team_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu = menus.addMenu(self.tr("&View"))
        view_menu.addAction(self.refresh_action)
        view_menu.addAction(self.search_action)
        self.reports_action = QAction(self.tr("Re&ports…"), self)
        view_menu.addAction(self.reports_action)
        self.canned_action = QAction(self.tr("&Canned replies…"), self)
        tools_menu = menus.addMenu(self.tr("&Tools"))
        tools_menu.addAction(self.canned_action)
        self.rules_action = QAction(self.tr("&Rules…"), self)
        tools_menu.addAction(self.rules_action)
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.setShortcuts(shortcuts.sequences("settings"))
        tools_menu.addSeparator()
        tools_menu.addAction(self.settings_action)
        help_menu = menus.addMenu(self.tr("&Help"))
        self.shortcuts_action = QAction(self.tr("&Keyboard shortcuts"), self)
        self.shortcuts_action.setShortcuts(shortcuts.sequences("shortcuts"))
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

        # Account chips, the latest notice and the outbox each have their own area.
        self.status_bar = DeskStatusBar()
        self.setStatusBar(self.status_bar)
        self.sync_label = self.status_bar.chips.placeholder  # "No sync yet…"
        self.sync_label.setAccessibleName(self.tr("Sync status"))
        self.outbox_label = self.status_bar.outbox

    def show_selection(self, selected: bool) -> None:
        """The thread, composer, case and profile (a mention is selected) or what to do."""
        self.centre_stack.setCurrentIndex(1 if selected else 0)
        self.side_stack.setCurrentIndex(1 if selected else 0)

    def share_width(self) -> None:
        """Split the width: the right column as wide as the profile's tabs need (so none
        is cut), the centre at least its minimum, the feed the rest."""
        total = self.width() - 2 * self.panes.handleWidth()  # the splitter may lag a resize
        feed_min = self.feed.minimumSizeHint().width()
        centre_min = self.centre_stack.minimumSizeHint().width()
        side_min = self.side_stack.minimumSizeHint().width()
        wanted = 380
        tabs = getattr(self.profile, "tabs", None)
        if isinstance(tabs, QTabWidget):  # tabs that would scroll: room for all of them,
            bar = tabs.tabBar()           # with the counts they show ("Cases (1)")
            bar.ensurePolished()
            counted = bar.count() - 2  # all but the history and suggestions count things
            wanted = (bar.sizeHint().width() + 16
                      + max(counted, 0) * bar.fontMetrics().horizontalAdvance(" (0)"))
        side = max(side_min, min(wanted, total * 36 // 100, total - feed_min - centre_min))
        centre = max(centre_min, min(total * 32 // 100, total - side - feed_min))
        self.panes.setSizes([total - side - centre, centre, side])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shared and not self.layout_restored:
            self._shared = True
            self.share_width()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._shared and not self.layout_restored and not event.spontaneous():
            self.share_width()  # resized by the program (fitted to the screen): share again

    # Asked before the agent closes the window (replies still on their way); False keeps
    # it open. Closes by code (tests, shutdown) are not asked.
    allow_close: Callable[[], bool] | None = None
    _agent_quits = False

    @Slot()
    def request_quit(self) -> None:
        """File > Quit (Ctrl+Q): close as the agent asked, so pending replies are asked about."""
        self._agent_quits = True
        try:
            self.close()
        finally:
            self._agent_quits = False

    def closeEvent(self, event: QCloseEvent) -> None:
        asked = event.spontaneous() or self._agent_quits
        if asked and self.allow_close is not None and not self.allow_close():
            event.ignore()
            return
        self.closing.emit()
        super().closeEvent(event)


class MainController(QObject):
    """Connects the panes to each other and to the engine's events; runs the menu actions."""

    def __init__(self, window: MainWindow, bridge: EngineBridge, feed: FeedController,
                 profile: ProfileController, thread: ThreadController,
                 composer: ComposerController, status: SyncStatusController,
                 refresh: Callable[[], None], open_accounts: Callable[[], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.feed, self.profile, self.thread = feed, profile, thread
        self.composer, self.status = composer, status
        self._refresh = refresh
        self._open_accounts = open_accounts

        feed.mentionSelected.connect(self._on_mention_selected)
        feed.selectionCleared.connect(self._on_selection_cleared)
        feed.mentionOpened.connect(self._on_mention_opened)
        profile.mentionRequested.connect(self._on_mention_requested)
        profile.linkRefused.connect(window.statusBar().showMessage)
        composer.replyQueued.connect(self._on_reply_queued)
        composer.repliesChanged.connect(lambda: self._on_reply_queued(None))
        bridge.outboxChanged.connect(composer.on_outbox_changed)

        bridge.mentionsAdded.connect(feed.on_mentions_added)
        bridge.mentionsChanged.connect(feed.on_mentions_changed)
        bridge.mentionsChanged.connect(thread.on_mentions_changed)
        bridge.accountStatus.connect(status.on_account_status)
        bridge.outboxChanged.connect(status.on_outbox_changed)
        bridge.outboxChanged.connect(thread.on_outbox_changed)
        bridge.outboxChanged.connect(self._on_outbox_changed)
        bridge.peopleChanged.connect(profile.on_people_changed)  # another console's edits

        window.accounts_action.triggered.connect(self.open_accounts)
        window.quit_action.triggered.connect(window.request_quit)
        window.refresh_action.triggered.connect(self.refresh)
        window.search_action.triggered.connect(feed.focus_search)
        window.about_action.triggered.connect(self.about)
        window.closing.connect(composer.save_draft)
        window.closing.connect(bridge.close)

    @Slot(int, int)
    def _on_mention_selected(self, mention_id: int, author_id: int) -> None:
        self.window.show_selection(True)
        self.composer.set_mention(mention_id)
        self.thread.show_mention(mention_id)
        self.profile.show_author(author_id)

    @Slot()
    def _on_selection_cleared(self) -> None:
        self.window.show_selection(False)
        self.composer.clear()
        self.thread.clear()
        self.profile.clear()

    @Slot(int)
    def _on_mention_opened(self, mention_id: int) -> None:
        if self.composer.mention_id == mention_id:
            self.composer.focus()

    @Slot(int)
    def _on_mention_requested(self, mention_id: int) -> None:
        if not self.feed.select_mention(mention_id):
            self.window.statusBar().showMessage(
                self.tr("That mention is not in the feed as filtered; set the filters to "
                        "“all”."), 6000)

    @Slot(object)
    def _on_reply_queued(self, _reply: object) -> None:
        self.thread.refresh()
        self.profile.refresh()

    @Slot(object)
    def _on_outbox_changed(self, event: OutboxChanged) -> None:
        if event.mention_id is not None and event.mention_id == self.feed.current_mention():
            self.profile.refresh()

    @Slot()
    def refresh(self) -> None:
        self._refresh()
        self.window.statusBar().showMessage(self.tr("Syncing every account now…"), 3000)

    @Slot()
    def open_accounts(self) -> None:
        self._open_accounts()

    @Slot()
    def about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About Posventa"), "",
                          parent=self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("Posventa {version}\n\nA console for proactive social customer "
                            "care: see what people say about the brand, complaints first, "
                            "and answer where they spoke.").format(version=console.__version__))
        box.exec()
