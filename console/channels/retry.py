"""How often one HTTP call may wait and try again, shared by every channel's client.

A rate limit (429) is waited out at most twice, and only when the wait the server asks
for is short enough (``max_wait``); otherwise RateLimited tells the engine when to come
back. A server failure (5xx) is retried three times with growing pauses.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from console.channels.base import RateLimited
from console.i18n import translate

BACKOFF = (0.5, 1.0, 2.0)  # pauses before retrying a server failure
RATE_RETRIES = 2


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
        delay = wait if wait is not None else self.unknown_wait
        if self.rate_tries < RATE_RETRIES and delay <= self.max_wait:
            self.rate_tries += 1
            self.sleep(delay)
            return
        raise RateLimited(translate(
            "Channels", "{who}: too many requests; try again in {seconds} seconds").format(
            who=who, seconds=math.ceil(delay)),
                          delay)

    def retry_server_failure(self) -> bool:
        """Sleeps and returns True when a 5xx may be tried again."""
        if self.server_tries >= len(BACKOFF):
            return False
        self.sleep(BACKOFF[self.server_tries])
        self.server_tries += 1
        return True
