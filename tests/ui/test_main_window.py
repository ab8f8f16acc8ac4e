"""The main window: title, menus, status bar, and the whole reply path against the sandbox."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt

from console.sync.events import AccountStatus, OutboxChanged
from tests.builders import make_post


def test_title_menus_and_status_bar(runtime, account_id, store_posts, build):
    store_posts([make_post(1)])
    console = build()
    window = console.window
    assert window.windowTitle() == f"Posventa — {runtime.workspace.path.name}"
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&View", "&Tools", "&Help"]
    assert window.refresh_action.shortcut().toString() == "F5"

    bridge = console.bridge
    bridge.accountStatus.emit(AccountStatus(account_id, "mastodon @ventalia (127.0.0.1:9)",
                                            "ok", "12 new"))
    [chip] = window.status_bar.chips.chips
    assert (chip.name, chip.state) == ("mastodon @ventalia", "ok")
    assert "12 new" in chip.toolTip()
    bridge.accountStatus.emit(AccountStatus(account_id, "mastodon @ventalia (127.0.0.1:9)",
                                            "offline", "could not reach 127.0.0.1"))
    assert (chip.name, chip.state) == ("mastodon @ventalia", "offline")
    assert chip.accessibleName() == ("mastodon @ventalia (127.0.0.1:9): offline. Could not "
                                     "reach 127.0.0.1. It is tried again automatically.")
    assert chip.textFormat() == Qt.TextFormat.PlainText
    bridge.outboxChanged.emit(OutboxChanged({"queued": 2, "sending": 1, "failed": 1}))
    assert window.outbox_label.text() == "Outbox: 2 queued · 1 sending · 1 failed"


def test_refresh_wakes_the_engine(runtime, build, monkeypatch):
    console = build()
    woken = []
    console.main._refresh = lambda: woken.append(True)
    console.window.refresh_action.trigger()
    assert woken == [True]


def test_reply_reaches_the_sandbox_end_to_end(tmp_path, qtbot):
    from console.app.runtime import open_demo
    from console.ui.app import build_console
    from console.ui.feed_model import STATUS

    runtime = open_demo(tmp_path / "ws", speed=1000)
    try:
        runtime.engine.sync_once()
        console = build_console(runtime)
        qtbot.addWidget(console.window)
        feed = console.feed
        target = next(feed.model.row_at(r) for r in range(feed.model.rowCount())
                      if feed.model.row_at(r).source == "mention"
                      and feed.model.row_at(r).channel == "mastodon")
        feed.select_mention(target.id)
        runtime.engine.start()

        text = "Hola, lo sentimos. Te escribimos por privado para resolverlo hoy."
        console.window.show()
        console.window.activateWindow()
        qtbot.waitUntil(console.window.isActiveWindow)
        editor = console.window.composer.editor
        editor.setPlainText(text)
        editor.setFocus()
        qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        thread_text = console.window.thread.text
        assert text in thread_text.toPlainText()
        qtbot.waitUntil(lambda: "SENT" in thread_text.toPlainText(), timeout=15000)
        row = feed.model.row_of(target.id)
        qtbot.waitUntil(lambda: feed.model.index(row, STATUS).data() == "replied",
                        timeout=5000)
        assert feed.current_mention() == target.id
        assert "0 queued · 0 sending · 0 failed" in console.window.outbox_label.text()
        received = runtime.sandbox.received()["statuses"]
        assert [s for s in received if text in str(s)], received
        history = console.profile.timeline
        assert any(history.item_at(r).kind == "reply" for r in range(history.rowCount()))
    finally:
        console.bridge.close()
        runtime.close()
        console.window.close()
        shiboken6.delete(console.window)


def test_slash_focuses_search_but_types_in_text_fields(runtime, store_posts, build, qtbot):
    store_posts([make_post(1)])
    console = build()
    window = console.window
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts only reach the active window
    console.feed.select_row(0)
    editor = window.composer.editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Slash, Qt.KeyboardModifier.NoModifier)
    assert editor.toPlainText() == "/"  # a text field keeps its "/"
    window.feed.table.setFocus()
    qtbot.keyClick(window.feed.table, Qt.Key.Key_Slash, Qt.KeyboardModifier.NoModifier)
    qtbot.waitUntil(lambda: window.feed.search.hasFocus())


def test_feed_tooltips_escape_untrusted_text(runtime, store_posts, build):
    from console.ui.feed_model import AUTHOR, TEXT

    store_posts([make_post(1, text="<b>gratis</b> & <a href='file:///x'>aquí</a>")])
    console = build()
    model = console.feed.model
    tip = model.index(0, TEXT).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;gratis&lt;/b&gt; &amp; &lt;a href=" in tip
    assert "<b>" not in tip and "<a " not in tip
    assert "User 1 @user1" in model.index(0, AUTHOR).data(Qt.ItemDataRole.ToolTipRole)


def test_run_gui_runs_the_event_loop_and_stops_the_engine(runtime, qtbot, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import console
    from console.ui.app import run_gui

    calls: list[str] = []
    monkeypatch.setattr(runtime.engine, "start", lambda: calls.append("start"))
    monkeypatch.setattr(runtime.engine, "stop", lambda *a, **k: calls.append("stop"))
    QTimer.singleShot(300, QApplication.closeAllWindows)
    assert run_gui(runtime) == 0
    assert calls == ["start", "stop"]
    app = QApplication.instance()
    assert app.applicationName() == "Posventa"
    assert app.desktopFileName() == console.APP_ID
