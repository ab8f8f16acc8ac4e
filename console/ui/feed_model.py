"""The feed as a lazily loaded table model: keyset pages, sorted inserts, in-place updates.

The model never counts or loads the whole feed: it holds the rows loaded so far (newest
or highest priority first) and asks :class:`FeedService` for the next page when the view
scrolls to the end. New and changed mentions are merged into the loaded region without a
reset, so the selection and the scroll position stay where the agent left them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from console.cases.service import clocks_of
from console.feed.queries import SNIPPET, FeedFilter, FeedRow
from console.feed.service import FeedService
from console.i18n import QT_TRANSLATE_NOOP
from console.store.timeutil import utcnow
from console.triage.reason_text import reasons_text, topic_name
from console.ui import case_text, labels
from console.ui.feed_delegate import CARD_ROLE, Card

COLUMNS = (  # English source text; headers show them translated (context "FeedModel")
    QT_TRANSLATE_NOOP("FeedModel", "Channel"), QT_TRANSLATE_NOOP("FeedModel", "Author"),
    QT_TRANSLATE_NOOP("FeedModel", "Time"), QT_TRANSLATE_NOOP("FeedModel", "Case"),
    QT_TRANSLATE_NOOP("FeedModel", "Text"), QT_TRANSLATE_NOOP("FeedModel", "Sentiment"),
    QT_TRANSLATE_NOOP("FeedModel", "Status"), QT_TRANSLATE_NOOP("FeedModel", "Source"),
)
CHANNEL, AUTHOR, TIME, CASE, TEXT, SENTIMENT, STATUS, SOURCE = range(len(COLUMNS))
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the FeedRow itself
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the mention id

Index = QModelIndex | QPersistentModelIndex


def _reasons(stored: str) -> str:
    """Triage's stored reasons in the agent's language, scores with the locale's comma."""
    return reasons_text(stored, lambda value, decimals: QLocale().toString(
        float(value), "f", decimals))


UNDEFINED = "undefined"  # triage could not read the post's language


def sentiment_text(row: FeedRow) -> str:
    """The sentiment marker; a dash when the language was not analysed."""
    if row.sentiment_label == UNDEFINED and row.complaint < labels.COMPLAINT_THRESHOLD:
        return "–"
    return labels.sentiment_marker(row.complaint, row.sentiment_label)


def sentiment_tooltip(row: FeedRow) -> str:
    return QCoreApplication.translate(
        "FeedModel", "Sentiment: none, the language was not analysed ({lang}).").format(
        lang=row.lang or "?")


