"""`posventa accounts add feed --url URL` and `posventa accounts add wordpress --site URL`.

The arguments are declared in console/channels/feeds/network.py and
console/channels/wordpress/network.py.
"""

from __future__ import annotations

import argparse
from typing import Any

from console.accounts.cli_common import read_secret, report_added
from console.accounts.queries import AccountInfo


def add_feed(rt: Any, args: argparse.Namespace) -> AccountInfo:
    acc: AccountInfo = rt.accounts.add("feed", url=args.url, name=args.name,
                                       every_comment=args.own)
    scope = "every comment" if args.own else "posts and comments matching the watches"
    print(f"added account {acc.id}: feed {acc.display_name or acc.base_url} ({scope}); "
          "replies there are written in the browser")
    return acc


def add_wordpress(rt: Any, args: argparse.Namespace) -> AccountInfo:
    password = read_secret("Application Password", args.password_stdin, "--password-stdin")
    acc: AccountInfo = rt.accounts.add("wordpress", site_url=args.site, username=args.user,
                                       app_password=password,
                                       every_comment=not args.watches_only)
    report_added(rt, f"added account {acc.id}: wordpress @{acc.handle} on {acc.base_url}")
    return acc
