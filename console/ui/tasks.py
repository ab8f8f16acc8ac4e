"""Running work that may block (network, keyring) off the GUI thread, with queued results."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from console.channels.base import ChannelError
from console.services import InvalidInput

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    """Carries a task's outcome back; created on the GUI thread, so delivery is queued there.

    Signals:
        succeeded(object): the callable's return value.
        failed(str): a sentence for the agent saying what went wrong.
    """

    succeeded = Signal(object)
    failed = Signal(str)


class Task(QRunnable):
    """Calls `work()` on a pool thread; reports through :attr:`signals`, never touching widgets.

    Only errors the agent can act on (InvalidInput, ChannelError) are shown word for word;
    anything else is reported by its type only, since its text might quote what was typed.
    """

    def __init__(self, work: Callable[[], Any], what: str) -> None:
        super().__init__()
        self.work = work
        self.what = what
        self.signals = TaskSignals()
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.work()
        except (InvalidInput, ChannelError) as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:
            log.error("%s failed: %s", self.what, type(exc).__name__)
            self.signals.failed.emit(f"Could not {self.what}: unexpected {type(exc).__name__}.")
        else:
            self.signals.succeeded.emit(result)


MIN_WORKERS = 6  # tasks mostly wait on the network or the database, not on the CPU


def task_pool() -> QThreadPool:
    """The pool tasks run in: Qt's global pool, with room for a slow task (a model retrain,
    a sign-in waiting on the network) not to hold up a quick one on a two-core machine."""
    pool = QThreadPool.globalInstance()
    if pool.maxThreadCount() < MIN_WORKERS:
        pool.setMaxThreadCount(MIN_WORKERS)
    return pool


def start_task(task: Task, pool: QThreadPool | None = None) -> TaskSignals:
    """Start `task`; keep the returned signals object alive until it reports."""
    signals = task.signals
    # Start on the next turn of the event loop: the caller connects to `signals` right
    # after this returns, and a quick task must not report before anyone listens.
    QTimer.singleShot(0, lambda: (pool or task_pool()).start(task))
    return signals
