"""Blogs read through RSS or Atom as the console sees them: the :data:`NETWORK` descriptor.

A feed is added by reading it once, so a wrong address fails at once; a feed has no
secrets, and no API to reply (replies are written in the browser, see channel.py).
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from typing import Any

from console.channels.base import Channel, ChannelError, Secrets, StaticSecrets
from console.channels.feeds.channel import KIND, FeedChannel, check_feed_url, rules_for_post
from console.channels.network import AccountFound, ChannelAccount, KeptAccount, Network
from console.errors import InvalidInput
from console.i18n import QT_TRANSLATE_NOOP, translate


def open_channel(account: ChannelAccount, secrets: Secrets) -> Channel:
    settings = account.settings
    return FeedChannel(str(settings.get("feed_url") or account.base_url),
                       brand_name=str(settings.get("brand_name", "")),
                       every_comment=bool(settings.get("every_comment", False)),
                       min_interval=float(settings.get("min_interval", 60.0)))


class FeedFound(AccountFound):
    """A feed read once: the same feed address is one account, never renewed."""

    def is_same(self, kept: KeptAccount) -> bool:
        return kept.kind == self.kind and kept.settings.get("feed_url") == self.settings.get(
            "feed_url")


def _already(url: str) -> str:
    return translate("Accounts", "The feed {url} is already an account.").format(url=url)


def already_kept(entered: Mapping[str, Any], kept: Sequence[KeptAccount]) -> str:
    """The feed address entered is already an account: said before the feed is read."""
    try:
        clean = check_feed_url(str(entered.get("url", "")))
    except ChannelError:
        return ""  # add_feed says what is wrong with the address
    if any(a.kind == KIND and a.settings.get("feed_url") == clean for a in kept):
        return _already(clean)
    return ""


def add_feed(url: str, name: str = "", every_comment: bool = False) -> AccountFound:
    """Read an RSS/Atom feed once (network!) so a wrong address fails now.

    ``name``: how the brand signs its comments on that blog (those are its replies, not
    mentions); ``every_comment``: the brand's own blog, where every comment is a mention
    (else only posts and comments matching a watch)."""
    try:
        clean = check_feed_url(url)
    except ChannelError as exc:
        raise InvalidInput(str(exc)) from None
    settings: dict[str, Any] = {"feed_url": clean, "every_comment": every_comment,
                                "brand_name": name.strip()}
    channel = open_channel(ChannelAccount(KIND, clean, settings=settings), StaticSecrets())
    try:
        info, me = channel.instance_info(), channel.verify()
    finally:
        channel.close()
    settings.update(max_characters=info.max_characters, instance=info.title)
    return FeedFound(KIND, clean, handle=me.handle, display_name=me.display_name,
                     remote_id=me.remote_id, settings=settings,
                     already=_already(clean))


def cli_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--url", required=True,
                        help="the feed's address, e.g. https://blog.example/feed/ or "
                             "https://NAME.blogspot.com/feeds/posts/default")
    parser.add_argument("--name", default="",
                        help="how the brand signs its comments on that blog (they are not "
                             "mentions)")
    parser.add_argument("--own", action="store_true",
                        help="the brand's own blog: every comment is a mention (else only "
                             "what matches a watch)")


NETWORK = Network(
    kind=KIND,
    label=QT_TRANSLATE_NOOP("Accounts", "RSS or Atom feed"),
    open_channel=open_channel,
    add_account=add_feed,
    cli_help="a blog or review site read through its RSS or Atom feed (read only)",
    cli_arguments=cli_arguments,
    post_rules=rules_for_post,
    already_kept=already_kept,
)
