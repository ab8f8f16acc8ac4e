"""Which Channel class speaks for an account's kind."""

from __future__ import annotations

from console.channels.base import Channel, ChannelError
from console.store.accounts import AccountInfo

KINDS = ("mastodon",)


def open_channel(account: AccountInfo, token: str | None) -> Channel:
    """A ready channel for `account` (the token comes from the secret store)."""
    if account.kind == "mastodon":
        from console.channels.mastodon import MastodonChannel

        return MastodonChannel(account.base_url, token, brand_acct=account.handle or None)
    raise ChannelError(f"accounts of kind {account.kind!r} are not supported yet")
