"""The first-run welcome: try the demo or add the first account, and name the brand's terms.

Shown once, when a workspace has no account yet. The demo runs as its own process on a
fresh temporary workspace (``posventa --demo``), so this workspace stays the agent's own.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QProcess, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.app.first_run import FirstRun
from console.app.workspace import WorkspaceError


def start_demo_process() -> bool:
    """Start ``posventa --demo`` in its own process (a fresh temporary workspace)."""
    return bool(QProcess.startDetached(sys.executable, ["-m", "console", "--demo"])[0])


class WelcomeDialog(QDialog):
    """Layout only: a greeting, the watch terms field and the three ways on.

    ``choice`` is "demo", "account" or "later" once a button was pressed ("" if closed).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Posventa"))
        self.choice = ""
        title = QLabel(self.tr("Welcome to Posventa"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(self.tr(
            "Posventa finds people talking about your brand on Mastodon, Bluesky, blogs and "
            "WordPress sites, complaints first, so you can answer where they spoke.\n\n"
            "This workspace has no account yet. Try the demo to see it at work on an "
            "invented network, or add your brand's first account."))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        terms_label = QLabel(self.tr("&Brand terms to watch (comma-separated; #tag for a "
                                     "hashtag):"))
        self.terms = QLineEdit()
        self.terms.setPlaceholderText(self.tr("e.g. Ventalia, #ventaliafail, Brisa 3"))
        self.terms.setAccessibleName(self.tr("Brand terms to watch"))
        terms_label.setBuddy(self.terms)
        self.demo_button = QPushButton(self.tr("Try the &demo workspace"))
        self.demo_button.setToolTip(self.tr(
            "Opens a separate demo window on a temporary workspace; nothing here changes"))
        self.account_button = QPushButton(self.tr("&Add my first account…"))
        self.account_button.setDefault(True)
        self.later_button = QPushButton(self.tr("&Later"))
        self.later_button.setToolTip(self.tr("Add accounts any time from File > Accounts"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.later_button)
        buttons.addStretch(1)
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.account_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addWidget(terms_label)
        layout.addWidget(self.terms)
        layout.addSpacing(6)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)
        for button, choice in ((self.demo_button, "demo"), (self.account_button, "account"),
                               (self.later_button, "later")):
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


class WelcomeController(QObject):
    """Runs the welcome against the first-run service; opens accounts or the demo."""

    def __init__(self, dialog: WelcomeDialog, first_run: FirstRun,
                 open_accounts: Callable[[], None],
                 start_demo: Callable[[], bool] = start_demo_process,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog = dialog
        self.first_run = first_run
        self._open_accounts = open_accounts
        self._start_demo = start_demo
        dialog.terms.setText(", ".join(first_run.watches()))
        dialog.accepted.connect(self._on_accepted)

    def _warn(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Posventa"), "",
                          parent=self.dialog.parentWidget())
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(text)
        box.exec()

    @Slot()
    def _on_accepted(self) -> None:
        choice = self.dialog.choice
        try:
            self.first_run.add_watches(self.dialog.terms.text())
            self.first_run.finish(choice)
        except (WorkspaceError, ValueError) as exc:
            self._warn(self.tr("Your answer could not be saved: {0}").format(exc))
        if choice == "account":
            self._open_accounts()
        elif choice == "demo" and not self._start_demo():
            self._warn(self.tr("The demo could not start. Run “posventa --demo” in a "
                               "terminal instead."))


def show_welcome(parent: QWidget, first_run: FirstRun, open_accounts: Callable[[], None],
                 start_demo: Callable[[], bool] = start_demo_process) -> str:
    """Show the welcome if it is due; returns the choice ("" if none was made)."""
    if not first_run.needs_welcome():
        return ""
    dialog = WelcomeDialog(parent)
    WelcomeController(dialog, first_run, open_accounts, start_demo, dialog)
    dialog.exec()
    choice = dialog.choice
    dialog.deleteLater()
    return choice
