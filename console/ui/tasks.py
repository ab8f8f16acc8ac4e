"""Running work that may block (network, keyring) off the GUI thread, with queued results."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal

from console.channels.base import ChannelError
from console.errors import InvalidInput

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    """Carries a task's outcome back; created on the GUI thread, so delivery is queued there.

    Signals:
        succeeded(object): the callable's return value.
        failed(str): a sentence for the agent saying what went wrong.
    """

    succeeded = Signal(object)
    failed = Signal(str)


class Progress(QObject):
    """Carries a task's progress from its pool thread to the GUI thread (queued there).

    Make it on the GUI thread with a parent there, and hand ``moved.emit`` to the work.

    Signals:
        moved(int, int): steps (or rows) done, and in all.
    """

    moved = Signal(int, int)


class Task:
    """Calls `work()` on a pool thread; reports through :attr:`signals`, never touching widgets.

    Only errors the agent can act on (InvalidInput, ChannelError) are shown word for word;
    anything else is reported by its type only, since its text might quote what was typed.

    Lifetimes matter here. The pool runs a plain callable (Qt owns and frees its wrapper),
    and :attr:`signals` is a child of the application, created on the GUI thread: dropping
    Python references, on any thread, never destroys it. It is deleted on the GUI thread
    once its outcome has been delivered. (A runnable owning its signals object let a pool
    thread destroy it while the GUI thread was still delivering its signal: a rare crash.)
    """

    def __init__(self, work: Callable[[], Any], what: str) -> None:
        """`what` is a translated verb phrase ("export the view") for the failure sentence."""
        self.work: Callable[[], Any] | None = work
        self.what = what
        self.signals = TaskSignals(QCoreApplication.instance())

    def run(self) -> None:
        work, self.work = self.work, None
        if work is None:
            return  # run once only
        succeeded = False
        try:
            result = work()
            succeeded = True
        except (InvalidInput, ChannelError) as exc:
            message = str(exc)
        except Exception as exc:
            log.error("%s failed: %s", self.what, type(exc).__name__)
            message = QCoreApplication.translate(
                "Task", "Could not {what}: unexpected {error}.").format(
                    what=self.what, error=type(exc).__name__)
        # The work often holds a widget or its controller (a lambda over `self`). If this
        # pool thread dropped the last reference, the widget would be destroyed here, off
        # its thread, leaving its timers to fire on freed memory: a crash much later. So
        # the GUI thread lets go of it, once the outcome below has been delivered.
        _LEFT_WITH_GUI[self.signals] = work
        del work
        if succeeded:
            self._tell(self.signals.succeeded, result)
        else:
            self._tell(self.signals.failed, message)

    @staticmethod
    def _tell(signal: Any, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the application is going away: nobody to tell
            log.debug("task result dropped: its receiver was deleted")


# What finished tasks' work held, until the GUI thread lets go of it (see Task.run).
_LEFT_WITH_GUI: dict[TaskSignals, Callable[[], Any]] = {}

MIN_WORKERS = 6  # tasks mostly wait on the network or the database, not on the CPU


def task_pool() -> QThreadPool:
    """The pool tasks run in: Qt's global pool, with room for a slow task (a model retrain,
    a sign-in waiting on the network) not to hold up a quick one on a two-core machine."""
    pool = QThreadPool.globalInstance()
    if pool.maxThreadCount() < MIN_WORKERS:
        pool.setMaxThreadCount(MIN_WORKERS)
    return pool


def start_task(task: Task, pool: QThreadPool | None = None) -> TaskSignals:
    """Start `task`; the returned signals object lives until it has reported."""
    signals = task.signals

    def begin() -> None:
        # Connected last, so it runs after the caller's slots; the deletion is deferred
        # to the GUI thread's event loop, after every queued delivery of this outcome.
        signals.succeeded.connect(lambda _result: _LEFT_WITH_GUI.pop(signals, None))
        signals.failed.connect(lambda _message: _LEFT_WITH_GUI.pop(signals, None))
        signals.succeeded.connect(signals.deleteLater)
        signals.failed.connect(signals.deleteLater)
        (pool or task_pool()).start(task.run)

    # Start on the next turn of the event loop: the caller connects to `signals` right
    # after this returns, and a quick task must not report before anyone listens.
    QTimer.singleShot(0, begin)
    return signals


def start_tracked(running: dict[TaskSignals, Task], task: Task,
                  done: Callable[[Any], None], failed: Callable[[str], None]) -> None:
    """Start ``task`` and keep it in ``running`` until its outcome has been handled.

    One slot per outcome drops the task and then calls the handler: with a separate slot
    for each, a check between the two queued calls saw the owner idle before the handler
    had shown the outcome.
    """
    signals = task.signals
    running[signals] = task  # keep both alive until the outcome arrives

    def succeeded(result: Any) -> None:
        running.pop(signals, None)
        done(result)

    def failed_with(message: str) -> None:
        running.pop(signals, None)
        failed(message)

    signals.succeeded.connect(succeeded)
    signals.failed.connect(failed_with)
    start_task(task)
