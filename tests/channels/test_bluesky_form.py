"""The "add a Bluesky account" form (pytest-qt): signs in off the GUI thread, keeps input."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from console.app.runtime import Runtime
from console.sandbox import SandboxServer
from console.ui.bluesky_form import BlueskyForm
from tests.channels.bluesky_support import APP_PASSWORD, BRAND, standing_sandbox


@pytest.fixture
def sky() -> Iterator[SandboxServer]:
    server = standing_sandbox()
    yield server
    server.stop()


@pytest.fixture
def form(qtbot, runtime: Runtime) -> BlueskyForm:
    widget = BlueskyForm(runtime.accounts)
    qtbot.addWidget(widget)
    widget.resize(520, 260)
    widget.show()
    return widget


def test_fields_and_note(form: BlueskyForm) -> None:
    assert form.password.echoMode() == QLineEdit.EchoMode.Password
    assert form.service.text() == "https://bsky.social"
    assert "App passwords" in form.note.text() and "main password" in form.note.text()
    assert form.note.textFormat() == Qt.TextFormat.PlainText
    assert form.message.textFormat() == Qt.TextFormat.PlainText


def test_sign_in_adds_the_account_and_clears_the_password(qtbot, form, runtime, sky) -> None:
    form.handle.setText(BRAND)
    form.password.setText(APP_PASSWORD)
    form.service.setText(sky.url)
    with qtbot.waitSignal(form.accountAdded, timeout=10_000) as added:
        qtbot.mouseClick(form.add, Qt.MouseButton.LeftButton)
        assert not form.add.isEnabled()  # the GUI thread is free while it signs in
    [account] = runtime.accounts.list()
    assert added.args == [account.id] and account.kind == "bluesky"
    assert form.password.text() == "" and form.add.isEnabled()
    assert BRAND in form.message.text()
    form.grab().save("/tmp/bluesky_form_added.png")


def test_a_rejected_password_is_one_sentence_and_nothing_typed_is_lost(qtbot, form, runtime,
                                                                       sky) -> None:
    sky.bluesky.world.sessions.app_password = "wxyz-wxyz-wxyz-wxyz"
    form.handle.setText(BRAND)
    form.password.setText(APP_PASSWORD)
    form.service.setText(sky.url)
    form.sign_in()
    qtbot.waitUntil(form.add.isEnabled, timeout=10_000)
    assert form.message.text() == (
        "Bluesky @ventalia.bsky.example: app password rejected, re-enter it")
    assert (form.handle.text(), form.password.text()) == (BRAND, APP_PASSWORD)
    assert runtime.accounts.list() == []
    form.grab().save("/tmp/bluesky_form_error.png")


def test_a_main_password_is_refused_before_any_network_call(qtbot, form, runtime) -> None:
    form.handle.setText(BRAND)
    form.password.setText("hunter2")
    form.sign_in()
    qtbot.waitUntil(form.add.isEnabled, timeout=10_000)
    assert "not an app password" in form.message.text()
    assert form.password.text() == "hunter2"
