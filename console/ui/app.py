"""Starting the desktop console: the QApplication, the window, and the engine's lifetime.

This is the composition root: the only place that sees the whole :class:`Runtime` and
hands each controller just the services it needs.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

import console
from console.runtime import Runtime
from console.ui.accounts_dialog import AccountsController, AccountsDialog
from console.ui.bridge import EngineBridge
from console.ui.composer import ComposerController
from console.ui.feed_pane import FeedController
from console.ui.main_window import MainController, MainWindow
from console.ui.profile_panel import ProfileController
from console.ui.sync_status import SyncStatusController
from console.ui.thread_view import ThreadController


@dataclass
class Console:
    """The built window with its controllers (tests reach into these)."""

    window: MainWindow
    bridge: EngineBridge
    feed: FeedController
    profile: ProfileController
    thread: ThreadController
    composer: ComposerController
    status: SyncStatusController
    main: MainController


def application() -> QApplication:
    """The running QApplication, created with the desktop identity when there is none."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Posventa")
    app.setApplicationDisplayName("Posventa")
    app.setApplicationVersion(console.__version__)
    QGuiApplication.setDesktopFileName(console.APP_ID)
    return app


def build_console(runtime: Runtime, page_size: int = 200) -> Console:
    """Build the main window for `runtime` (the engine is not started here)."""
    window = MainWindow(runtime.workspace.path.name)
    owner: QObject = window
    bridge = EngineBridge(owner)
    bridge.attach(runtime.engine)
    feed = FeedController(window.feed, runtime.feed, page_size, owner)
    profile = ProfileController(window.profile, runtime.profile, owner)
    thread = ThreadController(window.thread, runtime.profile, runtime.replies, owner)
    composer = ComposerController(window.composer, runtime.replies, runtime.profile, owner)
    status = SyncStatusController(window.sync_label, window.outbox_label,
                                  runtime.engine.statuses(), runtime.replies.counts(), owner)

    def open_accounts() -> None:
        dialog = AccountsDialog(window)
        controller = AccountsController(dialog, runtime.accounts, dialog)
        known = {a.id for a in runtime.accounts.list()}

        def forget_removed() -> None:
            current = {a.id for a in runtime.accounts.list()}
            for account_id in known - current:
                status.forget_account(account_id)

        controller.accountsChanged.connect(forget_removed)
        dialog.exec()
        dialog.deleteLater()

    main = MainController(window, bridge, feed, profile, thread, composer, status,
                          runtime.engine.wake, open_accounts, owner)
    return Console(window, bridge, feed, profile, thread, composer, status, main)


def run_gui(runtime: Runtime) -> int:
    """Show the console for `runtime`, run the event loop, stop the engine on close."""
    app = application()
    built = build_console(runtime)
    built.window.show()
    runtime.engine.start()
    try:
        return app.exec()
    finally:
        built.bridge.close()
        runtime.engine.stop()
        # Destroy the window here, while every Python object behind it is intact.
        shiboken6.delete(built.window)
