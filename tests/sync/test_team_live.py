"""Two consoles on one SQLite workspace: each sees the other's changes, one pulls at a time.

"This" console is the test's runtime; the other is a real process (team_child.py) on the
same workspace file, with its own connection, its own engine and its own console id.
"""

from __future__ import annotations

import json
import os
import signal
import time
from datetime import timedelta

import pytest

from console.feed.queries import FeedFilter
from console.store import changes
from console.store.changes import Change
from console.store.timeutil import utcnow
from console.sync.events import AccountStatus, MentionsAdded, MentionsChanged, OutboxChanged
from console.sync.pull_lease import FileLease
from console.sync.team_watch import LogCursor
from tests.sync.team_console import OtherConsole, wait_for


@pytest.fixture
def other(connected):
    console = OtherConsole(connected, connected.extras["account_id"])
    yield console
    console.close()


def _added(events) -> set[int]:
    return {i for e in events if isinstance(e, MentionsAdded) for i in e.ids}


def _changed(events) -> set[int]:
    return {i for e in events if isinstance(e, MentionsChanged) for i in e.ids}


def _all_mentions(rt) -> set[int]:
    return {r.id for r in rt.feed.page(FeedFilter(include_spam=True), limit=500)}


def test_mentions_another_console_stores_arrive_here_within_two_seconds(connected, other):
    rt = connected
    events: list = []
    rt.engine.listen(events.append)
    watch = rt.engine.team_watch
    watch.start()
    try:
        assert wait_for(lambda: watch.cursor is not None, 10)
        answer = json.loads(other.ask("sync"))
        assert answer["added"] > 0 and not answer["elsewhere"]
        stored = _all_mentions(rt)
        assert len(stored) == answer["added"]
        # The feed inserts exactly these rows; the window would not reset.
        assert wait_for(lambda: _added(events) == stored, 2.0), \
            f"heard {len(_added(events))} of {len(stored)} mentions within 2 s"
    finally:
        watch.stop()


def test_own_changes_are_not_heard_again_and_the_others_are(connected, other):
    rt = connected
    watch = rt.engine.team_watch
    assert watch.pump() == []  # starts from the newest entry
    [mine] = rt.engine.sync_once()
    assert mine.added > 0
    assert watch.pump() == [], "this console's own mentions come from its engine, not the log"
    rt.extras["sandbox"].add_post("lucia", "@ventalia sigo sin noticias de mi devolución")
    json.loads(other.ask("sync"))
    events = watch.pump()
    [added] = [e for e in events if isinstance(e, MentionsAdded)]
    [row] = rt.feed.page(FeedFilter(search="sigo sin noticias"))
    assert added.ids == (row.id,)


def test_a_claim_by_another_console_reaches_this_one_and_a_second_claim_loses(connected, other):
    rt = connected
    rt.engine.sync_once()
    case = next(c for m in sorted(_all_mentions(rt))
                if (c := rt.cases.case_for_mention(m)) is not None)
    events: list = []
    rt.engine.listen(events.append)
    watch = rt.engine.team_watch
    watch.start()
    try:
        assert wait_for(lambda: watch.cursor is not None, 10)
        won, holder = json.loads(other.ask(f"claim {case.id}"))
        assert won and holder == "otra"
        # The case panel and the feed rows of the case refresh here.
        assert wait_for(lambda: set(case.mention_ids) <= _changed(events), 2.0)
        mine = rt.cases.claim(case.id)
        assert not mine.won and mine.claimed_by == "otra"
    finally:
        watch.stop()


def test_only_one_console_pulls_an_account_and_the_other_takes_over_when_it_stops(
        connected, other):
    rt = connected
    account_id = rt.extras["account_id"]
    statuses: list[AccountStatus] = []
    rt.engine.listen(lambda e: statuses.append(e) if isinstance(e, AccountStatus) else None)
    assert other.ask("hold") == "holding"
    report = rt.engine.sync_account(account_id)
    assert report.elsewhere and report.added == 0 and report.error == ""
    assert statuses[-1].state == "elsewhere" and statuses[-1].message == ""
    assert not rt.engine.leases.holds(account_id)
    assert wait_for(lambda: bool(_all_mentions(rt)), 30), \
        "what the other console pulls is here all the same"
    assert other.ask("stop") == "stopped"
    report = rt.engine.sync_account(account_id)
    assert not report.elsewhere and report.error == ""
    assert statuses[-1].state == "ok"
    assert rt.engine.leases.holds(account_id)
    # Now the other console is refused.
    assert json.loads(other.ask("sync"))["elsewhere"]


