"""Starting the desktop console: the QApplication, the window, and the engine's lifetime.

This is the composition root: the only place that sees the whole :class:`Runtime` and
hands each controller just the services it needs.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

import console
from console.app.first_run import FirstRun
from console.app.presence import WorkspacePresence
from console.app.runtime import Runtime, open_runtime
from console.cases.closing import ClosedCase
from console.errors import StoreError, WorkspaceError
from console.mentions.queries import AuthorInfo
from console.trust.lookalike import LookalikeCheck
from console.ui.accounts_dialog import AccountsController, AccountsDialog
from console.ui.bridge import EngineBridge
from console.ui.canned_dialog import CannedRepliesController, CannedRepliesDialog
from console.ui.case_alerts import CaseAlerts
from console.ui.case_panel import CaseController
from console.ui.composer import ComposerController
from console.ui.desktop import Desktop, apply_settings, install
from console.ui.feed_pane import FeedController
from console.ui.i18n import install_translations, translations_installed
from console.ui.main_window import MainController, MainWindow, fit_on_screen
from console.ui.profile_panel import ProfileController
from console.ui.quit_dialog import QuitGuard
from console.ui.rules_dialog import RulesController, RulesDialog
from console.ui.sync_status import SyncStatusController
from console.ui.thread_view import ThreadController
from console.ui.tray import TrayIcon
from console.ui.triage_strip import TriageStripController
from console.ui.undo_toast import UndoToast
from console.ui.welcome import show_welcome


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
    triage: TriageStripController
    case: CaseController | None = None
    alerts: CaseAlerts | None = None
    undo: UndoToast | None = None  # "Case closed. [Undo]" over the feed
    quit_guard: QuitGuard | None = None  # asks before quitting with replies pending
    presence: WorkspacePresence | None = None  # tells other windows this one is open
    desktop: Desktop | None = None  # settings, shortcuts help, feed keys, tray, layout


def application(language: str | None = None) -> QApplication:
    """The running QApplication, created with the desktop identity when there is none.

    `language` is the workspace's setting; the translators are installed the first time
    (following the system locale when no workspace is known yet) or when it is given."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Posventa")
    app.setApplicationDisplayName("Posventa")
    app.setApplicationVersion(console.__version__)
    QGuiApplication.setDesktopFileName(console.APP_ID)
    if app.windowIcon().isNull():
        from console.ui.app_icon import app_icon

        app.setWindowIcon(app_icon())
    if app.property("posventaColours") is None:  # the desktop turned dark or light
        app.setProperty("posventaColours", True)
        from console.ui import colours

        QGuiApplication.styleHints().colorSchemeChanged.connect(
            lambda _scheme: colours.adapt(app.palette()))
    if language is not None or not translations_installed():
        install_translations(language or "system")
    return app


def open_elsewhere_text(demo: bool) -> str:
    """What a window says when another window has its workspace open."""
    if demo:
        return QCoreApplication.translate(
            "Console", "This demo workspace is open in another window, which holds its "
            "sign-ins: work there, or start a new demo.")
    return QCoreApplication.translate(
        "Console", "This workspace is also open in another Posventa window; both show the "
        "same mentions and cases.")


