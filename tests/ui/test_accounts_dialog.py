"""The accounts dialog: accounts with their status, adding one per network, the Mastodon
browser sign-in (loopback and pasted code) against the sandbox, cancel, errors in plain
words, signing in again (Mastodon, X, Reddit) and removing."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PySide6.QtWidgets import QLineEdit

from console.accounts import queries as accounts
from console.sandbox import SandboxServer
from console.sync.events import AccountStatus
from console.ui import accounts_dialog
from console.ui.accounts_dialog import (
    ADD_PAGE,
    LIST_PAGE,
    SIGN_IN_AGAIN_PAGE,
    AccountsController,
    AccountsDialog,
)
from console.ui.mastodon_form import MastodonForm
from console.ui.reddit_form import RedditForm
from console.ui.x_form import XForm
from tests.channels import reddit_support, x_support
from tests.channels.test_mastodon_signin import consent, shown_code
from tests.channels.test_reddit_accounts import free_port

SHOTS = Path("/tmp/posventa-shots")


def _dialog(runtime, qtbot):
    dialog = AccountsDialog()
    qtbot.addWidget(dialog)
    return dialog, AccountsController(dialog, runtime.accounts)


def _shot(widget, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def _mastodon_form(dialog, controller) -> MastodonForm:
    controller.show_add()
    form = controller.forms["mastodon"]
    assert isinstance(form, MastodonForm)
    return form


def _browser(approve: bool = True):
    """A stand-in for the system browser: records the page, and approves it like a user."""
    opened: list[str] = []

    def open_url(url) -> bool:
        opened.append(url.toString())
        if approve:
            threading.Thread(target=consent, args=(url.toString(),), daemon=True).start()
        return True

    return opened, open_url


def test_accounts_are_listed_with_their_status(runtime, account_id, qtbot):
    dialog, controller = _dialog(runtime, qtbot)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text().lower() == "mastodon"
    assert dialog.table.item(0, 2).text() == "waiting for the first sync"
    label = "mastodon @ventalia (127.0.0.1:9)"
    controller.on_account_status(AccountStatus(account_id, label, "ok", "3 new", "live"))
    assert dialog.table.item(0, 2).text() == "live"
    controller.on_account_status(AccountStatus(account_id, label, "ok", "", "polling"))
    assert dialog.table.item(0, 2).text() == "polling"
    controller.on_account_status(AccountStatus(account_id, label, "auth", "rejected"))
    assert dialog.table.item(0, 2).text() == "token rejected: sign in again"
    dialog.table.selectRow(0)
    assert dialog.sign_in_again.isEnabled() and dialog.sign_in_again.isDefault()
    _shot(dialog, "accounts-list")


def test_add_offers_each_network_and_disables_missing_ones(runtime, qtbot, monkeypatch):
    networks = (*accounts_dialog.NETWORKS[:1],  # a network this version has no form for
                dataclasses.replace(accounts_dialog.NETWORKS[0], kind="missing", label="Nowhere"))
    monkeypatch.setattr(accounts_dialog, "NETWORKS", networks)
    dialog, _controller = _dialog(runtime, qtbot)
    dialog.add.click()
    assert dialog.pages.currentIndex() == ADD_PAGE
    assert dialog.network_buttons["mastodon"].isChecked()
    assert not dialog.network_buttons["missing"].isEnabled()
    assert "Not available" in dialog.network_buttons["missing"].toolTip()
    dialog.back.click()
    assert dialog.pages.currentIndex() == LIST_PAGE


def test_every_known_network_has_a_button(runtime, qtbot):
    dialog, _controller = _dialog(runtime, qtbot)
    assert list(dialog.network_buttons) == ["mastodon", "bluesky", "feed", "wordpress", "x",
                                            "reddit"]
    assert dialog.network_buttons["mastodon"].isEnabled()
    for key in ("bluesky", "feed", "wordpress", "x", "reddit"):  # enabled when the form exists
        network = next(n for n in accounts_dialog.NETWORKS if n.kind == key)
        available = accounts_dialog.form_class(network) is not None
        assert dialog.network_buttons[key].isEnabled() == available
    assert set(accounts_dialog.FORMS) == {n.kind for n in accounts_dialog.NETWORKS}


def test_sign_in_through_the_browser(runtime, mini_sandbox, qtbot):
    dialog, controller = _dialog(runtime, qtbot)
    dialog.show()
    form = _mastodon_form(dialog, controller)
    opened, open_url = _browser(approve=False)
    form.open_url = open_url
    form.instance.setText(mini_sandbox.url)
    form.start.click()
    qtbot.waitUntil(lambda: form.pages.currentIndex() == 1, timeout=10000)
    assert opened and urlsplit(opened[0]).path == "/oauth/authorize"
    assert "redirect_uri=http%3A%2F%2F127.0.0.1" in opened[0]
    assert "oob" in form.oob_link.text()
    assert form.cancel_button.isVisible()
    _shot(dialog, "accounts-mastodon-waiting")
    with qtbot.waitSignal(controller.accountsChanged, timeout=10000):
        threading.Thread(target=consent, args=(opened[0],), daemon=True).start()
    assert dialog.pages.currentIndex() == LIST_PAGE
    assert dialog.table.rowCount() == 1
    account = runtime.accounts.list()[0]
    assert account.handle == "ventalia"
    assert runtime.workspace.secrets.get(account.id, "token")
    assert runtime.workspace.secrets.get(account.id, "client_secret")
    assert "ready" in dialog.message.text()
    _shot(dialog, "accounts-added")


def test_sign_in_with_a_pasted_code(runtime, mini_sandbox, qtbot):
    dialog, controller = _dialog(runtime, qtbot)
    form = _mastodon_form(dialog, controller)
    form.open_url = _browser(approve=False)[1]
    form.instance.setText(mini_sandbox.url)
    form.start.click()
    qtbot.waitUntil(lambda: form.pages.currentIndex() == 1, timeout=10000)
    form.code.setText("two words")
    form.use_code.click()
    assert "not an authorization code" in form.message.text()
    form.code.setText(shown_code(consent(form.oob_link.text())))
    with qtbot.waitSignal(controller.accountsChanged, timeout=10000):
        form.use_code.click()
    assert [a.handle for a in runtime.accounts.list()] == ["ventalia"]


def test_cancel_at_any_point_adds_nothing(runtime, mini_sandbox, qtbot):
    dialog, controller = _dialog(runtime, qtbot)
    form = _mastodon_form(dialog, controller)
    form.open_url = _browser(approve=False)[1]
    form.instance.setText(mini_sandbox.url)
    form.start.click()
    qtbot.waitUntil(lambda: form.pages.currentIndex() == 1, timeout=10000)
    signin = form.signin
    assert signin is not None
    form.cancel_button.click()
    assert form.pages.currentIndex() == 0 and not form.busy()
    assert form.message.text() == "Sign-in cancelled."
    assert form.instance.text() == mini_sandbox.url  # what was typed stays
    assert signin.cancelled
    # A late approval in the browser changes nothing.
    consent(signin.authorize_url, follow=False)
    qtbot.wait(300)
    assert runtime.accounts.list() == []


def test_wrong_addresses_are_one_clear_sentence(runtime, qtbot):
    dialog, controller = _dialog(runtime, qtbot)
    form = _mastodon_form(dialog, controller)
    form.instance.setText("ftp://example.org")
    form.start.click()
    assert "is not a web address" in form.message.text()
    form.instance.setText("http://127.0.0.1:9")  # nothing listens on the discard port
    form.start.click()
    qtbot.waitUntil(lambda: not form.busy(), timeout=20000)
    assert form.message.text() == "Mastodon 127.0.0.1: the server refused the connection"
    assert form.instance.text() == "http://127.0.0.1:9"
    assert form.start.isEnabled()
    _shot(dialog, "accounts-error")


def test_advanced_token_paste(runtime, mini_sandbox, qtbot):
    dialog, controller = _dialog(runtime, qtbot)
    dialog.show()
    form = _mastodon_form(dialog, controller)
    assert not form.token.isVisible()
    form.advanced.setChecked(True)
    assert form.token.isVisible()
    assert form.token.echoMode() == QLineEdit.EchoMode.Password
    form.instance.setText(mini_sandbox.url)
    form.token.setText("bad token with spaces")
    mini_sandbox.inject_fault("/api/v2/instance", 401)
    form.add_token.click()
    qtbot.waitUntil(lambda: not form.busy(), timeout=10000)
    assert "rejected" in form.message.text()
    assert form.token.text() == "bad token with spaces"  # kept for a correction
    assert "bad token" not in form.message.text()
    form.token.setText("test-token")
    with qtbot.waitSignal(controller.accountsChanged, timeout=10000):
        form.add_token.click()
    account = runtime.accounts.list()[0]
    assert runtime.workspace.secrets.get(account.id, "token") == "test-token"


def test_sign_in_again_keeps_the_account(runtime, mini_sandbox, qtbot, monkeypatch):
    account = accounts.add_account(runtime.workspace.store, "mastodon", mini_sandbox.url,
                                   handle="ventalia", remote_id="109342000000000000",
                                   settings={"max_characters": 500})
    runtime.workspace.secrets.set(account.id, "token", "rejected-token")
    accounts.set_cursor(account.id, "mentions", "123")
    dialog, controller = _dialog(runtime, qtbot)
    controller.on_account_status(AccountStatus(account.id, account.label, "auth", "rejected"))
    dialog.table.selectRow(0)
    opened, open_url = _browser(approve=False)
    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl", open_url)  # made on click
    dialog.sign_in_again.click()
    form = controller.again_form
    assert isinstance(form, MastodonForm)
    assert dialog.pages.currentIndex() == SIGN_IN_AGAIN_PAGE
    assert form.instance.isReadOnly() and form.instance.text() == mini_sandbox.url
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    dialog.show()
    _shot(dialog, "accounts-sign-in-again")
    with qtbot.waitSignal(controller.accountsChanged, timeout=10000):
        threading.Thread(target=consent, args=(opened[0],), daemon=True).start()
    assert [a.id for a in runtime.accounts.list()] == [account.id]
    assert runtime.workspace.secrets.get(account.id, "token") != "rejected-token"
    assert accounts.get_cursor(account.id, "mentions") == "123"
    assert dialog.table.item(0, 2).text() == "waiting for the first sync"


@pytest.fixture
def network_sandbox() -> Iterator[SandboxServer]:
    """The sandbox serving X and Reddit (its clock nearly still)."""
    server = x_support.standing_sandbox()
    yield server
    server.stop()


def _sign_in_again(dialog, controller, account, network_consent, qtbot):
    """Select ``account`` (its token rejected), press "Sign in again…" and approve in the
    browser; returns the form the dialog showed."""
    controller.on_account_status(AccountStatus(account.id, account.label, "auth", "rejected"))
    dialog.table.selectRow(0)
    assert dialog.sign_in_again.isEnabled() and dialog.sign_in_again.isDefault()
    opened, open_url = _browser(approve=False)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("PySide6.QtGui.QDesktopServices.openUrl", open_url)  # made on click
        dialog.sign_in_again.click()
    form = controller.again_form
    assert dialog.pages.currentIndex() == SIGN_IN_AGAIN_PAGE
    assert account.label in dialog.again_title.text()
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    assert form.pages.currentIndex() == 1 and form.cancel_button.isVisible()
    with qtbot.waitSignal(controller.accountsChanged, timeout=10000):
        threading.Thread(target=network_consent, args=(opened[0],), daemon=True).start()
    assert dialog.pages.currentIndex() == LIST_PAGE
    return form


def test_sign_an_x_account_in_again(runtime, network_sandbox, qtbot, monkeypatch):
    found = runtime.accounts.add("x", token=x_support.DEMO_TOKEN, api_url=network_sandbox.url,
                                 read_budget=5000, client_id=x_support.CLIENT_ID)
    runtime.workspace.secrets.set(found.id, "token", "rejected-token")
    accounts.set_cursor(found.id, "mentions", "123")
    monkeypatch.setattr("console.ui.x_form.DEFAULT_PORT", free_port())
    dialog, controller = _dialog(runtime, qtbot)
    dialog.show()
    form = _sign_in_again(dialog, controller, found, x_support.consent, qtbot)
    assert isinstance(form, XForm)
    assert form.client_id.text() == x_support.CLIENT_ID and form.budget.text() == "5000"
    assert form.api.isReadOnly() and form.api.text() == network_sandbox.url
    [account] = runtime.accounts.list()
    assert (account.id, account.kind, account.handle) == (found.id, "x", "ventalia")
    assert account.settings["x_read_budget"] == 5000
    assert runtime.workspace.secrets.get(found.id, "token") not in (None, "rejected-token")
    assert runtime.workspace.secrets.get(found.id, "refresh_token")
    assert accounts.get_cursor(found.id, "mentions") == "123"
    assert "Signed in as @ventalia" in form.message.text()
    assert dialog.table.item(0, 2).text() == "waiting for the first sync"


def test_sign_a_reddit_account_in_again(runtime, network_sandbox, qtbot):
    port = free_port()
    redirect = f"http://127.0.0.1:{port}/reddit_callback"
    api = reddit_support.api(network_sandbox)
    old_token = reddit_support.grant_refresh_token(network_sandbox)
    found = runtime.accounts.add("reddit", client_id=reddit_support.CLIENT_ID,
                                 refresh_token=old_token, api_url=api)
    accounts.update_account(runtime.workspace.store, found.id,
                            settings={"redirect_uri": redirect})  # the app's exact address
    network_sandbox.reddit.oauth.register(reddit_support.CLIENT_ID, redirect)
    accounts.set_cursor(found.id, "mentions", "t1_x")
    found = runtime.accounts.list()[0]
    dialog, controller = _dialog(runtime, qtbot)
    dialog.show()
    form = _sign_in_again(dialog, controller, found, reddit_support.consent, qtbot)
    assert isinstance(form, RedditForm)
    assert form.client_id.text() == reddit_support.CLIENT_ID
    assert form.api.isReadOnly() and form.api.text() == api
    assert form.redirect.text() == redirect and form.address.placeholderText().startswith(redirect)
    [account] = runtime.accounts.list()
    assert (account.id, account.kind) == (found.id, "reddit")
    assert account.handle == reddit_support.BRAND
    assert runtime.workspace.secrets.get(found.id, "refresh_token") not in (None, old_token)
    assert accounts.get_cursor(found.id, "mentions") == "t1_x"
    assert form.message.text() == f"Signed in as u/{reddit_support.BRAND}."


def test_sign_in_again_is_offered_for_the_browser_sign_ins_only(runtime, qtbot):
    store = runtime.workspace.store
    kinds = ("mastodon", "x", "reddit", "bluesky", "feed", "wordpress")
    for number, kind in enumerate(kinds):
        accounts.add_account(store, kind, f"https://{kind}.example", handle=f"brand{number}",
                             remote_id=str(number))
    dialog, controller = _dialog(runtime, qtbot)
    offered = {}
    for row, account in enumerate(runtime.accounts.list()):
        controller.on_account_status(AccountStatus(account.id, account.label, "auth", "no"))
        dialog.table.selectRow(row)
        offered[account.kind] = dialog.sign_in_again.isEnabled()
        assert dialog.sign_in_again.isDefault() == offered[account.kind], account.kind
        assert dialog.remove.isEnabled()
        if not offered[account.kind]:
            controller.sign_in_selected_again()  # even called directly, it does nothing
            assert dialog.pages.currentIndex() == LIST_PAGE and controller.again_form is None
    assert offered == {"mastodon": True, "x": True, "reddit": True, "bluesky": False,
                       "feed": False, "wordpress": False}


def test_closing_the_dialog_or_going_back_cancels_a_waiting_sign_in(runtime, mini_sandbox, qtbot):
    dialog, controller = _dialog(runtime, qtbot)
    form = _mastodon_form(dialog, controller)
    form.open_url = _browser(approve=False)[1]
    form.instance.setText(mini_sandbox.url)
    form.start.click()
    qtbot.waitUntil(lambda: form.pages.currentIndex() == 1, timeout=10000)
    signin = form.signin
    dialog.reject()
    assert signin is not None and signin.cancelled
    form.start.click()
    qtbot.waitUntil(lambda: form.pages.currentIndex() == 1, timeout=10000)
    again = form.signin
    dialog.back.click()  # going back to the list cancels it too
    assert dialog.pages.currentIndex() == LIST_PAGE
    assert again is not None and again.cancelled and not form.busy()


def test_remove_needs_confirmation_then_deletes_secrets(runtime, account_id, qtbot):
    runtime.workspace.secrets.set(account_id, "token", "t")
    dialog, controller = _dialog(runtime, qtbot)
    controller.confirm = lambda acc: False
    dialog.table.selectRow(0)
    dialog.remove.click()
    assert len(runtime.accounts.list()) == 1
    controller.confirm = lambda acc: True
    with qtbot.waitSignal(controller.accountsChanged, timeout=10000):
        dialog.remove.click()
    assert runtime.accounts.list() == []
    assert runtime.workspace.secrets.get(account_id, "token") is None


@pytest.fixture(autouse=True)
def _no_real_browser(monkeypatch):
    """Never open the machine's browser from a test."""
    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl", lambda url: False)
