"""The ``posventa team`` commands: connect, status, migrate, export, disconnect.

They work on the workspace folder's settings and on the databases directly (they do not
start the engine); a fault is one ``posventa: <sentence>`` line on stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from console.app import team
from console.app.team import TeamError

EXIT_FAILED = 1


def register(subparsers: Any) -> None:
    """Adds ``team`` and its subcommands to an argparse subparsers object."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "team", help="share this workspace's work with a team through a PostgreSQL database",
        description="Team mode: every console of the team works in one PostgreSQL database.")
    sub = parser.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    connect = sub.add_parser(
        "connect", help="use the team database from now on (its password goes to the "
                        "keyring)",
        description="Check the team database, create or upgrade its tables, and use it from "
                    "now on in every command and the window of this workspace. The local "
                    "database is kept untouched.")
    connect.add_argument("url", metavar="postgresql://USER@HOST:PORT/DBNAME",
                         help="the database's address (sslmode and sslrootcert may follow "
                              "after ?)")
    connect.add_argument("--password-stdin", action="store_true",
                         help="read the database password from standard input")
    connect.set_defaults(func=run_connect)
    status = sub.add_parser("status", help="the team database, its schema and the consoles "
                                           "connected to it")
    status.set_defaults(func=run_status)
    migrate = sub.add_parser("migrate", help="copy this workspace's local data into the "
                                             "(empty) team database")
    migrate.set_defaults(func=run_migrate)
    export = sub.add_parser("export", help="copy the team database into a local SQLite file")
    export.add_argument("file", type=Path, metavar="FILE", help="the new file to write")
    export.set_defaults(func=run_export)
    disconnect = sub.add_parser("disconnect", help="go back to this workspace's own database")
    disconnect.set_defaults(func=run_disconnect)


def _folder(args: argparse.Namespace) -> Path:
    folder = getattr(args, "workspace", None)
    if folder is None:
        from console.app.folders import default_workspace_dir

        folder = default_workspace_dir()
    return Path(folder).expanduser().resolve()


class _Progress:
    """One line per table on a terminal, rewritten in place while it copies."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.live = out.isatty()

    def __call__(self, table: str, done: int, total: int) -> None:
        if self.live:
            end = "\n" if done >= total else ""
            print(f"\r  {table}: {done}/{total}", end=end, file=self.out, flush=True)
        elif done >= total:
            print(f"  {table}: {done}/{total}", file=self.out, flush=True)


def _run(action: Any, err: TextIO) -> int:
    try:
        return int(action())
    except TeamError as exc:
        print(f"posventa: {exc}", file=err)
        return EXIT_FAILED


def run_connect(args: argparse.Namespace, _open: object = None, stdout: TextIO | None = None,
                stderr: TextIO | None = None, stdin: TextIO | None = None) -> int:
    out, err = stdout or sys.stdout, stderr or sys.stderr
    password = None
    if args.password_stdin:
        password = (stdin or sys.stdin).readline().rstrip("\r\n")

    def act() -> int:
        status = team.connect(_folder(args), args.url, password)
        print(f"connected to {status.url} (schema {status.schema}); this workspace now "
              "works in the team database", file=out)
        return 0
    return _run(act, err)


def run_status(args: argparse.Namespace, _open: object = None, stdout: TextIO | None = None,
               stderr: TextIO | None = None) -> int:
    out, err = stdout or sys.stdout, stderr or sys.stderr

    def act() -> int:
        status = team.status(_folder(args))
        if not status.url:
            print(f"database: this workspace's own (SQLite, schema {status.schema}); not "
                  "connected to a team database", file=out)
            return 0
        print(f"database: {status.url}", file=out)
        print(f"schema: {status.schema}", file=out)
        print(f"consoles online: {len(status.consoles)}", file=out)
        for name in status.consoles:
            print(f"  {name}", file=out)
        return 0
    return _run(act, err)


def run_migrate(args: argparse.Namespace, _open: object = None, stdout: TextIO | None = None,
                stderr: TextIO | None = None) -> int:
    out, err = stdout or sys.stdout, stderr or sys.stderr

    def act() -> int:
        copied = team.migrate(_folder(args), _Progress(out))
        print(f"copied {copied} rows into the team database", file=out)
        return 0
    return _run(act, err)


def run_export(args: argparse.Namespace, _open: object = None, stdout: TextIO | None = None,
               stderr: TextIO | None = None) -> int:
    out, err = stdout or sys.stdout, stderr or sys.stderr

    def act() -> int:
        copied = team.export(_folder(args), args.file, _Progress(out))
        print(f"wrote {copied} rows to {args.file}", file=out)
        return 0
    return _run(act, err)


def run_disconnect(args: argparse.Namespace, _open: object = None,
                   stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    out, err = stdout or sys.stdout, stderr or sys.stderr

    def act() -> int:
        url = team.disconnect(_folder(args))
        if not url:
            print("this workspace already uses its own database", file=out)
        else:
            print(f"disconnected from {url}; this workspace uses its own database again",
                  file=out)
        return 0
    return _run(act, err)
