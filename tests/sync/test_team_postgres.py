"""The PostgreSQL side of team live: advisory pull leases, LISTEN/NOTIFY, the poll fallback.

Runs against a real PostgreSQL named by the environment variable ``POSVENTA_TEST_PG``, a
URL of a role that may create databases (e.g. ``postgresql://postgres@127.0.0.1:5434/
postgres``); each test works in a database of its own, dropped after it.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from console.store import advisory, changes
from console.sync.events import MentionsAdded, OutboxChanged
from console.sync.pull_lease import AdvisoryLease
from console.sync.team_watch import PostgresChanges, TeamWatch, parts_for

DSN = os.environ.get("POSVENTA_TEST_PG", "")
pytestmark = pytest.mark.skipif(
    not DSN, reason="POSVENTA_TEST_PG is unset (a postgresql:// URL of a role that may "
    "create databases)")


@pytest.fixture
def team_db() -> Iterator[tuple[Callable[[], Any], Any]]:
    """(connect, peewee database) of a fresh database holding the change log."""
    import psycopg
    from playhouse.postgres_ext import Psycopg3Database
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    name = f"posventa_live_{uuid.uuid4().hex[:10]}"
    admin = psycopg.connect(DSN, autocommit=True)
    admin.execute(f'CREATE DATABASE "{name}"')
    dsn = make_conninfo(DSN, dbname=name)

    def connect() -> Any:
        return psycopg.connect(dsn, autocommit=True)

    params = conninfo_to_dict(dsn)
    db = Psycopg3Database(params.pop("dbname"), **params)
    for statement in changes.POSTGRES_SCHEMA:
        db.execute_sql(statement)
    try:
        yield connect, db
    finally:
        db.close()
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        admin.close()


def _terminate(connect: Callable[[], Any], pid: int) -> None:
    # With a timeout, pg_terminate_backend returns once the backend is gone (its locks too).
    with connect() as admin:
        assert admin.execute("SELECT pg_terminate_backend(%s, 5000)", (pid,)).fetchone()[0]


def _lease_holder(connect: Callable[[], Any], account_id: int) -> int:
    with connect() as admin:
        pid = advisory.holder(admin, advisory.PULL_LEASE, account_id)
    assert pid is not None
    return pid


class _Store:
    """What the team store offers the engine: its backend and a direct connection."""

    backend = "postgresql"

    def __init__(self, connect: Callable[[], Any]) -> None:
        self.connect_direct = connect


class _Mentions:
    """Resolves only what these tests write (new mentions need no look-up)."""

    def mentions_of_cases(self, case_ids: list[int]) -> list[int]:
        return []

    def reply_changed(self, reply_id: int) -> OutboxChanged:
        raise AssertionError("no reply is written here")

    def prune(self) -> None:
        pass


def test_the_pull_lease_is_exclusive_and_dies_with_its_connection(team_db):
    connect, _ = team_db
    source, first = parts_for(_Store(connect))
    assert isinstance(first, AdvisoryLease) and isinstance(source, PostgresChanges)
    second = AdvisoryLease(connect)
    try:
        assert first.try_hold(7) and first.try_hold(7)
        assert not second.try_hold(7)
        assert second.try_hold(8)
        # The holder's connection dies (console killed, network cut): the server lets go.
        _terminate(connect, _lease_holder(connect, 7))
        assert second.try_hold(7)
        assert first.verify() == set() and not first.holds(7)
        assert not first.try_hold(7)
        second.release(7)
        assert first.try_hold(7) and first.verify() == {7}
    finally:
        first.close()
        second.close()


def test_notify_of_a_committed_transaction_wakes_the_listener(team_db):
    connect, db = team_db
    source = PostgresChanges(connect, poll=30.0)  # only a notification wakes it early
    stop = threading.Event()
    try:
        start = source.latest()
        with db.atomic():
            changes.record(db, changes.MENTION_ADDED, [11, 12])
            source.wait(0.3, stop)
            assert source.since(start) == []  # not committed: nobody sees it
        began = time.monotonic()
        source.wait(30.0, stop)
        woke_after = time.monotonic() - began
        assert woke_after < 10.0, f"the listener slept {woke_after:.1f} s: no notification"
        assert [(c.kind, c.row_id) for c in source.since(start)] == [
            (changes.MENTION_ADDED, 11), (changes.MENTION_ADDED, 12)]
    finally:
        source.close()


def test_a_notification_missed_while_the_listener_was_cut_is_caught_by_the_poll(team_db):
    connect, db = team_db
    source = PostgresChanges(connect, poll=1.0)
    events: list = []
    watch = TeamWatch(source, _Mentions(), events.append)
    changes.set_console_id("another console")  # what this test writes is "theirs"
    watch.start()
    try:
        end = time.monotonic() + 10
        while (watch.cursor is None or source.session_pid() is None) and time.monotonic() < end:
            time.sleep(0.02)
        pid = source.session_pid()
        assert pid is not None
        _terminate(connect, pid)
        with db.atomic():  # committed while nobody listens: its NOTIFY is lost
            changes.record(db, changes.MENTION_ADDED, [21])
        end = time.monotonic() + 15
        while not events and time.monotonic() < end:
            time.sleep(0.05)
        assert events == [MentionsAdded((21,))]
        assert source.reconnects >= 1
    finally:
        watch.stop()
        changes.set_console_id(changes._new_console_id())


def test_lease_connections_let_the_server_drop_a_vanished_console(team_databases):
    """A console whose machine vanishes sends no FIN: the server must probe its socket, so
    its pull leases (advisory locks) go within seconds, not the kernel's two hours."""
    from console.store.postgres import KEEPALIVE, TeamStore

    url = team_databases.create()
    store = TeamStore(url, None)
    try:
        with store.connect_direct() as conn:
            shown = [conn.execute(f"SHOW tcp_keepalives_{name}").fetchone()[0]
                     for name in ("idle", "interval", "count")]
    finally:
        store.close()
        team_databases.drop(url)
    assert shown == [str(seconds) for seconds in KEEPALIVE]
