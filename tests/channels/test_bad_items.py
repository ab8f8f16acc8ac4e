"""One bad item never costs its page: every network skips it, keeps the rest, names it, and
moves its cursor past it (over real sockets, against a canned server on 127.0.0.1)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from console.channels.base import StaticSecrets, WatchSpec
from console.channels.bluesky.channel import BlueskyChannel
from console.channels.feeds.channel import FeedChannel
from console.channels.mastodon.channel import MastodonChannel
from console.channels.wordpress.channel import WordPressChannel
from tests.channels.canned_server import CannedServer


def status(number: str, **changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": number, "created_at": "2026-03-01T10:00:00.000Z", "visibility": "public",
        "content": f"<p>@ventalia pedido {number} sin llegar</p>", "url": f"https://x/{number}",
        "account": {"id": "7", "acct": "ana@x.example", "username": "ana",
                    "display_name": "Ana", "url": "https://x.example/@ana"},
        "mentions": [], "tags": [],
    }
    base.update(changes)
    return base


# What hostile servers were seen to send in place of one status of a page.
BAD_STATUSES = {
    "account null": status("102", account=None),
    "content null": status("102", content=None),
    "numeric created_at": status("102", created_at=1767261600),
    "year 0 created_at": status("102", created_at="0000-01-01T00:00:00Z"),
    "account as a string": status("102", account="ana"),
}


@pytest.fixture(params=sorted(BAD_STATUSES))
def bad_status(request: pytest.FixtureRequest) -> dict[str, Any]:
    return copy.deepcopy(BAD_STATUSES[request.param])


def mastodon(server: CannedServer) -> MastodonChannel:
    return MastodonChannel(server.url, "token", brand_acct="ventalia", timeout=5.0,
                           sleep=lambda s: None, backfill_pages=0)


def test_mastodon_notifications_keep_the_good_mention(bad_status):
    page = [{"id": "11", "type": "mention", "status": status("101")},
            {"id": "12", "type": "mention", "status": bad_status},
            {"id": "13", "type": "mention", "status": "not an object"}]
    with CannedServer({"/api/v1/notifications": page}) as server:
        result = mastodon(server).pull_mentions(None)
    assert [p.remote_id for p in result.posts] == ["101"]
    assert [s.item for s in result.skipped] == ["notification 12", "notification 13"]
    assert all(s.reason for s in result.skipped)
    assert result.cursor == "13"  # past the skipped ones: they never block the next sync


@pytest.mark.parametrize("kind,path,body", [
    ("keyword", "/api/v2/search", lambda items: {"statuses": items}),
    ("hashtag", "/api/v1/timelines/tag/ventalia", lambda items: items),
])
def test_mastodon_watches_keep_the_good_post(bad_status, kind, path, body):
    with CannedServer({path: body([status("101"), bad_status, "a string"])}) as server:
        result = mastodon(server).pull_watch(WatchSpec(1, "ventalia", kind), None)
    assert [p.remote_id for p in result.posts] == ["101"]
    assert [s.item for s in result.skipped] == ["status 102", "status #3"]
    assert result.cursor == "102"


def test_mastodon_conversations_keep_the_good_message(bad_status):
    page = [{"id": "c1", "last_status": status("101", visibility="direct")},
            {"id": "c2", "last_status": bad_status},
            {"id": "c3", "last_status": ["not", "a", "status"]}]
    with CannedServer({"/api/v1/conversations": page}) as server:
        result = mastodon(server).pull_conversations(None)
    assert [p.remote_id for p in result.posts] == ["101"]
    assert [s.item for s in result.skipped] == ["conversation c2", "conversation c3"]
    assert result.cursor == "102"


# --- Bluesky ----------------------------------------------------------------------------------

def bsky_view(rkey: str, **record_changes: Any) -> dict[str, Any]:
    record = {"$type": "app.bsky.feed.post", "text": f"@ventalia pedido {rkey}",
              "createdAt": "2026-03-01T10:00:00.000Z"}
    record.update(record_changes)
    return {"uri": f"at://did:plc:ana/app.bsky.feed.post/{rkey}", "cid": f"cid{rkey}",
            "author": {"did": "did:plc:ana", "handle": "ana.bsky.example"},
            "record": record, "indexedAt": "2026-03-01T10:00:01.000Z"}


def bluesky_routes(views: list[Any]) -> dict[str, Any]:
    return {
        "/xrpc/com.atproto.server.createSession": {
            "accessJwt": "access", "refreshJwt": "refresh", "did": "did:plc:brand",
            "handle": "ventalia.bsky.example"},
        "/xrpc/app.bsky.feed.searchPosts": {"posts": views},
        "/xrpc/app.bsky.feed.getPosts": {"posts": [v for v in views if isinstance(v, dict)]},
        "/xrpc/app.bsky.actor.getProfiles": {"profiles": [
            {"did": "did:plc:ana", "handle": "ana.bsky.example"}, {"did": 5}]},
    }


def bluesky(server: CannedServer) -> BlueskyChannel:
    return BlueskyChannel(server.url, "ventalia.bsky.example",
                          StaticSecrets({"app_password": "abcd-efgh-ijkl-mnop"}),
                          timeout=5.0, sleep=lambda s: None, backfill_pages=0)


BAD_VIEWS = {
    "year 0 createdAt": bsky_view("b", createdAt="0000-01-01T00:00:00Z"),
    "numeric createdAt": bsky_view("b", createdAt=1767261600),
    "text null": bsky_view("b", text=None),
    "author null": {**bsky_view("b"), "author": None},
}


@pytest.mark.parametrize("bad", sorted(BAD_VIEWS))
def test_bluesky_search_keeps_the_good_post(bad):
    routes = bluesky_routes([bsky_view("a"), BAD_VIEWS[bad], "a string"])
    with CannedServer(routes) as server:
        result = bluesky(server).pull_watch(WatchSpec(1, "ventalia"), None)
    assert [p.remote_id for p in result.posts] == ["at://did:plc:ana/app.bsky.feed.post/a"]
    assert [s.item for s in result.skipped] == [
        "post at://did:plc:ana/app.bsky.feed.post/b", "post #3"]


@pytest.mark.parametrize("bad", sorted(BAD_VIEWS))
def test_bluesky_notifications_keep_the_good_mention(bad):
    views = [bsky_view("a"), BAD_VIEWS[bad]]
    notes = [{"uri": v["uri"], "cid": v["cid"], "reason": "mention", "author": v["author"],
              "record": v["record"], "indexedAt": "2026-03-01T10:00:01.000Z"} for v in views]
    notes.append({"uri": "at://did:plc:ana/app.bsky.feed.post/c", "reason": "mention",
                  "indexedAt": 12})
    routes = bluesky_routes(views)
    routes["/xrpc/app.bsky.notification.listNotifications"] = {"notifications": notes}
    with CannedServer(routes) as server:
        result = bluesky(server).pull_mentions(None)
    assert [p.remote_id for p in result.posts] == ["at://did:plc:ana/app.bsky.feed.post/a"]
    assert [s.item for s in result.skipped] == [
        "notification at://did:plc:ana/app.bsky.feed.post/c",
        "post at://did:plc:ana/app.bsky.feed.post/b"]
    assert result.cursor == "2026-03-01T10:00:01.000Z"


# --- WordPress and feeds ----------------------------------------------------------------------

def comment(number: int, **changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": number, "post": 1, "parent": 0, "author": 0, "author_name": "Ana",
        "date_gmt": f"2026-03-01T10:00:0{number % 10}", "status": "approved",
        "content": {"rendered": f"<p>pedido {number} sin llegar</p>"},
        "link": f"https://blog.example/?p=1#comment-{number}"}
    base.update(changes)
    return base


@pytest.mark.parametrize("bad", [
    comment(2, date_gmt=1767261600), comment(2, date_gmt="0000-01-01T00:00:00"),
    comment(2, post="1"), comment(2, content=None, id="two"), "a string"])
def test_wordpress_comments_keep_the_good_one(bad):
    routes = {"/wp-json/wp/v2/comments": [comment(1), bad, comment(3)],
              "/wp-json/wp/v2/posts/1": {"id": 1, "title": {"rendered": "Envíos"}}}
    with CannedServer(routes) as server:
        channel = WordPressChannel(server.url, "ventalia", None, timeout=5.0,
                                   sleep=lambda s: None, backfill_pages=1)
        result = channel.pull_mentions(None)
    assert [p.remote_id.rsplit("-", 1)[1] for p in result.posts] == ["1", "3"]
    assert len(result.skipped) == 1 and result.skipped[0].reason
    assert result.cursor is not None and "2026-03-01T10:00:03" in result.cursor


RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title>
<link>https://blog.example/</link>
<item><guid>https://blog.example/1</guid><title>Ventalia tarda</title>
<description>Ventalia no entrega</description></item>
<item><title>Ventalia sin enlace</title><description>Ventalia otra vez</description></item>
</channel></rss>"""


def test_feed_entries_without_an_id_are_skipped_and_named():
    with CannedServer({"/feed.xml": RSS}) as server:
        server.content_types["/feed.xml"] = "application/rss+xml"
        channel = FeedChannel(server.url + "/feed.xml", timeout=5.0, sleep=lambda s: None)
        result = channel.pull_watch(WatchSpec(1, "ventalia"), None)
    assert [p.remote_id for p in result.posts] == ["https://blog.example/1"]
    assert [s.item for s in result.skipped] == ["entry Ventalia sin enlace"]
    assert "id" in result.skipped[0].reason
