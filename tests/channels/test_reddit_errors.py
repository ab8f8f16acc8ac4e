"""Every fault on Reddit ends as one sentence; good items are kept; the budget is kept."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from console.channels.base import (
    AuthError,
    MalformedResponse,
    NetworkError,
    NotFound,
    RateLimited,
    ServerError,
    StaticSecrets,
)
from console.channels.reddit.channel import RedditChannel
from console.sandbox import SandboxServer
from console.sandbox.reddit_api import RedditLimiter
from tests.channels.reddit_support import (
    CLIENT_ID,
    Sleeps,
    api,
    grant_refresh_token,
    make_channel,
    name_of,
    standing_sandbox,
)


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    sandbox = standing_sandbox()
    yield sandbox
    sandbox.stop()


def test_a_refused_connection_is_one_sentence() -> None:
    channel = RedditChannel("http://127.0.0.1:9", "http://127.0.0.1:9", CLIENT_ID,
                            StaticSecrets({"refresh_token": "r"}), handle="x", timeout=2.0)
    with pytest.raises(NetworkError) as caught:
        channel.pull_mentions(None)
    assert str(caught.value) == "Reddit 127.0.0.1: the server refused the connection"


def test_an_expired_access_token_is_renewed_from_the_refresh_token(server) -> None:
    channel = make_channel(server)
    channel.verify()
    server.reddit.oauth.expire_access()
    assert channel.pull_mentions(None).posts  # renewed once, then the same call again


def test_a_revoked_sign_in_asks_to_sign_in_again(server) -> None:
    channel = make_channel(server)
    server.reddit.oauth.revoke_all()
    with pytest.raises(AuthError, match=r"no longer accepts this sign-in.*sign in again"):
        channel.pull_mentions(None)


def test_a_missing_scope_is_said(server) -> None:
    token = grant_refresh_token(server, ("identity", "read"))
    channel = make_channel(server, token)
    with pytest.raises(AuthError, match="does not allow this; sign in again"):
        channel.pull_mentions(None)


def test_a_comment_that_is_gone(server) -> None:
    channel = make_channel(server)
    with pytest.raises(NotFound, match="does not exist any more"):
        channel.brand_replies_since("t1_zzzzzz", datetime.now(UTC))


def test_a_long_rate_limit_is_handed_to_the_engine(server) -> None:
    channel = make_channel(server)
    server.inject_fault("/reddit/message/", 429, reset_in=300)
    with pytest.raises(RateLimited) as caught:
        channel.pull_mentions(None)
    assert 290 <= caught.value.retry_after <= 300
    assert "try again in 5 minutes" in str(caught.value)


def test_a_short_rate_limit_is_waited_out(server) -> None:
    sleeps = Sleeps()
    channel = make_channel(server, sleeps=sleeps)
    server.inject_fault("/reddit/message/mentions", 429, reset_in=7)
    assert channel.pull_mentions(None).posts
    assert sleeps.calls == [7.0]


def test_the_budget_in_the_headers_is_kept_before_asking(server) -> None:
    channel = make_channel(server)
    channel.verify()
    server.reddit.limiter = RedditLimiter(limit=2, period=600)
    channel.verify()  # the first of the new window
    channel.verify()  # the last: X-Ratelimit-Remaining 0.0
    used = server.reddit.limiter._windows.copy()
    with pytest.raises(RateLimited, match="paused requests to stay under Reddit's limit"):
        channel.verify()
    assert server.reddit.limiter._windows == used  # Reddit was not asked again


def test_server_failures_are_retried_then_said(server) -> None:
    sleeps = Sleeps()
    channel = make_channel(server, sleeps=sleeps)
    server.inject_fault("/reddit/api/v1/me", 503, count=2)
    assert channel.verify().handle == "Ventalia_Soporte"
    assert sleeps.calls == [0.5, 1.0]
    server.inject_fault("/reddit/api/v1/me", 500, count=4)
    with pytest.raises(ServerError, match="the server failed \\(500\\); try later"):
        channel.verify()


def test_a_body_that_is_not_json(server) -> None:
    channel = make_channel(server)
    server.inject_fault("/reddit/message/mentions", kind="malformed")
    with pytest.raises(MalformedResponse, match="not JSON"):
        channel.pull_mentions(None)


def test_one_bad_item_is_skipped_and_the_rest_kept(server) -> None:
    channel = make_channel(server)
    world = server.reddit.world
    world.things[name_of(server, "r011")].author = "[deleted]"
    result = channel.pull_mentions(None)
    names = {p.remote_id for p in result.posts}
    assert name_of(server, "r005") in names and name_of(server, "r011") not in names
    assert [s.item for s in result.skipped] == [f"item {name_of(server, 'r011')}"]
    assert "author was deleted" in result.skipped[0].reason


def test_a_generic_user_agent_is_refused_by_the_sandbox(server) -> None:
    import httpx

    answer = httpx.get(f"{api(server)}/api/v1/me", headers={"User-Agent": "python-httpx"})
    assert answer.status_code == 429
