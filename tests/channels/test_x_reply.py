"""Replies on X end to end: summoned posts through the API, the others by hand (composer and
`posventa reply` say why), 280 weighted characters, and no reply twice after a crash."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from console.accounts import queries as accounts
from console.app.cli import main as cli
from console.app.runtime import Runtime, open_runtime
from console.errors import InvalidInput
from console.replies import outbox
from console.sandbox import SandboxServer
from console.store.models import Mention
from console.store.timeutil import utcnow
from tests.channels.x_support import DEMO_TOKEN, post_id, standing_sandbox


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    server = standing_sandbox()
    server.advance(100)  # Bea's two posts are out
    yield server
    server.stop()


def synced(runtime: Runtime, sandbox: SandboxServer) -> dict[str, int]:
    """The X account added and synced with a watch on "brisa": mention ids by post key."""
    runtime.accounts.add("x", token=DEMO_TOKEN, api_url=sandbox.url)
    accounts.add_watch(runtime.workspace.store, "brisa")
    [report] = runtime.engine.sync_once()
    assert report.error == ""
    by_remote = {m.remote_id: m.id for m in Mention.select()}
    world = sandbox.x.world
    return {key: by_remote[pid] for key, pid in world.post_by_key.items() if pid in by_remote}


def test_a_summoned_post_is_answered_through_the_api(runtime: Runtime,
                                                     sandbox: SandboxServer) -> None:
    ids = synced(runtime, sandbox)
    rules = runtime.replies.rules(ids["x102"])  # Bea tagged the brand
    assert (rules.unit, rules.limit, rules.manual, rules.can_reply) == (
        "weighted", 280, False, True)
    with pytest.raises(InvalidInput, match="weighted characters over"):
        runtime.replies.send(ids["x102"], "配" * 141)
    text = "Hola Bea, lo sentimos. Te escribimos por privado para recoger el Brisa 🙏"
    runtime.replies.send(ids["x102"], text, delay=0)
    runtime.engine.flush_outbox()
    [sent] = sandbox.received()["x"]
    assert sent == {"id": sent["id"], "text": text, "in_reply_to": post_id(sandbox, "x102")}
    [reply] = outbox.replies_for(ids["x102"])
    assert reply.state == "sent" and reply.remote_id == sent["id"]
    assert reply.url == f"https://x.com/ventalia/status/{sent['id']}"


def test_an_untagged_post_is_answered_by_hand(runtime: Runtime, sandbox: SandboxServer) -> None:
    ids = synced(runtime, sandbox)
    rules = runtime.replies.rules(ids["x101"])  # found by the search for "brisa"
    assert rules.manual and rules.can_reply and rules.unit == "weighted"
    assert "mentioned or quoted the brand" in rules.reason
    with pytest.raises(InvalidInput, match="mentioned or quoted the brand"):
        runtime.replies.send(ids["x101"], "Hola Bea")
    recorded = runtime.replies.record_manual(ids["x101"], "Hola Bea, te escribimos")
    assert recorded.state == "sent" and sandbox.received()["x"] == []  # nothing through X
    quoted = runtime.replies.rules(ids["x005"]) if "x005" in ids else None
    assert quoted is None or not quoted.manual


def test_posventa_reply_refuses_an_untagged_post(tmp_path: Path, sandbox: SandboxServer,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    rt = open_runtime(tmp_path / "ws", memory_secrets=True)
    try:
        ids = synced(rt, sandbox)
    finally:
        rt.close()
    code = cli.main(["--workspace", str(tmp_path / "ws"), "reply", str(ids["x101"]),
                     "--text", "Hola Bea"])
    err = capsys.readouterr().err
    assert code != 0
    assert "mentioned or quoted the brand" in err and "Traceback" not in err
    assert sandbox.received()["x"] == []


def test_after_a_crash_mid_send_the_brand_posts_are_read_first(runtime: Runtime,
                                                               sandbox: SandboxServer) -> None:
    ids = synced(runtime, sandbox)
    text = "Hola Bea, ya tenemos tu pedido 49981: mañana pasa el mensajero."
    runtime.replies.send(ids["x102"], text, delay=0)
    sandbox.inject_fault("/2/tweets", kind="drop")  # the answer never comes back
    runtime.engine.flush_outbox()
    [reply] = outbox.replies_for(ids["x102"])
    assert reply.state == "sending"  # outcome unknown
    sandbox.x.world.brand_reply(text, post_id(sandbox, "x102"))  # X had posted it after all
    runtime.engine.flush_outbox(now=utcnow() + timedelta(minutes=10))
    [reply] = outbox.replies_for(ids["x102"])
    assert reply.state == "sent"
    assert len(sandbox.x.world.timeline_of(sandbox.x.world.brand.id)) == 2  # x000 and ours
    calls = sandbox.x.calls
    assert calls.count("POST /2/tweets") == 0 and "GET /2/users/:id/tweets" in calls
