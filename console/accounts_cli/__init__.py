"""`posventa accounts add <kind>`: one module per kind of account, each with `register`.

Each module in `KIND_MODULES` exposes ``register(kinds)``, which adds its kind's parser to
the ``accounts add`` subparsers and sets ``add_func(rt, args) -> AccountInfo``. Shared
here: reading a secret without echoing it and reporting where it was kept.
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import sys
from typing import Any

KIND_MODULES = ("console.accounts_cli.mastodon", "console.accounts_cli.bluesky",
                "console.accounts_cli.feeds")


class SecretInputError(Exception):
    """No way to read a secret (no terminal and no --*-stdin flag)."""


def register_kinds(add_parser: argparse.ArgumentParser) -> None:
    """Adds one subparser per account kind under ``accounts add``."""
    kinds = add_parser.add_subparsers(dest="kind", required=True, metavar="KIND")
    for name in KIND_MODULES:
        importlib.import_module(name).register(kinds)


def read_secret(prompt: str, from_stdin: bool, flag: str) -> str:
    """A secret from stdin (when piped with ``flag``) or typed at a hidden prompt."""
    if from_stdin:
        return sys.stdin.readline().strip()
    if sys.stdin.isatty():
        return getpass.getpass(f"{prompt} (input hidden): ").strip()
    raise SecretInputError(f"no terminal to ask for the secret: pipe it with {flag}")


def report_added(rt: Any, text: str) -> None:
    """Prints what was added and where its secret went (and the no-keyring warning)."""
    print(f"{text} (secrets kept in {rt.workspace.secrets.backend_name()})")
    if rt.workspace.secrets.warning:
        print(rt.workspace.secrets.warning, file=sys.stderr)
