"""The `posventa` command line: the parser, built from an explicit list of command modules,
and the dispatcher that hands each command a way to open the workspace.

Each module in ``COMMANDS`` has ``register(subparsers)``, which adds its commands and sets
``func``; the dispatcher calls ``func(args, open_console)``, where ``open_console()``
returns the running console of the chosen workspace (features never import the app layer).
The window is not started here (this layer imports no Qt): the launcher,
``console/__main__.py``, passes the function that starts it.

Errors the user can cause end as one clear line on stderr and a non-zero exit code,
never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from console import __version__
from console.accounts import cli as accounts_cli
from console.app.cli import about, backup, sync, team
from console.app.folders import default_workspace_dir
from console.app.workspace import WorkspaceCorrupt
from console.casefile import cli as casefile_cli
from console.cases import canned_cli
from console.cases import cli as cases_cli
from console.channels.base import ChannelError
from console.errors import CliError, InvalidInput, StoreError, WorkspaceError
from console.feed import cli as feed_cli
from console.feed.export import ExportError
from console.importer import cli as importer_cli
from console.people import cli as people_cli
from console.replies import cli as replies_cli
from console.replies.outbox import OutboxError
from console.reports import cli as reports_cli
from console.reports.printable import export_printable
from console.triage import cli as triage_cli
from console.triage import corrections_cli, rules_cli

if TYPE_CHECKING:  # opening a workspace loads the engine: only when a command runs
    from console.app.runtime import Runtime

EXIT_USAGE = 2
EXIT_FAILED = 1

# Every command module, in the order ``posventa --help`` lists them.
COMMANDS: tuple[ModuleType, ...] = (
    accounts_cli, sync, replies_cli, feed_cli, triage_cli, rules_cli, corrections_cli,
    backup, canned_cli, cases_cli, people_cli, reports_cli, importer_cli, casefile_cli,
    team, about,
)

StartWindow = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="posventa", description="Proactive social customer care console.")
    parser.add_argument("--version", action="version", version=f"posventa {__version__}")
    parser.add_argument("--workspace", type=Path, metavar="DIR",
                        help="the data folder (default: $POSVENTA_WORKSPACE or the user data "
                             "folder)")
    parser.add_argument("--demo", action="store_true",
                        help="open a fresh demo workspace on the built-in sandbox network")
    parser.add_argument("--speed", type=float, default=10.0,
                        help="how fast the demo sandbox plays its script (default 10x)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log to stderr")
    parser.add_argument("--language", choices=("system", "es", "en", "pseudo"),
                        help="the window's language for this run (default: the workspace "
                             "setting); 'pseudo' shows longer, bracketed text to check "
                             "layouts and spot untranslated strings")
    parser.add_argument("--review", type=Path, metavar="FILE",
                        help="open a case file read-only for review (no network)")
    # Opens the demo (or the --review file), prints "smoke ok: N mentions" once mentions
    # show, and exits (for tests).
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        module.register(sub)
    return parser


def console_opener(args: argparse.Namespace) -> Callable[[], Runtime]:
    """Opens the workspace named by ``--workspace`` (or the default one) when called."""
    def open_console() -> Runtime:
        from console.app.runtime import open_runtime

        runtime = open_runtime(args.workspace or default_workspace_dir(), verify=True)
        for notice in runtime.workspace.notices:  # what opening found and did, said once
            print(f"posventa: {notice}", file=sys.stderr)
        return runtime
    return open_console


def main(argv: list[str] | None = None, *, start_window: StartWindow | None = None,
         qt_versions: Callable[[], str] | None = None) -> int:
    """Runs a command, or the window (through `start_window`) when none is given;
    `qt_versions` lets ``posventa about`` describe Qt without this layer importing it;
    ``posventa export --format html|pdf`` gets the reports' writer the same way."""
    parser = build_parser()
    parser.set_defaults(qt_versions=qt_versions, export_printable=export_printable)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        if args.command is None:
            if start_window is None:
                raise CliError("this program has no window; give a command (posventa -h)")
            return start_window(args)
        return int(args.func(args, console_opener(args)))
    except WorkspaceCorrupt as exc:
        print(f"posventa: {exc}", file=sys.stderr)
        print(exc.advice(), file=sys.stderr)
        return EXIT_FAILED
    except (CliError, InvalidInput, ChannelError, WorkspaceError, OutboxError, StoreError,
            ExportError) as exc:
        print(f"posventa: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
