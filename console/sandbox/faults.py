"""Injected faults and the per-token rate limit of the sandbox.

A fault matches requests by path prefix and fires ``count`` times (``count <= 0``: until
cleared). Kinds: ``status`` (answer with an HTTP error), ``malformed`` (200 with a body that
is not JSON), ``delay`` (sleep, then answer normally), ``truncated`` (promise more bytes
than sent, then hang up), ``drop`` (hang up without answering).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

KINDS = ("status", "malformed", "delay", "truncated", "drop")


@dataclass
class Fault:
    """A failure to inject on requests to ``path``: a status, a malformed body, a delay, a cut."""

    path: str
    kind: str = "status"
    status: int = 500
    retry_after: float | None = None
    reset_in: float | None = None  # sets X-RateLimit-Reset this many seconds ahead
    count: int = 1
    delay: float = 0.0

    @classmethod
    def from_json(cls, data: Any) -> Fault:
        if not isinstance(data, dict) or not isinstance(data.get("path"), str):
            raise ValueError("a fault needs a 'path'")
        kind = data.get("kind", "status")
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}")

        def number(name: str) -> float | None:
            value = data.get(name)
            if value is None:
                return None
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError(f"'{name}' must be a number")
            return float(value)

        count = number("count")
        return cls(
            path=data["path"],
            kind=kind,
            status=int(number("status") or 500),
            retry_after=number("retry_after"),
            reset_in=number("reset_in"),
            count=1 if count is None else int(count),
            delay=number("delay") or 0.0,
        )


class FaultBook:
    """Faults waiting to fire."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def add(self, fault: Fault) -> None:
        with self._lock:
            self._faults.append(fault)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def take(self, path: str) -> Fault | None:
        """The first fault matching ``path``, spending one of its shots."""
        with self._lock:
            for fault in self._faults:
                if path.startswith(fault.path):
                    if fault.count > 0:
                        fault.count -= 1
                        if fault.count == 0:
                            self._faults.remove(fault)
                    return fault
        return None


def iso_ms(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


class RateLimiter:
    """Fixed windows of ``limit`` requests per ``period`` seconds, per token (or client)."""

    def __init__(self, limit: int = 300, period: float = 300.0) -> None:
        self.limit = limit
        self.period = period
        self._lock = threading.Lock()
        self._windows: dict[str, tuple[float, int]] = {}

    def hit(self, who: str) -> tuple[bool, dict[str, str]]:
        """Count one request: (allowed, the X-RateLimit-* headers to send)."""
        now = time.time()
        with self._lock:
            start, used = self._windows.get(who, (now, 0))
            if now - start >= self.period:
                start, used = now, 0
            used += 1
            self._windows[who] = (start, used)
        reset_at = start + self.period
        headers = {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(max(0, self.limit - used)),
            "X-RateLimit-Reset": iso_ms(datetime.fromtimestamp(reset_at, UTC)),
        }
        allowed = used <= self.limit
        if not allowed:
            headers["Retry-After"] = str(max(1, int(reset_at - now + 0.999)))
        return allowed, headers


def reset_header(seconds: float) -> str:
    return iso_ms(datetime.now(UTC) + timedelta(seconds=seconds))
