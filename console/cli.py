"""The `posventa` command: the headless commands, and the GUI when no command is given.

Errors the user can cause end as one clear line on stderr and a non-zero exit code,
never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from console import __version__
from console.accounts_cli import SecretInputError, register_kinds
from console.channels.base import ChannelError
from console.export import ExportError
from console.services import InvalidInput
from console.store.db import StoreError
from console.store.feed import FeedFilter
from console.store.outbox import OutboxError
from console.workspace import WorkspaceCorrupt, WorkspaceError, default_workspace_dir

EXIT_USAGE = 2
EXIT_FAILED = 1


class CliError(Exception):
    """A problem worded for the terminal."""


def _progress(label: str) -> Callable[[int], None]:
    def show(n: int) -> None:
        if sys.stderr.isatty():
            sys.stderr.write(f"\r{label}: {n:,}")
            sys.stderr.flush()
    return show


def _runtime(args: argparse.Namespace):  # -> Runtime (imported lazily: keeps --help fast)
    from console.runtime import open_runtime

    return open_runtime(args.workspace or default_workspace_dir())


# --- accounts -------------------------------------------------------------------------------

def cmd_accounts(args: argparse.Namespace) -> int:
    rt = _runtime(args)
    try:
        if args.action == "list":
            listed = rt.accounts.list()
            if not listed:
                print("no accounts yet: posventa accounts add mastodon --instance URL")
            for acc in listed:
                print(f"{acc.id}\t{acc.kind}\t@{acc.handle or '?'}\t{acc.base_url}")
        elif args.action == "add":
            try:
                args.add_func(rt, args)
            except SecretInputError as exc:
                raise CliError(str(exc)) from exc
        elif args.action == "remove":
            if not rt.accounts.remove(args.id):
                raise CliError(f"there is no account {args.id}")
            print(f"removed account {args.id} and its secrets")
        return 0
    finally:
        rt.close()


# --- watches --------------------------------------------------------------------------------

def cmd_watch(args: argparse.Namespace) -> int:
    from console.store import accounts

    rt = _runtime(args)
    try:
        store = rt.workspace.store
        if args.action == "add":
            for term in args.terms:
                try:
                    w = accounts.add_watch(store, term, args.lang, tuple(args.exclude or ()))
                except ValueError as exc:
                    raise CliError(str(exc)) from None
                print(f"watching {w.kind} {'#' if w.kind == 'hashtag' else ''}{w.term} "
                      f"(id {w.id}{', ' + w.lang if w.lang else ''})")
        elif args.action == "list":
            for w in accounts.list_watches(store):
                mark = "#" if w.kind == "hashtag" else ""
                extra = f"\texclude: {', '.join(w.exclude)}" if w.exclude else ""
                print(f"{w.id}\t{w.kind}\t{mark}{w.term}\t{w.lang or 'any'}{extra}")
        elif args.action == "remove":
            if not accounts.remove_watch(store, args.id):
                raise CliError(f"there is no watch {args.id}")
            print(f"removed watch {args.id}")
        return 0
    finally:
        rt.close()


# --- sync, reply, export, feed --------------------------------------------------------------

def cmd_sync(args: argparse.Namespace) -> int:
    rt = _runtime(args)
    failed = False
    try:
        if not rt.accounts.list():
            raise CliError("no accounts to sync: posventa accounts add mastodon --instance URL")
        while True:
            for report in rt.engine.sync_once():
                if report.error:
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


def cmd_reply(args: argparse.Namespace) -> int:
    rt = _runtime(args)
    try:
        text = sys.stdin.read() if args.text == "-" else args.text
        reply = rt.replies.send(args.mention_id, text, delay=0)
        print(f"reply {reply.id} queued for mention {args.mention_id} "
              f"({reply.visibility}); the next sync sends it")
        return 0
    finally:
        rt.close()


def cmd_export(args: argparse.Namespace) -> int:
    from console.export import export_to_file, iter_records, write_csv, write_jsonl

    rt = _runtime(args)
    try:
        flt = FeedFilter(search=args.search or "", include_spam=True, include_irrelevant=True)
        records = iter_records(rt.workspace.store.db, flt)
        writer = write_csv if args.format == "csv" else write_jsonl
        if args.format in ("html", "pdf"):
            from console.reports.printable import export_printable

            n = export_printable(rt.workspace.store.db, records, args.format, args.output,
                                 _progress("exported"))
        elif args.output:  # whole or not at all (a full disk leaves no half file)
            n = export_to_file(records, args.output, writer, _progress("exported"))
        else:
            n = writer(records, sys.stdout, _progress("exported"))
        print(f"\rexported {n} mentions" + (f" to {args.output}" if args.output else ""),
              file=sys.stderr)
        return 0
    finally:
        rt.close()


def cmd_feed(args: argparse.Namespace) -> int:
    rt = _runtime(args)
    try:
        flt = FeedFilter(search=args.search or "", statuses=tuple(args.status or ()),
                         sort=args.sort)
        for row in rt.feed.page(flt, limit=args.limit):
            when = row.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
            text = " ".join(row.text.split())[:90]
            print(f"{row.id}\t{when}\t{row.channel}\t@{row.author_handle}\t{row.status}\t"
                  f"{row.priority}\t{text}")
        return 0
    finally:
        rt.close()


def cmd_retriage(args: argparse.Namespace) -> int:
    rt = _runtime(args)
    try:
        def show(done: int, total: int, _changed: list[int]) -> None:
            if sys.stderr.isatty():
                width = 30
                filled = int(width * done / max(total, 1))
                sys.stderr.write(f"\rre-scoring [{'#' * filled}{'.' * (width - filled)}] "
                                 f"{done:,}/{total:,}")
                sys.stderr.flush()

        # Agents' labels, the rules and the customer's history count, as on ingest.
        n = rt.triage_service.rescore_all(show).scored
        if sys.stderr.isatty():
            sys.stderr.write("\n")
        print(f"re-scored {n:,} mentions")
        return 0
    finally:
        rt.close()


def cmd_sandbox(args: argparse.Namespace) -> int:
    from console.channels.sandbox import serve_forever

    serve_forever(port=args.port, speed=args.speed, script_path=args.script)
    return 0


# --- parser ---------------------------------------------------------------------------------

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

    acc = sub.add_parser("accounts", help="brand accounts (tokens go to the keyring)")
    acc_sub = acc.add_subparsers(dest="action", required=True)
    register_kinds(acc_sub.add_parser("add", help="add an account"))
    acc_sub.add_parser("list", help="list accounts")
    rm = acc_sub.add_parser("remove", help="remove an account and its secrets")
    rm.add_argument("id", type=int)
    acc.set_defaults(func=cmd_accounts)

    watch = sub.add_parser("watch", help="tracked brand terms and hashtags")
    watch_sub = watch.add_subparsers(dest="action", required=True)
    wadd = watch_sub.add_parser("add", help="track terms ('#tag' for a hashtag)")
    wadd.add_argument("terms", nargs="+", metavar="TERM")
    wadd.add_argument("--lang", help="language of the term, e.g. es")
    wadd.add_argument("--exclude", action="append", metavar="WORD",
                      help="ignore posts with this word (repeatable)")
    watch_sub.add_parser("list", help="list watches")
    wrm = watch_sub.add_parser("remove", help="stop tracking a term")
    wrm.add_argument("id", type=int)
    watch.set_defaults(func=cmd_watch)

    sync = sub.add_parser("sync", help="pull every account and send the outbox")
    sync.add_argument("--once", action="store_true", help="one pass, then exit")
    sync.set_defaults(func=cmd_sync)

    reply = sub.add_parser("reply", help="queue a reply to a mention")
    reply.add_argument("mention_id", type=int)
    reply.add_argument("--text", required=True, help="the reply ('-' reads stdin)")
    reply.set_defaults(func=cmd_reply)

    export = sub.add_parser("export", help="export mentions (one per line)")
    export.add_argument("--format", choices=["jsonl", "csv", "html", "pdf"], default="jsonl",
                        help="html: a printable report of the threads; pdf needs --output")
    export.add_argument("--search", help="only mentions matching this full-text search")
    export.add_argument("--output", "-o", help="write to this file instead of stdout")
    export.set_defaults(func=cmd_export)

    feed = sub.add_parser("feed", help="print the newest mentions")
    feed.add_argument("--limit", type=int, default=30)
    feed.add_argument("--search")
    feed.add_argument("--status", action="append",
                      choices=["new", "open", "replied", "closed", "ignored"])
    feed.add_argument("--sort", choices=["newest", "priority"], default="newest")
    feed.set_defaults(func=cmd_feed)

    retr = sub.add_parser("retriage", help="score every stored mention again")
    retr.set_defaults(func=cmd_retriage)

    sandbox = sub.add_parser("sandbox", help="run the sandbox network alone")
    sandbox.add_argument("--port", type=int, default=8765)
    sandbox.add_argument("--speed", type=float, default=10.0)
    sandbox.add_argument("--script", type=Path, help="another script file")
    sandbox.set_defaults(func=cmd_sandbox)

    from console.backup_cli import register as register_backup
    from console.triage.cli import register as register_triage
    from console.triage.corrections_cli import register as register_corrections
    from console.triage.rules_cli import register as register_rules

    register_triage(sub)
    register_rules(sub)
    register_corrections(sub)
    register_backup(sub)
    from console.cases.canned_cli import register as register_canned
    from console.outbox_cli import register as register_outbox

    register_canned(sub)
    register_outbox(sub)
    from console.cases.cli import register as register_cases

    register_cases(sub)
    from console.people.cli import register as register_customers

    register_customers(sub)
    from console.importer.cli import register as register_import
    from console.reports.cli import register as register_report

    register_report(sub)
    register_import(sub)
    from console.casefile.cli import register as register_case_files

    register_case_files(sub)
    from console.about_cli import register as register_about

    register_about(sub)
    return parser


def run_gui(args: argparse.Namespace) -> int:
    from console.runtime import open_demo, open_runtime

    if getattr(args, "language", None):
        os.environ["POSVENTA_LANGUAGE"] = args.language  # wins over the saved setting

    if getattr(args, "review", None) is not None:
        from console.ui.review_pane import run_review

        return run_review(args.review, smoke_test=getattr(args, "smoke_test", False))
    smoke = getattr(args, "smoke_test", False)  # callers may build a partial Namespace
    if args.demo or smoke:
        rt = open_demo(args.workspace, speed=args.speed)
    else:
        folder = args.workspace or default_workspace_dir()
        try:
            rt = open_runtime(folder)
        except WorkspaceCorrupt as exc:
            # Ask in a window: restore a backup, start empty, or quit.
            from console.ui.app import application
            from console.ui.recovery_dialog import recover

            application()
            rt = recover(Path(folder).expanduser(), exc, open_runtime)
            if rt is None:
                return EXIT_FAILED
    from console.ui.app import run_gui as start

    try:
        return start(rt, smoke_test=smoke)
    finally:
        rt.close()


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        if args.command is None:
            return run_gui(args)
        return int(args.func(args))
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
