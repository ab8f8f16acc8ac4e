"""The status bar's words: how each account's sync is going, and what the outbox holds."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtWidgets import QLabel

from console.i18n import QT_TRANSLATE_NOOP
from console.sync.events import AccountStatus, OutboxChanged
from console.ui import labels

STATE_WORDS = {  # English source text; shown through state_word()
    "idle": QT_TRANSLATE_NOOP("SyncStatus", "idle"),
    "syncing": QT_TRANSLATE_NOOP("SyncStatus", "syncing…"),
    "ok": QT_TRANSLATE_NOOP("SyncStatus", "ok"),
    "offline": QT_TRANSLATE_NOOP("SyncStatus", "offline"),
    "error": QT_TRANSLATE_NOOP("SyncStatus", "error"),
    "rate_limited": QT_TRANSLATE_NOOP("SyncStatus", "rate limited"),
    "auth": QT_TRANSLATE_NOOP("SyncStatus", "sign in again"),
    "elsewhere": QT_TRANSLATE_NOOP("SyncStatus", "pulled by another console"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SyncStatus", text)


def state_word(state: str) -> str:
    """An account's sync state (ok, offline, rate limited...) in the interface language."""
    word = STATE_WORDS.get(state)
    return _tr(word) if word is not None else state


def mode_word(mode: str) -> str:
    """"live" (the account streams) or "polling", in the interface language."""
    if mode == "live":
        return QCoreApplication.translate("SyncStatus", "live")
    if mode == "polling":
        return QCoreApplication.translate("SyncStatus", "polling")
    return state_word("ok")


def account_label(label: str) -> str:
    """An account's label ("feed @blog (host)") with its channel kind in the interface
    language; the handle and the host are data and stay as they are."""
    kind, space, rest = label.partition(" ")
    return f"{labels.channel_label(kind)}{space}{rest}"


def account_text(status: AccountStatus) -> str:
    """E.g. "mastodon @ventalia: live · 12 new" or "mastodon @ventalia: offline: timed out"."""
    name = account_label(status.label.split(" (", 1)[0])  # the host is in the tooltip
    state = state_word(status.state)
    if status.state == "ok":
        word = mode_word(status.mode)  # "live" (streaming) or "polling"
        return f"{name}: {word} · {status.message}" if status.message else f"{name}: {word}"
    if status.state == "auth":
        return QCoreApplication.translate(
            "SyncStatus", "%1: sign in again (File ▸ Accounts…)").replace("%1", name)
    return f"{name}: {state}: {status.message}" if status.message else f"{name}: {state}"


def outbox_text(counts: dict[str, int]) -> str:
    """E.g. "Outbox: 2 queued · 0 sending · 1 failed" (numbers in the agent's locale)."""
    return QCoreApplication.translate(
            "SyncStatus", "Outbox: {queued} queued · {sending} sending · {failed} failed").format(
        queued=labels.count_text(counts.get("queued", 0)),
        sending=labels.count_text(counts.get("sending", 0)),
        failed=labels.count_text(counts.get("failed", 0)))


class SyncStatusController(QObject):
    """Keeps the two status bar labels current from engine events (on the GUI thread)."""

    def __init__(self, sync_label: QLabel, outbox_label: QLabel, statuses: list[AccountStatus],
                 counts: dict[str, int], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sync_label = sync_label
        self.outbox_label = outbox_label
        self.statuses: dict[int, AccountStatus] = {s.account_id: s for s in statuses}
        self._show_sync()
        self.on_outbox_changed(OutboxChanged(counts))

    @Slot(object)
    def on_account_status(self, status: AccountStatus) -> None:
        self.statuses[status.account_id] = status
        self._show_sync()

    @Slot(int)
    def forget_account(self, account_id: int) -> None:
        self.statuses.pop(account_id, None)
        self._show_sync()

    @Slot(object)
    def on_outbox_changed(self, event: OutboxChanged) -> None:
        self.outbox_label.setText(outbox_text(event.counts))
        failed = event.counts.get("failed", 0)
        self.outbox_label.setStyleSheet(
            f"color: {labels.COMPLAINT_COLOUR.name()};" if failed else "")

    def _show_sync(self) -> None:
        if not self.statuses:
            self.sync_label.setText(QCoreApplication.translate(
                "SyncStatus", "No sync yet (File ▸ Accounts… adds an account)"))
            self.sync_label.setToolTip("")
            return
        ordered = [self.statuses[k] for k in sorted(self.statuses)]
        self.sync_label.setText("   |   ".join(account_text(s) for s in ordered))
        self.sync_label.setToolTip(labels.tooltip("\n".join(
            f"{account_label(s.label)}: {state_word(s.state)} {s.message}".strip()
            for s in ordered)))
        troubled = any(s.state in ("offline", "error", "rate_limited", "auth") for s in ordered)
        self.sync_label.setStyleSheet(
            f"color: {labels.NEGATIVE_COLOUR.name()};" if troubled else "")
