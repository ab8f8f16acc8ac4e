"""Reddit accounts end to end: browser sign-in, the CLI, the engine and the outbox.

The "browser" loads the sandbox's consent page, presses Allow and follows the redirect to
Posventa's loopback listener, as a user's browser does.
"""

from __future__ import annotations

import io
import socket
import sys
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from console.accounts import cli_common
from console.accounts import queries as accounts
from console.app.cli import main as cli
from console.app.runtime import Runtime
from console.channels.base import NetworkError
from console.channels.loopback import SignInError
from console.channels.networks import open_channel
from console.channels.reddit.network import signed_in_account
from console.channels.reddit.signin import RedditSignIn
from console.errors import InvalidInput
from console.feed.queries import FeedFilter
from console.replies import outbox
from console.sandbox import SandboxServer
from console.store.models import Mention
from console.store.timeutil import utcnow
from console.sync.engine import Engine
from tests.channels.reddit_support import (
    BRAND,
    CLIENT_ID,
    api,
    consent,
    grant_refresh_token,
    standing_sandbox,
)


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    sandbox = standing_sandbox()
    yield sandbox
    sandbox.stop()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _db_bytes(rt: Runtime) -> bytes:
    rt.workspace.store.db.execute_sql("PRAGMA wal_checkpoint(FULL)")
    return b"".join(p.read_bytes() for p in rt.workspace.path.rglob("*") if p.is_file())


def _signin(server: SandboxServer) -> RedditSignIn:
    port = free_port()
    server.reddit.oauth.register(CLIENT_ID, f"http://127.0.0.1:{port}/reddit_callback")
    return RedditSignIn(CLIENT_ID, api(server), port=port, timeout=5.0)


def test_sign_in_through_the_loopback_and_sync(runtime: Runtime, server) -> None:
    signin = _signin(server)
    signin.start()
    query = {k: v[-1] for k, v in parse_qs(urlsplit(signin.authorize_url).query).items()}
    assert query == {"client_id": CLIENT_ID, "response_type": "code", "state": signin.state,
                     "redirect_uri": signin.redirect_uri, "duration": "permanent",
                     "scope": "identity privatemessages read submit history"}
    landing = consent(signin.authorize_url)
    assert "Posventa is signed in" in landing.text
    signed = signin.complete(signin.wait(5))
    assert signed.author.handle == BRAND
    account = runtime.accounts.keep(signed_in_account(signed))
    assert (account.kind, account.handle, account.base_url) == ("reddit", BRAND, api(server))
    assert account.settings["client_id"] == CLIENT_ID
    assert runtime.workspace.secrets.get(account.id, "refresh_token") == signed.refresh_token
    [report] = runtime.engine.sync_once()
    assert report.error == "" and report.added == 2  # Lucía's message, Dan's reply
    assert signed.refresh_token.encode() not in _db_bytes(runtime)


def test_declined_and_wrong_redirect(server) -> None:
    signin = _signin(server)
    signin.start()
    consent(signin.authorize_url, allow=False)
    with pytest.raises(SignInError, match="declined"):
        signin.wait(5)
    other = RedditSignIn(CLIENT_ID, api(server), port=free_port())  # not the registered port
    other.start()
    try:
        import httpx

        page = httpx.get(other.authorize_url)
        assert page.status_code == 400 and "invalid redirect_uri parameter" in page.text
    finally:
        other.cancel()


def test_the_address_the_browser_ended_on_can_be_pasted(server) -> None:
    signin = _signin(server)
    signin.start()
    back = consent(signin.authorize_url, follow=False)  # the browser did not come back
    with pytest.raises(SignInError, match="Paste the whole address"):
        signin.submit_pasted("some code")
    signin.submit_pasted(back.headers["location"])
    assert signin.complete(signin.wait(5)).author.handle == BRAND


def test_a_busy_port_is_one_sentence(server) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        signin = RedditSignIn(CLIENT_ID, api(server), port=port)
        with pytest.raises(SignInError, match=f"Port {port} on this computer is busy"):
            signin.start()


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")


def test_cli_waits_for_the_browser(tmp_path: Path, server, no_keyring, monkeypatch,
                                   capsys) -> None:
    port = free_port()
    server.reddit.oauth.register(CLIENT_ID, f"http://127.0.0.1:{port}/reddit_callback")
    opened: list[str] = []

    def browser(url: str) -> bool:
        opened.append(url)
        threading.Thread(target=consent, args=(url,), daemon=True).start()
        return True

    monkeypatch.setattr(cli_common, "open_browser", browser)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code = cli.main(["--workspace", str(tmp_path / "ws"), "accounts", "add", "reddit",
                     "--client-id", CLIENT_ID, "--api", api(server), "--port", str(port)])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert opened and opened[0] in out.out
    assert "added account 1: reddit u/Ventalia_Soporte" in out.out


