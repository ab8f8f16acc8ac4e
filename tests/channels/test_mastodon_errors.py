"""How the Mastodon channel fails: sentences, retries with the injected sleep, no token leaks."""

from __future__ import annotations

import socket

import httpx
import pytest

from console.channels.base import (
    AuthError,
    ChannelError,
    MalformedResponse,
    NetworkError,
    NotFound,
    RateLimited,
    ServerError,
)
from console.channels.mastodon.channel import MastodonChannel
from console.sandbox import SandboxServer

TOKEN = "s3cret-token-value"


def test_429_with_retry_after_waits_then_succeeds(channel, sandbox: SandboxServer, sleeps) -> None:
    sandbox.inject_fault("/api/v2/instance", 429, retry_after=7)
    assert channel.instance_info().max_characters == 500
    assert sleeps.calls == [7.0]


def test_429_with_ratelimit_reset_date(channel, sandbox: SandboxServer, sleeps) -> None:
    sandbox.inject_fault("/api/v1/accounts/verify_credentials", 429, reset_in=12)
    assert channel.verify().handle == "ventalia"
    assert len(sleeps.calls) == 1 and 10 <= sleeps.calls[0] <= 12.5


def test_429_beyond_max_wait_is_rate_limited(channel, sandbox: SandboxServer, sleeps) -> None:
    sandbox.inject_fault("/api/v1/notifications", 429, retry_after=300)
    with pytest.raises(RateLimited) as caught:
        channel.pull_mentions(None)
    assert caught.value.retry_after == 300 and sleeps.calls == []
    assert "in 5 minutes" in str(caught.value) and caught.value.retryable


def test_429_repeated_gives_up_after_two_waits(channel, sandbox: SandboxServer, sleeps) -> None:
    sandbox.inject_fault("/api/v1/notifications", 429, retry_after=1, count=0)
    with pytest.raises(RateLimited):
        channel.pull_mentions(None)
    assert sleeps.calls == [1.0, 1.0]


def test_500_then_success(channel, sandbox: SandboxServer, sleeps) -> None:
    sandbox.inject_fault("/api/v1/notifications", 500)
    assert len(channel.pull_mentions(None).posts) == 5
    assert sleeps.calls == [0.5]


def test_repeated_503_is_server_error(channel, sandbox: SandboxServer, sleeps) -> None:
    sandbox.inject_fault("/api/v1/notifications", 503, count=0)
    with pytest.raises(ServerError, match="503"):
        channel.pull_mentions(None)
    assert sleeps.calls == [0.5, 1.0, 2.0]


def test_malformed_json(channel, sandbox: SandboxServer) -> None:
    sandbox.inject_fault("/api/v1/notifications", kind="malformed")
    with pytest.raises(MalformedResponse, match="not JSON"):
        channel.pull_mentions(None)


def test_truncated_and_dropped_answers_are_network_errors(channel, sandbox: SandboxServer) -> None:
    sandbox.inject_fault("/api/v1/notifications", kind="truncated")
    with pytest.raises(NetworkError):
        channel.pull_mentions(None)
    sandbox.inject_fault("/api/v1/notifications", kind="drop")
    with pytest.raises(NetworkError):
        channel.pull_mentions(None)


def test_timeout_is_network_error(sandbox: SandboxServer, sleeps) -> None:
    sandbox.inject_fault("/api/v2/instance", kind="delay", delay=1.0)
    chan = MastodonChannel(sandbox.url, TOKEN, timeout=0.2, sleep=sleeps)
    with pytest.raises(NetworkError, match="did not answer in time") as caught:
        chan.instance_info()
    assert TOKEN not in str(caught.value) and "Traceback" not in str(caught.value)
    chan.close()


