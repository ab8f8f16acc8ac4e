"""One data folder: the database, the settings and the secret store of a workspace.

The folder is created readable by the user only. Opening checks the database file,
moves a corrupt one aside (never deletes it), and brings its schema up to date after a
backup copy.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from peewee import OperationalError

from console.app.folders import DB_NAME, private_dir
from console.app.secrets import SecretStore, team_password_key
from console.app.settings import Settings, SettingsError
from console.errors import StoreError, WorkspaceError
from console.replies import outbox
from console.store import migrations
from console.store.db import (
    Store,
    check_integrity,
    database_proxy,
    keep_workspace_id,
    kept_workspace_id,
)
from console.store.files import (
    forget_stopped,
    log_lost,
    log_of_another_file,
    mark_closed,
    mark_open,
)
from console.store.postgres import TeamStore, open_team_store
from console.store.timeutil import utcnow

SETTINGS_NAME = "settings.json"


@dataclass(frozen=True)
class BackupOffer:
    """A copy of the database that can be put back: a backup, or a pre-upgrade copy."""

    path: Path
    taken_at: datetime  # UTC
    kind: str  # "backup" (backups/ folder) or "upgrade copy" (posventa.db.v<N>.bak)


class WorkspaceCorrupt(WorkspaceError):
    """The database file is damaged; it was moved aside to `aside`.

    ``offers`` are the copies that could replace it, newest first (``backups`` the same
    as paths). Until one is restored or the agent starts empty (``Workspace(...,
    start_empty=True)``), opening the workspace raises this again.
    """

    def __init__(self, message: str, aside: Path, offers: list[BackupOffer]) -> None:
        super().__init__(message)
        self.aside = aside
        self.offers = offers
        self.backups = [offer.path for offer in offers]

    def advice(self) -> str:
        """What the agent can do, in a few lines for the terminal."""
        lines = [f"The damaged file was kept as {self.aside}."]
        if self.offers:
            lines.append("Copies that can replace it, newest first:")
            for offer in self.offers:
                when = offer.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
                lines.append(f"  {when}  {offer.kind:12}  {offer.path}")
            lines.append(f"To put the newest back: posventa restore {self.offers[0].path}")
            lines.append("To start with an empty database instead: posventa restore --empty")
        else:
            lines.append("There is no backup to restore; the next start uses an empty database.")
        return "\n".join(lines)


def backup_offers(folder: Path) -> list[BackupOffer]:
    """The backups in ``folder/backups`` and the pre-upgrade copies, newest first."""
    from console.app.backup import BackupError, backup_time, default_backup_dir, list_backups

    offers = []
    try:
        for path in list_backups(default_backup_dir(folder)):
            taken = backup_time(path)
            if taken is not None:
                offers.append(BackupOffer(path, taken, "backup"))
    except BackupError:
        pass  # an unreadable backups folder offers nothing
    for path in folder.glob(f"{DB_NAME}.v*.bak"):
        with contextlib.suppress(OSError):
            taken = datetime.fromtimestamp(path.stat().st_mtime, UTC)
            offers.append(BackupOffer(path, taken, "upgrade copy"))
    offers.sort(key=lambda offer: offer.taken_at, reverse=True)
    return offers


def _read_only(folder: Path) -> str:
    return (f"the workspace folder {folder} is read-only; Posventa needs to write there "
            "(make it writable, or choose another folder with --workspace)")


class Workspace:
    """An open workspace. Only one per process (models bind to one database)."""

    def __init__(self, path: Path, *, memory_secrets: bool = False,
                 start_empty: bool = False, verify: bool = False) -> None:
        """``verify`` reads every page before anything is written (the command line: a
        damage in the middle of the file stops the command; the window has the engine
        check in the background instead)."""
        self.path = Path(path).expanduser().resolve()
        try:
            private_dir(self.path)
        except OSError as exc:
            if exc.errno == errno.EROFS:
                raise WorkspaceError(_read_only(self.path)) from None
            raise WorkspaceError(f"cannot create the workspace folder {self.path}: "
                                 f"{exc.strerror or exc}") from None
        if not os.access(self.path, os.W_OK):
            raise WorkspaceError(_read_only(self.path))
        # Sentences the agent must read once this workspace is open (the CLI prints them
        # on stderr, the window shows them in its status bar): what was found and done.
        self.notices: list[str] = []
        self._open_entry: Path | None = None  # this console's "open" mark (store/files.py)
        self.settings_path = self.path / SETTINGS_NAME
        self.settings, damage = Settings.read(self.settings_path)
        if damage:
            self._keep_broken_settings(damage)
        self.db_path = self.path / DB_NAME
        self.migrated: tuple[int, int, Path | None] = (0, 0, None)
        self.store: Store
        if self.settings.team_url:
            # Team mode: the local database stays as it was, untouched, for `team disconnect`.
            if not self.settings.workspace_id:  # the keyring's namespace for this console
                self.settings.workspace_id = uuid.uuid4().hex
                self.save_settings()
            self.secrets = SecretStore(self.settings.workspace_id, memory_only=memory_secrets)
            self._open_team()
            return
        # Both asked before anything opens the file (SQLite would apply or restart the log).
        if log_of_another_file(self.db_path):
            self._keep_foreign_log_aside()
        lost_log = log_lost(self.db_path)
        self._check_file(start_empty)
        self.store = local = Store(self.db_path)
        database_proxy.initialize(self.store.db)
        if verify and self.db_path.exists():
            try:
                self._verify()  # before a migration or anything else writes
            except BaseException:
                self.store.close()
                raise
        try:
            local.db.connect(reuse_if_open=True)
            self.migrated = migrations.migrate(local.db, self.db_path)
            os.chmod(self.db_path, 0o600)
            for suffix in ("-wal", "-shm"):  # made before the chmod on a new database
                with contextlib.suppress(FileNotFoundError):
                    os.chmod(f"{self.db_path}{suffix}", 0o600)
        except (OperationalError, sqlite3.OperationalError) as exc:
            self.store.close()
            raise WorkspaceError(f"cannot open the database in {self.path}: {exc}") from None
        except migrations.SchemaTooNew as exc:
            self.store.close()
            raise WorkspaceError(str(exc)) from None
        try:
            self._settle_workspace_id()
            if lost_log:
                self._after_lost_log()
            forget_stopped(self.db_path)
            self._open_entry = mark_open(self.db_path)
        except BaseException:
            self.store.close()
            raise
        self.secrets = SecretStore(self.settings.workspace_id, memory_only=memory_secrets)

    @property
    def is_team(self) -> bool:
        """Whether this workspace works in the team's PostgreSQL database."""
        return isinstance(self.store, TeamStore)

    def _open_team(self) -> None:
        """Open the team database named in the settings, creating or upgrading its schema;
        one sentence (WorkspaceError) when it cannot be used."""
        url = self.settings.team_url
        try:
            store, before, after = open_team_store(
                url, self.secrets.get_named(team_password_key(url)))
        except StoreError as exc:
            raise WorkspaceError(str(exc)) from None
        self.store = store
        database_proxy.initialize(store.db)
        self.migrated = (before, after, None)

    def _verify(self) -> None:
        """Every page read once: a damaged file is left as it is (``posventa restore``
        keeps it aside when a backup goes back) and nothing is written to it."""
        problem = check_integrity(self.db_path, thorough=True)
        if problem is not None:
            raise self.store.mark_damaged(problem)

    def _after_lost_log(self) -> None:
        """The write-ahead log of a console that stopped without closing was deleted: its
        changes are gone. Cursors went back with the mentions (the next pull fetches them
        again); a reply may be on the network though it reads "queued", so every unsent
        one is looked for there before it leaves (console/sync/outbox.py)."""
        log = f"{DB_NAME}-wal"
        unsure = outbox.mark_pending_unknown(
            self.store, f"the database lost its latest changes ({log} was deleted); "
            "looking on the network before sending")
        self.notices.append(
            f"the database's write-ahead log ({log}) was deleted after Posventa stopped "
            "without closing, so its latest changes are lost; mentions are fetched again "
            f"and {unsure} unsent replies will be looked for on the network before any "
            "is sent")

    def _keep_foreign_log_aside(self) -> None:
        """The database file was replaced while a console had it open, and that console's
        write-ahead log stayed: it belongs to the old file, and applying it to this one
        would damage it. It is kept aside, unapplied, and the agent is told."""
        stamp = utcnow().strftime("%Y%m%dT%H%M%SZ")
        log = f"{DB_NAME}-wal"
        aside = self.db_path.with_name(f"{log}.of-another-file-{stamp}")
        try:
            Path(f"{self.db_path}-wal").rename(aside)
            with contextlib.suppress(FileNotFoundError):
                Path(f"{self.db_path}-shm").unlink()  # an index of that log, rebuilt at open
        except OSError as exc:
            raise WorkspaceError(f"the write-ahead log {log} belongs to another copy of the "
                                 f"database and cannot be moved aside: "
                                 f"{exc.strerror or exc}") from None
        mark_closed(self.db_path)
        self.notices.append(
            f"{DB_NAME} was replaced while Posventa had it open, and the write-ahead log of "
            f"the file it replaced was still beside it; that log was not applied (it would "
            f"damage this file) and was kept as {aside.name}")

    def _keep_broken_settings(self, damage: str) -> None:
        """Move an unreadable settings file aside (never delete what the agent set) and
        say so; the defaults apply until the agent sets them again."""
        stamp = utcnow().strftime("%Y%m%dT%H%M%SZ")
        aside = self.settings_path.with_name(f"{SETTINGS_NAME}.broken-{stamp}")
        try:
            self.settings_path.rename(aside)
        except OSError as exc:
            raise WorkspaceError(f"the settings file {self.settings_path} is damaged ({damage}) "
                                 f"and cannot be moved aside: {exc.strerror or exc}") from None
        self.notices.append(
            f"the settings file was damaged ({damage}); it was kept as {aside.name} and the "
            "default settings apply (the workspace, its accounts and their sign-ins are "
            "unchanged)")

    def _settle_workspace_id(self) -> None:
        """The database holds the workspace id (the keyring namespace of its secrets);
        settings.json only mirrors it. A database from before that adopts the id of the
        settings file; a new workspace gets a new one."""
        with self.store.write():
            kept = kept_workspace_id(self.store.db)
            if kept is None:
                kept = keep_workspace_id(self.store.db,
                                         self.settings.workspace_id or uuid.uuid4().hex)
        if self.settings.workspace_id != kept or not self.settings_path.exists():
            self.settings.workspace_id = kept
            self.save_settings()

    def _check_file(self, start_empty: bool) -> None:
        if not self.db_path.exists():
            if not start_empty:
                self._recovery_pending()
            return
        if self.db_path.stat().st_size == 0:
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
        mark_closed(self.db_path)  # its log went aside with it
        raise WorkspaceCorrupt(
            f"the workspace database was damaged ({problem}); it was kept aside as {aside.name}",
            aside, backup_offers(self.path),
        )

    def _recovery_pending(self) -> None:
        """A damaged database was kept aside and neither a backup nor an empty start was
        chosen yet: say so again rather than quietly starting empty."""
        asides = [p for p in self.path.glob(f"{DB_NAME}.corrupt-*")
                  if not p.name.endswith(("-wal", "-shm"))]
        offers = backup_offers(self.path) if asides else []
        if not offers:
            return
        aside = max(asides, key=lambda p: p.name)
        raise WorkspaceCorrupt(
            f"the workspace database was found damaged and kept aside as {aside.name}; "
            "restore a backup or start with an empty database", aside, offers)

    def save_settings(self) -> None:
        """Save the settings; a full disk or read-only folder raises WorkspaceError."""
        try:
            self.settings.save(self.settings_path)
        except SettingsError as exc:
            raise WorkspaceError(str(exc)) from None

    def close(self) -> None:
        if isinstance(self.store, TeamStore):
            self.store.close()
            return
        # Only a file that holds every change on its own loses nothing with its log.
        if self.store.checkpoint():
            mark_closed(self.db_path, self._open_entry)
        self.store.close()
