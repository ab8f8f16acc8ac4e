"""Which Channel class speaks for an account's kind."""

from __future__ import annotations

from typing import Protocol

from console.channels.base import Channel, ChannelError
from console.store.accounts import AccountInfo

KINDS = ("mastodon",)


class Secrets(Protocol):
    """What a channel may read and renew of its account's secrets (see console/secrets.py)."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...


def open_channel(account: AccountInfo, secrets: Secrets) -> Channel:
    """A ready channel for `account`; its credentials come from `secrets`."""
    if account.kind == "mastodon":
        from console.channels.mastodon import MastodonChannel

        return MastodonChannel(account.base_url, secrets.get("token"),
                               brand_acct=account.handle or None)
    raise ChannelError(f"accounts of kind {account.kind!r} are not supported yet")
