"""How often one HTTP call may wait and try again, shared by every channel's client.

A rate limit (429) is waited out at most twice, and only when the wait the server asks
for is short enough (``max_wait``); otherwise RateLimited tells the engine when to come
back. A server failure (5xx) is retried three times with growing pauses.

What a server asks us to wait is read here for every network (``Retry-After`` in seconds
or as an HTTP date, ``X-RateLimit-Reset`` / ``ratelimit-reset`` as a moment or a count of
seconds) and kept sane: nothing that is not a finite number is believed, and no wait is
longer than ``MAX_RATE_WAIT``, so ``Retry-After: 1e400`` or a year from now means "come
back in a day", said as people say it ("in 3 minutes").
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from console.channels.base import RateLimited
from console.i18n import translate

BACKOFF = (0.5, 1.0, 2.0)  # pauses before retrying a server failure
RATE_RETRIES = 2
MAX_RATE_WAIT = 24 * 3600.0  # the longest real limit window (daily quotas); beyond is broken
_EPOCH_FROM = 1e9  # a reset above this is a moment (epoch seconds), below it a count


def sane_wait(seconds: float | None) -> float | None:
    """``seconds`` between 0 and MAX_RATE_WAIT; None when it is no number (NaN)."""
    if seconds is None or math.isnan(seconds):
        return None
    return min(max(0.0, seconds), MAX_RATE_WAIT)


def _number(value: str) -> float | None:
    try:
        number = float(value)
    except (ValueError, OverflowError):
        return None
    return None if math.isnan(number) else number


def _date_wait(value: str, now: float) -> float | None:
    """Seconds until an HTTP date or an ISO 8601 moment (naive: UTC)."""
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.timestamp() - now
    except (OverflowError, OSError, ValueError):
        return None


def retry_after(value: str, now: float) -> float | None:
    """Seconds a ``Retry-After`` value asks for: a number of seconds or an HTTP date."""
    value = value.strip()
    if not value:
        return None
    number = _number(value)
    return sane_wait(number if number is not None else _date_wait(value, now))


def reset_wait(value: str, now: float, *, epoch: bool | None = None) -> float | None:
    """Seconds until a rate-limit window resets, from an ``X-RateLimit-Reset``-style value:
    an ISO moment, epoch seconds or a count of seconds (``epoch`` True/False when the
    network says which; None: guess from the size)."""
    value = value.strip()
    if not value:
        return None
    number = _number(value)
    if number is None:
        return sane_wait(_date_wait(value, now))
    is_moment = number > _EPOCH_FROM if epoch is None else epoch
    return sane_wait(number - now if is_moment else number)


def server_wait(headers: Mapping[str, str], now: float,
                resets: tuple[str, ...] = ("X-RateLimit-Reset",)) -> float | None:
    """The wait a 429 answer asks for: ``Retry-After`` first, then the first reset header
    among ``resets`` that can be read."""
    wait = retry_after(headers.get("Retry-After", ""), now)
    if wait is not None:
        return wait
    for name in resets:
        wait = reset_wait(headers.get(name, ""), now)
        if wait is not None:
            return wait
    return None


def wait_text(seconds: float) -> str:
    """A wait as people say it: "in 40 seconds", "in 3 minutes", "in 2 hours"."""
    seconds = sane_wait(seconds) or 0.0
    if seconds < 90:
        whole = max(1, math.ceil(seconds))
        if whole == 1:
            return translate("Channels", "in 1 second")
        return translate("Channels", "in {n} seconds").format(n=whole)
    if seconds < 90 * 60:
        return translate("Channels", "in {n} minutes").format(n=round(seconds / 60))
    return translate("Channels", "in {n} hours").format(n=round(seconds / 3600))


class RetryBudget:
    """The retries left to one call; create one per call."""

    def __init__(self, sleep: Callable[[float], None], max_wait: float,
                 unknown_wait: float) -> None:
        self.sleep = sleep
        self.max_wait = max_wait
        self.unknown_wait = unknown_wait
        self.rate_tries = 0
        self.server_tries = 0

    def wait_out_rate_limit(self, wait: float | None, who: str) -> None:
        """Sleeps before a retry of a 429, or raises RateLimited when the budget is spent."""
        delay = sane_wait(wait)
        if delay is None:
            delay = self.unknown_wait
        if self.rate_tries < RATE_RETRIES and delay <= self.max_wait:
            self.rate_tries += 1
            self.sleep(delay)
            return
        raise RateLimited(translate(
            "Channels", "{who}: too many requests; try again {when}").format(
            who=who, when=wait_text(delay)), delay)

    def retry_server_failure(self) -> bool:
        """Sleeps and returns True when a 5xx may be tried again."""
        if self.server_tries >= len(BACKOFF):
            return False
        self.sleep(BACKOFF[self.server_tries])
        self.server_tries += 1
        return True
