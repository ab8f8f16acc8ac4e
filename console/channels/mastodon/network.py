"""Mastodon as the console sees it: the :data:`NETWORK` descriptor and adding an account.

An account is added by signing in through the browser (console/channels/mastodon/signin.py;
:func:`signed_in_account` turns the outcome into what is kept) or with an access token made
by hand on the server (:func:`add_with_token`). Either way the token and the app's client
secret go to the keyring only.
"""

from __future__ import annotations

import argparse

from console.channels.base import Channel, InstanceInfo, RemoteAuthor, Secrets, StaticSecrets
from console.channels.mastodon.channel import MastodonChannel
from console.channels.mastodon.signin import SignedIn
from console.channels.network import AccountFound, ChannelAccount, Network
from console.channels.urls import web_address, with_scheme
from console.errors import InvalidInput
from console.i18n import QT_TRANSLATE_NOOP, translate

KIND = "mastodon"
WAIT_SECONDS = 900.0  # how long `accounts add mastodon` waits for the browser's approval


def check_instance_url(url: str) -> str:
    """A usable instance URL: https, or http only on this machine (the sandbox)."""
    url = with_scheme((url or "").strip().rstrip("/"))
    address = web_address(url)
    if address is None:
        raise InvalidInput(translate(
            "Accounts", "{address} is not a web address; type the instance like "
            "mastodon.social").format(address=url or translate("Accounts", "an empty address")))
    if address.plain_http:
        raise InvalidInput(translate(
            "Accounts", "Plain http:// is only allowed for this machine (the sandbox); use "
            "https://"))
    return url


def open_channel(account: ChannelAccount, secrets: Secrets) -> Channel:
    return MastodonChannel(account.base_url, secrets.get("token"),
                           brand_acct=account.handle or None)


def add_with_token(instance_url: str, token: str) -> AccountFound:
    """Check an access token against the instance (network!): the account it opens."""
    url = check_instance_url(instance_url)
    token = (token or "").strip()
    if not token:
        raise InvalidInput(translate("Accounts", "The access token is empty."))
    channel = open_channel(ChannelAccount(KIND, url), StaticSecrets({"token": token}))
    try:
        info = channel.instance_info()
        me = channel.verify()
    finally:
        channel.close()
    return _found(url, me, info, token, None)


def signed_in_account(signed: SignedIn) -> AccountFound:
    """The account a browser sign-in opened: its token and the app's client secret go to
    the keyring, the (public) client id to the account's settings."""
    return _found(signed.base_url, signed.author, signed.instance, signed.token, signed)


def _found(url: str, me: RemoteAuthor, info: InstanceInfo, token: str,
           signed: SignedIn | None) -> AccountFound:
    settings: dict[str, object] = {"max_characters": info.max_characters,
                                   "instance": info.title}
    secrets: dict[str, str] = {}
    if signed is not None:
        settings["client_id"] = signed.client_id  # public (it is in the browser's URL)
        secrets["client_secret"] = signed.client_secret
    secrets["token"] = token.strip()
    return AccountFound(KIND, url, handle=me.handle, display_name=me.display_name,
                        remote_id=me.remote_id, settings=settings, secrets=secrets)


def cli_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--instance", help="instance URL, e.g. mastodon.social (not needed "
                        "with --account)")
    parser.add_argument("--no-browser", action="store_true",
                        help="only print the authorization page; do not open a browser")
    parser.add_argument("--token-stdin", action="store_true",
                        help="skip the browser: read an access token from stdin")
    parser.add_argument("--account", type=int, metavar="ID",
                        help="sign this account in again (its token was rejected)")
    parser.add_argument("--wait", type=float, default=WAIT_SECONDS, metavar="SECONDS",
                        help=f"how long to wait for the approval (default {WAIT_SECONDS:.0f})")


NETWORK = Network(
    kind=KIND,
    label=QT_TRANSLATE_NOOP("Accounts", "Mastodon"),
    open_channel=open_channel,
    add_account=add_with_token,
    cli_help="a Mastodon account (signs in through the browser)",
    cli_arguments=cli_arguments,
)
