"""The Bluesky channel against the sandbox over real sockets: session, pulls, cursors, threads."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from console.channels.base import AuthError, StaticSecrets, WatchSpec
from console.channels.bluesky import channel as bluesky
from console.sandbox import SandboxServer
from tests.channels.bluesky_support import (
    APP_PASSWORD,
    BRAND,
    make_channel,
    standing_sandbox,
    uri_of,
)


@pytest.fixture
def sky() -> Iterator[SandboxServer]:
    server = standing_sandbox()
    yield server
    server.stop()


@pytest.fixture
def held() -> StaticSecrets:
    return StaticSecrets({"app_password": APP_PASSWORD})


@pytest.fixture
def channel(sky: SandboxServer, held: StaticSecrets) -> Iterator[bluesky.BlueskyChannel]:
    chan = make_channel(sky, held)
    yield chan
    chan.close()


def test_sign_in_keeps_refresh_token_in_secrets_and_reads_profile(channel, sky, held) -> None:
    me = channel.verify()
    world = sky.bluesky.world
    assert (me.remote_id, me.handle) == (world.brand.did, BRAND)
    assert me.display_name == "Ventalia Atención al Cliente" and me.followers == 4210
    assert held.get("refresh_token") and held.get("refresh_token").count(".") == 2
    assert world.sessions.create_count == 1


def test_pulls_reuse_the_session_and_refresh_when_the_access_token_expires(
        channel, sky, held) -> None:
    sessions = sky.bluesky.world.sessions
    channel.pull_mentions(None)
    first_refresh = held.get("refresh_token")
    sessions.expire_access()  # the server now answers 400 ExpiredToken
    assert len(channel.pull_mentions(None).posts) == 5
    assert sessions.create_count == 1 and sessions.refresh_count == 1
    assert held.get("refresh_token") != first_refresh  # rotated and written back
    for _ in range(3):
        channel.pull_watch(WatchSpec(1, "ventalia"), None)
    assert sessions.create_count == 1


def test_a_new_channel_starts_from_the_stored_refresh_token(sky, held) -> None:
    first = make_channel(sky, held)
    first.verify()
    first.close()
    held.values.pop("app_password")  # only the refresh token is left
    second = make_channel(sky, held)
    try:
        assert second.verify().handle == BRAND
    finally:
        second.close()
    assert sky.bluesky.world.sessions.create_count == 1


def test_an_access_token_about_to_expire_is_refreshed_before_use(sky, held) -> None:
    now = [1_000.0]
    chan = make_channel(sky, held)
    chan.verify()
    sessions = sky.bluesky.world.sessions
    chan.http._access_exp = 1_010.0  # the JWT's exp is ten seconds away on this clock
    chan.http.clock = lambda: now[0]
    chan.pull_mentions(None)
    assert sessions.refresh_count == 1 and sessions.create_count == 1
    chan.close()


def test_revoked_refresh_token_falls_back_to_the_app_password_once(channel, sky) -> None:
    channel.verify()
    sky.bluesky.world.sessions.revoke_all()
    channel.pull_mentions(None)
    assert sky.bluesky.world.sessions.create_count == 2


def test_revoked_session_without_app_password_asks_to_sign_in_again(sky) -> None:
    held = StaticSecrets({"app_password": APP_PASSWORD})
    chan = make_channel(sky, held)
    chan.verify()
    sky.bluesky.world.sessions.revoke_all()
    held.values.pop("app_password")
    with pytest.raises(AuthError, match="no app password"):
        chan.pull_mentions(None)
    chan.close()


def test_mentions_replies_and_quotes_with_threads(channel, sky) -> None:
    result = channel.pull_mentions(None)
    by_key = {sky.bluesky.world.posts[p.remote_id].key: p for p in result.posts}
    assert set(by_key) == {"b002", "b003", "b004", "b007", "b009"}
    assert {p.raw["reason"] for p in result.posts} == {"mention", "reply", "quote"}
    reply = by_key["b002"]
    assert reply.channel == "bluesky" and reply.source == "mention"
    assert reply.remote_id.startswith("at://did:plc:") and reply.raw["cid"].startswith("bafyrei")
    assert reply.in_reply_to == uri_of(sky, "b001") == reply.thread_root
    rkey = reply.remote_id.rsplit("/", 1)[1]
    assert reply.url == f"https://bsky.app/profile/tomas.bsky.example/post/{rkey}"
    assert reply.author.url == "https://bsky.app/profile/tomas.bsky.example"
    assert reply.lang == "es" and reply.visibility == "public"
    assert reply.author.followers == 204  # from getProfiles: notifications carry no counts
    mention = by_key["b004"]
    assert mention.mentions == (BRAND,) and mention.in_reply_to is None
    assert by_key["b003"].raw["viewer"]["replyDisabled"] is True  # hydrated with getPosts
    assert [p.created_at for p in result.posts] == sorted(p.created_at for p in result.posts)


def test_mention_cursor_pages_back_and_restart_resumes_exactly(channel, sky, monkeypatch) -> None:
    monkeypatch.setattr(bluesky, "PAGE", 4)
    first = channel.pull_mentions(None)
    assert len(first.posts) == 5  # two pages of four
    world = sky.bluesky.world
    new = [world.publish("lucia_a", f"@{BRAND} recordatorio número {n}", lang="es")
           for n in range(9)]
    restarted = make_channel(sky)  # a new process: only the saved cursor carries over
    second = restarted.pull_mentions(first.cursor)
    fresh = [p.remote_id for p in second.posts if p.remote_id not in
             {q.remote_id for q in first.posts}]
    assert fresh == new  # every new one, oldest first, none missed
    third = restarted.pull_mentions(second.cursor)
    assert {p.remote_id for p in third.posts} <= set(new)  # only the overlap margin again
    assert third.cursor == second.cursor
    restarted.close()


def test_search_uses_sort_since_lang_and_cursor(channel, sky, monkeypatch) -> None:
    monkeypatch.setattr(bluesky, "SEARCH_PAGE", 3)
    seen: list[dict] = []
    real = channel.http.query

    def spy(nsid, params=None):
        if nsid == "app.bsky.feed.searchPosts":
            seen.append(dict(params))
        return real(nsid, params)

    channel.http.query = spy
    first = channel.pull_watch(WatchSpec(7, "Ventalia", lang="es"), None)
    assert all(p.lang == "es" and p.source == "keyword" and p.watch_id == 7
               for p in first.posts)
    assert sky.bluesky.world.brand.did not in {p.author.remote_id for p in first.posts}
    assert seen[0] == {"q": "Ventalia", "sort": "latest", "limit": 3, "lang": "es"}
    assert seen[1]["cursor"] == "3"
    seen.clear()
    added = sky.bluesky.world.publish("cami_a", "Ventalia otra vez sin stock", lang="es")
    english = sky.bluesky.world.publish("dan_a", "Ventalia again", lang="en")
    second = channel.pull_watch(WatchSpec(7, "Ventalia", lang="es"), first.cursor)
    assert "since" in seen[0] and seen[0]["since"] < first.cursor
    ids = [p.remote_id for p in second.posts]
    assert added in ids and english not in ids


def test_hashtag_and_excluded_terms(channel, sky) -> None:
    tagged = channel.pull_watch(WatchSpec(2, "ventaliafail", kind="hashtag"), None)
    assert [p.source for p in tagged.posts] == ["hashtag"]
    assert tagged.posts[0].tags == ("VentaliaFail",)
    keyword = channel.pull_watch(WatchSpec(3, "ventalia", exclude=("cripto",)), None)
    assert not any("cripto" in p.text for p in keyword.posts)


def test_live_posts_follow_the_sandbox_clock(channel, sky) -> None:
    cursor = channel.pull_mentions(None).cursor
    sky.advance(330)  # past Bea's complaints at 180 (untagged) and 320 (tagged)
    mentions = channel.pull_mentions(cursor)
    assert any("huele a plástico quemado" in p.text for p in mentions.posts)
    brisa = channel.pull_watch(WatchSpec(4, "brisa"), None)
    assert any(p.author.handle == "bea.bsky.example" and p.source == "keyword"
               and "huele a quemado" in p.text for p in brisa.posts)


def test_fetch_thread_walks_parents_and_replies(channel, sky) -> None:
    world = sky.bluesky.world
    parent = uri_of(sky, "b004")
    follow = world.publish("lucia_a", "Sigo esperando, por cierto.", reply_to=parent)
    thread = channel.fetch_thread(follow)
    assert [p.remote_id for p in thread] == [parent, follow]
    assert thread[0].source == "mention" and thread[1].source == "comment"
    assert thread[1].thread_root == parent
    whole = channel.fetch_thread(uri_of(sky, "b001"))
    assert [world.posts[p.remote_id].key for p in whole] == ["b001", "b002", "b009"]


def test_author_profiles_are_fetched_once_an_hour(channel, sky) -> None:
    calls: list[str] = []
    real = channel.http.query
    channel.http.query = lambda nsid, params=None: (calls.append(nsid), real(nsid, params))[1]
    first = channel.pull_watch(WatchSpec(1, "ventalia"), None)
    assert calls.count("app.bsky.actor.getProfiles") == 1
    assert {p.author.followers for p in first.posts if p.author.handle == "ale-torres.bsky.example"
            } == {9120}
    channel.pull_watch(WatchSpec(1, "ventalia"), None)
    assert calls.count("app.bsky.actor.getProfiles") == 1
