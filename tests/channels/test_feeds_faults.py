"""Every network fault a feed can meet ends in one clear, retry-aware error."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from console.channels.base import (
    MalformedResponse,
    NetworkError,
    NotFound,
    RateLimited,
    ServerError,
)
from console.channels.feeds.channel import FeedChannel
from console.sandbox import SandboxServer

POSTS = "/blog/pablo/feeds/posts/default"


class Sleeps(list):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def blogs() -> Iterator[SandboxServer]:
    with SandboxServer(speed=0.0001) as server:
        yield server


def channel(url: str, sleeps: Sleeps | None = None, timeout: float = 5.0,
            max_wait: float = 5.0) -> FeedChannel:
    return FeedChannel(url, min_interval=0.0, timeout=timeout, max_wait=max_wait,
                       sleep=sleeps if sleeps is not None else (lambda s: None))


def pull(chan: FeedChannel):
    return chan.verify()


def test_dns_failure_says_the_name_is_unknown():
    with pytest.raises(NetworkError, match="name could not be found") as caught:
        pull(channel("https://nonexistent.invalid/feed/"))
    assert caught.value.retryable
    assert str(caught.value).startswith("Feed nonexistent.invalid:")


def test_refused_connection():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # bound but not listening: connections are refused
        with pytest.raises(NetworkError, match="refused the connection"):
            pull(channel(f"http://127.0.0.1:{port}/feed/"))


def test_timeout(blogs):
    blogs.inject_fault(POSTS, kind="delay", delay=1.5)
    with pytest.raises(NetworkError, match="did not answer in time"):
        pull(channel(blogs.url + POSTS, timeout=0.3))


def test_not_found(blogs):
    with pytest.raises(NotFound, match="does not exist"):
        pull(channel(blogs.url + "/blog/pablo/feeds/nothing/default"))


def test_rate_limited_waits_when_asked_briefly(blogs):
    sleeps = Sleeps()
    blogs.inject_fault(POSTS, 429, retry_after=2)
    assert pull(channel(blogs.url + POSTS, sleeps)).display_name == "Pablo Reseñas Tech"
    assert sleeps == [2.0]


def test_rate_limited_for_long_gives_up_with_the_wait(blogs):
    blogs.inject_fault(POSTS, 429, retry_after=600)
    with pytest.raises(RateLimited, match="try again in 10 minutes") as caught:
        pull(channel(blogs.url + POSTS))
    assert caught.value.retry_after == 600


def test_server_errors_are_retried_then_reported(blogs):
    sleeps = Sleeps()
    blogs.inject_fault(POSTS, 503, count=2)
    assert pull(channel(blogs.url + POSTS, sleeps)).display_name
    assert sleeps == [0.5, 1.0]
    blogs.inject_fault(POSTS, 500, count=0)
    with pytest.raises(ServerError, match=r"the site failed \(500\); try later"):
        pull(channel(blogs.url + POSTS))


def test_truncated_body(blogs):
    blogs.inject_fault(POSTS, kind="truncated")
    with pytest.raises(NetworkError, match="broke off"):
        pull(channel(blogs.url + POSTS))


def test_malformed_body_is_not_a_feed(blogs):
    blogs.inject_fault(POSTS, kind="malformed")
    with pytest.raises(MalformedResponse, match="does not give an RSS or Atom feed") as error:
        pull(channel(blogs.url + POSTS))
    said = str(error.value)  # what happened and what to check, not the parser's words
    assert "line " not in said and "well-formed" not in said and said.endswith(".")


def test_dropped_connection(blogs):
    blogs.inject_fault(POSTS, kind="drop")
    with pytest.raises(NetworkError):
        pull(channel(blogs.url + POSTS))


def test_a_fault_on_a_comment_feed_fails_the_pull_and_keeps_the_cursor(blogs):
    from console.channels.base import WatchSpec

    chan = channel(blogs.url + POSTS)
    blogs.inject_fault("/blog/pablo/feeds/comments/default", 500, count=0)
    with pytest.raises(ServerError):
        chan.pull_watch(WatchSpec(1, "ventalia"), None)
    blogs.clear_faults()
    assert chan.pull_watch(WatchSpec(1, "ventalia"), None).posts


def test_a_failing_feed_account_never_stops_the_others(blogs, runtime):
    from console.accounts import queries as accounts
    from console.store.models import Mention

    store = runtime.workspace.store
    good = f"{blogs.url}/blog/ventalia/feed/atom/"
    accounts.add_account(store, "feed", "https://nonexistent.invalid/feed/",
                         settings={"feed_url": "https://nonexistent.invalid/feed/"})
    accounts.add_account(store, "feed", good, settings={"feed_url": good,
                                                        "every_comment": True})
    reports = runtime.engine.sync_once()
    assert "name could not be found" in reports[0].error
    assert reports[1].error == "" and reports[1].added > 0
    assert Mention.select().count() == reports[1].added
    status = {s.account_id: s for s in runtime.engine.statuses()}
    assert status[reports[0].account_id].state == "offline"
    assert status[reports[0].account_id].message.startswith("Feed nonexistent.invalid:")
