"""The feed channel against the sandbox blogs over real sockets: RSS, Atom, Blogger,
comment threads, conditional GETs, cursors and the two-routes rule."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

from console.channels.base import ReplyRefused, WatchSpec
from console.channels.feeds.channel import FeedChannel
from console.sandbox import SandboxServer
from console.store.models import Mention
from console.sync.ingest import ingest


class Recorder(httpx.HTTPTransport):
    """A real transport that remembers each request's path, conditional headers and status."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[str, str, int, int]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        response.read()
        self.seen.append((request.url.path, request.headers.get("If-None-Match", ""),
                          response.status_code, len(response.content)))
        return response


@pytest.fixture
def blogs() -> Iterator[SandboxServer]:
    """The default script and blogs with the clock standing still; tests advance it."""
    with SandboxServer(speed=0.0001) as server:
        yield server


def feed(server: SandboxServer, path: str, **kw) -> FeedChannel:
    kw.setdefault("min_interval", 0.0)
    return FeedChannel(server.url + path, sleep=lambda s: None, timeout=5.0, **kw)


def expected_comments(server: SandboxServer, blog: str) -> set[str]:
    view = server.blog.world.view(blog)
    assert view is not None
    return {c.key for c in view.comments if c.person_key != "brand"}


def test_rss_posts_feed_finds_every_comment_through_wfw_comment_rss(blogs):
    blogs.advance(500)
    channel = feed(blogs, "/blog/ventalia/feed/", every_comment=True,
                   brand_name="Equipo Ventalia")
    result = channel.pull_mentions(None)
    texts = [p.text for p in result.posts]
    assert len(result.posts) == len(expected_comments(blogs, "ventalia")) == 5
    assert all(p.source == "comment" and p.channel == "feed" for p in result.posts)
    assert not any("Hola Marta" in t for t in texts)  # the brand's own reply is no mention
    bea = next(p for p in result.posts if "lote 23-B" in p.text)
    assert bea.author.display_name == "Beatriz Lozano"
    assert bea.thread_root == f"{blogs.url}/blog/ventalia/?p=101"
    assert bea.in_reply_to == bea.thread_root  # RSS says nothing finer than the post
    assert bea.remote_id == f"{blogs.url}/blog/ventalia/brisa-torre-consejos-verano/#comment-" \
        + blogs.blog.world.views["ventalia"].by_key["vc05"].id
    assert bea.raw["post_title"] == "Brisa Torre: cinco consejos para este verano"
    assert [p.created_at for p in result.posts] == sorted(p.created_at for p in result.posts)


def test_atom_comment_feeds_carry_the_thread(blogs):
    blogs.advance(1800)
    channel = feed(blogs, "/blog/ventalia/feed/atom/", every_comment=True,
                   brand_name="Equipo Ventalia")
    posts = {p.text[:20]: p for p in channel.pull_mentions(None).posts}
    bea = next(p for p in posts.values() if "lote 23-B" in p.text)
    marta = next(p for p in posts.values() if "¿Dónde viene el lote?" in p.text)
    assert marta.in_reply_to == bea.remote_id  # thr:in-reply-to names the parent comment
    assert marta.thread_root == bea.thread_root == f"{blogs.url}/blog/ventalia/?p=101"
    assert bea.lang == "es"


def test_unchanged_feeds_cost_304s_and_bring_nothing(blogs):
    blogs.advance(500)
    recorder = Recorder()
    channel = feed(blogs, "/blog/ventalia/feed/", every_comment=True, transport=recorder)
    first = channel.pull_mentions(None)
    assert first.posts and {s for _, _, s, _ in recorder.seen} == {200}
    recorder.seen.clear()
    again = channel.pull_mentions(first.cursor)
    assert again.posts == []
    assert recorder.seen and all(tag and status == 304 and size == 0
                                 for _, tag, status, size in recorder.seen)


def test_restart_resumes_from_the_cursor_and_brings_only_what_is_new(blogs):
    blogs.advance(500)
    first = feed(blogs, "/blog/ventalia/feed/atom/", every_comment=True).pull_mentions(None)
    blogs.blog.world.add_comment("ventalia", "vb2", "hugo", "¿Envían a Arequipa? Pedido 48213.")
    restarted = feed(blogs, "/blog/ventalia/feed/atom/", every_comment=True)  # a new process
    result = restarted.pull_mentions(first.cursor)
    assert [p.text for p in result.posts] == ["¿Envían a Arequipa? Pedido 48213."]
    assert restarted.pull_mentions(result.cursor).posts == []


def test_cursor_keeps_validators_only_no_email(blogs):
    blogs.advance(500)
    result = feed(blogs, "/blog/ventalia/feed/", every_comment=True).pull_mentions(None)
    docs = json.loads(result.cursor)["docs"]
    allowed = {"etag", "modified", "post", "title", "link", "seen"}
    assert all(set(v) <= allowed for v in docs.values())
    dumped = json.dumps([p.raw for p in result.posts]) + json.dumps(
        [p.author.raw for p in result.posts])
    assert "@" not in dumped.replace("@type", "")


