"""X accounts end to end: browser sign-in (service and CLI), a pasted token, the read budget,
the demo; the tokens never reach the database."""

from __future__ import annotations

import io
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from console.accounts import cli_x
from console.accounts import queries as accounts
from console.app.cli import main as cli
from console.app.runtime import Runtime, open_demo
from console.channels.loopback import SignInError
from console.channels.x.network import signed_in_account
from console.channels.x.signin import XSignIn
from console.errors import InvalidInput
from console.sandbox import SandboxServer
from console.store.models import Mention
from tests.channels.x_support import CLIENT_ID, DEMO_TOKEN, consent, standing_sandbox


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    server = standing_sandbox()
    yield server
    server.stop()


def db_bytes(rt: Runtime) -> bytes:
    rt.workspace.store.db.execute_sql("PRAGMA wal_checkpoint(FULL)")
    return b"".join(p.read_bytes() for p in rt.workspace.path.rglob("*") if p.is_file())


def test_browser_sign_in_keeps_tokens_in_the_keyring_only(runtime: Runtime,
                                                          sandbox: SandboxServer) -> None:
    signin = XSignIn(sandbox.url, CLIENT_ID, port=0, timeout=5.0)
    signin.start()
    query = {k: v[-1] for k, v in parse_qs(urlsplit(signin.authorize_url).query).items()}
    assert signin.authorize_url.startswith(f"{sandbox.url}/i/oauth2/authorize?")
    assert query["scope"] == "tweet.read tweet.write users.read offline.access"
    assert query["code_challenge_method"] == "S256" and query["redirect_uri"].endswith(
        "/callback")
    landing = consent(signin.authorize_url)
    assert landing.status_code == 200 and "signed in" in landing.text
    account = runtime.accounts.keep(signed_in_account(signin.complete(signin.wait(5)), 5000))
    assert (account.kind, account.handle, account.remote_id) == (
        "x", "ventalia", sandbox.x.world.brand.id)
    assert account.settings["client_id"] == CLIENT_ID
    assert account.settings["x_read_budget"] == 5000
    token = runtime.workspace.secrets.get(account.id, "token")
    refresh = runtime.workspace.secrets.get(account.id, "refresh_token")
    assert token and refresh
    [report] = runtime.engine.sync_once()
    assert report.error == "" and report.added >= 2
    stored = db_bytes(runtime)
    for secret in (token, refresh):
        assert secret.encode() not in stored


def test_the_consent_page_declined_adds_nothing(sandbox: SandboxServer) -> None:
    signin = XSignIn(sandbox.url, CLIENT_ID, port=0, timeout=5.0)
    signin.start()
    consent(signin.authorize_url, decision="deny")
    with pytest.raises(SignInError, match="declined"):
        signin.wait(5)
    signin.close()


def test_a_pasted_address_from_another_device(sandbox: SandboxServer) -> None:
    signin = XSignIn(sandbox.url, CLIENT_ID, port=0, timeout=5.0)
    signin.start()
    redirect = consent(signin.authorize_url, follow=False).headers["Location"]
    with pytest.raises(SignInError, match="whole address"):
        signin.submit_pasted("not an address")
    signin.submit_pasted(redirect)
    assert signin.complete(signin.wait(5)).author.handle == "ventalia"


def test_a_wrong_client_id_is_said_before_the_browser_opens() -> None:
    with pytest.raises(SignInError, match="Client ID"):
        XSignIn("https://api.x.com", "")


def test_cli_signs_in_through_the_browser(tmp_path: Path, sandbox: SandboxServer,
                                          monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    opened: list[str] = []

    def browser(url: str) -> bool:
        opened.append(url)
        threading.Thread(target=consent, args=(url,), daemon=True).start()
        return True

    monkeypatch.setattr(cli_x, "open_browser", browser)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code = cli.main(["--workspace", str(tmp_path / "ws"), "accounts", "add", "x", "--api",
                     sandbox.url, "--client-id", CLIENT_ID, "--port", "0",
                     "--read-budget", "2000"])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert opened and opened[0] in out.out
    assert "added account 1: x @ventalia" in out.out


def test_cli_token_stdin_and_its_mistakes(tmp_path: Path, sandbox: SandboxServer,
                                          monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    ws = str(tmp_path / "ws")
    monkeypatch.setattr(sys, "stdin", io.StringIO("wrong-token\n"))
    assert cli.main(["--workspace", ws, "accounts", "add", "x", "--api", sandbox.url,
                     "--token-stdin"]) == 1
    assert "sign in again" in capsys.readouterr().err
    assert cli.main(["--workspace", ws, "accounts", "add", "x", "--api", sandbox.url]) == 1
    assert "--client-id" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{DEMO_TOKEN}\n"))
    assert cli.main(["--workspace", ws, "accounts", "add", "x", "--api", sandbox.url,
                     "--token-stdin"]) == 0
    assert "added account 1: x @ventalia" in capsys.readouterr().out


def test_the_read_budget_stops_the_search_and_mentions_keep_coming(
        runtime: Runtime, sandbox: SandboxServer) -> None:
    with pytest.raises(InvalidInput, match="number of posts"):
        runtime.accounts.add("x", token=DEMO_TOKEN, api_url=sandbox.url, read_budget="mucho")
    account = runtime.accounts.add("x", token=DEMO_TOKEN, api_url=sandbox.url, read_budget=3)
    accounts.add_watch(runtime.workspace.store, "brisa")
    [first] = runtime.engine.sync_once()
    assert first.error == ""
    [status] = [s for s in runtime.engine.statuses() if s.account_id == account.id]
    assert "read budget of 3 posts this month is spent" in status.message
    assert "mentions keep coming" in status.message
    kept = accounts.get_account(runtime.workspace.store, account.id)
    assert kept is not None and kept.settings["x_reads"]["posts"] >= 3
    searches = sandbox.x.calls.count("GET /2/tweets/search/recent")
    sandbox.advance(100)
    runtime.engine.sync_once()
    assert sandbox.x.calls.count("GET /2/tweets/search/recent") == searches  # stopped
    bea = Mention.select().where(Mention.remote_id == sandbox.x.world.post_by_key["x102"])
    assert bea.exists()  # Bea's tagged post came in as a mention all the same


def test_the_demo_has_an_x_account_that_syncs(tmp_path: Path) -> None:
    rt = open_demo(tmp_path / "demo", speed=0.0001)
    try:
        [x] = [a for a in rt.accounts.list() if a.kind == "x"]
        reports = {r.account_id: r for r in rt.engine.sync_once()}
        assert reports[x.id].error == "" and reports[x.id].added > 0
        status = {s.account_id: s for s in rt.engine.statuses()}[x.id]
        assert "posts read from X this month" in status.message
    finally:
        rt.close()
        if rt.sandbox is not None:
            rt.sandbox.stop()
