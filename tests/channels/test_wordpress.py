"""The WordPress channel against the sandbox's REST API over real sockets: pagination,
cursors, reply payloads, duplicates, and what the site refuses."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from console.channels.base import AuthError, ReplyRefused, WatchSpec
from console.channels.wordpress.channel import WordPressChannel, check_site_url
from console.sandbox import SandboxServer

PASSWORD = "Sbx1 Vent 2026 Demo Blog Pass"


class Recorder(httpx.HTTPTransport):
    def __init__(self) -> None:
        super().__init__()
        self.requests: list[httpx.Request] = []
        self.responses: list[httpx.Response] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        response = super().handle_request(request)
        response.read()
        self.responses.append(response)
        return response


@pytest.fixture
def blogs() -> Iterator[SandboxServer]:
    with SandboxServer(speed=0.0001) as server:
        server.advance(500)
        yield server


def site(server: SandboxServer, **kw) -> WordPressChannel:
    kw.setdefault("sleep", lambda s: None)
    return WordPressChannel(server.url + "/blog/ventalia", kw.pop("user", "ventalia"),
                            kw.pop("password", PASSWORD), timeout=5.0, **kw)


def query(request: httpx.Request) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlsplit(str(request.url)).query).items()}


def test_verify_and_site_name(blogs):
    chan = site(blogs)
    assert chan.instance_info().title == "Blog de Ventalia"
    me = chan.verify()
    assert (me.handle, me.display_name) == ("ventalia", "Equipo Ventalia")
    assert me.remote_id == f"{blogs.url}/blog/ventalia/?author=1"


def test_first_pull_reads_newest_pages_and_skips_the_brands_replies(blogs):
    recorder = Recorder()
    chan = site(blogs, per_page=2, backfill_pages=10, transport=recorder)
    chan.verify()
    result = chan.pull_mentions(None)
    assert len(result.posts) == 5  # 7 visible comments, 2 by the brand
    pages = [query(r) for r in recorder.requests if r.url.path.endswith("/comments")]
    assert [p["page"] for p in pages] == ["1", "2", "3", "4"]
    assert all(p["per_page"] == "2" and p["orderby"] == "date_gmt" and p["order"] == "desc"
               for p in pages)
    totals = {r.headers["X-WP-TotalPages"] for r in recorder.responses
              if "X-WP-TotalPages" in r.headers and r.request.url.path.endswith("/comments")}
    assert totals == {"4"}
    bea = next(p for p in result.posts if "lote 23-B" in p.text)
    comment = blogs.blog.world.view("ventalia").by_key["vc05"].id
    assert bea.remote_id == f"{blogs.url}/blog/ventalia/?p=101#comment-{comment}"
    assert bea.thread_root == bea.in_reply_to == f"{blogs.url}/blog/ventalia/?p=101"
    assert bea.raw["post_title"] == "Brisa Torre: cinco consejos para este verano"
    assert bea.url.endswith(f"/blog/ventalia/brisa-torre-consejos-verano/#comment-{comment}")
    assert bea.author.avatar_url.startswith("https://secure.gravatar.com/avatar/")
    assert "author_email" not in json.dumps(bea.raw)


def test_cursor_pages_forward_and_restart_resumes_exactly(blogs):
    first = site(blogs, per_page=2).pull_mentions(None)
    world = blogs.blog.world
    new = [world.add_comment("ventalia", "vb3", "marta", f"Comentario número {n}")
           for n in range(5)]  # several in the same second
    recorder = Recorder()
    restarted = site(blogs, per_page=2, transport=recorder)  # a new process, same cursor
    result = restarted.pull_mentions(first.cursor)
    assert [p.text for p in result.posts] == [f"Comentario número {n}" for n in range(5)]
    asked = [query(r) for r in recorder.requests if r.url.path.endswith("/comments")]
    assert asked[0]["order"] == "asc" and "after" in asked[0]
    pages = [a["page"] for a in asked]  # the second before the cursor is read again
    assert pages == [str(n) for n in range(1, len(pages) + 1)] and len(pages) >= 3
    cursor = json.loads(result.cursor)
    assert set(cursor) == {"after", "ids"} and int(new[-1]) in cursor["ids"]
    assert restarted.pull_mentions(result.cursor) == type(result)([], None)


def test_watch_mode_searches_each_term(blogs):
    recorder = Recorder()
    chan = site(blogs, every_comment=False, transport=recorder)
    assert chan.pull_mentions(None).posts == []
    found = chan.pull_watch(WatchSpec(4, "lavarropas"), None)
    assert [p.watch_id for p in found.posts] == [4]
    assert "lavarropas" in found.posts[0].text
    searched = [query(r) for r in recorder.requests if r.url.path.endswith("/comments")]
    assert searched[-1]["search"] == "lavarropas"
    assert chan.pull_watch(WatchSpec(5, "lavarropas", exclude=("plata",)), None).posts == []


def test_reply_payload_field_by_field(blogs):
    recorder = Recorder()
    chan = site(blogs, transport=recorder)
    bea = blogs.blog.world.view("ventalia").by_key["vc05"]
    target = f"{blogs.url}/blog/ventalia/?p=101#comment-{bea.id}"
    sent = chan.send_reply(text="Hola Beatriz: <b>no</b> lo uses más.\nTe escribimos hoy.",
                           in_reply_to=target, visibility="public", idempotency_key="k1")
    post = recorder.requests[-1]
    assert post.method == "POST" and post.url.path == "/blog/ventalia/wp-json/wp/v2/comments"
    assert post.headers["Content-Type"] == "application/json"
    user, _, password = base64.b64decode(post.headers["Authorization"][6:]).decode() \
        .partition(":")
    assert (user, password) == ("ventalia", PASSWORD.replace(" ", ""))
    body = json.loads(post.content)
    assert body == {"post": 101, "parent": int(bea.id),
                    "content": "Hola Beatriz: &lt;b&gt;no&lt;/b&gt; lo uses más.\nTe escribimos "
                               "hoy."}
    assert recorder.responses[-1].status_code == 201
    received = blogs.blog.world.view("ventalia").received[-1]
    assert sent.remote_id == f"{blogs.url}/blog/ventalia/?p=101#comment-{received['id']}"
    assert received["parent"] == bea.id and received["user"] == "ventalia"
    assert sent.url.endswith(f"#comment-{received['id']}")


def test_reply_to_the_post_itself_has_parent_zero(blogs):
    recorder = Recorder()
    site(blogs, transport=recorder).send_reply(
        text="Gracias a todos", in_reply_to=f"{blogs.url}/blog/ventalia/?p=102",
        visibility="public", idempotency_key="k2")
    assert json.loads(recorder.requests[-1].content)["parent"] == 0


def test_a_retry_after_a_crash_finds_the_comment_already_posted(blogs):
    chan = site(blogs)
    target = f"{blogs.url}/blog/ventalia/?p=103"
    first = chan.send_reply(text="Te escribimos hoy.", in_reply_to=target, visibility="public",
                            idempotency_key="k3")
    again = chan.send_reply(text="Te escribimos hoy.", in_reply_to=target, visibility="public",
                            idempotency_key="k3")
    assert again.remote_id == first.remote_id
    assert len(blogs.blog.world.view("ventalia").received) == 1


def test_closed_comments_are_a_clear_refusal(blogs):
    with pytest.raises(ReplyRefused, match="comments are closed on that post"):
        site(blogs).send_reply(text="hola", in_reply_to=f"{blogs.url}/blog/ventalia/?p=104",
                               visibility="public", idempotency_key="k4")


def test_rejected_password_and_unknown_user(blogs):
    with pytest.raises(AuthError) as caught:
        site(blogs, password="wrong pass word").verify()
    host = urlsplit(blogs.url).hostname
    assert str(caught.value) == (f"WordPress @ventalia ({host}): the application password "
                                 "was rejected; re-enter it")
    assert "wrong" not in str(caught.value)
    with pytest.raises(AuthError, match="does not know that user name"):
        site(blogs, user="nadie").pull_mentions(None)
    with pytest.raises(AuthError, match="re-enter the application password"):
        site(blogs, password="").send_reply(text="x", in_reply_to=f"{blogs.url}/blog/ventalia"
                                            "/?p=101", visibility="public", idempotency_key="k")


def test_site_address_rules():
    assert check_site_url("blog.example/") == "https://blog.example"
    assert check_site_url("http://127.0.0.1:8080/blog/") == "http://127.0.0.1:8080/blog"
    with pytest.raises(Exception, match="unencrypted"):
        check_site_url("http://blog.example")
    with pytest.raises(Exception, match="not a web address"):
        check_site_url("javascript:alert(1)")


def test_brand_replies_since_for_the_collision_check(blogs):
    from datetime import UTC, datetime, timedelta

    chan = site(blogs)
    before = datetime.now(UTC) - timedelta(seconds=5)
    sent = chan.send_reply(text="Ya te escribimos.", in_reply_to=f"{blogs.url}/blog/ventalia/"
                           "?p=101", visibility="public", idempotency_key="k5")
    found = chan.brand_replies_since(f"{blogs.url}/blog/ventalia/?p=101", before)
    assert [r.remote_id for r in found] == [sent.remote_id]
