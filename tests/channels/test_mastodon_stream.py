"""Live Mastodon over Server-Sent Events, against the sandbox over real sockets.

The sandbox's stream, the channel's reader, and the engine's stream threads: events are
stored as they come, a dropped connection is reconnected with backoff and caught up with
REST from the saved cursor (nothing missed, nothing stored twice), a server without
streaming is polled, and a new mention reaches the feed within two seconds.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import httpx
import pytest

from console.accounts import queries as accounts
from console.app.runtime import Runtime
from console.channels.base import AuthError, NotFound, WatchSpec
from console.channels.mastodon.channel import MastodonChannel
from console.channels.mastodon.stream import StreamEvent, StreamSpec, StreamStop, streaming_base
from console.feed.queries import FeedFilter
from console.sandbox import SandboxServer
from console.sync.events import AccountStatus, MentionsAdded
from console.sync.live import Backoff, LiveStreams, StreamKey, forward_cursor
from tests.conftest import MINI_SCRIPT as FIXTURE

TOKEN = "stream-token"


def wait_for(check: Callable[[], object], timeout: float = 10.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what or check}")


@pytest.fixture
def quick_sandbox() -> Iterator[SandboxServer]:
    """The mini script, everything published, with a half-second heartbeat."""
    with SandboxServer(FIXTURE, speed=0.0001, release_all=True) as server:
        server.streams.heartbeat = 0.5
        yield server


# --- the sandbox's stream and the channel's reader ------------------------------------------


def test_sandbox_stream_speaks_mastodon_sse(quick_sandbox: SandboxServer) -> None:
    url = quick_sandbox.url
    assert httpx.get(f"{url}/api/v1/streaming/health").text == "OK"
    assert httpx.get(f"{url}/api/v1/streaming/user").status_code == 401
    assert httpx.get(f"{url}/api/v1/streaming/hashtag").json() == {
        "error": "No tag for stream provided"}
    assert httpx.get(f"{url}/api/v1/streaming/nope").status_code == 404
    lines: list[str] = []

    def publish() -> None:
        wait_for(lambda: quick_sandbox.streams.count("user") == 1)
        quick_sandbox.add_post("lucia", "@ventalia ¿y mi pedido?")
        wait_for(lambda: any(x.startswith("data:") for x in lines))
        time.sleep(0.7)  # one heartbeat
        quick_sandbox.drop_streams()

    threading.Thread(target=publish, daemon=True).start()
    with pytest.raises(httpx.RemoteProtocolError), httpx.stream(
        "GET", f"{url}/api/v1/streaming/user", headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=httpx.Timeout(5, read=10),
    ) as response:
        assert response.headers["content-type"] == "text/event-stream"
        assert response.headers["transfer-encoding"] == "chunked"
        for line in response.iter_lines():
            lines.append(line)
    assert "event: notification" in lines
    assert ":thump" in lines  # heartbeat comments keep an idle stream open
    data = next(x for x in lines if x.startswith("data: "))
    assert '"type": "mention"' in data and "¿y mi pedido?" in data


def test_streaming_base_uses_the_declared_host_only_when_it_is_ours() -> None:
    def instance(url: str) -> dict:
        return {"configuration": {"urls": {"streaming": url}}}

    base = "https://social.example"
    assert streaming_base(base, instance("wss://streaming.social.example")) == (
        "https://streaming.social.example")
    assert streaming_base(base, instance("wss://social.example")) == "https://social.example"
    assert streaming_base(base, instance("wss://evil.example")) == base  # never leak the token
    assert streaming_base(base, instance("ws://streaming.social.example")) == base  # no downgrade
    assert streaming_base(base, None) == base


def test_channel_stream_yields_posts_with_their_cursors(quick_sandbox: SandboxServer) -> None:
    channel = MastodonChannel(quick_sandbox.url, TOKEN)
    assert channel.streaming_available()
    events: list[StreamEvent] = []
    errors: list[Exception] = []
    stops: list[StreamStop] = []

    def follow(spec: StreamSpec, stop: StreamStop) -> None:
        try:
            channel.stream(spec, events.append, stop=stop)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    tag = WatchSpec(7, "ventalia", "hashtag")
    threads = []
    for spec in channel.stream_specs([tag]):
        stops.append(StreamStop())
        threads.append(threading.Thread(target=follow, args=(spec, stops[-1]), daemon=True))
    for thread in threads:
        thread.start()
    wait_for(lambda: quick_sandbox.streams.count() == 3, what="three streams")
    mention = quick_sandbox.add_post("marta", "@ventalia el pedido llegó roto")
    direct = quick_sandbox.add_post("pedro", "@ventalia mi dirección es privada",
                                    visibility="direct")
    tagged = quick_sandbox.add_post("lucia", "Otra vez tarde #Ventalia")
    wait_for(lambda: len(events) >= 4, what="four events")
    for stop in stops:  # shuts the sockets down: threads end at once, not at a heartbeat
        stop.set()
    for thread in threads:
        thread.join(2)
        assert not thread.is_alive()
    assert errors == []
    by_route: dict[str, list[StreamEvent]] = {}
    for event in events:
        by_route.setdefault(event.route, []).append(event)
    mentions = by_route["mentions"]
    assert [(e.post.remote_id, e.post.source) for e in mentions if e.post] == [
        (mention, "mention"), (direct, "direct")]
    assert all(e.cursor.isdigit() for e in mentions)  # notification ids
    [conversation] = by_route["conversations"]
    assert conversation.post and conversation.post.remote_id == direct
    assert conversation.post.source == "direct" and conversation.cursor == direct
    [hashtag] = by_route["watch:7"]
    assert hashtag.post and hashtag.post.remote_id == tagged and hashtag.post.watch_id == 7
    channel.close()


def test_rejected_token_and_missing_streaming_are_told_apart(
        quick_sandbox: SandboxServer) -> None:
    channel = MastodonChannel(quick_sandbox.url, TOKEN)
    quick_sandbox.oauth.revoked.add(TOKEN)
    with pytest.raises(AuthError):
        channel.stream(StreamSpec.user(), lambda e: None, stop=StreamStop())
    quick_sandbox.inject_fault("/api/v1/streaming", 404, count=0)
    assert channel.streaming_available() is False
    with pytest.raises(NotFound):
        channel.stream(StreamSpec.hashtag(WatchSpec(1, "x", "hashtag")), lambda e: None,
                       stop=StreamStop())
    channel.close()


# --- backoff and cursors ---------------------------------------------------------------------


def test_backoff_doubles_with_jitter_up_to_the_cap() -> None:
    low = Backoff(base=1.0, cap=8.0, rng=lambda: 0.0)
    assert [low.next() for _ in range(6)] == [0.5, 1.0, 2.0, 4.0, 4.0, 4.0]
    high = Backoff(base=1.0, cap=8.0, rng=lambda: 1.0)
    assert [high.next() for _ in range(6)] == [1.0, 2.0, 4.0, 8.0, 8.0, 8.0]
    high.reset()
    assert high.next() == 1.0


def test_cursors_never_move_backwards() -> None:
    assert forward_cursor("200", "150") is None
    assert forward_cursor("200", "250") == "250"
    assert forward_cursor(None, "5") == "5"
    assert forward_cursor("abc", "abb") == "abb"  # opaque cursors (Bluesky) are not compared


class _FakeChannel:
    """A channel whose stream always fails to connect (a server answering 503)."""

    def __init__(self) -> None:
        self.attempts = 0

    def streaming_available(self) -> bool:
        return True

    def stream(self, spec, on_event, *, stop, on_open=None) -> None:
        from console.channels.base import ServerError

        self.attempts += 1
        raise ServerError("the streaming server failed (503)")


class _Hooks:
    def __init__(self, channel: _FakeChannel) -> None:
        self.channel = channel

    def channel_for(self, account_id: int) -> _FakeChannel:
        return self.channel

    def catch_up(self, account_id: int, route: str) -> None: ...

    def store_event(self, account_id: int, event: object) -> None: ...

    def stream_failed(self, account_id: int, error: Exception) -> None: ...

    def live_changed(self, account_id: int) -> None: ...


def test_reconnect_waits_grow_exponentially() -> None:
    channel = _FakeChannel()
    waits: list[float] = []

    def record(stop, seconds: float) -> None:
        waits.append(seconds)
        if len(waits) >= 6:
            stop.set()

    live = LiveStreams(_Hooks(channel), wait=record,
                       backoff=lambda: Backoff(base=1.0, cap=16.0, rng=lambda: 1.0))
    live.reconcile({StreamKey(1, "mentions"): StreamSpec.user()})
    wait_for(lambda: len(waits) >= 6, what="six reconnect attempts")
    live.stop()
    assert waits == [1.0, 2.0, 4.0, 8.0, 16.0, 16.0]
    assert channel.attempts == 6


# --- the engine, live ------------------------------------------------------------------------


@pytest.fixture
def live(runtime: Runtime, quick_sandbox: SandboxServer) -> Iterator[Runtime]:
    """A runtime with one verified account on the sandbox, a hashtag watch, engine running."""
    account = accounts.add_account(runtime.workspace.store, "mastodon", quick_sandbox.url)
    runtime.workspace.secrets.set(account.id, "token", TOKEN)
    accounts.add_watch(runtime.workspace.store, "#ventalia")
    runtime.extras.update(account_id=account.id, sandbox=quick_sandbox)
    runtime.workspace.settings.sync_interval = 3600.0  # only streams bring news in these tests
    runtime.engine.live.stable_after = 0.0
    runtime.engine.start()
    wait_for(lambda: any(s.state == "ok" for s in runtime.engine.statuses()), 15, "first sync")
    wait_for(lambda: runtime.engine.live.is_live(account.id), 15, "the account to go live")
    wait_for(lambda: quick_sandbox.streams.count() == 3, 10, "three streams")
    yield runtime
    runtime.engine.stop()


def _stored(rt: Runtime, remote_id: str) -> list:
    return [r for r in rt.feed.page(FeedFilter(include_spam=True), limit=1000)
            if rt.profile.mention(r.id).remote_id == remote_id]


def test_status_shows_live_and_mentions_arrive_within_two_seconds(live: Runtime) -> None:
    rt, sandbox = live, live.extras["sandbox"]
    # The status line says "live" once the engine has published it (it can trail the
    # connection by a moment on a loaded machine).
    wait_for(lambda: {s.account_id: s for s in rt.engine.statuses()}[
        rt.extras["account_id"]].mode == "live", 5, "the status to say live")
    arrived: dict[int, float] = {}

    def hear(event: object) -> None:
        if isinstance(event, MentionsAdded):
            arrived.update(dict.fromkeys(event.ids, time.monotonic()))

    rt.engine.listen(hear)
    emitted = time.monotonic()
    status_id = sandbox.add_post("lucia", "@ventalia ¿me devuelven el dinero?")
    wait_for(lambda: _stored(rt, status_id), 5, "the new mention")
    [row] = _stored(rt, status_id)
    assert row.source == "mention"
    assert arrived[row.id] - emitted < 2.0  # a functional bound; the benchmark measures it


def test_drop_reconnects_and_catches_up_without_duplicates(live: Runtime) -> None:
    rt, sandbox = live, live.extras["sandbox"]
    account_id = rt.extras["account_id"]
    before = rt.feed.count(FeedFilter(include_spam=True))
    # Posts published while the streams are cut arrive by the REST catch-up.
    connections = sandbox.streams.connections
    with sandbox.state.lock:  # nobody can reconnect before both posts exist
        assert sandbox.drop_streams() == 3
        missed = [sandbox.add_post("marta", "@ventalia sin noticias del reembolso"),
                  sandbox.add_post("lucia", "Ventalia me cobró doble #ventalia")]
    wait_for(lambda: sandbox.streams.connections >= connections + 3, 10, "reconnects")
    wait_for(lambda: all(_stored(rt, sid) for sid in missed), 10, "the caught-up posts")
    assert rt.engine.live.delays(account_id, "mentions")  # it waited before reconnecting
    # Stored once each, though the stream may also have carried them.
    assert rt.feed.count(FeedFilter(include_spam=True)) == before + 2
    # And the stream works again after the reconnect.
    later = sandbox.add_post("pedro", "@ventalia ¿hola?")
    wait_for(lambda: _stored(rt, later), 5, "a post on the new stream")
    cursor = accounts.get_cursor(account_id, "mentions")
    assert cursor is not None and int(cursor) == max(
        int(n.id) for n in sandbox.state.notifications)


def test_rejected_token_stops_streams_and_asks_for_sign_in(live: Runtime) -> None:
    rt, sandbox = live, live.extras["sandbox"]
    account_id = rt.extras["account_id"]
    statuses: list[AccountStatus] = []
    rt.engine.listen(lambda e: statuses.append(e) if isinstance(e, AccountStatus) else None)
    sandbox.oauth.revoked.add(TOKEN)
    sandbox.drop_streams()
    wait_for(lambda: any(s.state == "auth" for s in statuses), 10, "the auth status")
    wait_for(lambda: not rt.engine.live.is_live(account_id), 5, "streams to stop")
    # Signing in again (a new token) brings the streams back.
    rt.accounts.replace_token(account_id, "a-new-token")
    wait_for(lambda: rt.engine.live.is_live(account_id), 10, "live again")


def test_server_without_streaming_is_polled(runtime: Runtime,
                                           quick_sandbox: SandboxServer) -> None:
    quick_sandbox.inject_fault("/api/v1/streaming", 404, count=0)
    account = accounts.add_account(runtime.workspace.store, "mastodon", quick_sandbox.url)
    runtime.workspace.secrets.set(account.id, "token", TOKEN)
    runtime.workspace.settings.sync_interval = 0.5
    runtime.engine.start()
    try:
        wait_for(lambda: any(s.state == "ok" for s in runtime.engine.statuses()), 15, "a poll")
        status_id = quick_sandbox.add_post("marta", "@ventalia ¿alguien atiende?")
        wait_for(lambda: _stored(runtime, status_id), 10, "the polled post")
        assert not runtime.engine.live.is_live(account.id)
        [status] = [s for s in runtime.engine.statuses() if s.account_id == account.id]
        assert status.mode == "polling"
    finally:
        runtime.engine.stop()
