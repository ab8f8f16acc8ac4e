"""Case test set-up: a brand account, posts stored as a pull would, a clock we control."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from console.accounts import queries as accounts
from console.app.runtime import Runtime
from console.cases.service import CaseService
from console.channels.base import RemotePost
from console.store.timeutil import to_db
from console.sync.ingest import ingest

# Tuesday 17 November 2026, 10:00 in Madrid: inside the default business hours.
TUESDAY = datetime(2026, 11, 17, 9, 0, tzinfo=UTC)


class FakeClock:
    """A clock tests move by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw: float) -> datetime:
        self.now += timedelta(**kw)
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(TUESDAY)


@pytest.fixture
def account_id(runtime: Runtime) -> int:
    account = accounts.add_account(
        runtime.workspace.store, "mastodon", "http://127.0.0.1:9", handle="ventalia",
        display_name="Ventalia", remote_id="1", settings={"max_characters": 500})
    return account.id


@pytest.fixture
def store_posts(runtime: Runtime, account_id: int) -> Callable[..., list[int]]:
    """Store posts through the real ingest path (triage and the cases step); the stored
    time of each is its creation time, so SLA clocks start at a known moment."""

    def store(posts: list[RemotePost]) -> list[int]:
        added = ingest(runtime.workspace.store, runtime.triager, account_id, posts, None, None,
                       "ventalia", "1").added
        with runtime.workspace.store.write():
            for post in posts:
                runtime.workspace.store.db.execute_sql(
                    "UPDATE mention SET fetched_at = ? WHERE channel = ? AND remote_id = ?",
                    (to_db(post.created_at), post.channel, post.remote_id))
        return added

    return store


@pytest.fixture
def service(runtime: Runtime, clock: FakeClock) -> CaseService:
    """Cases as agent "ana", on the test's clock."""
    return CaseService(runtime.workspace.store, "ana", clock)
