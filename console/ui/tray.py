"""The tray icon with the new and urgent counts, and rate-limited urgent-complaint alerts.

A mention is an *urgent complaint* when its priority reaches the most urgent SLA tier and
its complaint score reaches the team's complaint threshold. At most ``notify_per_minute``
notifications go out in any minute; what does not fit becomes one summary
("12 more urgent mentions") as soon as the minute allows. The SLA alerts of
``case_alerts.py`` go through the same tray icon (:meth:`TrayIcon.notify`).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, QRect, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from console.app.settings import Settings
from console.cases.service import CaseService
from console.feed.queries import FeedFilter, FeedRow
from console.feed.service import FeedService
from console.ui import labels

COUNT_LIMIT = 500  # urgent mentions counted at most (then "500+")
WINDOW_SECONDS = 60.0


class Throttle:
    """At most `per_minute` events in any sliding minute."""

    def __init__(self, per_minute: Callable[[], int],
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self._per_minute = per_minute
        self._monotonic = monotonic
        self._sent: deque[float] = deque()

    def free(self) -> int:
        now = self._monotonic()
        while self._sent and now - self._sent[0] >= WINDOW_SECONDS:
            self._sent.popleft()
        return max(0, self._per_minute() - len(self._sent))

    def take(self) -> None:
        self._sent.append(self._monotonic())

    def wait(self) -> float:
        """Seconds until a slot frees (0 when one is free now)."""
        if self.free() or not self._sent:
            return 0.0
        return max(0.0, WINDOW_SECONDS - (self._monotonic() - self._sent[0]))


class UrgentNotifier(QObject):
    """Announces urgent complaints as they arrive, without flooding the agent.

    Signals:
        notified(str, str): a notification went out (title, text).
    """

    notified = Signal(str, str)

    def __init__(self, feed: FeedService, cases: CaseService, settings: Settings,
                 notify: Callable[[str, str], None], parent: QObject | None = None,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.feed, self.cases, self.settings = feed, cases, settings
        self._notify = notify
        self.throttle = Throttle(lambda: max(1, self.settings.notify_per_minute), monotonic)
        self.pending = 0
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.timeout.connect(self.flush)

    def urgent(self, rows: list[FeedRow]) -> list[FeedRow]:
        threshold = float(self.cases.settings()["complaint_threshold"])
        priority = self.cases.urgent_priority()
        return [r for r in rows if r.status == "new" and not r.spam
                and r.priority >= priority and r.complaint >= threshold]

    @Slot(list)
    def on_mentions_added(self, ids: list[int]) -> None:
        if not self.settings.notify_urgent or not ids:
            return
        try:
            found = self.urgent(self.feed.rows(ids))
        except Exception:  # a busy database must not stop the window; the counts catch up
            return
        free = self.throttle.free()
        if len(found) > free and free:
            free -= 1  # keep the last slot for the summary of the rest
        for row in found[:free]:
            self._send(self.tr("Urgent complaint from {0}").format(
                labels.untrusted(row.author_name or row.author_handle, 60)),
                labels.untrusted(row.text, 200))
        self.pending += len(found[free:])
        self.flush()

    @Slot()
    def flush(self) -> None:
        """Send the summary of held-back mentions if the minute allows, else wait for it."""
        if not self.pending:
            return
        if not self.throttle.free():
            self._flush.start(int(self.throttle.wait() * 1000) + 50)
            return
        count, self.pending = self.pending, 0
        title = (self.tr("1 more urgent mention") if count == 1 else
                 self.tr("{0} more urgent mentions").format(labels.count_text(count)))
        # Shown in the window's status bar too (no tray): it must not say "open Posventa".
        self._send(title, self.tr("Choose “priority first” in the feed to see them."))

    def _send(self, title: str, text: str) -> None:
        self.throttle.take()
        self._notify(title, text)
        self.notified.emit(title, text)


def counts(feed: FeedService, cases: CaseService) -> tuple[int, int]:
    """(new mentions, urgent new complaints) for the tray; urgent is capped at COUNT_LIMIT."""
    new = feed.count(FeedFilter(statuses=("new",)))
    rows = feed.page(FeedFilter(statuses=("new",), sort="priority"), None, COUNT_LIMIT)
    threshold = float(cases.settings()["complaint_threshold"])
    priority = cases.urgent_priority()
    urgent = sum(1 for r in rows if r.priority >= priority and r.complaint >= threshold)
    return new, urgent


def badge_icon(base: QIcon, urgent: int, size: int = 64) -> QIcon:
    """The application icon with the urgent count in a red badge (none when zero)."""
    pixmap = base.pixmap(size, size) if not base.isNull() else QPixmap(size, size)
    if base.isNull():
        pixmap.fill(QColor("#2f6db5"))
    if urgent:
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor("#c62828"))
        painter.setPen(Qt.PenStyle.NoPen)
        badge = QRect(QPoint(size // 3, size // 3), QPoint(size - 1, size - 1))
        painter.drawEllipse(badge)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(size // 3)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, "99+" if urgent > 99 else
                         str(urgent))
        painter.end()
    return QIcon(pixmap)


class TrayIcon(QObject):
    """The system tray icon: counts in its tooltip and badge, notifications, a small menu."""

    def __init__(self, window: QWidget, feed: FeedService, cases: CaseService,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window, self.feed, self.cases = window, feed, cases
        self.icon = QSystemTrayIcon(window)
        self.menu = QMenu(window)
        self.menu.addAction(self.tr("Show Posventa"), self.show_window)
        self.menu.addAction(self.tr("Quit"), window.close)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        self.new, self.urgent = 0, 0
        self._timer = QTimer(self)  # counts are refreshed at most every 2 s
        self._timer.setSingleShot(True)
        self._timer.setInterval(2000)
        self._timer.timeout.connect(self.refresh)
        self.refresh()

    @classmethod
    def create(cls, window: QWidget, feed: FeedService, cases: CaseService,
               parent: QObject | None = None) -> TrayIcon | None:
        """A shown tray icon, or None when the desktop has no system tray."""
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return None
        tray = cls(window, feed, cases, parent)
        tray.icon.show()
        return tray

    def text(self) -> str:
        urgent = labels.count_text(self.urgent)
        return self.tr("Posventa: {0} new, {1} urgent").format(
            labels.count_text(self.new), f"{urgent}+" if self.urgent >= COUNT_LIMIT else urgent)

    @Slot()
    def schedule(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    @Slot()
    def refresh(self) -> None:
        try:
            self.new, self.urgent = counts(self.feed, self.cases)
        except Exception:  # a busy database: keep the last counts, try on the next change
            return
        self.icon.setToolTip(self.text())
        self.icon.setIcon(badge_icon(self.window.windowIcon(), self.urgent))

    def notify(self, title: str, text: str) -> None:
        # Notification bubbles are plain text on every platform Qt supports.
        self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 15_000)

    @Slot()
    def show_window(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    @Slot(QSystemTrayIcon.ActivationReason)
    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.show_window()
