"""The feed pane: filters and search above a table of mentions, and the controller behind it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from console.cases.service import CaseService
from console.channels.base import SOURCES
from console.feed.queries import SORTS, FeedFilter
from console.feed.service import FeedService
from console.i18n import QT_TRANSLATE_NOOP
from console.store.models import MENTION_STATUSES
from console.store.timeutil import utcnow
from console.ui import labels, shortcuts
from console.ui.feed_delegate import FeedCardDelegate, row_height
from console.ui.feed_model import (
    AUTHOR,
    CASE,
    CHANNEL,
    SENTIMENT,
    SOURCE,
    STATUS,
    TEXT,
    TIME,
    FeedModel,
)
from console.ui.new_mentions_bar import NewMentionsBar

SORT_NAMES = {  # English source text; shown translated (context "FeedPane")
    "newest": QT_TRANSLATE_NOOP("FeedPane", "newest first"),
    "priority": QT_TRANSLATE_NOOP("FeedPane", "priority first"),
}
SEARCH_DELAY_MS = 250
COUNT_CAP = 10_000  # a search counts this far at most (it answers at once on any feed)
KEEP_PAGES = 25  # how many pages a filter change loads to keep the selected mention
THAW_POLL_MS = 400


def sort_name(value: str) -> str:
    """A feed order ("newest", "priority") as the agent reads it."""
    text = SORT_NAMES.get(value)
    return QCoreApplication.translate("FeedPane", text) if text is not None else value


QUEUE_NAMES = {  # English source text; shown translated (context "FeedPane")
    "all": QT_TRANSLATE_NOOP("FeedPane", "all mentions"),
    "mine": QT_TRANSLATE_NOOP("FeedPane", "my cases"),
    "unassigned": QT_TRANSLATE_NOOP("FeedPane", "unassigned cases"),
    "breaching": QT_TRANSLATE_NOOP("FeedPane", "breaching soon"),
    "waiting": QT_TRANSLATE_NOOP("FeedPane", "waiting on customer"),
}


def queue_names() -> dict[str, str]:
    """The feed's queues as the agent reads them."""
    return {queue: QCoreApplication.translate("FeedPane", text)
            for queue, text in QUEUE_NAMES.items()}


def _combo(name: str, any_text: str | None, values: list[str],
           show: Callable[[str], str] = str) -> QComboBox:
    """A filter choice; each item shows `show(value)` and its data is the value (None for
    "any"). `name` and `any_text` are already translated."""
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setToolTip(labels.tooltip(name))
    if any_text is not None:
        combo.addItem(any_text, None)
    for value in values:
        combo.addItem(show(value), value)
    # Wide enough for its longest choice in the interface language: a cut word
    # ("cualquier estad") reads as a typo. The filters wrap onto two rows to make room.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


