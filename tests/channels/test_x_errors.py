"""Every X fault ends as one sentence: network, TLS, 401 (renewed once), 403, 404, 429, 5xx,
a body that is not JSON; a rate limit waits for x-rate-limit-reset."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest

from console.accounts import queries as accounts
from console.app.runtime import Runtime
from console.channels.base import (
    AuthError,
    ChannelError,
    MalformedResponse,
    NetworkError,
    NotFound,
    RateLimited,
    ServerError,
    StaticSecrets,
    WatchSpec,
)
from console.channels.x.channel import XChannel
from console.sandbox import SandboxServer
from tests.channels.x_support import CLIENT_ID, Sleeps, make_channel, standing_sandbox


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    server = standing_sandbox()
    yield server
    server.stop()


def signed_in(sandbox: SandboxServer) -> StaticSecrets:
    """Secrets of a real sign-in (a token that expires, and a refresh token)."""
    issued = sandbox.x.oauth._issue({"tweet.read", "tweet.write", "users.read",
                                     "offline.access"})
    return StaticSecrets({"token": str(issued["access_token"]),
                          "refresh_token": str(issued["refresh_token"])})


def test_an_expired_token_is_renewed_once_and_kept(sandbox: SandboxServer) -> None:
    held = signed_in(sandbox)
    old_refresh = held.values["refresh_token"]
    chan = make_channel(sandbox, held, settings={"client_id": CLIENT_ID})
    chan.verify()
    sandbox.x.oauth.expire_all()  # two hours later
    assert chan.pull_mentions(None).posts
    assert sandbox.x.oauth.refreshed == 1
    assert held.values["refresh_token"] != old_refresh  # X rotates it: the new one is kept


def test_a_revoked_sign_in_asks_to_sign_in_again(sandbox: SandboxServer) -> None:
    held = signed_in(sandbox)
    sandbox.x.oauth.refresh_tokens.clear()
    sandbox.x.oauth.expire_all()
    chan = make_channel(sandbox, held, settings={"client_id": CLIENT_ID})
    with pytest.raises(AuthError, match="sign in again"):
        chan.verify()
    for secret in held.values.values():
        assert secret not in str(chan.http.who)


@pytest.mark.parametrize("status, error, words", [
    (403, ChannelError, "X refused access"),
    (404, NotFound, "does not exist any more"),
    (503, ServerError, "the server failed (503)"),
])
def test_refusals_are_one_sentence(sandbox: SandboxServer, status: int, error: type,
                                   words: str) -> None:
    chan = make_channel(sandbox)
    chan.verify()
    sandbox.inject_fault("/2/users/", status, count=5)
    with pytest.raises(error) as caught:
        chan.pull_mentions(None)
    assert words in str(caught.value) and "\n" not in str(caught.value)


def test_a_rate_limit_waits_for_the_reset(sandbox: SandboxServer) -> None:
    sleeps = Sleeps()
    chan = make_channel(sandbox, sleeps=sleeps)
    chan.verify()
    sandbox.inject_fault("/2/users/", 429, reset_in=20)
    assert chan.pull_mentions(None).posts
    assert len(sleeps.calls) == 1 and 15 <= sleeps.calls[0] <= 22


def test_a_long_rate_limit_tells_the_engine_when_to_come_back(sandbox: SandboxServer) -> None:
    chan = make_channel(sandbox)
    chan.verify()
    sandbox.inject_fault("/2/tweets/search", 429, reset_in=600, count=3)
    assert chan.pull_mentions(None).posts  # mentions are another endpoint's window
    with pytest.raises(RateLimited) as caught:
        chan.pull_watch(WatchSpec(1, "ventalia"), None)
    assert 590 <= caught.value.retry_after <= 601
    assert "try again in 10 minutes" in str(caught.value)


def test_an_endpoint_whose_window_is_spent_is_not_called_again(sandbox: SandboxServer) -> None:
    sandbox.x.limiter.scale = 1 / 300  # one mention call per 15 minutes
    chan = make_channel(sandbox)
    chan.verify()
    chan.pull_mentions(None)
    calls = len(sandbox.x.calls)
    with pytest.raises(RateLimited):
        chan.pull_mentions(None)
    assert len(sandbox.x.calls) == calls  # it knew from x-rate-limit-remaining: 0


def test_the_usage_cap_is_said_as_such() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, json={
            "title": "UsageCapExceeded", "detail": "Usage cap exceeded: Monthly product cap",
            "type": "https://api.x.com/2/problems/usage-capped"})

    chan = XChannel("https://api.x.com", "ventalia", StaticSecrets({"token": "t"}),
                    transport=httpx.MockTransport(answer), sleep=Sleeps())
    with pytest.raises(ChannelError, match="usage cap is spent"):
        chan.verify()


def test_a_body_that_is_not_json(sandbox: SandboxServer) -> None:
    chan = make_channel(sandbox)
    sandbox.inject_fault("/2/users/me", kind="malformed")
    with pytest.raises(MalformedResponse, match="not JSON"):
        chan.verify()


@pytest.mark.parametrize("url, words", [
    ("https://api.x.invalid", "could not be found"),
    ("http://127.0.0.1:9", "refused the connection"),
])
def test_network_faults(url: str, words: str) -> None:
    chan = XChannel(url, "ventalia", StaticSecrets({"token": "t"}), timeout=3.0)
    with pytest.raises(NetworkError, match=words):
        chan.verify()


def test_tls_and_timeouts(sandbox: SandboxServer) -> None:
    tls = XChannel(sandbox.url.replace("http://", "https://"), "v",
                   StaticSecrets({"token": "t"}), timeout=3.0)
    with pytest.raises(NetworkError, match=r"secure connection|connection broke off"):
        tls.verify()
    slow = make_channel(sandbox, timeout=0.5)
    sandbox.inject_fault("/2/users/me", kind="delay", delay=1.5)
    started = time.monotonic()
    with pytest.raises(NetworkError, match="did not answer in time"):
        slow.verify()
    assert time.monotonic() - started < 1.4


def test_a_failing_x_account_does_not_stop_the_others(runtime: Runtime,
                                                      sandbox: SandboxServer) -> None:
    store = runtime.workspace.store
    masto = accounts.add_account(store, "mastodon", sandbox.url)
    runtime.workspace.secrets.set(masto.id, "token", "test-token")
    x = accounts.add_account(store, "x", sandbox.url, handle="ventalia")
    runtime.workspace.secrets.set(x.id, "token", "not-a-token")
    reports = {r.account_id: r for r in runtime.engine.sync_once()}
    assert reports[masto.id].error == "" and reports[masto.id].added > 0
    assert "sign in again" in reports[x.id].error
    status = {s.account_id: s for s in runtime.engine.statuses()}[x.id]
    assert status.state == "auth" and "\n" not in status.message