def test_blogger_posts_feed_reads_the_one_comments_feed(blogs):
    blogs.advance(800)
    recorder = Recorder()
    channel = feed(blogs, "/blog/pablo/feeds/posts/default", transport=recorder)
    result = channel.pull_watch(WatchSpec(7, "ventalia"), None)
    paths = [p for p, *_ in recorder.seen]
    assert paths == ["/blog/pablo/feeds/posts/default", "/blog/pablo/feeds/comments/default"]
    by_text = {p.text.split("\n")[0]: p for p in result.posts}
    review = by_text["Review: Brisa Pro 40 de Ventalia, silencioso pero con un mando de juguete"]
    assert review.remote_id.startswith("tag:blogger.com,1999:blog-7301845529610042210.post-")
    assert review.thread_root == review.remote_id and review.watch_id == 7
    # Every comment on a post that matched is part of the conversation, matching or not.
    nacho = next(p for p in result.posts if p.author.display_name == "Nacho Pérez")
    assert nacho.thread_root == review.remote_id and "ventalia" not in nacho.text.lower()
    pablo = next(p for p in result.posts if p.text.startswith("Para piso de estudiantes"))
    assert pablo.in_reply_to == nacho.remote_id  # Blogger's rel="related" parent comment
    assert pablo.author.remote_id.startswith("https://www.blogger.com/profile/")
    # The headphones post does not match; one of its comments does (by itself).
    assert any("2x1 de ventalia" in p.text for p in result.posts)
    assert not any("de diadema" in p.text for p in result.posts)


def test_blogger_rss_alternate_is_read_too(blogs):
    channel = feed(blogs, "/blog/pablo/feeds/posts/default?alt=rss")
    result = channel.pull_watch(WatchSpec(1, "Brisa Pro 40"), None)
    assert any(p.text.startswith("Review: Brisa Pro 40") for p in result.posts)


def test_watch_language_and_excluded_terms(blogs):
    spanish = feed(blogs, "/blog/ventalia/feed/atom/")  # xml:lang="es-ES"
    assert spanish.pull_watch(WatchSpec(1, "brisa", lang="es"), None).posts
    assert feed(blogs, "/blog/ventalia/feed/atom/").pull_watch(
        WatchSpec(1, "brisa", lang="en"), None).posts == []
    channel = feed(blogs, "/blog/pablo/feeds/posts/default")
    excluded = channel.pull_watch(WatchSpec(2, "ventalia", exclude=("mando",)), None)
    assert not any("mando" in p.text for p in excluded.posts)


def test_two_routes_to_one_comment_store_it_once(blogs, runtime):
    blogs.advance(500)
    rss = feed(blogs, "/blog/ventalia/comments/feed/", every_comment=True,
               brand_name="Equipo Ventalia")
    atom = feed(blogs, "/blog/ventalia/feed/atom/", every_comment=True,
                brand_name="Equipo Ventalia")
    site_wide, per_post = rss.pull_mentions(None), atom.pull_mentions(None)
    assert {p.remote_id for p in site_wide.posts} == {p.remote_id for p in per_post.posts}
    store = runtime.workspace.store
    first = ingest(store, runtime.triager, None, site_wide.posts, None, None)
    second = ingest(store, runtime.triager, None, per_post.posts, None, None)
    assert len(first.added) == 5 and second.added == []
    assert Mention.select().where(Mention.channel == "feed").count() == 5


def test_hostile_comment_is_stored_sanitised(blogs, runtime):
    blogs.advance(500)
    result = feed(blogs, "/blog/ventalia/feed/atom/", every_comment=True).pull_mentions(None)
    ingest(runtime.workspace.store, runtime.triager, None, result.posts, None, None)
    row = Mention.get(Mention.text.contains("verifica tu cuenta"))
    for bad in ("<script", "javascript:", "onerror", "<img", "alert("):
        assert bad not in row.html.lower()
        assert bad not in row.text.lower()
    assert "verifica tu cuenta aquí" in row.text


def test_replies_are_manual_and_the_channel_refuses_to_post(blogs):
    channel = feed(blogs, "/blog/pablo/feeds/posts/default")
    rules = channel.reply_rules("public")
    assert rules.manual and rules.can_reply and "Blogger" in rules.reason
    assert "browser" in rules.reason and "clipboard" in rules.reason
    with pytest.raises(ReplyRefused, match="no replies through an API"):
        channel.send_reply(text="hola", in_reply_to="x", visibility="public",
                           idempotency_key="k")


def test_verify_and_instance_info_describe_the_blog(blogs):
    channel = feed(blogs, "/blog/pablo/feeds/posts/default", brand_name="")
    assert channel.instance_info().title == "Pablo Reseñas Tech"
    me = channel.verify()
    assert me.remote_id == "tag:blogger.com,1999:blog-7301845529610042210"
    assert me.display_name == "Pablo Reseñas Tech"


def test_a_document_read_moments_ago_is_reused(blogs):
    recorder = Recorder()
    channel = feed(blogs, "/blog/pablo/feeds/posts/default", transport=recorder,
                   min_interval=60.0)
    channel.pull_watch(WatchSpec(1, "ventalia"), None)
    count = len(recorder.seen)
    # A second watch in the same pass: its cursor has no validators, the documents are
    # fresh, so nothing is asked again.
    result = channel.pull_watch(WatchSpec(2, "brisa"), None)
    assert len(recorder.seen) == count and result.posts
