"""Running work that may block (network, keyring) off the GUI thread, with queued results."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal

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
        """`what` is a translated verb phrase ("export the view") for the failure sentence."""
        super().__init__()
        self.work = work
        self.what = what
        self.signals = TaskSignals()
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.work()
        except (InvalidInput, ChannelError) as exc:
            self._tell(self.signals.failed, str(exc))
        except Exception as exc:
            log.error("%s failed: %s", self.what, type(exc).__name__)
            self._tell(self.signals.failed, QCoreApplication.translate(
                "Task", "Could not {what}: unexpected {error}.").format(
                    what=self.what, error=type(exc).__name__))
        else:
            self._tell(self.signals.succeeded, result)

    @staticmethod
    def _tell(signal: Any, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # whoever waited (a closed dialog) is gone: nobody to tell
            log.debug("task result dropped: its receiver was deleted")


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
