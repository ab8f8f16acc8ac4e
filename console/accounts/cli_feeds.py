"""`posventa accounts add feed --url URL` and `posventa accounts add wordpress --site URL`."""

from __future__ import annotations

import argparse
from typing import Any

from console.accounts.cli_common import read_secret, report_added
from console.accounts.queries import AccountInfo


def register(kinds: Any) -> None:
    feed: argparse.ArgumentParser = kinds.add_parser(
        "feed", help="a blog or review site read through its RSS or Atom feed (read only)")
    feed.add_argument("--url", required=True,
                      help="the feed's address, e.g. https://blog.example/feed/ or "
                           "https://NAME.blogspot.com/feeds/posts/default")
    feed.add_argument("--name", default="",
                      help="how the brand signs its comments on that blog (they are not "
                           "mentions)")
    feed.add_argument("--own", action="store_true",
                      help="the brand's own blog: every comment is a mention (else only "
                           "what matches a watch)")
    feed.set_defaults(add_func=add_feed)
    site: argparse.ArgumentParser = kinds.add_parser(
        "wordpress", help="a WordPress site (comments; replies with an Application Password)")
    site.add_argument("--site", required=True, help="the site's address, e.g. "
                                                    "https://blog.example")
    site.add_argument("--user", required=True, help="the WordPress user name")
    site.add_argument("--password-stdin", action="store_true",
                      help="read the Application Password from stdin")
    site.add_argument("--watches-only", action="store_true",
                      help="not the brand's own site: only comments matching a watch")
    site.set_defaults(add_func=add_wordpress)


def add_feed(rt: Any, args: argparse.Namespace) -> AccountInfo:
    acc: AccountInfo = rt.accounts.add_feed(args.url, args.name, every_comment=args.own)
    scope = "every comment" if args.own else "posts and comments matching the watches"
    print(f"added account {acc.id}: feed {acc.display_name or acc.base_url} ({scope}); "
          "replies there are written in the browser")
    return acc


def add_wordpress(rt: Any, args: argparse.Namespace) -> AccountInfo:
    password = read_secret("Application Password", args.password_stdin, "--password-stdin")
    acc: AccountInfo = rt.accounts.add_wordpress(args.site, args.user, password,
                                                 every_comment=not args.watches_only)
    report_added(rt, f"added account {acc.id}: wordpress @{acc.handle} on {acc.base_url}")
    return acc
