"""The ``posventa sync`` and ``posventa sandbox`` commands: pull every account and send the
outbox from a terminal, or run the sandbox network alone."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from console.errors import CliError
from console.sync.engine import elsewhere_text

if TYPE_CHECKING:  # opening a workspace loads the engine: only when a command runs
    from console.app.runtime import Runtime

EXIT_FAILED = 1


def register(subparsers: Any) -> None:
    """Adds ``sync`` and ``sandbox`` to the main parser's subcommands."""
    sync = subparsers.add_parser("sync", help="pull every account and send the outbox")
    sync.add_argument("--once", action="store_true", help="one pass, then exit")
    sync.set_defaults(func=cmd_sync)

    sandbox = subparsers.add_parser("sandbox", help="run the sandbox network alone")
    sandbox.add_argument("--port", type=int, default=8765)
    sandbox.add_argument("--speed", type=float, default=10.0)
    sandbox.add_argument("--script", type=Path, help="another script file")
    sandbox.set_defaults(func=cmd_sandbox)


def cmd_sync(args: argparse.Namespace, open_console: Callable[[], Runtime]) -> int:
    rt = open_console()
    failed = False
    try:
        if not rt.accounts.list():
            raise CliError("no accounts to sync: posventa accounts add mastodon --instance URL")
        while True:
            # Passing again and again, this console keeps pulling its accounts (the
            # others leave them to it) until it stops or dies.
            for report in rt.engine.sync_once(keep_leases=not args.once):
                if report.elsewhere:
                    print(f"{report.label}: {elsewhere_text()}")
                elif report.error:
                    failed = True
                    print(f"{report.label}: {report.error}", file=sys.stderr)
                else:
                    print(f"{report.label}: {report.added} new, {report.seen_again} seen again")
            counts = rt.replies.counts()
            print(f"outbox: {counts['sent']} sent, {counts['queued']} queued, "
                  f"{counts['failed']} failed")
            if args.once:
                return EXIT_FAILED if failed else 0
            time.sleep(rt.workspace.settings.sync_interval)
    except KeyboardInterrupt:
        return 0
    finally:
        rt.close()


def cmd_sandbox(args: argparse.Namespace, _open_console: object = None) -> int:
    from console.sandbox import serve_forever

    serve_forever(port=args.port, speed=args.speed, script_path=args.script)
    return 0
