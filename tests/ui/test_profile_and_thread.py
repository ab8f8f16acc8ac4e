"""Selecting a mention fills the profile panel and the thread view, as plain text only."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl

from console.channels.base import ProfileField
from tests.builders import make_author, make_post

HOSTILE = make_author(
    7, display_name="<b>HTML</b> Ana", handle="ana@social.example",
    bio="<i>Odontóloga</i> <a href='file:///etc/passwd'>click</a>", followers=1234,
    fields=(ProfileField("web", "<img src=x width=20000>", True),),
    url="javascript:alert(1)")


def test_profile_panel_shows_untrusted_text_literally(runtime, store_posts, build, qtbot):
    ids = store_posts([make_post(1, text="<b>mi pedido</b> no llega", author=HOSTILE),
                       make_post(2, text="segundo aviso", author=HOSTILE),
                       make_post(3, text="otra persona", author=make_author(2))])
    console = build()
    opened: list[QUrl] = []
    console.profile.open_url = opened.append
    console.feed.select_mention(ids[1])
    panel = console.window.profile

    assert panel.name.text() == "<b>HTML</b> Ana"
    assert panel.handle.text() == "@ana@social.example"
    assert panel.bio.text() == "<i>Odontóloga</i> <a href='file:///etc/passwd'>click</a>"
    assert "<img src=x width=20000>" in panel.fields.text()
    qtbot.waitUntil(lambda: console.profile.portrait_loaded, timeout=10000)
    assert panel.followers.text() == "Followers, as each network reports them: mastodon 1 234"
    assert panel.network.text() == "mastodon"
    assert panel.seen.text() == "2 post(s) stored"  # the same count as the history
    for label in (panel.name, panel.handle, panel.bio, panel.fields):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert "<b>" not in panel.link.toolTip().replace("&lt;b&gt;", "")

    history = console.profile.timeline
    assert history.rowCount() == 2
    assert "segundo aviso" in history.index(0, 0).data()
    assert not panel.link.isEnabled()  # javascript: is never opened
    console.profile.open_profile()
    assert opened == []


def test_profile_link_opens_only_http(runtime, store_posts, build):
    ids = store_posts([make_post(1, author=make_author(3))])
    console = build()
    opened: list[QUrl] = []
    console.profile.open_url = opened.append
    console.feed.select_mention(ids[0])
    console.window.profile.link.click()
    assert [u.toString() for u in opened] == ["https://mastodon.example/@user3"]


def test_history_loads_lazily(runtime, store_posts, build):
    author = make_author(5)
    store_posts([make_post(i, author=author) for i in range(250)])
    console = build()
    console.feed.select_row(0)
    history = console.profile.timeline
    assert history.rowCount() == 100
    assert history.canFetchMore(history.index(-1, 0).parent())
    history.fetchMore(history.index(-1, 0).parent())
    history.fetchMore(history.index(-1, 0).parent())
    assert history.rowCount() == 250


def test_thread_view_shows_full_text_thread_and_replies(runtime, store_posts, build):
    root = make_post(1, text="¿Alguien sabe si Ventalia devuelve el dinero?",
                     author=make_author(1))
    reply = make_post(2, text="<script>x</script> A mí me lo devolvieron en 3 días",
                      author=make_author(2), in_reply_to="1", thread_root="1")
    ids = store_posts([root, reply])
    runtime.replies.send(ids[1], "Hola, te escribimos por privado.", delay=3600)
    console = build()
    console.feed.select_mention(ids[1])
    text = console.window.thread.text.toPlainText()
    assert "¿Alguien sabe si Ventalia devuelve el dinero?" in text
    assert "<script>x</script> A mí me lo devolvieron en 3 días" in text
    assert "Hola, te escribimos por privado." in text
    assert "QUEUED" in text
    assert text.index("¿Alguien") < text.index("<script>")  # oldest first
    assert console.window.thread.text.isReadOnly()
