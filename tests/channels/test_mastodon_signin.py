"""Signing a Mastodon account in against the sandbox's OAuth server, over real sockets.

The "browser" here does what a user's browser does: loads the consent page, presses
Authorize and follows the redirect to Posventa's loopback listener (or reads the
out-of-band code off the page).
"""

from __future__ import annotations

import html
import io
import os
import re
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest

from console.accounts import cli_mastodon as mastodon_cli
from console.accounts import queries as accounts
from console.app.cli import main as cli
from console.app.runtime import Runtime
from console.channels.base import AuthError, ChannelError, NetworkError
from console.channels.mastodon.network import signed_in_account
from console.channels.mastodon.oauth import OOB_REDIRECT
from console.channels.mastodon.signin import (
    MastodonSignIn,
    SignInCancelled,
    SignInError,
)
from console.errors import InvalidInput
from console.feed.queries import FeedFilter
from console.sandbox import SandboxServer

ROOT = Path(__file__).resolve().parents[2]


def consent(authorize_url: str, decision: str = "approve", follow: bool = True) -> httpx.Response:
    """What the user's browser does: load the consent page and press a button."""
    page = httpx.get(authorize_url)
    assert page.status_code == 200, page.text
    fields = {k: html.unescape(v)
              for k, v in re.findall(r'name="([^"]+)" value="([^"]*)"', page.text)}
    fields["decision"] = decision
    base = authorize_url.split("/oauth/")[0]
    return httpx.post(f"{base}/oauth/authorize", data=fields, follow_redirects=follow)


def shown_code(page: httpx.Response) -> str:
    match = re.search(r'<code id="code">([^<]+)</code>', page.text)
    assert match is not None, page.text
    return match.group(1)


def as_oob(authorize_url: str) -> str:
    parts = urlsplit(authorize_url)
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    query["redirect_uri"] = OOB_REDIRECT
    return f"{parts.scheme}://{parts.netloc}{parts.path}?{urlencode(query)}"


def db_bytes(rt: Runtime) -> bytes:
    folder = rt.workspace.path
    return b"".join(p.read_bytes() for p in folder.glob("posventa.db*") if p.is_file())


@pytest.fixture
def signin(sandbox: SandboxServer):
    flow = MastodonSignIn(sandbox.url, timeout=5.0)
    yield flow
    flow.cancel()


def test_sign_in_through_the_loopback_redirect(runtime: Runtime, sandbox: SandboxServer,
                                               signin: MastodonSignIn) -> None:
    signin.start()
    query = {k: v[-1] for k, v in parse_qs(urlsplit(signin.authorize_url).query).items()}
    assert query["response_type"] == "code" and query["scope"] == "read write"
    assert query["code_challenge_method"] == "S256" and query["code_challenge"]
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/callback", query["redirect_uri"])
    assert query["state"] == signin.state
    # One app, registered with the loopback redirect and the out-of-band fallback.
    [app] = sandbox.oauth.apps.values()
    assert app.redirect_uris == [signin.redirect_uri, OOB_REDIRECT]
    assert app.name == "Posventa"

    landing = consent(signin.authorize_url)  # follows the redirect to our listener
    assert landing.status_code == 200 and "Posventa is signed in" in landing.text
    received = signin.wait(5)
    assert received.redirect_uri == signin.redirect_uri
    signed = signin.complete(received)
    assert signed.author.handle == "ventalia" and signed.instance.max_characters == 500

    account = runtime.accounts.keep(signed_in_account(signed))
    secrets = runtime.workspace.secrets
    assert secrets.get(account.id, "token") == signed.token
    assert secrets.get(account.id, "client_secret") == app.client_secret
    assert account.settings["client_id"] == app.client_id
    stored = db_bytes(runtime)
    assert signed.token.encode() not in stored
    assert app.client_secret.encode() not in stored
    # The token works: the account syncs.
    [report] = runtime.engine.sync_once()
    assert report.error == "" and report.added > 0


def test_sign_in_with_the_pasted_out_of_band_code(runtime: Runtime,
                                                  signin: MastodonSignIn) -> None:
    signin.start()
    page = consent(signin.oob_url)
    assert page.status_code == 200
    with pytest.raises(SignInError, match="not an authorization code"):
        signin.submit_pasted("two words")
    signin.submit_pasted(f"  {shown_code(page)}\n")
    received = signin.wait(5)
    assert received.redirect_uri == OOB_REDIRECT
    account = runtime.accounts.keep(signed_in_account(signin.complete(received)))
    assert account.handle == "ventalia"
    assert runtime.workspace.secrets.get(account.id, "token")


