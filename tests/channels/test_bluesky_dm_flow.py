"""Bluesky direct messages through the whole console: sync, cases, the outbox, adding accounts
and the command line, against the sandbox on 127.0.0.1."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from console.accounts import queries as accounts
from console.app.runtime import Runtime
from console.cases import records
from console.channels.base import NetworkError
from console.channels.networks import open_channel
from console.errors import InvalidInput
from console.replies import outbox
from console.sandbox import SandboxServer
from console.store.models import Mention
from console.store.timeutil import utcnow
from console.sync.engine import Engine
from tests.channels.bluesky_support import APP_PASSWORD, BRAND, standing_sandbox

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def sky() -> Iterator[SandboxServer]:
    server = standing_sandbox()
    yield server
    server.stop()


def _add(runtime: Runtime, sky: SandboxServer, **kw: object):
    return runtime.accounts.add("bluesky", handle=BRAND, app_password=APP_PASSWORD,
                                service_url=sky.url, **kw)


def _mention(sky: SandboxServer, key: str) -> Mention:
    return Mention.get(Mention.remote_id == sky.bluesky.world.post_by_key[key])


def _directs() -> list[Mention]:
    return list(Mention.select().where(Mention.source == "direct").order_by(Mention.created_at))


def test_messages_are_stored_direct_one_case_per_conversation_without_the_brands(
        runtime: Runtime, sky) -> None:
    account = _add(runtime, sky)
    assert account.settings["direct_messages"] is True
    [report] = runtime.engine.sync_once()
    assert report.error == "" and report.skipped == []
    assert accounts.get_cursor(account.id, "conversations")
    directs = _directs()
    assert [m.text[:20] for m in directs] == [
        "Hola. Preparo un rep", "Hola, os escribo por", "Dos días y sigo sin "]
    assert all(m.visibility == "direct" and m.sources == "direct" for m in directs)
    assert not Mention.select().where(Mention.text.startswith("Hola, Lucía. Lo hemos")).exists()
    ale, lucia_1, lucia_2 = directs
    db = runtime.workspace.store.db
    case = records.case_of_mention(db, lucia_1.id)
    assert case is not None and records.case_of_mention(db, lucia_2.id) == case
    assert records.case_of_mention(db, ale.id) not in (None, case)
    # Lucía's public posts are the same author as her messages (one DID, one author row).
    public = _mention(sky, "b004")
    assert public.author_id == lucia_1.author_id
    runtime.engine.sync_once()  # again: nothing twice
    assert len(_directs()) == 3


def test_continuing_a_complaint_in_private_and_the_answer_joins_its_case(
        runtime: Runtime, sky) -> None:
    _add(runtime, sky)
    sky.advance(330)  # Bea's public complaint (b103)
    runtime.engine.sync_once()
    complaint = _mention(sky, "b103")
    case = (runtime.cases.case_for_mention(complaint.id)
            or runtime.cases.open_case(complaint.id)).id  # the agent works it as a case
    rules = runtime.replies.rules(complaint.id)
    assert rules.visibility == "public" and rules.private is not None
    private = runtime.replies.rules(complaint.id, private=True)
    assert (private.visibility, private.limit) == ("direct", 1000)
    reply = runtime.replies.send(complaint.id, "Hola Bea, lo vemos por privado: ¿nos pasas "
                                 "el lote de la base?", delay=0, private=True)
    assert reply.visibility == "direct"
    runtime.engine.flush_outbox()
    sent = outbox.get_reply(reply.id)
    assert sent.state == "sent" and sent.remote_id.startswith("chat:")
    assert sky.received()["bluesky"] == []  # nothing public
    [message] = sky.received()["bluesky_chat"]
    assert message["message"]["text"].startswith("Hola Bea, lo vemos por privado")
    db = runtime.workspace.store.db
    sky.advance(1000)  # Bea writes in the same conversation (c-bea at 1300)
    runtime.engine.sync_once()
    [answer] = [m for m in _directs() if m.text.startswith("Hola, soy Beatriz")]
    assert answer.in_reply_to == sent.remote_id
    assert records.case_of_mention(db, answer.id) == case  # the message joins its case
    # The agent answers the message: it leaves as a message, Bea answers again.
    again = runtime.replies.send(answer.id, "Gracias, Bea. Pasamos a recogerlo el jueves.",
                                 delay=0)
    assert again.visibility == "direct"
    runtime.engine.flush_outbox()
    assert len(sky.received()["bluesky_chat"]) == 2 and sky.received()["bluesky"] == []
    sky.advance(60)
    runtime.engine.sync_once()
    last = _directs()[-1]
    assert last.text.startswith("Gracias por contestar")
    assert records.case_of_mention(db, last.id) == records.case_of_mention(db, answer.id)


def test_no_private_choice_for_people_who_do_not_take_messages(runtime: Runtime, sky) -> None:
    _add(runtime, sky)
    sky.advance(1600)
    runtime.engine.sync_once()
    dan = _mention(sky, "b105")  # allowIncoming "none"
    assert runtime.replies.rules(dan.id).private is None
    with pytest.raises(InvalidInput, match="cannot be answered in private"):
        runtime.replies.send(dan.id, "Hola", private=True)


class TimesOutAfterSending:
    """The real channel, but the first message's answer is lost (a read timeout)."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.kind = inner.kind
        self.sent = 0
        self.idempotency_lasts = inner.idempotency_lasts
        self.brand_replies_since = inner.brand_replies_since
        self.brand_messages_since = inner.brand_messages_since

    def send_reply(self, **kw):
        result = self.inner.send_reply(**kw)
        self.sent += 1
        if self.sent == 1:
            raise NetworkError("the network timed out")
        return result

    def close(self) -> None:
        self.inner.close()


