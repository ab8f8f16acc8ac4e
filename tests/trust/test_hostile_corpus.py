"""Hostile posts go through the sandbox, the real Mastodon channel, the store and the GUI.

They must be stored as sent (text as plain text, HTML sanitised, the raw payload whole),
shown as harmless plain text in the feed, the thread, the profile and the tooltips, never
load a remote image (a local server counts every request), keep the window responsive,
and open links only when they are http(s) and the agent agrees.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel

from console.accounts import queries as accounts
from console.channels.html import ALLOWED_TAGS
from console.feed.queries import FeedFilter
from console.sandbox import SandboxServer
from console.sandbox import api as sandbox_api
from console.store.models import Author, Mention
from console.ui.feed_model import AUTHOR, COLUMNS, TEXT
from tests.trust import hostile_posts

RENDER_BUDGET_S = 2.0  # selecting any post, the 1 MB one included, paints within this


class _PixelServer:
    """A local HTTP server that records every request (a tracking pixel's view)."""

    def __init__(self) -> None:
        hits: list[str] = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                hits.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/gif")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.hits = hits
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def pixel() -> Iterator[_PixelServer]:
    server = _PixelServer()
    yield server
    server.stop()


def _escaping_json(cls, data, status: int = 200, link: str | None = None):
    # Escape everything outside ASCII, as many servers do: a lone surrogate then travels
    # as "\ud800", which is how invalid UTF-8 that a server kept reaches a client.
    body = json.dumps(data, ensure_ascii=True).encode("ascii")
    return cls(status, body, headers={"Link": link} if link else {})


@pytest.fixture
def hostile(runtime, pixel, tmp_path, monkeypatch):
    """A workspace synced, through the real channel, with the hostile corpus."""
    monkeypatch.setattr(sandbox_api.Response, "json", classmethod(_escaping_json))
    data, corpus = hostile_posts.script(pixel.url)
    path = Path(tmp_path / "hostile.json")
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="ascii")
    server = SandboxServer(path, speed=1000, release_all=True).start()
    try:
        account = accounts.add_account(runtime.workspace.store, "mastodon", server.url)
        runtime.workspace.secrets.set(account.id, "token", "hostile-test-token")
        reports = runtime.engine.sync_once()
        assert [r.error for r in reports] == [""]
        ids = {}
        for item in corpus:
            remote_id = server.state.by_key[item.key]
            row = Mention.get_or_none(Mention.remote_id == remote_id)
            assert row is not None, f"{item.key} ({item.attack}) was not stored"
            ids[item.key] = row.id
        runtime.extras.update(sandbox=server, corpus=corpus, ids=ids, data=data)
        yield runtime
    finally:
        server.stop()


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[str, list[tuple[str, str]]]] = []

    def handle_starttag(self, tag, attrs):
        self.seen.append((tag, [(k, v or "") for k, v in attrs]))


