"""`posventa accounts add mastodon --instance URL`."""

from __future__ import annotations

import argparse
from typing import Any

from console.accounts_cli import read_secret, report_added
from console.store.accounts import AccountInfo


def register(kinds: Any) -> None:
    parser: argparse.ArgumentParser = kinds.add_parser(
        "mastodon", help="a Mastodon account (access token)")
    parser.add_argument("--instance", required=True, help="instance URL, e.g. mastodon.social")
    parser.add_argument("--token-stdin", action="store_true", help="read the token from stdin")
    parser.set_defaults(add_func=add)


def add(rt: Any, args: argparse.Namespace) -> AccountInfo:
    token = read_secret("Access token", args.token_stdin, "--token-stdin")
    acc: AccountInfo = rt.accounts.add_mastodon(args.instance, token)
    report_added(rt, f"added account {acc.id}: mastodon @{acc.handle} on {acc.base_url}")
    return acc
