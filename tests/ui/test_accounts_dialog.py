"""Adding and removing accounts: verification off the GUI thread, errors in plain words."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from console.ui.accounts_dialog import AccountsController, AccountsDialog


def _dialog(runtime, qtbot):
    dialog = AccountsDialog()
    qtbot.addWidget(dialog)
    return dialog, AccountsController(dialog, runtime.accounts)


def test_token_is_never_shown(runtime, qtbot):
    dialog, _ = _dialog(runtime, qtbot)
    assert dialog.token.echoMode() == QLineEdit.EchoMode.Password


def test_bad_address_is_explained_and_typing_kept(runtime, qtbot):
    dialog, controller = _dialog(runtime, qtbot)
    dialog.instance.setText("ftp://example.org")
    dialog.token.setText("secret-token-123")
    added = []
    controller.accountsChanged.connect(lambda: added.append(True))
    dialog.add.click()
    qtbot.waitUntil(lambda: not controller.busy())
    assert added == []
    assert "is not a web address" in dialog.message.text()
    assert "secret-token-123" not in dialog.message.text()
    assert dialog.instance.text() == "ftp://example.org"
    assert dialog.token.text() == "secret-token-123"
    assert dialog.add.isEnabled()


def test_unreachable_instance_is_explained(runtime, qtbot):
    dialog, controller = _dialog(runtime, qtbot)
    dialog.instance.setText("http://127.0.0.1:9")  # nothing listens on the discard port
    dialog.token.setText("tok")
    dialog.add.click()
    assert not dialog.add.isEnabled()  # verifying on a worker; the GUI stays responsive
    qtbot.waitUntil(lambda: not controller.busy(), timeout=20000)
    assert dialog.message.text()
    assert dialog.token.text() == "tok"
    assert runtime.accounts.list() == []


def test_add_and_remove_a_mastodon_account(runtime, mini_sandbox, qtbot):
    dialog, controller = _dialog(runtime, qtbot)
    dialog.instance.setText(mini_sandbox.url)
    dialog.token.setText("test-token")
    with qtbot.waitSignal(controller.accountsChanged, timeout=10000):
        dialog.add.click()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "mastodon"
    assert dialog.table.item(0, 2).text() == mini_sandbox.url
    assert dialog.token.text() == ""
    account = runtime.accounts.list()[0]
    assert runtime.workspace.secrets.get(account.id, "token") == "test-token"

    asked = []
    controller.confirm = lambda acc: asked.append(acc.id) or True
    dialog.table.selectRow(0)
    with qtbot.waitSignal(controller.accountsChanged, timeout=10000):
        dialog.remove.click()
    assert asked == [account.id]
    assert dialog.table.rowCount() == 0
    assert runtime.accounts.list() == []
    assert runtime.workspace.secrets.get(account.id, "token") is None


def test_removal_needs_confirmation(runtime, account_id, qtbot):
    dialog, controller = _dialog(runtime, qtbot)
    controller.confirm = lambda acc: False
    dialog.table.selectRow(0)
    dialog.remove.click()
    assert not controller.busy()
    assert len(runtime.accounts.list()) == 1
