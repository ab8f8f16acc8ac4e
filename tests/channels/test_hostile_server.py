"""Hostile servers over real sockets (issue 19): deep JSON, absurd Retry-After, a slow drip,
an endless body and bidi error text each end the hostile account's sync with a sentence, in
bounded time and memory, while a good account synced in the same pass keeps syncing.
"""

from __future__ import annotations

import logging
import time
import tracemalloc
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from console.accounts import queries as accounts
from console.accounts.queries import AccountInfo
from console.channels.base import Channel, Secrets
from console.channels.mastodon.channel import MastodonChannel
from console.sync.engine import Engine
from tests.channels.hostile_server import HostileServer

DEADLINE = 1.5  # seconds a request may take in these tests (60 s in use)
HIDDEN = ("\u202e", "\u2066", "\u200b", "\x1b", "\x00", "\r", "\n")


def _factory(account: AccountInfo, secrets: Secrets) -> Channel:
    return MastodonChannel(account.base_url, secrets.get("token"), timeout=5.0, max_wait=1.0,
                           deadline=DEADLINE, brand_acct=account.handle or None)


@pytest.fixture
def two_accounts(runtime, mini_sandbox) -> Iterator:
    """An engine, and a function that adds a hostile account (synced first) and a good one on
    the sandbox (synced after it)."""
    rt = runtime
    engine = Engine(rt.workspace.store, rt.workspace.secrets, rt.triager, rt.workspace.settings,
                    channel_factory=_factory)
    store = rt.workspace.store

    def add(server: HostileServer) -> int:
        bad = accounts.add_account(store, "mastodon", server.url, handle="marca",
                                   settings={"max_characters": 500})
        rt.workspace.secrets.set(bad.id, "token", "hostile-token")
        good = accounts.add_account(store, "mastodon", mini_sandbox.url)
        rt.workspace.secrets.set(good.id, "token", "test-token")
        accounts.add_watch(store, "ventalia")
        rt.extras["account_id"] = good.id
        return bad.id

    yield rt, engine, add
    engine.stop()


def _sync_both(rt, engine: Engine, hostile_id: int) -> tuple[str, float]:
    """Sync every account once; the hostile account's error and how long the pass took.
    The good account must have synced as if nothing happened."""
    started = time.monotonic()
    reports = {r.account_id: r for r in engine.sync_once()}
    took = time.monotonic() - started
    good = reports[rt.extras["account_id"]]
    assert good.error == "" and good.added > 0, good
    bad = reports[hostile_id]
    assert bad.error, "the hostile account must report what went wrong"
    states = {s.account_id: s for s in engine.statuses()}
    assert states[rt.extras["account_id"]].state == "ok"
    assert states[hostile_id].state in ("offline", "error", "rate_limited")
    assert states[hostile_id].message == bad.error
    for text in (bad.error, bad.label, states[hostile_id].message):
        assert not any(ch in text for ch in HIDDEN), repr(text)
    return bad.error, took


def test_deeply_nested_json_is_refused_with_a_sentence(two_accounts) -> None:
    rt, engine, hostile = two_accounts
    with HostileServer("deep") as server:
        error, took = _sync_both(rt, engine, hostile(server))
    assert "nested more than 100 levels" in error
    assert took < 20


@pytest.mark.parametrize("value, said", [
    ("1e400", "try again in 24 hours"),
    ("31536000", "try again in 24 hours"),
    (format_datetime(datetime.now(UTC) + timedelta(days=365), usegmt=True),
     "try again in 24 hours"),
    ("190", "try again in 3 minutes"),
    ("nan", "try again in 30 seconds"),  # not a number: the network's usual wait
])
def test_absurd_retry_after_is_clamped_and_said_as_people_say_it(two_accounts, value,
                                                                 said) -> None:
    rt, engine, hostile = two_accounts
    with HostileServer("retry_after", header=value) as server:
        account_id = hostile(server)
        error, _ = _sync_both(rt, engine, account_id)
    assert said in error, error
    assert [s.state for s in engine.statuses() if s.account_id == account_id] == ["rate_limited"]


@pytest.mark.parametrize("mode", ["drip_headers", "drip_body"])
def test_a_slow_drip_ends_at_the_deadline(two_accounts, mode) -> None:
    rt, engine, hostile = two_accounts
    with HostileServer(mode, drip=0.2) as server:
        account_id = hostile(server)
        started = time.monotonic()
        error, _ = _sync_both(rt, engine, account_id)
        hostile_took = time.monotonic() - started
    assert "did not answer in time" in error
    # One request per pull route at most: each ends at the deadline, not when the server tires.
    assert hostile_took < 15, hostile_took


def test_an_endless_body_stops_at_the_cap(two_accounts) -> None:
    rt, engine, hostile = two_accounts
    rt.triager.warm_up()  # its models load once per process: not what this measures
    with HostileServer("endless") as server:
        tracemalloc.start()
        try:
            error, took = _sync_both(rt, engine, hostile(server))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        time.sleep(0.2)  # the server notices the closed connection
        sent = server.sent
    assert "larger than 8 MB" in error
    assert peak < 64_000_000, peak  # bounded memory: the cap, not what the server sends
    # The client stopped reading near its cap (plus socket buffers), not at the server's end.
    assert sent < 24_000_000, sent
    assert took < 20


def test_bidi_and_control_characters_never_reach_the_message(two_accounts) -> None:
    rt, engine, hostile = two_accounts
    with HostileServer("bidi") as server:
        error, _ = _sync_both(rt, engine, hostile(server))
    assert "refused the request (400)" in error
    assert "refund" in error and "txt.exe" in error and "second line" in error


def test_a_fault_no_channel_foresaw_ends_that_account_with_a_sentence(two_accounts,
                                                                      monkeypatch) -> None:
    """Whatever a channel raises (here the RecursionError the deep JSON used to cause), the
    account reports it and the next account still syncs; it never stays "syncing"."""
    rt, engine, hostile = two_accounts

    def broken(self, cursor):
        if self.base_url == server.url:
            raise RecursionError("maximum recursion depth exceeded")
        return real(self, cursor)

    real = MastodonChannel.pull_mentions
    monkeypatch.setattr(MastodonChannel, "pull_mentions", broken)
    with HostileServer("bidi") as server:
        error, _ = _sync_both(rt, engine, hostile(server))
    assert "unexpected error (RecursionError)" in error


def test_a_sync_cut_short_by_its_channel_closing_is_no_error(two_accounts, monkeypatch,
                                                            caplog) -> None:
    """New secrets arrive (or the window closes) while a pull is running: the engine closes
    the channel under it and httpx says "the client has been closed". That is no fault of
    the network: no error, no traceback, and the next pass syncs."""
    rt, engine, hostile = two_accounts

    def cut(self, cursor):
        if self.base_url == server.url:
            engine.forget_channel(account_id)
            raise RuntimeError("Cannot send a request, as the client has been closed.")
        return real(self, cursor)

    real = MastodonChannel.pull_mentions
    monkeypatch.setattr(MastodonChannel, "pull_mentions", cut)
    with HostileServer("bidi") as server, caplog.at_level(logging.INFO, "console.sync.engine"):
        account_id = hostile(server)
        reports = {r.account_id: r for r in engine.sync_once()}
    assert reports[account_id].error == ""
    assert {s.account_id: s.state for s in engine.statuses()}[account_id] == "idle"
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert reports[rt.extras["account_id"]].added > 0