class FeedPane(QWidget):
    """Layout only: the filter row, the search box and the mention table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        names = queue_names()
        self.queue = _combo(self.tr("Queue"), None, list(names), names.__getitem__)
        self.status = _combo(self.tr("Status"), self.tr("any status"), list(MENTION_STATUSES),
                             labels.status_label)
        self.channel = _combo(self.tr("Channel"), self.tr("any channel"), [])
        self.source = _combo(self.tr("Source"), self.tr("any source"), list(SOURCES),
                             labels.source_label)
        self.hidden = QCheckBox(QCoreApplication.translate("FeedPane", "Show hidden"))
        self.hidden.setToolTip(QCoreApplication.translate(
            "FeedPane", "Also show posts hidden as spam or marked not relevant (never deleted)"))
        self.hidden.setAccessibleName(QCoreApplication.translate("FeedPane", "Show hidden posts"))
        self.sort = _combo(self.tr("Sort"), None, list(SORTS), sort_name)
        self.search = QLineEdit()
        # The keys are in the tooltip: the box is narrow beside the queue and the order.
        self.search.setPlaceholderText(self.tr("Search mentions"))
        self.search.setToolTip(self.tr("Search mentions  (Ctrl+F or /)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search mentions"))
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Mention feed"))
        self.table.setAccessibleDescription(self.tr(
            "Mentions of the brand, newest first. Enter opens the reply composer."))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Two lines per mention: who, where, when and the case above the post's text.
        rows.setDefaultSectionSize(row_height(self.fontMetrics()))
        self.cards = FeedCardDelegate(self.table)
        self.table.setItemDelegateForColumn(TEXT, self.cards)

        filters = QHBoxLayout()
        filters.setSpacing(6)
        for widget in (self.status, self.channel, self.source, self.hidden):
            filters.addWidget(widget)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addLayout(filters)
        searching = QHBoxLayout()
        searching.setSpacing(6)
        searching.addWidget(self.queue)  # which work to see: a queue of cases, or everything
        searching.addWidget(self.sort)
        searching.addWidget(self.search, 1)
        self.search_count = labels.plain_label()  # "23 results" while searching
        self.search_count.setAccessibleName(self.tr("Search results"))
        self.search_count.hide()
        searching.addWidget(self.search_count)
        self.new_mentions = NewMentionsBar()  # beside the search: never pushes the rows down
        searching.addWidget(self.new_mentions)
        layout.addLayout(searching)
        layout.addWidget(self.table, 1)

    def size_columns(self) -> None:
        """Column widths that fit their usual content; the text takes the rest."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        width = self.fontMetrics().horizontalAdvance
        # Samples in the interface language, so the columns fit their translated words.
        moment = datetime.now().astimezone().replace(month=11, day=22, hour=14, minute=3)
        if moment.date() == datetime.now().date():
            moment = moment.replace(month=12)
        for column, sample in ((CHANNEL, labels.channel_label("wordpress")),
                               (AUTHOR, "Carolina Quint"),
                               (TIME, labels.when(moment)),
                               (SENTIMENT, labels.sentiment_marker(0.82, "negative")),
                               (CASE, "waiting · ◔ 2h 20m left"),
                               (STATUS, labels.status_label("replied")),
                               (SOURCE, labels.source_label("keyword"))):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width(sample) + 14)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        # The text is what the agent reads: the status and source columns (also filters
        # above) start hidden, and the header's context menu shows or hides any column.
        for column in self.hidden_by_default:
            self.table.setColumnHidden(column, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)

    # The card in the text column shows the others: they start hidden (the header's menu
    # shows any of them again).
    hidden_by_default = (CHANNEL, AUTHOR, TIME, CASE, SENTIMENT, STATUS, SOURCE)

    @Slot(QPoint)
    def _column_menu(self, pos: QPoint) -> None:
        header = self.table.horizontalHeader()
        model = self.table.model()
        menu = QMenu(self)
        menu.setTitle(self.tr("Columns"))
        for column in range(model.columnCount()):
            if column == TEXT:
                continue  # the text always stays
            name = str(model.headerData(column, Qt.Orientation.Horizontal))
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.toggled.connect(
                lambda shown, c=column: self.table.setColumnHidden(c, not shown))
        menu.popup(header.mapToGlobal(pos))


