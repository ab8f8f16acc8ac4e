"""Tray notifications when an urgent case is about to breach its SLA, rate-limited.

Every minute the most urgent tier's active cases are checked; a clock entering its warning
window (or breaching) is announced once per case and clock, and at most one notification
goes out per `quiet` period, naming how many cases need attention.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from console.cases.service import CaseService
from console.ui import case_text, labels

CHECK_MS = 60_000
QUIET_SECONDS = 300.0


class CaseAlerts(QObject):
    """Watches urgent cases' clocks and calls `notify(title, text)` when one is breaching.

    Signals:
        alerted(str, str): a notification went out (title, text).
    """

    alerted = Signal(str, str)

    def __init__(self, cases: CaseService, notify: Callable[[str, str], None],
                 parent: QObject | None = None, quiet: float = QUIET_SECONDS,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.cases = cases
        self._notify = notify
        self._quiet = quiet
        self._monotonic = monotonic
        self._told: set[tuple[int, str, str]] = set()
        self._last: float | None = None
        self._waiting: list[str] = []
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        self._timer.start()

    @Slot()
    def check(self) -> None:
        """Look at the clocks now; notify if something new is breaching and it is allowed."""
        try:
            found = self.cases.about_to_breach(self.cases.urgent_priority())
        except Exception:  # a busy database must not stop the window; try next minute
            return
        for case, clock in found:
            key = (case.id, clock.kind, clock.state)
            if key in self._told:
                continue
            self._told.add(key)
            name = case_text.clock_name(clock.kind)
            self._waiting.append(self.tr("Case {0} ({1}): {2} {3}").format(
                case.id, labels.untrusted(case.subject, 60), name.lower(),
                case_text.clock_text(clock)))
        now = self._monotonic()
        if not self._waiting or (self._last is not None and now - self._last < self._quiet):
            return
        self._last = now
        count = len(self._waiting)
        title = (self.tr("An urgent case is about to breach its SLA") if count == 1 else
                 self.tr("{0} urgent cases are about to breach their SLA").format(
                     labels.count_text(count)))
        text = "\n".join(self._waiting[:3])
        self._waiting = []
        self._notify(title, text)
        self.alerted.emit(title, text)


def tray_notifier(window: QWidget) -> Callable[[str, str], None] | None:
    """A notify function through the system tray, or None when there is no tray."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    tray = QSystemTrayIcon(window.windowIcon(), window)
    tray.setToolTip(QCoreApplication.applicationName())  # the product name, untranslated
    tray.show()

    def notify(title: str, text: str) -> None:
        # Notification bubbles are plain text on every platform Qt supports.
        tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 15_000)

    return notify
