"""The first-run welcome: offered once to an empty workspace, keeps the terms and choice."""

from __future__ import annotations

from PySide6.QtCore import Qt

from console.accounts import queries as accounts
from console.app.first_run import FirstRun, parse_terms
from console.app.settings import Settings
from console.ui.welcome import WelcomeController, WelcomeDialog, show_welcome


def _dialog(qtbot, runtime, opened: list[str], started: list[str]) -> WelcomeDialog:
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    WelcomeController(dialog, FirstRun(runtime.workspace), lambda: opened.append("accounts"),
                      lambda: started.append("demo") or True, dialog)
    return dialog


def test_terms_are_split_on_commas_once_each():
    assert parse_terms("Ventalia, #ventaliafail,, ventalia ;Brisa  3\n") == [
        "Ventalia", "#ventaliafail", "Brisa 3"]


def test_adding_the_first_account_keeps_the_terms_and_the_choice(runtime, qtbot):
    first_run = FirstRun(runtime.workspace)
    assert first_run.needs_welcome()
    opened: list[str] = []
    started: list[str] = []
    dialog = _dialog(qtbot, runtime, opened, started)
    dialog.show()
    qtbot.keyClicks(dialog.terms, "Ventalia, #ventaliafail")
    dialog.grab().save("/tmp/shots/welcome.png")
    qtbot.mouseClick(dialog.account_button, Qt.MouseButton.LeftButton)
    assert opened == ["accounts"] and started == []
    watches = accounts.list_watches(runtime.workspace.store)
    assert [(w.term, w.kind) for w in watches] == [("Ventalia", "keyword"),
                                                   ("ventaliafail", "hashtag")]
    assert Settings.load(runtime.workspace.settings_path).welcome_done  # remembered on disk
    assert not first_run.needs_welcome()
    assert show_welcome(None, first_run, lambda: None) == ""  # not shown again


def test_demo_choice_starts_the_demo_apart(runtime, qtbot):
    opened: list[str] = []
    started: list[str] = []
    dialog = _dialog(qtbot, runtime, opened, started)
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    assert started == ["demo"] and opened == []
    assert not accounts.list_accounts(runtime.workspace.store)  # this workspace untouched
    assert runtime.workspace.settings.welcome_done


def test_no_welcome_once_an_account_exists(runtime, account_id):
    assert not FirstRun(runtime.workspace).needs_welcome()


def test_closing_the_welcome_asks_again_next_time(runtime, qtbot):
    dialog = _dialog(qtbot, runtime, [], [])
    dialog.reject()
    assert FirstRun(runtime.workspace).needs_welcome()
