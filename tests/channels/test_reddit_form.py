"""The "add a Reddit account" form (pytest-qt): browser sign-in off the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from console.app.runtime import Runtime
from console.sandbox import SandboxServer
from console.ui.reddit_form import RedditForm
from tests.channels.reddit_support import CLIENT_ID, api, consent, standing_sandbox
from tests.channels.test_reddit_accounts import free_port


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    sandbox = standing_sandbox()
    yield sandbox
    sandbox.stop()


@pytest.fixture
def form(qtbot, runtime: Runtime) -> Iterator[RedditForm]:
    widget = RedditForm(runtime.accounts)
    qtbot.addWidget(widget)
    widget.resize(560, 320)
    widget.show()
    yield widget
    widget.cancel()


def test_the_form_says_reddit_approves_apps_and_what_to_register(form: RedditForm) -> None:
    assert "approves new apps" in form.note.text()
    assert form.note.textFormat() == Qt.TextFormat.PlainText
    assert form.redirect.isReadOnly()
    assert form.redirect.text() == "http://127.0.0.1:65010/reddit_callback"
    assert form.api.text() == "https://oauth.reddit.com"
    form.grab().save("/tmp/reddit_form_en.png")


def test_sign_in_through_the_browser_adds_the_account(qtbot, form, runtime, server) -> None:
    form.port = free_port()
    server.reddit.oauth.register(CLIENT_ID, f"http://127.0.0.1:{form.port}/reddit_callback")
    opened: list[str] = []

    def browser(url) -> bool:
        opened.append(url.toString())
        threading.Thread(target=consent, args=(url.toString(),), daemon=True).start()
        return True

    form.open_url = browser
    form.client_id.setText(CLIENT_ID)
    form.api.setText(api(server))
    with qtbot.waitSignal(form.accountAdded, timeout=10_000) as added:
        qtbot.mouseClick(form.start, Qt.MouseButton.LeftButton)
    [account] = runtime.accounts.list()
    assert added.args == [account.id] and account.kind == "reddit"
    assert opened and "duration=permanent" in opened[0]
    assert form.message.text() == "Signed in as u/Ventalia_Soporte."
    assert form.start.isEnabled()


def test_a_wrong_client_id_is_one_sentence_and_stays(qtbot, form, runtime) -> None:
    form.client_id.setText("not an id")
    form.begin()
    assert form.message.text().startswith("That is not a Reddit client id")
    assert form.client_id.text() == "not an id" and runtime.accounts.list() == []


def test_the_form_in_spanish(qtbot, runtime: Runtime) -> None:
    from console.ui import i18n

    i18n.install_translations("es")
    try:
        widget = RedditForm(runtime.accounts)
        qtbot.addWidget(widget)
        widget.resize(560, 320)
        widget.show()
        assert "aprueba" in widget.note.text()
        assert widget.start.text() == "Iniciar sesión con el navegador"
        widget.grab().save("/tmp/reddit_form_es.png")
    finally:
        i18n.uninstall_translations()
