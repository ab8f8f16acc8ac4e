"""The desktop extras around the main window: settings, shortcuts help, feed keys, tray
alerts and the saved layout. ``build_console`` calls :func:`install` once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Slot

from console.app.runtime import Runtime
from console.app.settings import Settings
from console.ui import shortcuts
from console.ui.bridge import EngineBridge
from console.ui.case_panel import CaseController
from console.ui.composer import ComposerController
from console.ui.feed_pane import FeedController
from console.ui.main_window import MainWindow
from console.ui.settings_dialog import SettingsController, SettingsDialog, apply_theme
from console.ui.team_dialog import install_team_action
from console.ui.tray import TrayIcon, UrgentNotifier
from console.ui.window_state import WindowStateKeeper


class FeedKeys(QObject):
    """The feed's single-letter keys: r reply, a assign, e close (see shortcuts.TABLE)."""

    def __init__(self, window: MainWindow, runtime: Runtime, feed: FeedController,
                 composer: ComposerController, case: CaseController | None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window, self.runtime = window, runtime
        self.feed, self.composer, self.case = feed, composer, case
        table = window.feed.table
        shortcuts.bind(table, "reply", self.reply)
        shortcuts.bind(table, "assign", self.assign)
        shortcuts.bind(table, "close", self.close)

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 6000)

    @Slot()
    def reply(self) -> None:
        if not self.feed.current_mention():
            self._say(self.tr("Select a mention first."))
            return
        self.feed.open_current()  # claims the case as Enter does
        self.composer.focus()

    @Slot()
    def assign(self) -> None:
        if self.case is None or not self.case.focus_assignee():
            self._say(self.tr("This mention has no case to assign; open one in the case "
                              "panel first."))

    @Slot()
    def close(self) -> None:
        """Close the selected mention's case, or mark a mention without a case closed."""
        mention = self.feed.current_mention()
        if not mention:
            self._say(self.tr("Select a mention first."))
            return
        if self.case is not None and self.case.case is not None:
            if self.case.close_case():
                self._say(self.tr("Case closed."))
            elif self.case.case.status == "closed":
                self._say(self.tr("The case is already closed."))
            return
        try:
            self.runtime.feed.set_status([mention], "closed")
        except Exception as exc:  # a busy or full database: say so, nothing is lost
            self._say(self.tr("Could not close the mention: {0}").format(type(exc).__name__))
            return
        self.feed.on_mentions_changed([mention])
        self._say(self.tr("Mention marked closed."))


@dataclass
class Desktop:
    """What :func:`install` made (tests reach into these)."""

    keys: FeedKeys
    layout: WindowStateKeeper
    notifier: UrgentNotifier
    tray: TrayIcon | None


def apply_settings(runtime: Runtime, settings: Settings) -> None:
    """Apply saved settings at once: the engine reads its intervals from the same object;
    the agent name and the theme are handed on here. The language applies at restart."""
    name = settings.agent_name
    if name:
        for service in (runtime.cases, runtime.people, runtime.replies,
                        runtime.triage_service):
            if hasattr(service, "agent"):
                service.agent = name
    apply_theme(settings.theme)


def install(window: MainWindow, runtime: Runtime, bridge: EngineBridge, feed: FeedController,
            composer: ComposerController, case: CaseController | None,
            tray: TrayIcon | None, owner: QObject,
            reopen: Callable[[], None] | None = None) -> Desktop:
    """Wire the extras to a built window; `tray` is the shared tray icon (or None);
    `reopen` opens the window again after File > Team database… switched databases."""

    def open_settings() -> None:
        dialog = SettingsDialog(runtime.workspace.settings, runtime.cases.settings(), window)
        SettingsController(dialog, runtime.workspace, runtime.cases,
                           lambda s: apply_settings(runtime, s), dialog)
        dialog.exec()
        dialog.deleteLater()

    def open_shortcuts() -> None:
        dialog = shortcuts.ShortcutsDialog(window)
        dialog.exec()
        dialog.deleteLater()

    window.settings_action.triggered.connect(open_settings)
    install_team_action(window, runtime.workspace.path, reopen)
    window.shortcuts_action.triggered.connect(open_shortcuts)
    keys = FeedKeys(window, runtime, feed, composer, case, owner)
    layout = WindowStateKeeper(window, runtime.workspace.path, owner)
    bar = window.statusBar()  # not the window: the notifier must not keep it alive

    def show_in_bar(title: str, text: str) -> None:
        bar.showMessage(QCoreApplication.translate("Console", "{title}: {text}").format(
            title=title, text=text), 15_000)

    notify = tray.notify if tray is not None else show_in_bar
    notifier = UrgentNotifier(runtime.feed, runtime.cases, runtime.workspace.settings,
                              notify, owner)
    bridge.mentionsAdded.connect(notifier.on_mentions_added)
    if tray is not None:
        bridge.mentionsAdded.connect(tray.schedule)
        bridge.mentionsChanged.connect(tray.schedule)
        feed.model.modelReset.connect(tray.schedule)
    return Desktop(keys, layout, notifier, tray)
