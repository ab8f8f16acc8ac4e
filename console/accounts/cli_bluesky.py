"""`posventa accounts add bluesky --handle H [--service URL] [--password-stdin]`."""

from __future__ import annotations

import argparse
from typing import Any

from console.accounts.cli_common import read_secret, report_added
from console.accounts.queries import AccountInfo

APP_PASSWORDS = "https://bsky.app/settings/app-passwords"


def register(kinds: Any) -> None:
    parser: argparse.ArgumentParser = kinds.add_parser(
        "bluesky",
        help="a Bluesky account (handle and app password)",
        description="Sign in with an app password (never your main password); create one in "
        f"Bluesky under Settings > Privacy and security > App passwords ({APP_PASSWORDS}).",
    )
    parser.add_argument(
        "--handle", required=True, help="the account's handle, e.g. marca.bsky.social"
    )
    parser.add_argument(
        "--service",
        default="https://bsky.social",
        help="the account's server (PDS); default https://bsky.social",
    )
    parser.add_argument(
        "--password-stdin", action="store_true", help="read the app password from stdin"
    )
    parser.set_defaults(add_func=add)


def add(rt: Any, args: argparse.Namespace) -> AccountInfo:
    password = read_secret("App password", args.password_stdin, "--password-stdin")
    acc: AccountInfo = rt.accounts.add_bluesky(args.handle, password, args.service)
    report_added(rt, f"added account {acc.id}: bluesky @{acc.handle} on {acc.base_url}")
    return acc
