"""Turns the engine's plain callbacks (called on engine threads) into queued Qt signals."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from console.sync.engine import Engine
from console.sync.events import (
    AccountStatus,
    Event,
    MentionsAdded,
    MentionsChanged,
    OutboxChanged,
    PeopleChanged,
)


class EngineBridge(QObject):
    """Relays engine events to the GUI thread.

    The engine calls :meth:`deliver` from its own threads; emitting a signal of an object
    that lives on the GUI thread from another thread is delivered queued, so every slot
    connected to these signals runs on the GUI thread.

    Signals:
        mentionsAdded(list): ids of mentions just stored.
        mentionsChanged(list): ids of mentions whose sources, status or replies changed.
        accountStatus(object): an :class:`AccountStatus` of one account's sync.
        outboxChanged(object): an :class:`OutboxChanged` (counts, and which reply moved).
        peopleChanged(object): a :class:`PeopleChanged` (another console changed a
            customer's tags or a note).

    Events heard from other consoles on the same database (console/sync/team_watch.py)
    are the same events, so the window handles them as its own engine's.
    """

    mentionsAdded = Signal(list)
    mentionsChanged = Signal(list)
    accountStatus = Signal(object)
    outboxChanged = Signal(object)
    peopleChanged = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open = threading.Event()
        self._open.set()

    def attach(self, engine: Engine) -> None:
        """Start hearing `engine` (it has no way to unsubscribe: :meth:`close` mutes us)."""
        engine.listen(self.deliver)

    def close(self) -> None:
        """Stop relaying (the window is closing; late events are dropped)."""
        self._open.clear()

    def deliver(self, event: Event) -> None:
        """Called by the engine on any thread."""
        if not self._open.is_set():
            return
        if isinstance(event, MentionsAdded):
            self.mentionsAdded.emit(list(event.ids))
        elif isinstance(event, MentionsChanged):
            self.mentionsChanged.emit(list(event.ids))
        elif isinstance(event, AccountStatus):
            self.accountStatus.emit(event)
        elif isinstance(event, OutboxChanged):
            self.outboxChanged.emit(event)
        elif isinstance(event, PeopleChanged):
            self.peopleChanged.emit(event)
