"""The ``posventa accounts`` and ``posventa watch`` commands: brand accounts and tracked terms.

``accounts add <kind>`` has one subcommand per network (console/channels/networks.py), with
the arguments its descriptor declares; ``ADD`` says which function here adds each kind.
Secrets go to the keyring, never to a file.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any, Protocol

from console.accounts import cli_bluesky, cli_feeds, cli_mastodon, cli_reddit, cli_x, queries
from console.accounts.cli_common import SecretInputError
from console.accounts.queries import AccountInfo
from console.accounts.service import AccountService
from console.channels.networks import NETWORKS
from console.errors import CliError

# What ``accounts add <kind>`` runs, by kind: reads the secret, adds, says what was kept.
ADD: dict[str, Callable[[Any, argparse.Namespace], AccountInfo]] = {
    "mastodon": cli_mastodon.add,
    "bluesky": cli_bluesky.add,
    "feed": cli_feeds.add_feed,
    "wordpress": cli_feeds.add_wordpress,
    "x": cli_x.add,
    "reddit": cli_reddit.add,
}


class Console(Protocol):
    """What these commands use of a running console."""

    accounts: AccountService
    workspace: Any  # .store for the watch list, .secrets for the report

    def close(self) -> None: ...


def register(subparsers: Any) -> None:
    """Adds ``accounts`` and ``watch`` to the main parser's subcommands."""
    acc = subparsers.add_parser("accounts", help="brand accounts (tokens go to the keyring)")
    acc_sub = acc.add_subparsers(dest="action", required=True)
    register_kinds(acc_sub.add_parser("add", help="add an account"))
    acc_sub.add_parser("list", help="list accounts")
    rm = acc_sub.add_parser("remove", help="remove an account and its secrets")
    rm.add_argument("id", type=int)
    acc.set_defaults(func=cmd_accounts)

    watch = subparsers.add_parser("watch", help="tracked brand terms and hashtags")
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


def register_kinds(add_parser: argparse.ArgumentParser) -> None:
    """Adds one subparser per network that has an ``ADD`` here under ``accounts add``."""
    kinds = add_parser.add_subparsers(dest="kind", required=True, metavar="KIND")
    for network in NETWORKS:
        if network.kind not in ADD:
            continue
        parser = kinds.add_parser(network.kind, help=network.cli_help,
                                  description=network.cli_description)
        network.cli_arguments(parser)
        parser.set_defaults(add_func=ADD[network.kind])


def cmd_accounts(args: argparse.Namespace, open_console: Callable[[], Console]) -> int:
    rt = open_console()
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


def cmd_watch(args: argparse.Namespace, open_console: Callable[[], Console]) -> int:
    rt = open_console()
    try:
        store = rt.workspace.store
        if args.action == "add":
            for term in args.terms:
                try:
                    w = queries.add_watch(store, term, args.lang, tuple(args.exclude or ()))
                except ValueError as exc:
                    raise CliError(str(exc)) from None
                print(f"watching {w.kind} {'#' if w.kind == 'hashtag' else ''}{w.term} "
                      f"(id {w.id}{', ' + w.lang if w.lang else ''})")
        elif args.action == "list":
            for w in queries.list_watches(store):
                mark = "#" if w.kind == "hashtag" else ""
                extra = f"\texclude: {', '.join(w.exclude)}" if w.exclude else ""
                print(f"{w.id}\t{w.kind}\t{mark}{w.term}\t{w.lang or 'any'}{extra}")
        elif args.action == "remove":
            if not queries.remove_watch(store, args.id):
                raise CliError(f"there is no watch {args.id}")
            print(f"removed watch {args.id}")
        return 0
    finally:
        rt.close()
