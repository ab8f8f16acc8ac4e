"""The "add an X account" form (pytest-qt): browser sign-in off the GUI thread, the token
paste, a budget that is not a number; the agent's input stays when something fails."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QLineEdit

from console.app.runtime import Runtime
from console.sandbox import SandboxServer
from console.ui.accounts_dialog import FORMS
from console.ui.x_form import XForm
from tests.channels.x_support import CLIENT_ID, DEMO_TOKEN, consent, standing_sandbox


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    server = standing_sandbox()
    yield server
    server.stop()


@pytest.fixture
def form(qtbot, runtime: Runtime) -> XForm:
    widget = XForm(runtime.accounts)
    qtbot.addWidget(widget)
    widget.resize(560, 380)
    widget.show()
    return widget


def test_the_form_is_offered_and_shows_its_callback(form: XForm) -> None:
    assert FORMS["x"] is XForm
    assert form.api.text() == "https://api.x.com"
    assert form.callback.text() == "http://127.0.0.1:8976/callback"
    form.port.setValue(9123)
    assert form.callback.text() == "http://127.0.0.1:9123/callback"
    assert form.token.echoMode() == QLineEdit.EchoMode.Password
    assert form.message.textFormat() == Qt.TextFormat.PlainText


def test_sign_in_through_the_browser(qtbot, form: XForm, runtime: Runtime,
                                     sandbox: SandboxServer) -> None:
    opened: list[str] = []

    def browser(url: QUrl) -> bool:
        opened.append(url.toString())
        threading.Thread(target=consent, args=(url.toString(),), daemon=True).start()
        return True

    form.open_url = browser
    form.api.setText(sandbox.url)
    form.client_id.setText(CLIENT_ID)
    form.budget.setText("10000")
    form.port.setMinimum(0)
    form.port.setValue(0)
    with qtbot.waitSignal(form.accountAdded, timeout=10_000) as added:
        qtbot.mouseClick(form.start, Qt.MouseButton.LeftButton)
    [account] = runtime.accounts.list()
    assert added.args == [account.id] and account.kind == "x"
    assert account.settings["x_read_budget"] == 10000
    assert opened and "Signed in as @ventalia" in form.message.text()


def test_mistakes_are_said_and_input_stays(qtbot, form: XForm, runtime: Runtime,
                                           sandbox: SandboxServer) -> None:
    form.client_id.setText("")
    qtbot.mouseClick(form.start, Qt.MouseButton.LeftButton)
    assert "Client ID" in form.message.text() and runtime.accounts.list() == []
    form.client_id.setText(CLIENT_ID)
    form.budget.setText("mucho")
    qtbot.mouseClick(form.start, Qt.MouseButton.LeftButton)
    assert "number of posts" in form.message.text() and form.budget.text() == "mucho"
    form.budget.setText("")
    form.api.setText(sandbox.url)
    form.advanced.setChecked(True)
    form.token.setText("wrong")
    qtbot.mouseClick(form.add_token, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "sign in again" in form.message.text(), timeout=10_000)
    assert form.token.text() == "wrong"
    form.token.setText(DEMO_TOKEN)
    with qtbot.waitSignal(form.accountAdded, timeout=10_000):
        qtbot.mouseClick(form.add_token, Qt.MouseButton.LeftButton)
    assert form.token.text() == ""
