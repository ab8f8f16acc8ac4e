"""A console killed with SIGKILL while a reply is in flight never posts it twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from console.feed.queries import FeedFilter
from console.replies import outbox

CHILD = Path(__file__).with_name("outbox_child.py")
ROOT = Path(__file__).resolve().parents[2]


def _child(rt, account_id: int) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, str(CHILD), str(rt.workspace.path), str(account_id), "tok"],
        stdout=subprocess.PIPE, text=True, env=env)


def _wait_for(predicate, timeout: float = 15.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.02)
    raise AssertionError("condition not reached in time")


@pytest.mark.slow
def test_kill_between_sending_and_sent_posts_exactly_once(connected):
    rt = connected
    sandbox = rt.extras["sandbox"]
    account_id = rt.extras["account_id"]
    rt.engine.sync_once()
    row = rt.feed.page(FeedFilter(search="48213"))[0]
    reply = rt.replies.send(row.id, "Lo siento, lo miramos ya.", delay=0)
    # The sandbox holds the request for 3 s before it handles it: the child is killed
    # while its reply is recorded as "sending" and the post has not been answered.
    sandbox.inject_fault("/api/v1/statuses", kind="delay", delay=3.0)
    child = _child(rt, account_id)
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    _wait_for(lambda: outbox.replies_for(row.id)[0].state == "sending")
    time.sleep(0.3)
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    assert child.returncode == -signal.SIGKILL
    assert outbox.replies_for(row.id)[0].state == "sending"
    # The server still handles the request it had received: the reply is now posted once.
    _wait_for(lambda: len(sandbox.received()["statuses"]) == 1, timeout=10)
    # A restarted console looks for it on the network, finds it, and does not send again.
    again = _child(rt, account_id)
    out, _ = again.communicate(timeout=30)
    assert "done" in out
    got = sandbox.received()
    assert len(got["statuses"]) == 1
    assert got["keys"][reply.idempotency_key] == 1
    [final] = outbox.replies_for(row.id)
    assert final.state == "sent" and final.remote_id == str(got["statuses"][0]["id"])


@pytest.mark.slow
def test_kill_before_the_request_leaves_sends_once_after_restart(connected):
    rt = connected
    sandbox = rt.extras["sandbox"]
    rt.engine.sync_once()
    row = rt.feed.page(FeedFilter(search="48213"))[0]
    rt.replies.send(row.id, "Respuesta en cola", delay=0)
    child = _child(rt, rt.extras["account_id"])
    child.send_signal(signal.SIGKILL)  # before it could send anything
    child.wait(10)
    assert sandbox.received()["statuses"] == [] or len(sandbox.received()["statuses"]) == 1
    again = _child(rt, rt.extras["account_id"])
    again.communicate(timeout=30)
    assert len(sandbox.received()["statuses"]) == 1
    assert outbox.replies_for(row.id)[0].state == "sent"