def _markup(html: str) -> list[tuple[str, list[tuple[str, str]]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.seen


def _served(runtime, key: str) -> dict:
    server = runtime.extras["sandbox"]
    post = next(p for p in runtime.extras["data"]["posts"] if p["key"] == key)
    return {"html": post.get("html"), "status": server.state.statuses[server.state.by_key[key]]}


# --- the store ------------------------------------------------------------------------------

def test_the_corpus_is_stored_as_sent_and_its_html_sanitised(hostile):
    rt = hostile
    for item in rt.extras["corpus"]:
        row = Mention.get_by_id(rt.extras["ids"][item.key])
        assert item.marker in row.text or item.key in ("h_ctrl",), (item.key, row.text[:200])
        for tag, attrs in _markup(row.html):
            assert tag in ALLOWED_TAGS, (item.key, tag)
            for name, value in attrs:
                assert name in ("href", "rel", "class"), (item.key, name)
                if name == "href":
                    assert value.startswith(("https://", "http://")), (item.key, value)
        raw = json.loads(row.payload)
        sent = _served(rt, item.key)["html"]
        if sent is not None and "\ud800" not in sent and "\udcc3" not in sent:
            assert raw["content"] == sent, item.key  # the payload is kept whole
    big = Mention.get_by_id(rt.extras["ids"]["h_big"])
    assert len(json.loads(big.payload)["content"]) > hostile_posts.BIG_BODY_CHARS
    assert big.text.startswith("@ventalia queja queja")
    ctrl = Mention.get_by_id(rt.extras["ids"]["h_ctrl"]).text
    assert "nul campana escape[2J borrar fin" in ctrl and "\x00" not in ctrl
    rtl = Mention.get_by_id(rt.extras["ids"]["h_rtl"]).text
    assert "\u202efdp.exe\u202c" in rtl  # stored as sent; only the screen drops it
    broken = Mention.get_by_id(rt.extras["ids"]["h_utf8"]).text
    assert "caf\ufffd roto" in broken and "solo" in broken
    names = {a.handle: a for a in Author.select()}
    assert names["ventaIia@mastodon.example"].display_name == "Ventaliа Atención al Cliente"
    assert names["ana_rtl@rtl.example"].display_name == "Ana \u202enimda\u202c"
    assert names["ctrl_chars@ctrl.example"].display_name == "Nul\x00Bell\x07Esc\x1b[31mRed"
    assert names["soporte_real@evil.example"].display_name.startswith("<b>Soporte</b> <img")


def test_search_finds_hostile_posts_without_error(hostile):
    rt = hostile
    for query in ("NEGRITA", "queja", "fondo del pozo", "\u202efdp", '"<script>', "😡"):
        rt.feed.page(FeedFilter(search=query))  # never raises


# --- the GUI --------------------------------------------------------------------------------

@pytest.fixture
def gui(hostile, qtbot):
    from console.ui.app import build_console

    console = build_console(hostile)
    qtbot.addWidget(console.window)
    console.window.resize(1400, 850)
    console.window.show()
    qtbot.waitExposed(console.window)
    console.feed.model.set_filter(FeedFilter(include_spam=True))
    yield console
    console.bridge.close()
    console.window.close()
    shiboken6.delete(console.window)


def _select(console, mention_id: int) -> float:
    start = time.perf_counter()
    assert console.feed.select_mention(mention_id)
    QApplication.processEvents()
    console.window.repaint()
    return time.perf_counter() - start


def _fragments(document: QTextDocument):
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            yield it.fragment()
            it += 1
        block = block.next()


def _labels(widget) -> list[QLabel]:
    return widget.findChildren(QLabel)


def test_every_hostile_post_shows_as_plain_text_quickly(hostile, gui, pixel):
    rt, console = hostile, gui
    window = console.window
    slowest = 0.0
    for item in rt.extras["corpus"]:
        slowest = max(slowest, _select(console, rt.extras["ids"][item.key]))
        view = window.thread.text
        shown = view.toPlainText()
        if item.key != "h_ctrl":
            assert item.marker in shown, (item.key, shown[:300])
        for fragment in _fragments(view.document()):
            fmt = fragment.charFormat()
            assert not fmt.isImageFormat(), item.key
            text = fragment.text()
            if "NEGRITA" in text or "no negrita" in text:
                assert fmt.fontWeight() < 600, "markup from a post was rendered as bold"
        for char in ("\u202e", "\u202c", "\u2067", "\x00", "\x1b", "\x07"):
            assert char not in shown, (item.key, repr(char))
        for label in _labels(window.thread) + _labels(window.profile):
            assert label.textFormat() == Qt.TextFormat.PlainText, label.accessibleName()
            assert "\u202e" not in label.text() and "\x00" not in label.text()
        assert view.openLinks() is False and view.openExternalLinks() is False
        assert view.isReadOnly()
    assert slowest < RENDER_BUDGET_S, f"a hostile post took {slowest:.2f} s to show"
    QApplication.processEvents()
    time.sleep(0.2)
    assert pixel.hits == [], "a remote image or frame was requested"


def test_names_and_bios_are_literal_in_profile_feed_and_tooltips(hostile, gui):
    rt, console = hostile, gui
    panel = console.window.profile
    _select(console, rt.extras["ids"]["h_script"])
    assert panel.name.text().startswith("<b>Soporte</b> <img src=")
    assert "<script>alert(1)</script>" in panel.name.text()
    assert "<a href='javascript:alert(1)'>clic</a>" in panel.bio.text()
    assert "Web: javascript:alert(1)" in panel.fields.text()  # names are text on Mastodon
    assert not panel.link.isEnabled() or console.profile.author.url.startswith("https://")
    model = console.feed.model
    row = model.row_of(rt.extras["ids"]["h_script"])
    author = model.index(row, AUTHOR).data()
    assert author.startswith("<b>Soporte</b>")
    for column in range(len(COLUMNS)):
        tip = model.index(row, column).data(Qt.ItemDataRole.ToolTipRole) or ""
        assert "<b>Soporte" not in tip and "<script>" not in tip and "<img" not in tip
    _select(console, rt.extras["ids"]["h_rtl"])
    assert panel.name.text() == "Ana nimda"  # the override is dropped on screen
    _select(console, rt.extras["ids"]["h_long"])
    assert len(model.index(model.row_of(rt.extras["ids"]["h_long"]), AUTHOR).data()) < 300
    big_row = model.row_of(rt.extras["ids"]["h_big"])
    assert len(model.index(big_row, TEXT).data()) <= 200
    tip = model.index(big_row, TEXT).data(Qt.ItemDataRole.ToolTipRole)
    assert len(tip) < 3000
    _select(console, rt.extras["ids"]["h_emoji"])
    assert "👩‍👩‍👧‍👦 🏳️‍🌈 🇪🇸 👍🏽 ❤️‍🔥" in console.window.thread.text.toPlainText()
    assert panel.name.text() == "👩🏽‍💻 Marta 🏳️‍🌈🇪🇸"


def test_impersonators_are_flagged_in_thread_and_profile(hostile, gui):
    rt, console = hostile, gui
    window = console.window
    for key, reason in (("h_homo", "@ventalia"), ("h_staff", "official-sounding")):
        _select(console, rt.extras["ids"][key])
        assert window.thread.warning.isVisible(), key
        assert window.thread.warning.text().startswith("⚠ Possible impersonator")
        assert reason in window.thread.warning.text()
        assert "Possible impersonator" in window.thread.text.toPlainText()
        assert window.profile.lookalike.isVisible()
        assert window.profile.lookalike.text() == window.thread.warning.text()
    _select(console, rt.extras["ids"]["h_emoji"])
    assert not window.thread.warning.isVisible()
    assert not window.profile.lookalike.isVisible()
    assert "Possible impersonator" not in window.thread.text.toPlainText()


def _anchor_point(view, words: str) -> QPoint:
    found = view.document().find(words)
    assert not found.isNull(), words
    cursor = QTextCursor(found)
    cursor.setPosition(found.selectionStart() + 2)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    return view.cursorRect(cursor).center()


def test_links_open_only_http_after_the_agent_agrees(hostile, gui, qtbot):
    rt, console = hostile, gui
    thread = console.thread
    opened: list[str] = []
    asked: list[str] = []
    refused: list[str] = []
    answer = {"open": False}
    thread.open_url = lambda url: opened.append(url.toString())
    thread.confirm_open = lambda url: asked.append(url.toString()) or answer["open"]
    thread.linkRefused.connect(refused.append)
    _select(console, rt.extras["ids"]["h_links"])
    view = console.window.thread.text
    hrefs = {f.charFormat().anchorHref() for f in _fragments(view.document())
             if f.charFormat().isAnchor()}
    assert hrefs == {"https://ayuda.example/devoluciones"}
    for words in ("enlace js", "enlace file", "enlace data"):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=_anchor_point(view, words))
    assert asked == [] and opened == []
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=_anchor_point(view, "enlace seguro"))
    assert asked == ["https://ayuda.example/devoluciones"] and opened == []  # agent said no
    answer["open"] = True
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=_anchor_point(view, "enlace seguro"))
    assert opened == ["https://ayuda.example/devoluciones"]
    # Even a link that somehow reached the view is judged on click: only http(s) opens.
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "ftp://x.y/"):
        view.anchorClicked.emit(QUrl(bad))
    assert opened == ["https://ayuda.example/devoluciones"]
    assert len(refused) == 4 and all(r.startswith("Not opened:") for r in refused)
    assert view.source().isEmpty()  # the view never navigated


def test_the_thread_view_never_loads_a_remote_image(hostile, gui, pixel):
    console = gui
    view = console.window.thread.text
    # Even HTML with images pushed straight into the view loads nothing from the network.
    view.setHtml(f'<p>x<img src="{pixel.url}/direct.png" width="5000"></p>'
                 f'<link rel="stylesheet" href="{pixel.url}/style.css">')
    view.document().adjustSize()
    view.repaint()
    QApplication.processEvents()
    time.sleep(0.2)
    assert pixel.hits == []
    assert f"{pixel.url}/direct.png" in [u.toString() for u in view.refused]