def test_cli_token_stdin_and_bad_input(tmp_path: Path, server, no_keyring, monkeypatch,
                                       capsys) -> None:
    token = grant_refresh_token(server)
    monkeypatch.setattr(sys, "stdin", io.StringIO(token + "\n"))
    code = cli.main(["--workspace", str(tmp_path / "ws"), "accounts", "add", "reddit",
                     "--client-id", CLIENT_ID, "--api", api(server), "--token-stdin"])
    assert code == 0 and "added account 1: reddit u/Ventalia_Soporte" in capsys.readouterr().out
    code = cli.main(["--workspace", str(tmp_path / "ws2"), "accounts", "add", "reddit",
                     "--client-id", "no spaces please", "--api", api(server), "--no-browser"])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert err.splitlines()[-1].startswith("posventa: That is not a Reddit client id")


def test_a_revoked_account_says_so_and_the_others_keep_syncing(connected: Runtime,
                                                              server) -> None:
    rt = connected
    rt.accounts.add("reddit", client_id=CLIENT_ID, refresh_token=grant_refresh_token(server),
                    api_url=api(server))
    server.reddit.oauth.revoke_all()
    reports = {r.label: r for r in rt.engine.sync_once()}
    reddit = next(r for label, r in reports.items() if "Ventalia_Soporte" in label)
    assert "no longer accepts this sign-in" in reddit.error
    assert all(not r.error for r in reports.values() if r is not reddit)


class TimesOutAfterPosting:
    """The real channel, but the first reply's answer is lost (a read timeout)."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.kind = inner.kind
        self.sent = 0

    def send_reply(self, **kw):
        result = self.inner.send_reply(**kw)
        self.sent += 1
        if self.sent == 1:
            raise NetworkError("the network timed out")
        return result

    def brand_replies_since(self, post_remote_id, since):
        return self.inner.brand_replies_since(post_remote_id, since)

    def __getattr__(self, name):
        return getattr(self.inner, name)


def test_a_reply_lost_mid_send_is_looked_for_not_posted_twice(runtime: Runtime, server) -> None:
    rt = runtime
    rt.accounts.add("reddit", client_id=CLIENT_ID, refresh_token=grant_refresh_token(server),
                    api_url=api(server))
    server.advance(600)
    rt.engine.sync_once()
    mention = rt.feed.page(FeedFilter(search="49981"))[0].id
    reply = rt.replies.send(mention, "Hola Bea, lo sentimos. Te escribimos por privado.",
                            delay=0)
    made = []

    def factory(account, secrets):
        made.append(TimesOutAfterPosting(open_channel(account.for_channel(), secrets)))
        return made[-1]

    engine = Engine(rt.workspace.store, rt.workspace.secrets, rt.triager,
                    rt.workspace.settings, channel_factory=factory)
    try:
        engine.flush_outbox()
        assert outbox.get_reply(reply.id).state == "sending"
        engine.flush_outbox(now=utcnow() + timedelta(hours=2))
        final = outbox.get_reply(reply.id)
        received = server.reddit.world.received
        assert len(received) == 1 and made[0].sent == 1
        assert final.state == "sent" and final.remote_id == received[0]["name"]
    finally:
        engine.stop()


def test_the_composer_knows_reddit_rules(runtime: Runtime, server) -> None:
    runtime.accounts.add("reddit", client_id=CLIENT_ID, api_url=api(server),
                         refresh_token=grant_refresh_token(server))
    accounts.add_watch(runtime.workspace.store, "ventalia")
    runtime.engine.sync_once()
    world = server.reddit.world
    by_name = {m.remote_id: m.id for m in Mention.select()}
    message = runtime.replies.rules(by_name[world.by_key["r005"]])
    assert (message.unit, message.limit, message.visibility) == ("characters", 10_000, "direct")
    locked = runtime.replies.rules(by_name[world.by_key["r006"]])
    assert not locked.can_reply and "locked" in locked.reason
    with pytest.raises(InvalidInput, match="locked"):
        runtime.replies.send(by_name[world.by_key["r006"]], "Hola")
    with pytest.raises(InvalidInput):
        runtime.replies.send(by_name[world.by_key["r003"]], "a" * 10_001)