class FeedModel(QAbstractTableModel):
    """Rows of the feed for one :class:`FeedFilter`, loaded `page_size` at a time."""

    def __init__(self, feed: FeedService, page_size: int = 200, parent: Any = None) -> None:
        super().__init__(parent)
        self._feed = feed
        self._page_size = page_size
        self._filter = FeedFilter()
        self._rows: list[FeedRow] = []
        self._positions: dict[int, int] = {}
        self._more = True
        # While the agent points at, reads or answers a row, nothing may move under them:
        # new matches wait here (shown by :meth:`release`) and changed rows keep their place.
        self.frozen = False
        self._held: dict[int, FeedRow] = {}
        self._unsorted: set[int] = set()
        self._now: datetime | None = None  # fixed "now" for tests; None: the clock
        # The impersonation warning of a row's author ("" for most); set by the window.
        self.impersonation: Callable[[FeedRow], str] | None = None
        self._warnings: dict[int, str] = {}  # author id -> warning (cleared on reload)
        self._cards: dict[int, Card] = {}  # mention id -> its card, until it or time changes
        self.warning = timedelta(minutes=60)  # how soon before a due time it is "soon"

    # --- the filter -------------------------------------------------------------------------

    @property
    def feed_filter(self) -> FeedFilter:
        return self._filter

    def set_filter(self, flt: FeedFilter) -> None:
        """Show another selection of the feed (a reset: the first page is loaded)."""
        self.beginResetModel()
        self._filter = flt
        self._held, self._unsorted, self._warnings, self._cards = {}, set(), {}, {}
        self._rows = self._feed.page(flt, None, self._page_size)
        self._more = len(self._rows) >= self._page_size
        self._reindex()
        self.endResetModel()

    def reload(self) -> None:
        self.set_filter(self._filter)

    # --- reading ----------------------------------------------------------------------------

    def row_at(self, row: int) -> FeedRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, mention_id: int) -> int:
        """The row of a loaded mention, or -1."""
        return self._positions.get(mention_id, -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(COLUMNS)):
            return QCoreApplication.translate("FeedModel", COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.AccessibleTextRole and column == TEXT:
            card = self._card(row)
            return " · ".join(part for part in (card.warning, card.author, card.meta,
                                                *(b for b, _ in card.badges), card.text)
                              if part)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == SENTIMENT:
            return labels.sentiment_colour(row.complaint, row.sentiment_label)
        if role == Qt.ItemDataRole.ForegroundRole and column == CASE and row.case is not None:
            clock = self._clocks(row).worst
            return case_text.clock_colour(clock) if clock.alarming else None
        if role == CARD_ROLE and column == TEXT:
            card = self._cards.get(row.id)
            if card is None:
                card = self._cards[row.id] = self._card(row)
            return card
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.id
        return None

    def _display(self, row: FeedRow, column: int) -> str:
        if column == CHANNEL:
            return labels.channel_label(row.channel)
        if column == AUTHOR:
            return labels.author_line(row.author_name, row.author_handle)
        if column == TIME:
            return labels.when(row.created_at, self._now)
        if column == TEXT:
            return labels.first_line(row.text)
        if column == SENTIMENT:
            return sentiment_text(row)
        if column == CASE:
            return "" if row.case is None else case_text.feed_text(row.case, self._clocks(row))
        if column == STATUS:
            return labels.status_label(row.status)
        if column == SOURCE:
            return labels.sources_text(row.sources)
        return ""

    def warning_of(self, row: FeedRow) -> str:
        """The author's impersonation warning (worked out once per author and reload)."""
        if self.impersonation is None:
            return ""
        found = self._warnings.get(row.author_id)
        if found is None:
            found = self._warnings[row.author_id] = self.impersonation(row)
        return found

    def _card(self, row: FeedRow) -> Card:
        case = ("", None) if row.case is None else (
            case_text.feed_text(row.case, self._clocks(row)),
            case_text.clock_colour(self._clocks(row).worst))
        sentiment = (sentiment_text(row), None if row.sentiment_label == UNDEFINED
                     else labels.sentiment_colour(row.complaint, row.sentiment_label))
        priority = QCoreApplication.translate("FeedModel", "P{0}").format(row.priority)
        return Card(
            author=labels.author_line(row.author_name, row.author_handle),
            meta=" · ".join((labels.channel_label(row.channel),
                             labels.when(row.created_at, self._now))),
            text=" ".join(labels.untrusted(row.text, SNIPPET).split()),
            badges=(case, sentiment, (priority, None)),
            warning=self.warning_of(row), search=self._filter.search)

    def _tooltip(self, row: FeedRow, column: int) -> str:
        if column == TEXT:
            warning = self.warning_of(row)
            priority = QCoreApplication.translate("FeedModel", "Priority {0}: {1}").format(
                row.priority, _reasons(row.priority_reasons) or "–")
            lines = [f"⚠ {warning}"] if warning else []
            lines += [row.text, "", priority]
            if row.sentiment_label == UNDEFINED:
                lines.append(sentiment_tooltip(row))
            return labels.tooltip("\n".join(lines))
        if column == TIME:
            return labels.tooltip(labels.full_time(row.created_at))
        if column == SENTIMENT and row.sentiment_label == UNDEFINED:
            return labels.tooltip(sentiment_tooltip(row))
        if column == SENTIMENT:
            score = QLocale().toString(float(row.sentiment), "f", 2)
            return labels.tooltip(QCoreApplication.translate(
                "FeedModel", "priority {priority}: {reasons}\nsentiment {score}, reason: {reason}")
                .format(priority=row.priority, reasons=_reasons(row.priority_reasons),
                        score=score if row.sentiment < 0 else f"+{score}",
                        reason=topic_name(row.reason)))
        if column == CASE:
            about = (QCoreApplication.translate("FeedModel", "Not in a case")
                     if row.case is None else case_text.feed_tooltip(row.case, self._clocks(row)))
            priority = QCoreApplication.translate("FeedModel", "Priority {0}: {1}").format(
                row.priority, _reasons(row.priority_reasons) or "–")
            return labels.tooltip(f"{about}\n{priority}")
        return labels.tooltip(self._display(row, column))

    # --- lazy loading -----------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        after = self._rows[-1] if self._rows else None
        page = self._feed.page(self._filter, after, self._page_size)
        self._more = len(page) >= self._page_size
        fresh = [r for r in page if r.id not in self._positions]
        if not fresh:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._rows.extend(fresh)
        self._reindex(first)
        self.endInsertRows()

    # --- live updates -----------------------------------------------------------------------

    def add_mentions(self, ids: list[int]) -> int:
        """Insert new mentions that pass the filter at their sorted place; returns how many.

        While :attr:`frozen`, they are held instead (see :meth:`held_count`)."""
        wanted = [i for i in ids if i not in self._positions]
        inserted = 0
        for row in self._feed.rows(wanted, self._filter):
            inserted += self._hold(row) if self.frozen else self._insert(row)
        return inserted

    def held_count(self) -> int:
        """How many new mentions wait to be shown."""
        return len(self._held)

    def release(self) -> int:
        """Show the held mentions and re-sort rows that changed while frozen; returns how
        many mentions were inserted."""
        held, self._held = list(self._held.values()), {}
        inserted = sum(self._insert(row) for row in held)
        unsorted, self._unsorted = self._unsorted, set()
        for mention_id in unsorted:
            position = self._positions.get(mention_id, -1)
            if position >= 0:
                self._replace(position, self._rows[position], force=True)
        return inserted

    def _hold(self, row: FeedRow) -> int:
        if self._slot_for(row.sort_key(self._filter.sort)) == len(self._rows) and self._more:
            return 0  # beyond the loaded region: a later page brings it
        self._held[row.id] = row
        return 1

    def update_mentions(self, ids: list[int]) -> None:
        """Refresh changed mentions in place; drop those that no longer match, add new matches."""
        current = {r.id: r for r in self._feed.rows(list(ids), self._filter)}
        for mention_id in ids:
            position = self._positions.get(mention_id, -1)
            fresh = current.get(mention_id)
            if position < 0:
                if fresh is not None:
                    self._hold(fresh) if self.frozen else self._insert(fresh)
                else:
                    self._held.pop(mention_id, None)
            elif fresh is None:
                self._remove(position)
            else:
                self._replace(position, fresh)

    def refresh_times(self) -> None:
        """Relative times ("5 min ago") and SLA time left age: repaint those columns."""
        self._cards = {}
        if self._rows:
            last = len(self._rows) - 1
            for column in (TIME, CASE, TEXT):
                self.dataChanged.emit(self.index(0, column), self.index(last, column),
                                      [Qt.ItemDataRole.DisplayRole,
                                       Qt.ItemDataRole.ForegroundRole])

    def _clocks(self, row: FeedRow) -> Any:
        return clocks_of(row.case, self._now or utcnow(), self.warning)

    def _insert(self, row: FeedRow) -> int:
        position = self._slot_for(row.sort_key(self._filter.sort))
        if position == len(self._rows) and self._more:
            return 0  # beyond the loaded region: a later page brings it
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, row)
        self._reindex(position)
        self.endInsertRows()
        return 1

    def _replace(self, position: int, fresh: FeedRow, force: bool = False) -> None:
        self._cards.pop(fresh.id, None)
        sort = self._filter.sort
        if self.frozen and fresh.sort_key(sort) != self._rows[position].sort_key(sort):
            self._unsorted.add(fresh.id)  # it keeps its place until the feed thaws
        elif force or fresh.sort_key(sort) != self._rows[position].sort_key(sort):
            old = self._rows.pop(position)
            target = self._slot_for(fresh.sort_key(sort))
            self._rows.insert(position, old)
            destination = target if target <= position else target + 1
            if destination not in (position, position + 1):
                if target == len(self._rows) - 1 and self._more:
                    # it sinks past the loaded region: let a later page bring it
                    self._remove(position)
                    return
                self.beginMoveRows(QModelIndex(), position, position, QModelIndex(),
                                   destination)
                del self._rows[position]
                self._rows.insert(target, fresh)
                self._reindex(min(position, target))
                self.endMoveRows()
                return
        self._rows[position] = fresh
        self.dataChanged.emit(self.index(position, 0),
                              self.index(position, len(COLUMNS) - 1))

    def _remove(self, position: int) -> None:
        self.beginRemoveRows(QModelIndex(), position, position)
        gone = self._rows.pop(position)
        self._positions.pop(gone.id, None)
        self._reindex(position)
        self.endRemoveRows()

    def _slot_for(self, key: tuple) -> int:
        """First position whose key is below `key` (rows are sorted by key, descending)."""
        sort = self._filter.sort
        low, high = 0, len(self._rows)
        while low < high:
            middle = (low + high) // 2
            if self._rows[middle].sort_key(sort) > key:
                low = middle + 1
            else:
                high = middle
        return low

    def _reindex(self, start: int = 0) -> None:
        if start == 0:
            self._positions = {}
        for position in range(start, len(self._rows)):
            self._positions[self._rows[position].id] = position
