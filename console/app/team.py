"""Team mode: pointing a workspace at the team's PostgreSQL database and back.

Used by ``posventa team ...`` and the window's File > Team database… dialog. The
password is only ever in the OS keyring (under the workspace's keyring namespace); the
address without it is in the workspace's local settings. Every fault is a
:class:`TeamError` carrying one sentence.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from peewee import InterfaceError, OperationalError

from console.app.folders import DB_NAME
from console.app.secrets import SecretStore, team_password_key
from console.app.settings import Settings
from console.errors import StoreError, WorkspaceError
from console.i18n import translate
from console.store import migrations, migrations_pg, transfer
from console.store.db import Store
from console.store.postgres import TeamStore, fault_sentence, open_team_store, split_url
from console.store.timeutil import to_db, utcnow

# The team database remembers which workspace's data was migrated into it: that
# workspace's id, so another workspace's `team migrate` is refused.
TEAM_ORIGIN_KEY = "team_origin"

Progress = Callable[[str, int, int], None]


class TeamError(WorkspaceError):
    """Team mode could not do what was asked; the message is one sentence."""


@dataclass(frozen=True)
class TeamStatus:
    """What `posventa team status` shows."""

    url: str  # "" when the workspace uses its own database
    schema: int
    consoles: list[str]  # the other consoles connected now ("posventa/<host>/<process>")


def _settings(folder: Path) -> Settings:
    settings, _damage = Settings.read(folder / "settings.json")
    return settings


def _workspace_id(folder: Path) -> str:
    """The workspace's id (its keyring namespace), made by opening it once if new."""
    settings = _settings(folder)
    if settings.workspace_id:
        return settings.workspace_id
    from console.app.workspace import Workspace

    Workspace(folder, memory_secrets=True).close()
    return _settings(folder).workspace_id


def _secrets(folder: Path, memory_only: bool) -> SecretStore:
    return SecretStore(_workspace_id(folder), memory_only=memory_only)


def _open(url: str, password: str | None) -> TeamStore:
    """The team database, connected and at the current schema (one sentence if not)."""
    try:
        return open_team_store(url, password)[0]
    except StoreError as exc:
        raise TeamError(str(exc)) from None


def connect(folder: Path, url: str, password: str | None = None, *,
            memory_secrets: bool = False) -> TeamStatus:
    """Point the workspace at the team database ``url`` after checking it can be used
    (creating or upgrading its schema). A password written in the address is taken out
    of it; either way the password goes to the keyring only."""
    try:
        clean, inline = split_url(url)
    except ValueError as exc:
        raise TeamError(str(exc)) from None
    password = password if password is not None else inline
    secrets = _secrets(folder, memory_secrets)
    if password and secrets.memory_only and not memory_secrets:
        raise TeamError(translate(
            "Team", "no system keyring is available to keep the team database's password; "
                    "Posventa never writes it to a file, so it cannot connect without one"))
    if password is None:  # connecting again: the password the keyring holds
        password = secrets.get_named(team_password_key(clean))
    store = _open(clean, password)
    try:
        status = _status_of(store, clean)
    finally:
        store.close()
    if password:
        secrets.set_named(team_password_key(clean), password)
    settings = _settings(folder)
    settings.team_url = clean
    _save(folder, settings)
    return status


def disconnect(folder: Path) -> str:
    """Back to the workspace's own database (kept untouched all along); the address that
    was used, or "" when none was."""
    settings = _settings(folder)
    url = settings.team_url
    if not url:
        return ""
    settings.team_url = ""
    _save(folder, settings)
    SecretStore(settings.workspace_id).delete_named(team_password_key(url))
    return url


def _save(folder: Path, settings: Settings) -> None:
    try:
        settings.save(folder / "settings.json")
    except Exception as exc:
        raise TeamError(str(exc)) from None