class FeedController(QObject):
    """Owns the feed model: filters, debounced search, live updates and keyboard moves.

    Signals:
        mentionSelected(int, int): the current mention changed (mention id, author id).
        selectionCleared(): no mention is selected any more.
        mentionOpened(int): the agent pressed Enter (or double-clicked) on a mention.
    """

    mentionSelected = Signal(int, int)
    selectionCleared = Signal()
    mentionOpened = Signal(int)

    def __init__(self, pane: FeedPane, feed: FeedService, page_size: int = 200,
                 parent: QObject | None = None, cases: CaseService | None = None) -> None:
        super().__init__(parent)
        self.pane = pane
        self.feed = feed
        self.cases = cases
        self.model = FeedModel(feed, page_size, self)
        if cases is None:
            pane.queue.setEnabled(False)
        else:
            self.model.warning = cases.warning()
        self._current_id = 0
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self._clock = QTimer(self)
        self._clock.setInterval(60_000)
        self._clock.timeout.connect(self._on_minute)
        self._clock.start()

        for channel in feed.channels():
            pane.channel.addItem(labels.channel_label(channel), channel)
        pane.table.setModel(self.model)
        pane.size_columns()
        pane.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        pane.table.doubleClicked.connect(self._on_double_clicked)
        # Shortcuts rather than an event filter: no Python code runs while Qt tears the
        # table down. They act only while the table has the focus.
        # The keys come from the one shortcuts table (Help > Keyboard shortcuts lists it).
        shortcuts.bind(pane.table, "next", lambda: self.move(1))
        shortcuts.bind(pane.table, "previous", lambda: self.move(-1))
        shortcuts.bind(pane.table, "open", self.open_current)
        shortcuts.bind(pane.table, "top", self.go_to_top)
        pane.new_mentions.clicked.connect(self.show_new)
        # While mentions are held, look now and then whether the agent let go of the feed.
        self._thaw = QTimer(self)
        self._thaw.setInterval(THAW_POLL_MS)
        self._thaw.timeout.connect(self._on_thaw_poll)
        for combo in (pane.queue, pane.status, pane.channel, pane.source, pane.sort):
            combo.currentIndexChanged.connect(self.apply_filter)
        pane.hidden.toggled.connect(self.apply_filter)
        pane.search.textChanged.connect(self._search_timer.start)
        pane.search.returnPressed.connect(self.apply_filter)
        self.apply_filter()

    # --- filters ----------------------------------------------------------------------------

    def current_filter(self) -> FeedFilter:
        def chosen(combo: QComboBox) -> tuple[str, ...]:
            value = combo.currentData()
            return () if value is None else (str(value),)

        queue = str(self.pane.queue.currentData() or "all")
        agent, breach_by = "", None
        if self.cases is not None:
            agent = self.cases.agent
            breach_by = utcnow() + self.model.warning
        return FeedFilter(statuses=chosen(self.pane.status), channels=chosen(self.pane.channel),
                          sources=chosen(self.pane.source),
                          sort=str(self.pane.sort.currentData() or "newest"),
                          search=self.pane.search.text().strip(),
                          queue=queue, agent=agent, breach_by=breach_by,
                          include_spam=self.pane.hidden.isChecked(),
                          include_irrelevant=self.pane.hidden.isChecked())

    @Slot()
    def apply_filter(self) -> None:
        """Reload the feed for the chosen filters, keeping the current mention if it stays."""
        self._search_timer.stop()
        keep = self._current_id
        self.model.frozen = False  # a new selection of the feed shows everything anew
        flt = self.current_filter()
        self.model.set_filter(flt)
        self._after_change()
        self._show_count(flt)
        if keep and self.model.row_of(keep) < 0 and self.feed.contains(flt, keep):
            # Still in the feed, further down (clearing a search): load pages up to it.
            for _ in range(KEEP_PAGES):
                if self.model.row_of(keep) >= 0 or not self.model.canFetchMore(QModelIndex()):
                    break
                self.model.fetchMore(QModelIndex())
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            self.select_row(row)
        elif keep:
            self._current_id = 0
            self.selectionCleared.emit()

    def _show_count(self, flt: FeedFilter) -> None:
        label = self.pane.search_count
        if not flt.search:
            label.hide()
            return
        found = self.feed.count_upto(flt, COUNT_CAP + 1)
        label.setText(self.tr("more than %1 results").replace(
            "%1", QLocale().toString(COUNT_CAP)) if found > COUNT_CAP
            else self.tr("%n result(s)", "", found))
        label.show()

    @Slot()
    def focus_search(self) -> None:
        self.pane.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.pane.search.selectAll()

    # --- live updates -----------------------------------------------------------------------

    def agent_is_busy(self) -> bool:
        """Whether rows must stay put: the pointer is over the list, a row has the keyboard
        focus, or the agent is typing somewhere in the window (reply, note, assignee)."""
        viewport = self.pane.table.viewport()
        if viewport.isVisible() and viewport.rect().contains(
                viewport.mapFromGlobal(QCursor.pos())):
            return True
        table = self.pane.table
        if table.hasFocus() and table.currentIndex().isValid():
            return True
        focus = QApplication.focusWidget()
        if focus is None or focus is self.pane.search or focus.window() is not self.pane.window():
            return False
        if isinstance(focus, (QPlainTextEdit, QTextEdit)):
            return not focus.isReadOnly()
        return isinstance(focus, QLineEdit) and not focus.isReadOnly()

    def _freeze(self) -> None:
        self.model.frozen = self.agent_is_busy()

    def _show_held(self) -> None:
        self.model.frozen = False
        self.model.release()
        self._thaw.stop()
        self.pane.new_mentions.set_count(0)

    def _after_change(self) -> None:
        held = self.model.held_count()
        self.pane.new_mentions.set_count(held)
        if held and not self._thaw.isActive():
            self._thaw.start()

    @Slot()
    def _on_thaw_poll(self) -> None:
        if not self.agent_is_busy():
            self._show_held()

    @Slot()
    def show_new(self) -> None:
        """Show the waiting mentions at the top; the selected mention stays selected."""
        self._show_held()
        self.pane.table.scrollToTop()
        self.pane.table.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def go_to_top(self) -> None:
        """Home: show the waiting mentions and go to the first row."""
        self._show_held()
        self.select_row(0)

    @Slot(list)
    def on_mentions_added(self, ids: list[int]) -> None:
        self._freeze()
        self.model.add_mentions(ids)
        self._after_change()
        self._learn_channels()
        if self.cases is not None:
            # A new message may have reopened its case: its other rows change state.
            others = self.cases.mentions_sharing_cases(ids)
            if others:
                self.on_mentions_changed(others)

    @Slot()
    def _on_minute(self) -> None:
        """Time passes: SLA clocks and relative times age, the breaching queue moves."""
        if self.cases is not None:
            self.model.warning = self.cases.warning()
        if self.model.feed_filter.queue == "breaching" and not self.agent_is_busy():
            self.apply_filter()  # (a reload: never while the agent points or types)
        else:
            self.model.refresh_times()

    @Slot(list)
    def on_mentions_changed(self, ids: list[int]) -> None:
        self._freeze()
        self.model.update_mentions(ids)
        self._after_change()
        if self._current_id and self.model.row_of(self._current_id) < 0:
            self._current_id = 0
            self.selectionCleared.emit()

    def _learn_channels(self) -> None:
        known = {self.pane.channel.itemData(i) for i in range(self.pane.channel.count())}
        for row in range(min(self.model.rowCount(), 50)):
            feed_row = self.model.row_at(row)
            if feed_row is not None and feed_row.channel not in known:
                known.add(feed_row.channel)
                self.pane.channel.addItem(labels.channel_label(feed_row.channel),
                                          feed_row.channel)

    # --- selection and keyboard -------------------------------------------------------------

    def current_mention(self) -> int:
        return self._current_id

    def select_row(self, row: int) -> None:
        # The text column: the others may be hidden, and arrows move from the current cell.
        index = self.model.index(row, TEXT)
        if not index.isValid():
            return
        self.pane.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.pane.table.scrollTo(index)

    def select_mention(self, mention_id: int) -> bool:
        row = self.model.row_of(mention_id)
        if row >= 0:
            self.select_row(row)
        return row >= 0

    def move(self, step: int) -> None:
        current = self.pane.table.currentIndex()
        row = current.row() + step if current.isValid() else 0
        if row >= self.model.rowCount() and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())
        self.select_row(max(0, min(row, self.model.rowCount() - 1)))

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        if row is None:
            if self._current_id:
                self._current_id = 0
                self.selectionCleared.emit()
            return
        if row.id != self._current_id:
            self._current_id = row.id
            self.mentionSelected.emit(row.id, row.author_id)

    @Slot()
    def open_current(self) -> None:
        if self._current_id:
            self.mentionOpened.emit(self._current_id)

    @Slot(QModelIndex)
    def _on_double_clicked(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.mentionOpened.emit(row.id)
