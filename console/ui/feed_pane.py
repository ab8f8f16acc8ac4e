"""The feed pane: filters and search above a table of mentions, and the controller behind it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTableView,
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

SORT_NAMES = {  # English source text; shown translated (context "FeedPane")
    "newest": QT_TRANSLATE_NOOP("FeedPane", "newest first"),
    "priority": QT_TRANSLATE_NOOP("FeedPane", "priority first"),
}
SEARCH_DELAY_MS = 250


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
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)

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

    hidden_by_default = (STATUS, SOURCE)

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
        self.model.set_filter(self.current_filter())
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            self.select_row(row)
        elif keep:
            self._current_id = 0
            self.selectionCleared.emit()

    @Slot()
    def focus_search(self) -> None:
        self.pane.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.pane.search.selectAll()

    # --- live updates -----------------------------------------------------------------------

    @Slot(list)
    def on_mentions_added(self, ids: list[int]) -> None:
        self.model.add_mentions(ids)
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
        if self.model.feed_filter.queue == "breaching":
            self.apply_filter()
        else:
            self.model.refresh_times()

    @Slot(list)
    def on_mentions_changed(self, ids: list[int]) -> None:
        self.model.update_mentions(ids)
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
        index = self.model.index(row, 0)
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
