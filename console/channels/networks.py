"""Every network the console speaks, in the order the console offers them.

A new network is a folder under console/channels/ with a ``network.py`` descriptor (see
console/channels/network.py), one line here, and its form in console/ui/accounts_dialog.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from console.channels.base import Channel, ChannelError, ReplyRules, Secrets
from console.channels.bluesky import network as bluesky
from console.channels.feeds import network as feeds
from console.channels.mastodon import network as mastodon
from console.channels.network import ChannelAccount, Network
from console.channels.reddit import network as reddit
from console.channels.wordpress import network as wordpress
from console.channels.x import network as x

NETWORKS: tuple[Network, ...] = (
    mastodon.NETWORK, bluesky.NETWORK, feeds.NETWORK, wordpress.NETWORK, x.NETWORK,
    reddit.NETWORK)
KINDS = tuple(n.kind for n in NETWORKS)
_BY_KIND = {n.kind: n for n in NETWORKS}


def find(kind: str) -> Network | None:
    """The network of accounts of ``kind`` ("mastodon", "feed"...), or None."""
    return _BY_KIND.get(kind)


def network(kind: str) -> Network:
    """The network of accounts of ``kind``; ChannelError when the console has none."""
    found = _BY_KIND.get(kind)
    if found is None:
        raise ChannelError(f"accounts of kind {kind!r} are not supported yet")
    return found


def open_channel(account: ChannelAccount, secrets: Secrets) -> Channel:
    """A ready channel for ``account``; its credentials come from ``secrets``."""
    return network(account.kind).open_channel(account, secrets)


def post_reply_rules(channel: str, raw: Callable[[], dict[str, Any]],
                     rules: ReplyRules) -> ReplyRules:
    """``rules`` refined by the stored post itself (``raw()`` reads its payload; Bluesky:
    the grapheme and byte limits, and a threadgate that forbids replies; feeds: by hand)."""
    found = _BY_KIND.get(channel)
    if found is None or found.post_rules is None:
        return rules
    return found.post_rules(raw(), rules)
