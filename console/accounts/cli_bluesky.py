"""`posventa accounts add bluesky --handle H [--service URL] [--password-stdin]`.

The arguments are declared in console/channels/bluesky/network.py.
"""

from __future__ import annotations

import argparse
from typing import Any

from console.accounts.cli_common import read_secret, report_added
from console.accounts.queries import AccountInfo


def add(rt: Any, args: argparse.Namespace) -> AccountInfo:
    password = read_secret("App password", args.password_stdin, "--password-stdin")
    acc: AccountInfo = rt.accounts.add("bluesky", handle=args.handle, app_password=password,
                                       service_url=args.service)
    report_added(rt, f"added account {acc.id}: bluesky @{acc.handle} on {acc.base_url}")
    return acc
