"""The ``posventa backup`` and ``posventa restore`` commands.

``register(subparsers)`` adds both to the main parser. The handlers work on the database
file itself (they never open or migrate the workspace), return an exit code, and report
a problem as one ``posventa: <message>`` line on stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from console.app.backup import (
    BackupError,
    backup_now,
    default_backup_dir,
    list_backups,
    prune,
    restore,
)

EXIT_FAILED = 1


def register(subparsers: Any) -> None:
    """Adds ``backup`` and ``restore`` to an argparse subparsers object."""
    backup: argparse.ArgumentParser = subparsers.add_parser(
        "backup", help="copy the workspace database into <workspace>/backups",
        description="Copy the workspace database (safe while Posventa runs) into "
                    "<workspace>/backups, or list the backups there.")
    backup.add_argument("--keep", type=int, metavar="N",
                        help="then delete all but the N newest backups")
    backup.add_argument("--list", action="store_true", help="list the backups, newest first")
    backup.set_defaults(func=run_backup)

    rest: argparse.ArgumentParser = subparsers.add_parser(
        "restore", help="put a backup back as the workspace database",
        description="Check a backup, keep the current database aside as "
                    "posventa.db.before-restore-<time>, and put the backup in its place. "
                    "Close Posventa first.")
    rest.add_argument("file", type=Path, metavar="FILE", nargs="?",
                      help="the backup to restore")
    rest.add_argument("--empty", action="store_true",
                      help="after a damaged database was kept aside: start with an empty one")
    rest.set_defaults(func=run_restore)


def _workspace(args: argparse.Namespace) -> Path:
    folder = getattr(args, "workspace", None)
    if folder is None:
        from console.app.folders import default_workspace_dir

        folder = default_workspace_dir()
    return Path(folder).expanduser()


def _size(path: Path) -> str:
    size = float(path.stat().st_size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


def run_backup(args: argparse.Namespace, _open_console: object = None,
               stdout: TextIO | None = None,
               stderr: TextIO | None = None) -> int:
    """Handles ``posventa backup [--keep N] [--list]``."""
    out, err = stdout or sys.stdout, stderr or sys.stderr
    workspace = _workspace(args)
    folder = default_backup_dir(workspace)
    try:
        if getattr(args, "list", False):
            found = list_backups(folder)
            if not found:
                print(f"no backups yet in {folder}: posventa backup", file=out)
            for path in found:
                print(f"{path}\t{_size(path)}", file=out)
            return 0
        keep = getattr(args, "keep", None)
        if keep is not None and keep < 1:
            raise BackupError("--keep needs 1 or more")
        written = backup_now(workspace, folder)
        print(written, file=out)
        if keep is not None:
            for old in prune(folder, keep):
                print(f"deleted old backup {old.name}", file=err)
        return 0
    except BackupError as exc:
        print(f"posventa: {exc}", file=err)
        return EXIT_FAILED


def run_restore(args: argparse.Namespace, _open_console: object = None,
                stdout: TextIO | None = None,
                stderr: TextIO | None = None) -> int:
    """Handles ``posventa restore FILE``."""
    out, err = stdout or sys.stdout, stderr or sys.stderr
    if getattr(args, "empty", False):
        return _start_empty(_workspace(args), out, err)
    if args.file is None:
        print("posventa: name the backup to restore (posventa backup --list shows them), "
              "or use --empty", file=err)
        return EXIT_FAILED
    try:
        done = restore(args.file, _workspace(args))
    except BackupError as exc:
        print(f"posventa: {exc}", file=err)
        return EXIT_FAILED
    print(f"restored {done.restored_from} as {done.database}", file=out)
    if done.kept_aside is not None:
        print(f"the previous database was kept as {done.kept_aside}", file=out)
    return 0


def _start_empty(folder: Path, out: TextIO, err: TextIO) -> int:
    """``posventa restore --empty``: a new, empty database beside the damaged one."""
    from console.app.workspace import DB_NAME, Workspace, WorkspaceError

    if (folder / DB_NAME).exists():
        print(f"posventa: {folder / DB_NAME} exists; --empty is only for a workspace whose "
              "damaged database was kept aside", file=err)
        return EXIT_FAILED
    try:
        Workspace(folder, memory_secrets=True, start_empty=True).close()
    except WorkspaceError as exc:
        print(f"posventa: {exc}", file=err)
        return EXIT_FAILED
    print(f"started an empty database in {folder}", file=out)
    return 0
