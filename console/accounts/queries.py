"""Brand accounts, their pull cursors, and the watch list of tracked terms."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from console.channels.network import ChannelAccount
from console.store.db import Store
from console.store.models import Account, Cursor, Watch
from console.store.timeutil import to_db, utcnow


@dataclass(frozen=True)
class AccountInfo:
    """An account as the CLI and the UI show it (never with its token)."""

    id: int
    kind: str
    base_url: str
    handle: str
    display_name: str
    remote_id: str
    enabled: bool
    settings: dict[str, Any]

    @property
    def label(self) -> str:
        host = self.base_url.split("://", 1)[-1].rstrip("/")
        return f"{self.kind} @{self.handle or '?'} ({host})"

    def for_channel(self) -> ChannelAccount:
        """What its channel needs to open (the secrets come apart, from the keyring)."""
        return ChannelAccount(self.kind, self.base_url, self.handle, self.settings)


@dataclass(frozen=True)
class WatchInfo:
    id: int
    term: str
    kind: str
    lang: str | None
    exclude: tuple[str, ...]
    context: tuple[str, ...]
    active: bool


def _account_info(row: Account) -> AccountInfo:
    return AccountInfo(
        id=row.id, kind=row.kind, base_url=row.base_url, handle=row.handle,
        display_name=row.display_name, remote_id=row.remote_id, enabled=row.enabled,
        settings=json.loads(row.settings or "{}"),
    )


def add_account(store: Store, kind: str, base_url: str, handle: str = "",
                display_name: str = "", remote_id: str = "",
                settings: dict[str, Any] | None = None) -> AccountInfo:
    with store.write():
        row = Account.create(
            kind=kind, base_url=base_url.rstrip("/"), handle=handle, display_name=display_name,
            remote_id=remote_id, settings=json.dumps(settings or {}),
            created_at=to_db(utcnow()),
        )
    return _account_info(row)


def list_accounts(store: Store) -> list[AccountInfo]:
    return [_account_info(a) for a in Account.select().order_by(Account.id)]


def get_account(store: Store, account_id: int) -> AccountInfo | None:
    row = Account.get_or_none(Account.id == account_id)
    return _account_info(row) if row else None


def remove_account(store: Store, account_id: int) -> bool:
    with store.write():
        return Account.delete().where(Account.id == account_id).execute() > 0


def update_account(store: Store, account_id: int, **changes: Any) -> None:
    """Change handle/display_name/remote_id, or merge keys into settings."""
    with store.write():
        row = Account.get_by_id(account_id)
        settings = changes.pop("settings", None)
        for key, value in changes.items():
            setattr(row, key, value)
        if settings:
            merged = json.loads(row.settings or "{}")
            merged.update(settings)
            row.settings = json.dumps(merged)
        row.save()


def get_cursor(account_id: int, name: str) -> str | None:
    row = Cursor.get_or_none((Cursor.account == account_id) & (Cursor.name == name))
    return row.value if row else None


def set_cursor(account_id: int, name: str, value: str) -> None:
    """Save a cursor; call inside the transaction that stores the posts it covers."""
    (Cursor.insert(account=account_id, name=name, value=value)
     .on_conflict(conflict_target=[Cursor.account, Cursor.name],
                  update={Cursor.value: value})
     .execute())


def _watch_info(row: Watch) -> WatchInfo:
    return WatchInfo(
        id=row.id, term=row.term, kind=row.kind, lang=row.lang,
        exclude=tuple(json.loads(row.exclude or "[]")),
        context=tuple(json.loads(row.context or "[]")), active=row.active,
    )


def add_watch(store: Store, term: str, lang: str | None = None,
              exclude: tuple[str, ...] = (), context: tuple[str, ...] = ()) -> WatchInfo:
    """Track a term; a leading '#' makes it a hashtag watch."""
    term = term.strip()
    if not term or term == "#":
        raise ValueError("a watch term cannot be empty")
    kind = "hashtag" if term.startswith("#") else "keyword"
    clean = term.lstrip("#") if kind == "hashtag" else term
    with store.write():
        existing = Watch.get_or_none((Watch.term == clean) & (Watch.kind == kind))
        if existing:
            return _watch_info(existing)
        row = Watch.create(term=clean, kind=kind, lang=lang, exclude=json.dumps(list(exclude)),
                           context=json.dumps(list(context)), created_at=to_db(utcnow()))
    return _watch_info(row)


def list_watches(store: Store, active_only: bool = False) -> list[WatchInfo]:
    query = Watch.select().order_by(Watch.id)
    if active_only:
        query = query.where(Watch.active == True)  # noqa: E712 (peewee expression)
    return [_watch_info(w) for w in query]


def remove_watch(store: Store, watch_id: int) -> bool:
    with store.write():
        return Watch.delete().where(Watch.id == watch_id).execute() > 0
