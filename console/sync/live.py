"""Live accounts: one streaming connection per account and route, kept open by the engine.

Each stream has a thread of its own. It checks that the server streams at all, connects,
catches up with REST from the saved cursor (so nothing sent while it was away is missed),
then stores each event as it arrives. After a drop it waits an exponential backoff with
jitter, capped, and starts again. A route whose stream is down is polled by the engine's
schedule as before; a route whose stream is up is not polled.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from console.channels.base import AuthError, ChannelError, RateLimited

log = logging.getLogger(__name__)

BACKOFF_BASE = 1.0  # seconds before the first reconnect (times a jitter of 0.5 to 1)
BACKOFF_CAP = 60.0
STABLE_AFTER = 30.0  # a connection that lasted this long starts the backoff over
HEALTH_RECHECK = 300.0  # seconds between checks of a server that does not stream
USER_ROUTE = "mentions"  # the stream whose state the account shows as "live"


class Backoff:
    """Exponential backoff with "equal jitter": each wait is between half and all of
    ``min(cap, base * 2**attempt)``, so reconnecting clients spread out but never hammer."""

    def __init__(self, base: float = BACKOFF_BASE, cap: float = BACKOFF_CAP,
                 rng: Callable[[], float] = random.random) -> None:
        self.base = base
        self.cap = cap
        self.rng = rng
        self.attempts = 0

    def next(self) -> float:
        ceiling = min(self.cap, self.base * 2 ** min(self.attempts, 32))
        self.attempts += 1
        return ceiling / 2 + self.rng() * ceiling / 2

    def reset(self) -> None:
        self.attempts = 0


def forward_cursor(current: str | None, new: str | None) -> str | None:
    """``new`` unless it would move a numeric cursor backwards (then None: keep it)."""
    if new is None or not current:
        return new
    if current.isdigit() and new.isdigit() and int(new) < int(current):
        return None
    return new


@dataclass(frozen=True)
class StreamKey:
    account_id: int
    route: str


class LiveHooks(Protocol):
    """What the streams need from the engine."""

    def channel_for(self, account_id: int) -> Any: ...

    def catch_up(self, account_id: int, route: str) -> None: ...

    def store_event(self, account_id: int, event: Any) -> None: ...

    def stream_failed(self, account_id: int, error: ChannelError) -> None: ...

    def live_changed(self, account_id: int) -> None: ...


Waiter = Callable[[Any, float], object]  # (stop, seconds): wait unless stopped


@dataclass
class _Worker:
    key: StreamKey
    spec: Any
    stop: Any
    thread: threading.Thread | None = None
    connected: bool = False
    unavailable: bool = False
    error: str = ""
    delays: list[float] = field(default_factory=list)


def _wait(stop: Any, seconds: float) -> object:
    return stop.wait(seconds)


class LiveStreams:
    """The stream threads of every live account (thread-safe)."""

    def __init__(self, hooks: LiveHooks, *, stop_factory: Callable[[], Any] | None = None,
                 wait: Waiter = _wait, backoff: Callable[[], Backoff] = Backoff,
                 health_recheck: float = HEALTH_RECHECK,
                 stable_after: float = STABLE_AFTER) -> None:
        self.hooks = hooks
        self._stop_factory = stop_factory or _default_stop
        self._wait = wait
        self._backoff = backoff
        self.health_recheck = health_recheck
        self.stable_after = stable_after
        self._lock = threading.Lock()
        self._workers: dict[StreamKey, _Worker] = {}

    # --- what runs --------------------------------------------------------------------------

    def reconcile(self, wanted: dict[StreamKey, Any]) -> None:
        """Run exactly the streams in ``wanted`` (start missing or dead ones, stop others)."""
        with self._lock:
            for key, worker in list(self._workers.items()):
                alive = worker.thread is not None and worker.thread.is_alive()
                if key not in wanted or not alive or worker.spec != wanted[key]:
                    worker.stop.set()
                    del self._workers[key]
            for key, spec in wanted.items():
                if key not in self._workers:
                    worker = _Worker(key, spec, self._stop_factory())
                    worker.thread = threading.Thread(
                        target=self._run, args=(worker,), daemon=True,
                        name=f"posventa-stream-{key.account_id}-{key.route}")
                    self._workers[key] = worker
                    worker.thread.start()

    def stop_account(self, account_id: int) -> None:
        """End every stream of one account (its token changed, or it was removed)."""
        with self._lock:
            for key in [k for k in self._workers if k.account_id == account_id]:
                self._workers.pop(key).stop.set()

    def stop(self, timeout: float = 2.0) -> None:
        with self._lock:
            workers, self._workers = list(self._workers.values()), {}
        for worker in workers:
            worker.stop.set()
        deadline = time.monotonic() + timeout
        for worker in workers:
            if worker.thread is not None:
                worker.thread.join(max(0.0, deadline - time.monotonic()))

    def live_routes(self, account_id: int) -> set[str]:
        """Routes of the account whose stream is connected (the schedule skips them)."""
        with self._lock:
            return {k.route for k, w in self._workers.items()
                    if k.account_id == account_id and w.connected}

    def is_live(self, account_id: int) -> bool:
        return USER_ROUTE in self.live_routes(account_id)

    def delays(self, account_id: int, route: str) -> list[float]:
        """The reconnect waits one stream has taken so far (for tests and diagnostics)."""
        with self._lock:
            worker = self._workers.get(StreamKey(account_id, route))
            return list(worker.delays) if worker else []

    # --- one stream -------------------------------------------------------------------------

    def _connected(self, worker: _Worker, connected: bool) -> None:
        account_id = worker.key.account_id
        before = self.is_live(account_id)
        with self._lock:
            worker.connected = connected
        if self.is_live(account_id) != before:
            self.hooks.live_changed(account_id)

    def _run(self, worker: _Worker) -> None:
        key, hooks, stop = worker.key, self.hooks, worker.stop
        backoff = self._backoff()
        while not stop.is_set():
            opened_at: float | None = None
            delay: float | None = None

            def on_open() -> None:
                nonlocal opened_at
                hooks.catch_up(key.account_id, key.route)
                opened_at = time.monotonic()
                self._connected(worker, True)

            try:
                channel = hooks.channel_for(key.account_id)
                if not channel.streaming_available():
                    worker.unavailable = True
                    self._wait(stop, self.health_recheck)  # the schedule polls meanwhile
                    continue
                worker.unavailable = False
                channel.stream(worker.spec, lambda event: hooks.store_event(key.account_id, event),
                               stop=stop, on_open=on_open)
            except AuthError as exc:
                self._connected(worker, False)
                if not stop.is_set():  # (a stopped stream may have used a replaced token)
                    hooks.stream_failed(key.account_id, exc)
                return  # until the agent signs in again (the engine restarts the stream)
            except RateLimited as exc:
                worker.error = str(exc)
                delay = exc.retry_after
            except ChannelError as exc:
                worker.error = str(exc)
                log.info("stream %s of account %s: %s", key.route, key.account_id, exc)
            except Exception:  # a bug must not end live sync for good: back off and retry
                log.exception("stream %s of account %s failed", key.route, key.account_id)
            self._connected(worker, False)
            if stop.is_set():
                return
            if opened_at is not None and time.monotonic() - opened_at >= self.stable_after:
                backoff.reset()
            wait = backoff.next()
            if delay is not None:
                wait = max(wait, delay)
            worker.delays.append(wait)
            self._wait(stop, wait)


def _default_stop() -> Any:
    from console.channels.mastodon.stream import StreamStop

    return StreamStop()