def test_connection_refused_is_network_error(sleeps) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    chan = MastodonChannel(f"http://127.0.0.1:{port}", TOKEN, sleep=sleeps)
    with pytest.raises(NetworkError, match=r"refused|could not connect") as caught:
        chan.verify()
    assert TOKEN not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_rejected_token_is_auth_error(sandbox: SandboxServer) -> None:
    chan = MastodonChannel(sandbox.url, None)
    with pytest.raises(AuthError, match="access token was rejected; sign in again"):
        chan.pull_mentions(None)
    sandbox.oauth.revoked.add(TOKEN)
    chan = MastodonChannel(sandbox.url, TOKEN)
    with pytest.raises(AuthError) as caught:
        chan.verify()
    assert TOKEN not in str(caught.value) and "127.0.0.1" in str(caught.value)


def test_not_found(channel) -> None:
    with pytest.raises(NotFound):
        channel.fetch_thread("12345")


@pytest.mark.parametrize(
    "url",
    ["http://mastodon.example", "http://10.0.0.5:3000", "ftp://127.0.0.1", "mastodon.example", ""],
)
def test_unsafe_addresses_are_refused(url: str) -> None:
    with pytest.raises(ChannelError):
        MastodonChannel(url, TOKEN)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:1",
        "http://localhost:1",
        "http://[::1]:1",
        "http://127.8.9.10",
        "https://mastodon.example",
    ],
)
def test_loopback_and_https_are_accepted(url: str) -> None:
    MastodonChannel(url, TOKEN).close()


def mock_channel(handler, **kwargs) -> MastodonChannel:
    return MastodonChannel(
        "https://mastodon.example",
        TOKEN,
        transport=httpx.MockTransport(handler),
        sleep=lambda s: None,
        **kwargs,
    )


def test_wrong_shapes_are_malformed() -> None:
    def object_not_list(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"id": "1"})

    with pytest.raises(MalformedResponse):
        mock_channel(object_not_list).pull_mentions(None)

    def list_not_object(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=[{"id": "1"}])

    with pytest.raises(MalformedResponse):
        mock_channel(list_not_object).verify()

    def missing_id(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=[{"type": "mention", "status": {}}])

    # One item without an id is skipped and named (issue 19): the page itself is fine.
    result = mock_channel(missing_id).pull_mentions(None)
    assert result.posts == [] and result.cursor is None
    assert [s.item for s in result.skipped] == ["notification #1"]


def test_link_to_another_server_is_not_followed() -> None:
    asked: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        note = {"id": "5", "type": "follow", "account": {}}
        link = '<https://evil.example/api/v1/notifications?min_id=5>; rel="prev"'
        return httpx.Response(200, json=[note] if len(asked) == 1 else [], headers={"Link": link})

    with pytest.raises(MalformedResponse, match="another server"):
        mock_channel(handler).pull_mentions("4")
    assert all(u.startswith("https://mastodon.example/") for u in asked)


def test_token_never_in_messages_even_if_the_server_echoes_it() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, json={"error": f"bad token {TOKEN}"})

    with pytest.raises(ChannelError) as caught:
        mock_channel(handler).verify()
    assert TOKEN not in str(caught.value) and "***" in str(caught.value)


def test_tls_is_verified() -> None:
    chan = MastodonChannel("https://mastodon.example", TOKEN)
    pool = chan.http.client._transport._pool  # type: ignore[attr-defined]
    assert pool._ssl_context.verify_mode.name == "CERT_REQUIRED"
    chan.close()


def test_link_header_parsing_is_tolerant() -> None:
    from console.channels.mastodon.parse import parse_link_header

    value = (
        '<https://m.example/api/v1/notifications?max_id=7163058>; rel="next", '
        "<https://m.example/api/v1/notifications?min_id=7275607>;rel=prev,"
        '<https://m.example/x?a=1,2>; title="a, b"; rel="last other"'
    )
    links = parse_link_header(value)
    assert links["next"].endswith("max_id=7163058")
    assert links["prev"].endswith("min_id=7275607")
    assert links["last"] == links["other"] == "https://m.example/x?a=1,2"
    assert parse_link_header(None) == {} and parse_link_header("garbage; rel=") == {}
    assert parse_link_header("<>; rel=next") == {}
