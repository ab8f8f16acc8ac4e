"""Child of bench_open: time from process start to the first painted feed row."""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402

from console.app.runtime import open_runtime  # noqa: E402
from console.ui.app import application, build_console  # noqa: E402


class FirstRowPaint(QObject):
    """Stops the clock at the first paint of the feed once it has a row."""

    def __init__(self, view, app) -> None:
        super().__init__()
        self.view, self.app, self.elapsed = view, app, None

    def eventFilter(self, obj, event):
        if (event.type() == QEvent.Type.Paint and self.elapsed is None
                and self.view.model().rowCount() > 0):
            self.elapsed = time.perf_counter() - STARTED
            QTimer.singleShot(0, self.app.quit)
        return False


def main() -> None:
    app = application()
    runtime = open_runtime(Path(sys.argv[1]), memory_secrets=True)
    console = build_console(runtime)
    watcher = FirstRowPaint(console.window.feed.table, app)
    console.window.feed.table.viewport().installEventFilter(watcher)
    console.window.resize(1400, 900)
    console.window.show()
    QTimer.singleShot(30000, app.quit)
    app.exec()
    print(f"{watcher.elapsed if watcher.elapsed is not None else -1:.4f}")
    console.bridge.close()
    runtime.close()


if __name__ == "__main__":
    main()