def test_pasting_the_address_the_browser_ended_on_also_works(signin: MastodonSignIn) -> None:
    signin.start()
    redirect = consent(signin.authorize_url, follow=False)
    assert redirect.status_code == 302
    signin.submit_pasted(redirect.headers["Location"])
    received = signin.wait(5)
    assert received.redirect_uri == signin.redirect_uri
    assert signin.complete(received).author.handle == "ventalia"


def test_a_wrong_code_or_a_spent_code_is_one_clear_sentence(signin: MastodonSignIn) -> None:
    signin.start()
    signin.submit_pasted("not-the-code")
    with pytest.raises(AuthError, match="sign-in code was not accepted"):
        signin.complete(signin.wait(5))


def test_declined_on_the_server(signin: MastodonSignIn) -> None:
    signin.start()
    landing = consent(signin.authorize_url, decision="deny")
    assert "declined" in landing.text
    with pytest.raises(SignInError, match="declined"):
        signin.wait(5)


def test_an_answer_for_another_sign_in_is_refused(signin: MastodonSignIn) -> None:
    signin.start()
    forged = httpx.get(f"{signin.redirect_uri}?code=abc&state=someone-else")
    assert forged.status_code == 400
    with pytest.raises(SignInError, match="in time"):
        signin.wait(0.3)


def test_cancel_closes_the_listener_and_adds_nothing(runtime: Runtime,
                                                     signin: MastodonSignIn) -> None:
    signin.start()
    port = urlsplit(signin.redirect_uri).port
    waiting: list[BaseException] = []

    def wait() -> None:
        try:
            signin.wait()
        except BaseException as exc:
            waiting.append(exc)

    thread = threading.Thread(target=wait)
    thread.start()
    signin.cancel()
    thread.join(3)
    assert len(waiting) == 1 and isinstance(waiting[0], SignInCancelled)
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                break
        time.sleep(0.05)
    else:
        raise AssertionError("the loopback listener is still open after cancel")
    assert runtime.accounts.list() == []


class _NotMastodon(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.send_response(404)
        self.send_header("Content-Length", "9")
        self.end_headers()
        self.wfile.write(b"not found")

    def log_message(self, *args: object) -> None:
        pass


def test_wrong_instance_addresses_are_explained() -> None:
    with pytest.raises(ChannelError, match="not a web address"):
        MastodonSignIn("ftp://mastodon.example")
    with pytest.raises(ChannelError, match="unencrypted"):
        MastodonSignIn("http://mastodon.example")
    nothing = MastodonSignIn("http://127.0.0.1:9", timeout=2)  # nothing listens there
    with pytest.raises(NetworkError, match="refused"):
        nothing.start()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _NotMastodon)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        other = MastodonSignIn(f"http://127.0.0.1:{server.server_address[1]}", timeout=2)
        with pytest.raises(ChannelError, match="does not answer like a Mastodon server"):
            other.start()
    finally:
        server.shutdown()
        server.server_close()


def test_sign_in_again_keeps_the_account_and_its_data(connected: Runtime) -> None:
    rt = connected
    sandbox = rt.extras["sandbox"]
    account_id = rt.extras["account_id"]
    rt.engine.sync_once()
    stored = rt.feed.count(FeedFilter(include_spam=True))
    cursor = accounts.get_cursor(account_id, "mentions")
    sandbox.oauth.revoked.add("test-token")  # the server forgot the token
    [report] = rt.engine.sync_once()
    assert report.error and rt.accounts.statuses()[account_id].state == "auth"

    flow = MastodonSignIn(sandbox.url, timeout=5)
    flow.start()
    consent(flow.authorize_url)
    account = rt.accounts.renew(account_id, signed_in_account(flow.complete(flow.wait(5))))
    assert account.id == account_id and len(rt.accounts.list()) == 1
    assert rt.workspace.secrets.get(account_id, "token") != "test-token"
    assert rt.feed.count(FeedFilter(include_spam=True)) == stored
    assert accounts.get_cursor(account_id, "mentions") == cursor
    sandbox.add_post("lucia", "@ventalia ¿siguen ahí?")
    [report] = rt.engine.sync_once()
    assert report.error == "" and report.added == 1
    assert rt.accounts.statuses()[account_id].state == "ok"


