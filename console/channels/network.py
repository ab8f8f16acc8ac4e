"""What one network tells the rest of the console: the descriptor each network folder has.

Every ``console/channels/<network>/network.py`` holds one :class:`Network`; the explicit
list of them is console/channels/networks.py. A descriptor says how to open the channel of
an account, how to check a new account with the network (the accounts feature then keeps
what the check found), the ``posventa accounts add <kind>`` arguments, and the reply rules
a stored post adds. The forms live in console/ui (this layer imports no Qt), one per kind.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from console.channels.base import Channel, ReplyRules, Secrets


@dataclass(frozen=True)
class ChannelAccount:
    """An account as its channel needs it: no id, no secrets (those come as ``Secrets``)."""

    kind: str
    base_url: str
    handle: str = ""
    settings: Mapping[str, Any] = field(default_factory=dict)


class KeptAccount(Protocol):
    """An account already kept, as :meth:`AccountFound.is_same` compares it."""

    @property
    def kind(self) -> str: ...

    @property
    def base_url(self) -> str: ...

    @property
    def remote_id(self) -> str: ...

    @property
    def settings(self) -> dict[str, Any]: ...


@dataclass(frozen=True)
class AccountFound:
    """What a network vouched for when an account was added: what to keep of it, and its
    secrets for the keyring (never anywhere else).

    The same account added again (:meth:`is_same`) is renewed, not doubled; where
    ``already`` is set, that sentence is raised instead (a feed is read once per workspace).
    """

    kind: str
    base_url: str
    handle: str
    display_name: str
    remote_id: str
    settings: dict[str, Any]
    secrets: dict[str, str] = field(default_factory=dict, repr=False)
    already: str = ""

    def is_same(self, kept: KeptAccount) -> bool:
        """Whether ``kept`` is this account: same kind, server and remote id."""
        return (kept.kind == self.kind and kept.base_url == self.base_url.rstrip("/")
                and kept.remote_id == self.remote_id)


OpenChannel = Callable[[ChannelAccount, Secrets], Channel]
PostRules = Callable[[dict[str, Any], ReplyRules], ReplyRules]
AlreadyKept = Callable[[Mapping[str, Any], Sequence[KeptAccount]], str]


@dataclass(frozen=True)
class Network:
    """One network: its account kind, how to open, add and command-line add an account.

    ``add_account`` reaches the network (run it off the GUI thread): it takes what the
    agent entered as keywords (each network's own, see its network.py), raises
    ``InvalidInput`` or ``ChannelError`` with a sentence the agent can read, and returns
    an :class:`AccountFound`. ``post_rules`` refines the channel's reply rules with the
    stored post itself (its raw payload), for the networks where a post says more.
    ``already_kept``, where set, is asked before the network is reached: given what the
    agent entered and the accounts kept, the sentence that refuses a duplicate, or "".
    """

    kind: str  # stored with the account; never translated
    label: str  # the name in the "add an account" choice (context "Accounts")
    open_channel: OpenChannel
    add_account: Callable[..., AccountFound]
    cli_help: str  # ``posventa accounts add <kind>`` in ``--help``
    cli_arguments: Callable[[argparse.ArgumentParser], None]
    cli_description: str | None = None
    post_rules: PostRules | None = None
    default_url: str = ""  # the server a form offers before the agent types one
    already_kept: AlreadyKept | None = None
