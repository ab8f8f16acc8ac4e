"""The "add a blog" forms (pytest-qt): work off the GUI thread, clear sentences, masked
password, nothing typed lost on failure."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLineEdit

from console.sandbox import SandboxServer
from console.ui.feed_form import FeedForm, WordPressForm

PASSWORD = "Sbx1 Vent 2026 Demo Blog Pass"


@pytest.fixture
def blogs() -> Iterator[SandboxServer]:
    with SandboxServer(speed=0.0001) as server:
        yield server


def test_feed_form_adds_a_blogger_feed(qtbot, runtime, blogs):
    form = FeedForm(runtime.accounts)
    qtbot.addWidget(form)
    form.url.setText(f"{blogs.url}/blog/pablo/feeds/posts/default")
    with qtbot.waitSignal(form.accountAdded, timeout=10_000) as added:
        form.add.click()
        assert not form.add.isEnabled()  # busy while the feed is read off the GUI thread
    [account] = runtime.accounts.list()
    assert added.args == [account.id] and account.kind == "feed"
    assert form.url.text() == "" and form.add.isEnabled()
    assert "Pablo Reseñas Tech" in form.message.text()


def test_feed_form_failure_keeps_the_address_and_says_why(qtbot, runtime, blogs):
    form = FeedForm(runtime.accounts)
    qtbot.addWidget(form)
    address = f"{blogs.url}/blog/ventalia/devoluciones-tres-pasos/"
    form.url.setText(address)
    form.own.setChecked(True)
    form.add.click()
    qtbot.waitUntil(lambda: form.add.isEnabled()
                    and "does not give an RSS or Atom feed" in form.message.text(),
                    timeout=10_000)
    assert form.url.text() == address and form.own.isChecked()
    assert "Traceback" not in form.message.text()
    assert runtime.accounts.list() == []


def test_wordpress_form_masks_the_password_and_adds_the_site(qtbot, runtime, blogs, tmp_path):
    form = WordPressForm(runtime.accounts)
    qtbot.addWidget(form)
    assert form.password.echoMode() == QLineEdit.EchoMode.Password
    form.site.setText(f"{blogs.url}/blog/ventalia")
    form.user.setText("ventalia")
    form.password.setText("wrong wrong")
    form.add.click()
    qtbot.waitUntil(lambda: form.add.isEnabled() and "re-enter it" in form.message.text(),
                    timeout=10_000)
    assert form.password.text() == "wrong wrong" and form.user.text() == "ventalia"
    form.resize(520, form.sizeHint().height())
    form.show()
    form.grab().save(str(tmp_path / "wordpress_form_error.png"))
    form.password.setText(PASSWORD)
    with qtbot.waitSignal(form.accountAdded, timeout=10_000):
        form.password.returnPressed.emit()
    [account] = runtime.accounts.list()
    assert account.kind == "wordpress" and form.password.text() == ""
    assert runtime.workspace.secrets.get(account.id, "app_password") == PASSWORD.replace(" ", "")
