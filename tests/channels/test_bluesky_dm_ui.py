"""Bluesky direct messages in the window (pytest-qt): the form's DM choice and the composer's
"continue in private", in English and Spanish."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from console.app.runtime import Runtime
from console.sandbox import SandboxServer
from console.store.models import Mention
from console.store.timeutil import utcnow
from console.ui.bluesky_form import BlueskyForm
from console.ui.composer import ComposerController, ComposerView
from tests.channels.bluesky_support import APP_PASSWORD, BRAND, standing_sandbox


@pytest.fixture
def sky() -> Iterator[SandboxServer]:
    server = standing_sandbox()
    yield server
    server.stop()


@pytest.fixture
def spanish() -> Iterator[None]:
    from console.ui.i18n import install_translations, uninstall_translations

    install_translations("es")
    yield
    uninstall_translations()


def _form(qtbot, runtime: Runtime) -> BlueskyForm:
    form = BlueskyForm(runtime.accounts)
    qtbot.addWidget(form)
    form.resize(560, 300)
    form.show()
    return form


def test_the_form_says_the_app_password_lacks_dm_access(qtbot, runtime: Runtime, sky) -> None:
    sky.bluesky.world.sessions.without_dm.add(APP_PASSWORD)
    form = _form(qtbot, runtime)
    assert form.direct.isChecked() and "direct messages" in form.note.text()
    form.handle.setText(BRAND)
    form.password.setText(APP_PASSWORD)
    form.service.setText(sky.url)
    form.sign_in()
    qtbot.waitUntil(form.add.isEnabled, timeout=10_000)
    message = form.message.text()
    assert "no access to direct messages" in message
    assert "Allow access to your direct messages" in message
    assert form.password.text() == APP_PASSWORD and runtime.accounts.list() == []
    form.grab().save("/tmp/bluesky_dm_form_refused.png")
    form.direct.setChecked(False)  # public posts only
    with qtbot.waitSignal(form.accountAdded, timeout=10_000):
        qtbot.mouseClick(form.add, Qt.MouseButton.LeftButton)
    [account] = runtime.accounts.list()
    assert account.settings["direct_messages"] is False


def test_the_form_in_spanish(qtbot, runtime: Runtime, sky, spanish) -> None:
    sky.bluesky.world.sessions.without_dm.add(APP_PASSWORD)
    form = _form(qtbot, runtime)
    assert form.direct.text() == "Leer y contestar mensajes directos"
    form.handle.setText(BRAND)
    form.password.setText(APP_PASSWORD)
    form.service.setText(sky.url)
    form.sign_in()
    qtbot.waitUntil(form.add.isEnabled, timeout=10_000)
    assert "no tiene acceso a los mensajes directos" in form.message.text()
    form.grab().save("/tmp/bluesky_dm_form_refused_es.png")


def _composer(qtbot, runtime: Runtime) -> tuple[ComposerView, ComposerController]:
    view = ComposerView()
    qtbot.addWidget(view)
    controller = ComposerController(view, runtime.replies, runtime.profile, view)
    view.resize(560, 360)
    view.show()
    return view, controller


def _synced(runtime: Runtime, sky: SandboxServer) -> None:
    runtime.accounts.add("bluesky", handle=BRAND, app_password=APP_PASSWORD,
                         service_url=sky.url)
    runtime.engine.sync_once()


def test_continue_in_private_switches_the_limit_and_sends_a_message(qtbot, runtime: Runtime,
                                                                    sky) -> None:
    _synced(runtime, sky)
    view, composer = _composer(qtbot, runtime)
    lucia = Mention.get(Mention.remote_id == sky.bluesky.world.post_by_key["b004"])
    composer.set_mention(lucia.id)
    assert not view.private.isHidden() and not view.private.isChecked()
    assert view.counter.text() == "300 left" and view.visibility.text().startswith("Public")
    view.private.setChecked(True)
    assert view.counter.text() == "1,000 left" or view.counter.text() == "1000 left"
    assert view.visibility.text().startswith("Direct message")
    view.editor.setPlainText("Hola Lucía, te escribimos por privado con la fecha del 51907.")
    view.grab().save("/tmp/bluesky_dm_composer_private.png")
    composer.send()
    [reply] = runtime.replies.replies(lucia.id)
    assert reply.visibility == "direct"
    runtime.engine.flush_outbox(now=utcnow() + timedelta(seconds=60))  # past the undo delay
    assert sky.received()["bluesky"] == [] and len(sky.received()["bluesky_chat"]) == 1
    # A message is answered by message: no choice to make, 1,000 graphemes.
    message = Mention.get(Mention.source == "direct")
    composer.set_mention(message.id)
    assert view.private.isHidden() and view.visibility.text().startswith("Direct message")
    assert view.counter.text() in ("1,000 left", "1000 left")
    # Someone who takes no messages gets no choice.
    sky.advance(1600)
    runtime.engine.sync_once()
    dan = Mention.get(Mention.remote_id == sky.bluesky.world.post_by_key["b105"])
    composer.set_mention(dan.id)
    assert view.private.isHidden()


def test_continue_in_private_in_spanish(qtbot, runtime: Runtime, sky, spanish) -> None:
    _synced(runtime, sky)
    view, composer = _composer(qtbot, runtime)
    lucia = Mention.get(Mention.remote_id == sky.bluesky.world.post_by_key["b004"])
    composer.set_mention(lucia.id)
    assert view.private.text().startswith("Seguir en privado")
    view.private.setChecked(True)
    view.editor.setPlainText("Hola Lucía, te escribimos por privado.")
    view.grab().save("/tmp/bluesky_dm_composer_private_es.png")
