"""`posventa accounts add bluesky --handle H [--service URL] [--password-stdin]
[--no-direct-messages]`.

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
                                       service_url=args.service,
                                       direct_messages=args.direct_messages)
    dms = "with direct messages" if acc.settings.get("direct_messages", True) else (
        "public posts only, no direct messages")
    report_added(rt, f"added account {acc.id}: bluesky @{acc.handle} on {acc.base_url} "
                     f"({dms})")
    return acc
