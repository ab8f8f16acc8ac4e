"""`kill -9` a console at every state of a reply's send: after a restart the network has
the reply exactly once, and the outbox says so.

The child stops at an exact point (see outbox_stop_child.py) instead of racing a timer.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from console.feed.queries import FeedFilter
from console.replies import outbox
from console.store.timeutil import utcnow

CHILD = Path(__file__).with_name("outbox_stop_child.py")
ROOT = Path(__file__).resolve().parents[2]
TEXT = "Hola Lucía, ya lo estamos revisando."

# stop point -> (outbox state at the kill, statuses the network has at the kill)
STATES = {
    "queued": ("queued", 0),
    "checked": ("queued", 0),
    "sending": ("sending", 0),
    "received": ("sending", 1),
    "sent": ("sent", 1),
}


def _start(rt, stop_at: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, str(CHILD), str(rt.workspace.path), str(rt.extras["account_id"]),
         "tok", stop_at], stdout=subprocess.PIPE, text=True, env=env)


def _read_line(child: subprocess.Popen, timeout: float = 20.0) -> str:
    assert child.stdout is not None
    ready, _, _ = select.select([child.stdout], [], [], timeout)
    assert ready, "the child said nothing in time"
    return child.stdout.readline().strip()


@pytest.mark.slow
@pytest.mark.parametrize("stop_at", list(STATES))
def test_kill_at_each_state_then_restart_posts_exactly_once(connected, stop_at):
    rt = connected
    sandbox = rt.extras["sandbox"]
    rt.engine.sync_once()
    mention = rt.feed.page(FeedFilter(search="48213"))[0].id
    reply = rt.replies.send(mention, TEXT, delay=0, context_since=utcnow())

    child = _start(rt, stop_at)
    assert _read_line(child) == "ready"
    if stop_at != "queued":
        assert _read_line(child) == "stopped"
    state_at_kill, posted_at_kill = STATES[stop_at]
    assert outbox.get_reply(reply.id).state == state_at_kill
    assert len(sandbox.received()["statuses"]) == posted_at_kill
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    assert child.returncode == -signal.SIGKILL
    # The truth after the crash: nothing lost, nothing claimed that did not happen.
    after_kill = outbox.get_reply(reply.id)
    assert after_kill.state == state_at_kill and after_kill.text == TEXT

    again = _start(rt, "none")
    out, _ = again.communicate(timeout=30)
    assert "done" in out
    got = sandbox.received()
    assert [s["text"] for s in got["statuses"]] == [TEXT]
    final = outbox.get_reply(reply.id)
    assert final.state == "sent" and final.remote_id == str(got["statuses"][0]["id"])
    assert final.warning == ""  # our own post after a crash is never taken for a collision
    # A reply the network already had is found there and not sent again.
    assert got["keys"][reply.idempotency_key] == 1
    assert outbox.counts()["sent"] == 1 and outbox.counts()["sending"] == 0


def _killed_after_the_network_took_it(rt):
    """A reply posted by a console killed before it could record it ("sending")."""
    sandbox = rt.extras["sandbox"]
    rt.engine.sync_once()
    mention = rt.feed.page(FeedFilter(search="48213"))[0].id
    reply = rt.replies.send(mention, TEXT, delay=0, context_since=utcnow())
    child = _start(rt, "received")
    assert _read_line(child) == "ready" and _read_line(child) == "stopped"
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    assert outbox.get_reply(reply.id).state == "sending"
    assert len(sandbox.received()["statuses"]) == 1
    return reply


@pytest.mark.slow
def test_after_the_idempotency_window_the_reply_is_found_not_posted_again(connected):
    rt = connected
    sandbox = rt.extras["sandbox"]
    reply = _killed_after_the_network_took_it(rt)
    assert sandbox.forget_idempotency_keys() == 1  # more than an hour later
    again = _start(rt, "none")
    out, _ = again.communicate(timeout=30)
    assert "done" in out
    got = sandbox.received()
    assert [s["text"] for s in got["statuses"]] == [TEXT]
    assert got["keys"][reply.idempotency_key] == 1  # looked for, not sent again
    final = outbox.get_reply(reply.id)
    assert final.state == "sent" and final.remote_id == str(got["statuses"][0]["id"])


@pytest.mark.slow
def test_when_the_look_fails_the_reply_waits_and_is_never_sent_blindly(connected):
    rt = connected
    sandbox = rt.extras["sandbox"]
    reply = _killed_after_the_network_took_it(rt)
    sandbox.forget_idempotency_keys()
    sandbox.inject_fault("/api/v1/statuses", 503, count=0)  # the thread cannot be read
    again = _start(rt, "none")
    out, _ = again.communicate(timeout=90)
    assert "done" in out
    waiting = outbox.get_reply(reply.id)
    assert waiting.state == "sending"
    assert waiting.error.startswith("could not check whether the earlier attempt was posted")
    assert len(sandbox.received()["statuses"]) == 1
    sandbox.clear_faults()
    rt.engine.flush_outbox(now=utcnow() + timedelta(hours=2))
    got = sandbox.received()
    assert len(got["statuses"]) == 1 and got["keys"][reply.idempotency_key] == 1
    final = outbox.get_reply(reply.id)
    assert final.state == "sent" and final.remote_id == str(got["statuses"][0]["id"])
