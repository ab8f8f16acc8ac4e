"""One data folder: the database, the settings and the secret store of a workspace.

The folder is created readable by the user only. Opening checks the database file,
moves a corrupt one aside (never deletes it), and brings its schema up to date after a
backup copy.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from pathlib import Path

import platformdirs
from peewee import OperationalError

from console.secrets import SecretStore
from console.settings import Settings
from console.store import migrations
from console.store.db import Store, check_integrity, database_proxy
from console.store.timeutil import utcnow

DB_NAME = "posventa.db"
SETTINGS_NAME = "settings.json"


class WorkspaceError(Exception):
    """The workspace cannot be opened; the message says why in plain words."""


class WorkspaceCorrupt(WorkspaceError):
    """The database file is damaged; it was moved aside to `aside`."""

    def __init__(self, message: str, aside: Path, backups: list[Path]) -> None:
        super().__init__(message)
        self.aside = aside
        self.backups = backups


def default_workspace_dir() -> Path:
    """The platform's user data folder, unless POSVENTA_WORKSPACE names another."""
    env = os.environ.get("POSVENTA_WORKSPACE")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("Posventa", appauthor=False)) / "workspace"


def private_dir(path: Path) -> None:
    """Create a folder readable by the user only (0700)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(PermissionError):
        path.chmod(0o700)


class Workspace:
    """An open workspace. Only one per process (models bind to one database)."""

    def __init__(self, path: Path, *, memory_secrets: bool = False) -> None:
        self.path = Path(path).expanduser().resolve()
        try:
            private_dir(self.path)
        except OSError as exc:
            raise WorkspaceError(f"cannot create the workspace folder {self.path}: "
                                 f"{exc.strerror or exc}") from None
        self.settings_path = self.path / SETTINGS_NAME
        self.settings = Settings.load(self.settings_path)
        if not self.settings.workspace_id:
            self.settings.workspace_id = uuid.uuid4().hex
            self.save_settings()
        self.db_path = self.path / DB_NAME
        self._check_file()
        self.store = Store(self.db_path)
        database_proxy.initialize(self.store.db)
        try:
            self.store.db.connect(reuse_if_open=True)
            self.migrated = migrations.migrate(self.store.db, self.db_path)
            os.chmod(self.db_path, 0o600)
        except (OperationalError, sqlite3.OperationalError) as exc:
            self.store.close()
            raise WorkspaceError(f"cannot open the database in {self.path}: {exc}") from None
        except migrations.SchemaTooNew as exc:
            self.store.close()
            raise WorkspaceError(str(exc)) from None
        self.secrets = SecretStore(self.settings.workspace_id, memory_only=memory_secrets)

    def _check_file(self) -> None:
        if not self.db_path.exists() or self.db_path.stat().st_size == 0:
            return
        problem = check_integrity(self.db_path, thorough=False)
        if problem is None:
            return
        stamp = utcnow().strftime("%Y%m%dT%H%M%SZ")
        aside = self.db_path.with_name(f"{DB_NAME}.corrupt-{stamp}")
        self.db_path.rename(aside)
        for suffix in ("-wal", "-shm"):
            extra = self.db_path.with_name(DB_NAME + suffix)
            if extra.exists():
                extra.rename(aside.with_name(aside.name + suffix))
        backups = sorted(self.path.glob(f"{DB_NAME}.v*.bak"), reverse=True)
        raise WorkspaceCorrupt(
            f"the workspace database was damaged ({problem}); it was kept aside as {aside.name}",
            aside, backups,
        )

    def save_settings(self) -> None:
        self.settings.save(self.settings_path)

    def close(self) -> None:
        self.store.close()
