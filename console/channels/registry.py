"""Which Channel class speaks for an account's kind."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from console.accounts.queries import AccountInfo
from console.channels.base import Channel, ChannelError, ReplyRules

KINDS = ("mastodon", "bluesky", "feed", "wordpress")


class Secrets(Protocol):
    """What a channel may read and renew of its account's secrets (see console/app/secrets.py)."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...


def open_channel(account: AccountInfo, secrets: Secrets) -> Channel:
    """A ready channel for `account`; its credentials come from `secrets`."""
    if account.kind == "mastodon":
        from console.channels.mastodon.channel import MastodonChannel

        return MastodonChannel(account.base_url, secrets.get("token"),
                               brand_acct=account.handle or None)
    if account.kind == "bluesky":
        from console.channels.bluesky.channel import BlueskyChannel

        return BlueskyChannel(account.base_url, account.handle, secrets)
    if account.kind == "feed":
        from console.channels.feeds.channel import FeedChannel

        return FeedChannel(str(account.settings.get("feed_url") or account.base_url),
                           brand_name=str(account.settings.get("brand_name", "")),
                           every_comment=bool(account.settings.get("every_comment", False)),
                           min_interval=float(account.settings.get("min_interval", 60.0)))
    if account.kind == "wordpress":
        from console.channels.wordpress.channel import WordPressChannel

        return WordPressChannel(account.base_url, str(account.settings.get("username", "")),
                                secrets.get("app_password"),
                                every_comment=bool(account.settings.get("every_comment", True)))
    raise ChannelError(f"accounts of kind {account.kind!r} are not supported yet")


def post_reply_rules(channel: str, raw: Callable[[], dict[str, Any]],
                     rules: ReplyRules) -> ReplyRules:
    """`rules` refined by the stored post itself (`raw()` reads its payload; Bluesky: the
    grapheme and byte limits, and a threadgate that forbids replies)."""
    if channel == "bluesky":
        from console.channels.bluesky.channel import rules_for_post

        return rules_for_post(raw(), rules)
    if channel == "feed":
        from console.channels.feeds.channel import rules_for_post as feed_rules

        return feed_rules(raw(), rules)
    return rules