def test_a_message_whose_answer_was_lost_is_looked_for_not_sent_twice(runtime: Runtime,
                                                                       sky) -> None:
    _add(runtime, sky)
    runtime.engine.sync_once()
    lucia = _directs()[-1]
    made = []

    def factory(account, secrets):
        made.append(TimesOutAfterSending(open_channel(account.for_channel(), secrets)))
        return made[-1]

    engine = Engine(runtime.workspace.store, runtime.workspace.secrets, runtime.triager,
                    runtime.workspace.settings, channel_factory=factory)
    try:
        reply = runtime.replies.send(lucia.id, "Lucía, sale mañana del almacén.", delay=0)
        engine.flush_outbox()
        assert outbox.get_reply(reply.id).state == "sending"  # outcome unknown: no key
        assert len(sky.received()["bluesky_chat"]) == 1
        engine.flush_outbox(now=utcnow() + timedelta(hours=1))
        final = outbox.get_reply(reply.id)
        [sent] = sky.received()["bluesky_chat"]  # found, not sent again
        assert final.state == "sent" and final.remote_id.endswith(":" + sent["id"])
        assert made[0].sent == 1
    finally:
        engine.stop()


def test_a_lost_private_continuation_is_looked_for_in_the_conversation(runtime: Runtime,
                                                                        sky) -> None:
    _add(runtime, sky)
    runtime.engine.sync_once()
    lucia_public = _mention(sky, "b004")
    made = []

    def factory(account, secrets):
        made.append(TimesOutAfterSending(open_channel(account.for_channel(), secrets)))
        return made[-1]

    engine = Engine(runtime.workspace.store, runtime.workspace.secrets, runtime.triager,
                    runtime.workspace.settings, channel_factory=factory)
    try:
        reply = runtime.replies.send(lucia_public.id, "Lucía, te escribimos por privado.",
                                     delay=0, private=True)
        engine.flush_outbox()
        assert outbox.get_reply(reply.id).state == "sending"
        engine.flush_outbox(now=utcnow() + timedelta(hours=1))
        assert outbox.get_reply(reply.id).state == "sent"
        assert len(sky.received()["bluesky_chat"]) == 1 and sky.received()["bluesky"] == []
    finally:
        engine.stop()


def test_adding_an_account_whose_app_password_has_no_dm_access(runtime: Runtime, sky) -> None:
    sky.bluesky.world.sessions.without_dm.add(APP_PASSWORD)
    with pytest.raises(InvalidInput) as refused:
        _add(runtime, sky)
    message = str(refused.value)
    assert "no access to direct messages" in message
    assert "Allow access to your direct messages" in message
    assert "without direct messages" in message and APP_PASSWORD not in message
    assert runtime.accounts.list() == []
    account = _add(runtime, sky, direct_messages=False)
    assert account.settings["direct_messages"] is False
    [report] = runtime.engine.sync_once()
    assert report.error == "" and report.skipped == [] and report.added >= 5
    assert _directs() == [] and not accounts.get_cursor(account.id, "conversations")


def test_dm_access_lost_later_is_named_in_the_status_and_the_rest_syncs(runtime: Runtime,
                                                                         sky) -> None:
    account = _add(runtime, sky)
    sky.bluesky.world.sessions.revoke_all()
    sky.bluesky.world.sessions.without_dm.add(APP_PASSWORD)
    runtime.engine.forget_channel(account.id)
    accounts.add_watch(runtime.workspace.store, "ventalia")
    [report] = runtime.engine.sync_once()
    assert report.error == "" and report.added >= 5
    [skipped] = report.skipped
    assert skipped.item == "direct messages"
    [status] = [s for s in runtime.engine.statuses() if s.account_id == account.id]
    assert status.state == "ok" and "no access to direct messages" in status.message


def _cli(ws: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), POSVENTA_WORKSPACE=str(ws),
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    return subprocess.run([sys.executable, "-m", "console", *args], input=stdin, text=True,
                          capture_output=True, env=env, timeout=60)


def test_cli_add_says_whether_direct_messages_are_on(tmp_path: Path, sky) -> None:
    ws = tmp_path / "ws"
    sky.bluesky.world.sessions.without_dm.add(APP_PASSWORD)
    refused = _cli(ws, "accounts", "add", "bluesky", "--handle", BRAND, "--service", sky.url,
                   "--password-stdin", stdin=APP_PASSWORD + "\n")
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert "Allow access to your direct messages" in refused.stderr
    added = _cli(ws, "accounts", "add", "bluesky", "--handle", BRAND, "--service", sky.url,
                 "--no-direct-messages", "--password-stdin", stdin=APP_PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    assert "public posts only, no direct messages" in added.stdout


class _Kept:
    """The runtime as ``posventa reply`` sees it, left open for the test."""

    def __init__(self, runtime: Runtime) -> None:
        self.replies = runtime.replies
        self.workspace = runtime.workspace

    def close(self) -> None:
        pass


def test_posventa_reply_private(runtime: Runtime, sky, capsys) -> None:
    from console.app.cli.main import build_parser

    _add(runtime, sky)
    runtime.engine.sync_once()
    lucia = _mention(sky, "b004")
    args = build_parser().parse_args(["reply", str(lucia.id), "--text", "Te escribimos por "
                                      "privado, Lucía.", "--private"])
    assert args.func(args, lambda: _Kept(runtime)) == 0
    assert "(direct)" in capsys.readouterr().out
    runtime.engine.flush_outbox()
    [sent] = sky.received()["bluesky_chat"]
    assert sent["message"]["text"] == "Te escribimos por privado, Lucía."
    assert sky.received()["bluesky"] == []
