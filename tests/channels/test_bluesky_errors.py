"""How the Bluesky channel fails: one sentence per fault, retries where they help, no secrets."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import httpx
import pytest

from console.channels.base import (
    AuthError,
    MalformedResponse,
    NetworkError,
    NotFound,
    RateLimited,
    ServerError,
    StaticSecrets,
    WatchSpec,
)
from console.channels.bluesky.channel import BlueskyChannel
from console.sandbox import SandboxServer
from tests.channels.bluesky_support import APP_PASSWORD, Sleeps, make_channel, standing_sandbox

NOTES = "/xrpc/app.bsky.notification.listNotifications"
SEARCH = "/xrpc/app.bsky.feed.searchPosts"


@pytest.fixture
def sky() -> Iterator[SandboxServer]:
    server = standing_sandbox()
    yield server
    server.stop()


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def held() -> StaticSecrets:
    return StaticSecrets({"app_password": APP_PASSWORD})


@pytest.fixture
def channel(sky, held, sleeps) -> Iterator[BlueskyChannel]:
    chan = make_channel(sky, held, sleeps)
    chan.verify()
    yield chan
    chan.close()


def _no_secret(message: str, held: StaticSecrets) -> None:
    for value in held.values.values():
        assert value not in message
    assert "Traceback" not in message and "\n" not in message


def test_rate_limit_headers_on_every_answer(sky) -> None:
    response = httpx.get(f"{sky.url}/xrpc/com.atproto.identity.resolveHandle",
                         params={"handle": "bea.bsky.example"})
    assert response.json() == {"did": sky.bluesky.world.by_key["bea"].did}
    headers = response.headers
    assert headers["ratelimit-limit"] == "3000" and headers["ratelimit-policy"] == "3000;w=300"
    assert int(headers["ratelimit-remaining"]) < 3000 and int(headers["ratelimit-reset"]) > 1e9


def test_429_waits_for_ratelimit_reset_then_succeeds(channel, sky, sleeps) -> None:
    sky.inject_fault(NOTES, 429, reset_in=12)
    assert len(channel.pull_mentions(None).posts) == 5
    assert len(sleeps.calls) == 1 and 10 <= sleeps.calls[0] <= 13


def test_429_beyond_max_wait_is_rate_limited_with_retry_after(channel, sky, held, sleeps) -> None:
    sky.inject_fault(SEARCH, 429, reset_in=280)
    with pytest.raises(RateLimited) as caught:
        channel.pull_watch(WatchSpec(1, "ventalia"), None)
    assert 278 <= caught.value.retry_after <= 281 and sleeps.calls == []
    assert "try again in" in str(caught.value) and caught.value.retryable
    _no_secret(str(caught.value), held)


def test_the_server_limit_itself_answers_429_in_xrpc_shape(sky) -> None:
    sky.bluesky.limiter.limit = 2
    url = f"{sky.url}/xrpc/com.atproto.identity.resolveHandle?handle=bea.bsky.example"
    codes = [httpx.get(url).status_code for _ in range(3)]
    last = httpx.get(url)
    assert codes == [200, 200, 429] and last.json()["error"] == "RateLimitExceeded"
    assert last.headers["ratelimit-remaining"] == "0"


def test_wrong_app_password_is_one_clear_sentence(sky) -> None:
    sky.bluesky.world.sessions.app_password = "wxyz-wxyz-wxyz-wxyz"
    held = StaticSecrets({"app_password": APP_PASSWORD})
    chan = make_channel(sky, held)
    with pytest.raises(AuthError) as caught:
        chan.verify()
    assert str(caught.value) == "Bluesky @ventalia.bsky.example: app password rejected, re-enter it"
    assert not caught.value.retryable and "refresh_token" not in held.values
    chan.close()


def test_createsession_budget_is_kept_by_the_client(sky, monkeypatch) -> None:
    from console.channels.bluesky import http as bluesky_http

    monkeypatch.setattr(bluesky_http, "SESSION_BUDGET", 2)
    monkeypatch.setattr(bluesky_http, "_SESSIONS", bluesky_http._Window())
    for _ in range(2):
        chan = make_channel(sky, StaticSecrets({"app_password": APP_PASSWORD}))
        chan.verify()
        chan.close()
    chan = make_channel(sky, StaticSecrets({"app_password": APP_PASSWORD}))
    with pytest.raises(RateLimited, match="too many sign-ins"):
        chan.verify()
    chan.close()
    assert sky.bluesky.world.sessions.create_count == 2


@pytest.mark.parametrize(("status", "error", "text"), [
    (401, AuthError, "keeps refusing the session"),
    (403, AuthError, "refused access"),
    (404, NotFound, "does not exist"),
])
def test_http_errors(channel, sky, held, status, error, text) -> None:
    sky.inject_fault(NOTES, status, count=0)
    with pytest.raises(error, match=text) as caught:
        channel.pull_mentions(None)
    _no_secret(str(caught.value), held)


def test_401_once_is_healed_by_a_refresh(channel, sky) -> None:
    sky.inject_fault(NOTES, 401)
    assert len(channel.pull_mentions(None).posts) == 5
    assert sky.bluesky.world.sessions.refresh_count == 1


def test_5xx_is_retried_then_reported(channel, sky, sleeps) -> None:
    sky.inject_fault(NOTES, 502)
    assert len(channel.pull_mentions(None).posts) == 5
    assert sleeps.calls == [0.5]
    sky.inject_fault(NOTES, 503, count=0)
    with pytest.raises(ServerError, match="503"):
        channel.pull_mentions(None)
    assert sleeps.calls == [0.5, 0.5, 1.0, 2.0]


@pytest.mark.parametrize("kind", ["malformed", "truncated"])
def test_broken_bodies(channel, sky, kind) -> None:
    sky.inject_fault(NOTES, kind=kind)
    with pytest.raises((MalformedResponse, NetworkError)) as caught:
        channel.pull_mentions(None)
    assert caught.value.retryable and str(caught.value).startswith("Bluesky 127.0.0.1")


def test_wrong_shape_is_malformed(channel, monkeypatch) -> None:
    monkeypatch.setattr(channel.http, "query", lambda nsid, params=None: {"notifications": {}})
    with pytest.raises(MalformedResponse, match="list of notifications"):
        channel.pull_mentions(None)


def test_timeout(sky, held) -> None:
    chan = BlueskyChannel(sky.url, "ventalia.bsky.example", held, timeout=0.3, sleep=Sleeps())
    chan.verify()
    sky.inject_fault(NOTES, kind="delay", delay=1.0)
    with pytest.raises(NetworkError, match="did not answer in time"):
        chan.pull_mentions(None)
    chan.close()


def test_connection_refused(held) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    chan = BlueskyChannel(f"http://127.0.0.1:{port}", "ventalia.bsky.example", held)
    with pytest.raises(NetworkError, match=r"refused the connection|could not connect"):
        chan.verify()
    chan.close()


def test_plain_http_is_refused_off_this_machine(held) -> None:
    from console.channels.base import ChannelError

    with pytest.raises(ChannelError, match="unencrypted"):
        BlueskyChannel("http://bsky.social", "marca.bsky.social", held)