def test_sign_in_again_as_someone_else_is_refused(runtime: Runtime, sandbox: SandboxServer,
                                                  signin: MastodonSignIn) -> None:
    other = accounts.add_account(runtime.workspace.store, "mastodon", sandbox.url,
                                 handle="otra", remote_id="999")
    runtime.workspace.secrets.set(other.id, "token", "old")
    signin.start()
    consent(signin.authorize_url)
    signed = signin.complete(signin.wait(5))
    with pytest.raises(InvalidInput, match="You signed in as @ventalia"):
        runtime.accounts.renew(other.id, signed_in_account(signed))
    assert runtime.workspace.secrets.get(other.id, "token") == "old"


def test_the_same_account_signed_in_twice_is_renewed_not_doubled(
        runtime: Runtime, sandbox: SandboxServer) -> None:
    for _ in range(2):
        flow = MastodonSignIn(sandbox.url, timeout=5)
        flow.start()
        consent(flow.authorize_url)
        account = runtime.accounts.keep(signed_in_account(flow.complete(flow.wait(5))))
    assert [a.id for a in runtime.accounts.list()] == [account.id]


# --- the command line -------------------------------------------------------------------------


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")


def test_cli_waits_for_the_browser(tmp_path: Path, sandbox: SandboxServer, no_keyring,
                                   monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    opened: list[str] = []

    def browser(url: str) -> bool:
        opened.append(url)
        threading.Thread(target=consent, args=(url,), daemon=True).start()
        return True

    monkeypatch.setattr(mastodon_cli, "open_browser", browser)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # nothing typed
    code = cli.main(["--workspace", str(tmp_path / "ws"), "accounts", "add", "mastodon",
                     "--instance", sandbox.url])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert opened and opened[0] in out.out  # the page is printed as well as opened
    assert "urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob" in out.out  # the fallback page too
    assert "added account 1: mastodon @ventalia" in out.out


def test_cli_takes_the_pasted_code(tmp_path: Path, sandbox: SandboxServer, no_keyring,
                                   monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    read, write = os.pipe()
    monkeypatch.setattr(sys, "stdin", os.fdopen(read, "r"))

    def user_on_another_device(url: str) -> bool:
        def approve() -> None:
            code = shown_code(consent(as_oob(url)))
            os.write(write, f"{code}\n".encode())

        threading.Thread(target=approve, daemon=True).start()
        return False  # no browser here

    monkeypatch.setattr(mastodon_cli, "open_browser", user_on_another_device)
    code = cli.main(["--workspace", str(tmp_path / "ws"), "accounts", "add", "mastodon",
                     "--instance", sandbox.url])
    os.close(write)
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "added account 1: mastodon @ventalia" in out.out


def test_cli_no_browser_as_a_real_process(tmp_path: Path, sandbox: SandboxServer) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT), POSVENTA_WORKSPACE=str(tmp_path / "ws"),
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    proc = subprocess.Popen(
        [sys.executable, "-m", "console", "accounts", "add", "mastodon", "--instance",
         sandbox.url, "--no-browser"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout is not None and proc.stdin is not None
        urls = []
        for line in proc.stdout:
            if line.strip().startswith("http"):
                urls.append(line.strip())
            if len(urls) == 2:
                break
        assert "opened in your browser" not in "".join(urls)
        oob = next(u for u in urls if "oob" in u)
        proc.stdin.write("this is not a code\n")  # a mistake is explained, not fatal
        proc.stdin.write(shown_code(consent(oob)) + "\n")
        proc.stdin.flush()
        out, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert "not an authorization code" in err
    assert "added account 1: mastodon @ventalia" in out
    assert "memory" in out  # no keyring in this process: it says where the secrets went


def test_cli_token_paste_still_works(tmp_path: Path, sandbox: SandboxServer, no_keyring,
                                     monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("pasted-token\n"))
    code = cli.main(["--workspace", str(tmp_path / "ws"), "accounts", "add", "mastodon",
                     "--instance", sandbox.url, "--token-stdin"])
    assert code == 0
    assert "added account 1" in capsys.readouterr().out


def test_cli_wrong_instance_is_one_line(tmp_path: Path, no_keyring, capsys) -> None:
    code = cli.main(["--workspace", str(tmp_path / "ws"), "accounts", "add", "mastodon",
                     "--instance", "http://127.0.0.1:9", "--no-browser"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.splitlines()[-1] == (
        "posventa: Mastodon 127.0.0.1: the server refused the connection")
    assert "Traceback" not in err