@pytest.mark.slow
def test_kill_9_of_the_pulling_console_hands_the_account_over(connected, other):
    rt = connected
    account_id = rt.extras["account_id"]
    states: list[str] = []
    rt.engine.listen(lambda e: states.append(e.state)
                     if isinstance(e, AccountStatus) and e.account_id == account_id else None)
    assert other.ask("hold") == "holding"
    rt.engine.start()
    try:
        assert wait_for(lambda: "elsewhere" in states, 30)
        assert not rt.engine.leases.holds(account_id)
        os.kill(other.proc.pid, signal.SIGKILL)
        other.proc.wait(10)
        killed_at = time.monotonic()
        assert wait_for(lambda: rt.engine.leases.holds(account_id) and states[-1] == "ok", 60)
        print(f"pull handed over {time.monotonic() - killed_at:.1f} s after kill -9")
    finally:
        rt.engine.stop()


def test_file_leases_are_exclusive_per_account(tmp_path):
    first, second = FileLease(tmp_path), FileLease(tmp_path)
    try:
        assert first.try_hold(1)
        assert not second.try_hold(1)
        assert second.try_hold(2)
        first.release(1)
        assert second.try_hold(1) and second.verify() == {1, 2}
        assert not first.try_hold(1)
    finally:
        first.close()
        second.close()


def test_log_cursor_waits_for_an_id_committed_late_then_gives_a_hole_up():
    def entries(*ids: int) -> list[Change]:
        return [Change(i, changes.MENTION, i, "x") for i in ids]

    cursor = LogCursor(0, gap_wait=5.0)
    assert [c.id for c in cursor.take(entries(1, 2, 4), now=0.0)] == [1, 2, 4]
    assert cursor.floor == 2  # 3 may still commit: read again from after 2
    assert [c.id for c in cursor.take(entries(3, 4), now=1.0)] == [3]
    assert cursor.floor == 4
    assert [c.id for c in cursor.take(entries(6), now=2.0)] == [6]
    assert cursor.floor == 4
    assert cursor.take(entries(6), now=8.0) == [] and cursor.floor == 6  # 5 rolled back


def test_the_change_log_is_pruned_to_a_day(connected):
    rt = connected
    rt.engine.sync_once()
    db = rt.workspace.store.db
    assert changes.latest_id(db) > 0
    with rt.workspace.store.write():
        assert changes.prune(db) == 0
        assert changes.prune(db, now=utcnow() + timedelta(days=1, minutes=1)) > 0
    assert changes.since(db, 0) == []


def test_posventa_sync_says_another_console_pulls_the_account(connected, other, capsys):
    from argparse import Namespace

    from console.app.cli.sync import cmd_sync

    assert other.ask("hold") == "holding"
    code = cmd_sync(Namespace(once=True), lambda: connected)
    out = capsys.readouterr()
    assert code == 0 and out.err == ""
    assert "mastodon" in out.out and ": pulled by another console" in out.out


def test_a_console_whose_token_is_refused_leaves_the_account_to_the_others(connected):
    rt = connected
    account_id = rt.extras["account_id"]
    assert rt.engine.sync_account(account_id).error == ""
    assert rt.engine.leases.holds(account_id)
    rt.extras["sandbox"].inject_fault("/api/v1/notifications", 401, count=0)
    report = rt.engine.sync_account(account_id)
    assert report.error and rt.engine.statuses()[-1].state == "auth"
    assert not rt.engine.leases.holds(account_id)
    another = FileLease(rt.workspace.path)  # the lease files sit beside the database
    try:
        assert another.try_hold(account_id)
    finally:
        another.close()


def test_a_console_that_cannot_reach_the_network_hands_the_account_over(connected):
    rt = connected
    account_id = rt.extras["account_id"]
    assert rt.engine.sync_account(account_id).error == ""
    rt.extras["sandbox"].inject_fault("/api/v1/notifications", 503, count=0)
    for _ in range(2):
        assert rt.engine.sync_account(account_id).error
        assert rt.engine.leases.holds(account_id)  # one bad pull is no reason to hand over
    assert rt.engine.sync_account(account_id).error
    assert not rt.engine.leases.holds(account_id)


def test_a_console_without_the_token_queues_a_reply_that_the_holder_sends_once(connected):
    rt = connected
    sandbox = rt.extras["sandbox"]
    rt.engine.sync_once()
    [row] = rt.feed.page(FeedFilter(search="48213"))
    tokenless = OtherConsole(rt, rt.extras["account_id"], token="-")
    outbox_events: list[OutboxChanged] = []
    rt.engine.listen(lambda e: outbox_events.append(e) if isinstance(e, OutboxChanged) else None)
    rt.engine.start()
    try:
        assert wait_for(lambda: rt.engine.team_watch.cursor is not None, 10)
        reply_id, state = json.loads(tokenless.ask(f"reply {row.id} Hola Lucía, ya lo vemos"))
        assert state == "queued"
        assert wait_for(lambda: sandbox.received()["statuses"], 30)
        assert any(e.reply_id == reply_id and e.state == "queued" for e in outbox_events)
        time.sleep(3)  # another outbox pass or two: nothing goes twice
        assert [s["text"] for s in sandbox.received()["statuses"]] == ["Hola Lucía, ya lo vemos"]
        assert rt.replies.replies(row.id)[0].state == "sent"
    finally:
        rt.engine.stop()
        tokenless.close()
