"""Tasks: results come back on the GUI thread once, and their signal objects are freed there."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QThread

from console.errors import InvalidInput
from console.ui.tasks import Task, start_task


def test_each_task_reports_once_on_the_gui_thread_then_its_signals_go(qtbot) -> None:
    gui = QThread.currentThread()
    results: list[int] = []
    threads: set[int] = set()
    on_gui: list[bool] = []
    held: dict[object, Task] = {}
    every = []

    def done(value: object) -> None:
        results.append(int(value))  # type: ignore[call-overload]
        on_gui.append(QThread.currentThread() is gui)
        held.clear()  # a receiver dropping its references in the slot, as forms do

    for number in range(200):
        def work(n: int = number) -> int:
            threads.add(threading.get_ident())
            return n
        task = Task(work, "count")
        signals = start_task(task)
        held[signals] = task
        every.append(signals)
        signals.succeeded.connect(done)
    qtbot.waitUntil(lambda: len(results) == 200, timeout=20_000)
    assert sorted(results) == list(range(200))
    assert all(on_gui) and threading.get_ident() not in threads
    qtbot.waitUntil(lambda: not any(shiboken6.isValid(s) for s in every), timeout=5_000)


def test_a_failure_says_what_could_not_be_done(qtbot) -> None:
    def refuse() -> None:
        raise InvalidInput("the address has no host")

    def crash() -> None:
        raise KeyError("secret typed text")

    said: list[str] = []
    for work in (refuse, crash):
        start_task(Task(work, "add the account")).failed.connect(said.append)
    qtbot.waitUntil(lambda: len(said) == 2, timeout=5_000)
    assert "the address has no host" in said
    assert "Could not add the account: unexpected KeyError." in said
    assert not any("secret" in s for s in said)
