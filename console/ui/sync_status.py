"""The status bar's words: how each account's sync is going, and what the outbox holds."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtWidgets import QLabel

from console.cases.wording import sentence
from console.i18n import QT_TRANSLATE_NOOP
from console.sync.events import AccountStatus, OutboxChanged
from console.ui import labels
from console.ui.status_chips import AccountChips

TROUBLED = ("offline", "error", "rate_limited", "auth")

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


def chip_state(status: AccountStatus) -> str:
    """The short state a chip always shows whole: "live", "polling", "offline"…"""
    if status.state == "ok":
        return mode_word(status.mode)
    return state_word(status.state)


def status_sentences(status: AccountStatus) -> str:
    """The chip's tooltip: the account, its state, and what happens next, in sentences.
    E.g. "mastodon @ventalia (host): offline. The server refused the connection. It is
    tried again automatically." """
    name = account_label(status.label)
    state = chip_state(status)
    text = f"{name}: {state}."
    detail = status.message.strip()
    if detail and detail.startswith(status.label.split(" (", 1)[0] + ":"):
        detail = detail.split(":", 1)[1].strip()  # the account's name is said already
    if detail:
        text += " " + sentence(detail)
    if status.state in ("offline", "error", "rate_limited"):
        text += " " + _tr("It is tried again automatically.")
    elif status.state == "auth":
        text += " " + _tr("Sign in again in File ▸ Accounts…")
    return text


def outbox_text(counts: dict[str, int]) -> str:
    """E.g. "Outbox: 2 queued · 0 sending · 1 failed" (numbers in the agent's locale)."""
    return QCoreApplication.translate(
            "SyncStatus", "Outbox: {queued} queued · {sending} sending · {failed} failed").format(
        queued=labels.count_text(counts.get("queued", 0)),
        sending=labels.count_text(counts.get("sending", 0)),
        failed=labels.count_text(counts.get("failed", 0)))


class SyncStatusController(QObject):
    """Keeps the account chips and the outbox counter current from engine events (on the
    GUI thread)."""

    def __init__(self, chips: AccountChips, outbox_label: QLabel, statuses: list[AccountStatus],
                 counts: dict[str, int], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.chips = chips
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
            self.chips.placeholder.setText(QCoreApplication.translate(
                "SyncStatus", "No account syncs yet. File ▸ Accounts… adds one."))
        ordered = [self.statuses[k] for k in sorted(self.statuses)]
        self.chips.set_chips([
            (account_label(s.label.split(" (", 1)[0]), chip_state(s), status_sentences(s),
             s.state in TROUBLED) for s in ordered])