def _connected(folder: Path, memory_secrets: bool = False) -> tuple[str, TeamStore]:
    url = _settings(folder).team_url
    if not url:
        raise TeamError(translate(
            "Team", "this workspace is not connected to a team database; first: posventa "
                    "team connect postgresql://USER@HOST:PORT/DBNAME"))
    password = _secrets(folder, memory_secrets).get_named(team_password_key(url))
    return url, _open(url, password)


def _status_of(store: TeamStore, url: str) -> TeamStatus:
    return TeamStatus(url, migrations_pg.schema_version(store.db),
                      transfer.consoles_online(store.db))


def status(folder: Path, memory_secrets: bool = False) -> TeamStatus:
    """The team database, its schema version and the consoles connected to it; for a
    workspace on its own database, url "" and the local schema."""
    if not _settings(folder).team_url:
        local = Store(folder / DB_NAME)
        try:
            schema = migrations.schema_version(local.db) if (folder / DB_NAME).exists() else 0
        finally:
            local.close()
        return TeamStatus("", schema, [])
    url, store = _connected(folder, memory_secrets)
    try:
        return _status_of(store, url)
    finally:
        store.close()


def migrate(folder: Path, progress: Progress | None = None,
            memory_secrets: bool = False) -> int:
    """Copy the workspace's own database into the (empty) team database, ids kept, in one
    transaction; the number of rows copied. Refuses a team database that already holds
    data (another team's, or this workspace's from an earlier migrate)."""
    url, team = _connected(folder, memory_secrets)
    local = Store(folder / DB_NAME)
    try:
        if not (folder / DB_NAME).exists():
            raise TeamError(translate("Team", "this workspace has no local database to copy"))
        local.db.connect(reuse_if_open=True)
        migrations.migrate(local.db, folder / DB_NAME)
        mine = _workspace_id(folder)
        with team.write():
            origin = transfer.team_setting(team.db, TEAM_ORIGIN_KEY)
            origin = json.loads(origin) if origin else None
            if origin == mine:
                raise TeamError(translate(
                    "Team", "the team database already holds this workspace's data (it was "
                            "migrated before); nothing was copied"))
            if origin is not None or transfer.holds_data(team.db):
                raise TeamError(translate(
                    "Team", "the team database already holds another team's data; migrate "
                            "into an empty database (nothing was copied)"))
            tables = transfer.sqlite_tables(local.db)
            copied = transfer.copy_tables(local.db, team.db, tables, progress)
            transfer.move_sequences_past_ids(team.db, tables)
            transfer.set_team_setting(team.db, TEAM_ORIGIN_KEY, json.dumps(mine),
                                      to_db(utcnow()))
        return copied
    except (sqlite3.Error, OperationalError) as exc:
        raise TeamError(fault_sentence(exc, url) if isinstance(exc, OperationalError)
                        else str(exc)) from None
    finally:
        local.close()
        team.close()


def export(folder: Path, target: Path, progress: Progress | None = None,
           memory_secrets: bool = False) -> int:
    """Copy the team database into a new SQLite file ``target`` (a local copy a
    workspace can open); the number of rows copied. Nothing is left at ``target`` if
    the copy fails."""
    target = Path(target).expanduser()
    if target.exists():
        raise TeamError(translate("Team", "{file} exists already; name a new file")
                        .format(file=target))
    url, team = _connected(folder, memory_secrets)
    partial = target.with_name(target.name + ".partial")
    copy = Store(partial)
    try:
        copy.db.connect()
        migrations.migrate(copy.db, None)
        tables = transfer.sqlite_tables(copy.db)
        with copy.write():
            copied = transfer.copy_tables(team.db, copy.db, tables, progress)
        copy.close()
        os.chmod(partial, 0o600)
        partial.rename(target)
        return copied
    except (OperationalError, InterfaceError) as exc:
        raise TeamError(fault_sentence(exc, url)) from None
    except (sqlite3.Error, OSError) as exc:
        raise TeamError(translate("Team", "cannot write {file}: {problem}")
                        .format(file=target, problem=exc)) from None
    finally:
        copy.close()
        team.close()
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            if leftover.exists() and leftover != target:
                leftover.unlink()
