"""The ``--smoke-test`` check: the demo window opens, mentions arrive, the app exits.

Used by the packaging tests on a frozen build (and handy to check an install): it proves
that Qt's plugins, the bundled resources, the sandbox, the sync engine, triage and the
feed model all work together, with no one at the keyboard. It prints one line on stdout,
``smoke ok: N mentions``, and the event loop ends with 0; if no mention shows within the
time limit it prints why on stderr and ends with 1.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QObject, QTimer, Slot

DEFAULT_TIMEOUT_MS = 60_000


class SmokeCheck(QObject):
    """Quits the application once the feed model holds at least one mention."""

    def __init__(self, model: QAbstractItemModel, timeout_ms: int = DEFAULT_TIMEOUT_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.done = False
        self.timeout_ms = timeout_ms
        model.rowsInserted.connect(self._check)
        model.modelReset.connect(self._check)
        QTimer.singleShot(timeout_ms, self, self._give_up)
        QTimer.singleShot(0, self, self._check)

    @Slot()
    def _check(self) -> None:
        rows = self.model.rowCount()
        if self.done or rows <= 0:
            return
        self.done = True
        print(f"smoke ok: {rows} mentions", flush=True)
        QCoreApplication.exit(0)

    @Slot()
    def _give_up(self) -> None:
        if self.done:
            return
        self.done = True
        print(f"smoke failed: no mention showed in the feed within "
              f"{self.timeout_ms / 1000:g} seconds", file=sys.stderr, flush=True)
        QCoreApplication.exit(1)