def build_console(runtime: Runtime, page_size: int = 200,
                  reopen: Callable[[], None] | None = None) -> Console:
    """Build the main window for `runtime` (the engine is not started here); `reopen`
    closes it to open the workspace again (its database changed)."""
    window = MainWindow(runtime.workspace.path.name)
    owner: QObject = window
    presence = WorkspacePresence(runtime.workspace.path)
    if presence.others():
        runtime.engine.report_workspace(open_elsewhere_text(runtime.workspace.settings.demo))
    bridge = EngineBridge(owner)
    bridge.attach(runtime.engine)
    feed = FeedController(window.feed, runtime.feed, page_size, owner, cases=runtime.cases)
    profile = ProfileController(window.profile, runtime.profile, runtime.people, owner)
    profile.message.connect(lambda text: window.statusBar().showMessage(text, 6000))
    lookalikes = LookalikeCheck(runtime.accounts.list)

    def impersonation(author: AuthorInfo) -> str:
        return lookalikes.warning(author.channel, author.remote_id, author.handle,
                                  author.display_name)

    profile.impersonation = impersonation
    feed.model.impersonation = lambda row: lookalikes.warning(
        row.channel, row.author_remote_id, row.author_handle, row.author_name)
    thread = ThreadController(window.thread, runtime.profile, runtime.replies, owner,
                              impersonation=impersonation)
    thread.linkRefused.connect(window.statusBar().showMessage)
    composer = ComposerController(window.composer, runtime.replies, runtime.profile, owner,
                                  canned=runtime.canned)
    status = SyncStatusController(window.status_bar.chips, window.outbox_label,
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
        bridge.accountStatus.connect(controller.on_account_status)
        dialog.exec()
        dialog.deleteLater()

    def open_canned() -> None:
        dialog = CannedRepliesDialog(window)
        CannedRepliesController(dialog, runtime.canned, dialog)
        dialog.exec()
        dialog.deleteLater()

    window.canned_action.triggered.connect(open_canned)
    triage = TriageStripController(window.triage, runtime.triage_service, owner)
    feed.mentionSelected.connect(triage.on_mention_selected)
    feed.selectionCleared.connect(triage.clear)
    bridge.mentionsChanged.connect(triage.on_mentions_changed)
    triage.mentionsChanged.connect(feed.on_mentions_changed)
    triage.mentionsChanged.connect(thread.on_mentions_changed)
    triage.message.connect(lambda text: window.statusBar().showMessage(text, 8000))

    def open_rules() -> None:
        dialog = RulesDialog(window)
        RulesController(dialog, runtime.rules, dialog)
        dialog.exec()
        dialog.deleteLater()

    window.rules_action.triggered.connect(open_rules)
    from console.ui.history_actions import install_history_actions

    install_history_actions(window, runtime, feed)
    from console.ui.casefile_dialogs import install_case_file_actions

    install_case_file_actions(window, runtime, feed)
    case = CaseController(window.case_panel, runtime.cases, owner)
    feed.mentionSelected.connect(lambda mention_id, _author: case.show_mention(mention_id))
    feed.mentionOpened.connect(case.open_mention)
    feed.selectionCleared.connect(case.clear)
    case.caseChanged.connect(feed.on_mentions_changed)
    undo = UndoToast(window.feed.table)  # floats over the list: no row moves
    closed_from: dict[int, int] = {}  # case id -> the mention the agent closed it from

    def offer_undo(closed: ClosedCase, text: str) -> None:
        closed_from[closed.case_id] = feed.current_mention()
        undo.offer(text, closed)

    def undo_close(closed: ClosedCase) -> None:
        if case.undo_close(closed):
            feed.show_new()  # the case's rows come back where they belong
            feed.select_mention(closed_from.pop(closed.case_id, 0))

    case.caseClosed.connect(offer_undo)
    quit_guard = QuitGuard(window, runtime.replies)
    window.allow_close = quit_guard.allow_close
    undo.undoRequested.connect(undo_close)
    bridge.mentionsAdded.connect(case.on_mentions_added)
    bridge.mentionsChanged.connect(case.on_mentions_changed)
    tray_icon = TrayIcon.create(window, runtime.feed, runtime.cases, owner)
    tray = tray_icon.notify if tray_icon is not None else None

    def alert(title: str, text: str) -> None:
        window.statusBar().showMessage(QCoreApplication.translate(
            "Console", "{title}: {text}").format(title=title, text=text.splitlines()[0]), 15_000)
        if tray is not None:
            tray(title, text)

    alerts = CaseAlerts(runtime.cases, alert, owner)
    main = MainController(window, bridge, feed, profile, thread, composer, status,
                          runtime.engine.wake, open_accounts, owner)
    desktop = install(window, runtime, bridge, feed, composer, case, tray_icon, owner, reopen)
    return Console(window, bridge, feed, profile, thread, composer, status, main, triage,
                   case=case, alerts=alerts, desktop=desktop, undo=undo,
                   quit_guard=quit_guard, presence=presence)


def run_gui(runtime: Runtime, smoke_test: bool = False) -> int:
    """Show the console for `runtime`, run the event loop, stop the engine on close.

    When File > Team database… connects or disconnects, the window closes and opens again
    on the workspace's other database, without a restart (the caller closes `runtime`).
    `smoke_test` ends the event loop once the first mentions show (see `ui/smoke.py`)."""
    app = application(runtime.workspace.settings.language)
    current = runtime
    try:
        while True:
            asked: list[bool] = []
            code = _run_console(app, current, smoke_test, asked)
            if not asked:
                return code
            folder = current.workspace.path
            current.close()  # its engine and database first: then the other database
            try:
                current = open_runtime(folder)
            except (WorkspaceError, StoreError) as exc:  # the new database is unreachable
                QMessageBox.warning(None, "Posventa", str(exc))
                return 1
    finally:
        if current is not runtime:
            current.close()


def _run_console(app: QApplication, runtime: Runtime, smoke_test: bool,
                 asked: list[bool]) -> int:
    """One window on `runtime` until it closes; `asked` gets an entry when it closed to
    open the workspace again."""
    def reopen() -> None:
        if built.window.close():  # drafts are saved as on any close
            asked.append(True)
            app.exit(0)

    apply_settings(runtime, runtime.workspace.settings)  # theme, agent name
    built = build_console(runtime, reopen=reopen)
    built.window.show()
    fit_on_screen(built.window)  # the frame is known once shown: all of it on screen
    if smoke_test:
        from console.ui.smoke import SmokeCheck

        SmokeCheck(built.feed.model, parent=built.window)
    # Once the event loop runs: a first start without accounts greets the agent.
    QTimer.singleShot(0, built.window, lambda: show_welcome(
        built.window, FirstRun(runtime.workspace), built.main.open_accounts))
    if built.alerts is not None:
        built.alerts.start()
    runtime.engine.start()
    try:
        return app.exec()
    finally:
        built.bridge.close()
        if built.presence is not None:
            built.presence.leave()
        runtime.engine.stop()
        # Destroy the window here, while every Python object behind it is intact.
        shiboken6.delete(built.window)
