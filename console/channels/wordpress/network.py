"""WordPress as the console sees it: the :data:`NETWORK` descriptor and adding a site.

A site is added with a user name and an Application Password, checked with
``/users/me``: the user name goes to the account's settings, the password to the keyring
only. Adding the same user again replaces the password (after "application password
rejected").
"""

from __future__ import annotations

import argparse
from typing import Any

from console.channels.base import Channel, ChannelError, Secrets, StaticSecrets
from console.channels.network import AccountFound, ChannelAccount, Network
from console.channels.wordpress.channel import WordPressChannel, check_site_url
from console.channels.wordpress.parse import KIND
from console.errors import InvalidInput
from console.i18n import QT_TRANSLATE_NOOP, translate


def open_channel(account: ChannelAccount, secrets: Secrets) -> Channel:
    return WordPressChannel(account.base_url, str(account.settings.get("username", "")),
                            secrets.get("app_password"),
                            every_comment=bool(account.settings.get("every_comment", True)))


def add_site(site_url: str, username: str, app_password: str,
             every_comment: bool = True) -> AccountFound:
    """Check an Application Password against a WordPress site (network!): the user it
    opens, with the user name in the settings and the password for the keyring."""
    try:
        site = check_site_url(site_url)
    except ChannelError as exc:
        raise InvalidInput(str(exc)) from None
    username, password = (username or "").strip(), "".join((app_password or "").split())
    if not username:
        raise InvalidInput(translate("Accounts", "The WordPress user name is empty."))
    if not password:
        raise InvalidInput(translate("Accounts", "The application password is empty."))
    settings: dict[str, Any] = {"username": username, "every_comment": every_comment}
    channel = open_channel(ChannelAccount(KIND, site, username, settings),
                           StaticSecrets({"app_password": password}))
    try:
        info, me = channel.instance_info(), channel.verify()
    finally:
        channel.close()
    settings.update(max_characters=info.max_characters, instance=info.title)
    return AccountFound(KIND, site, handle=me.handle, display_name=me.display_name,
                        remote_id=me.remote_id, settings=settings,
                        secrets={"app_password": password})


def cli_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--site", required=True, help="the site's address, e.g. "
                                                      "https://blog.example")
    parser.add_argument("--user", required=True, help="the WordPress user name")
    parser.add_argument("--password-stdin", action="store_true",
                        help="read the Application Password from stdin")
    parser.add_argument("--watches-only", action="store_true",
                        help="not the brand's own site: only comments matching a watch")


NETWORK = Network(
    kind=KIND,
    label=QT_TRANSLATE_NOOP("Accounts", "WordPress comments"),
    open_channel=open_channel,
    add_account=add_site,
    cli_help="a WordPress site (comments; replies with an Application Password)",
    cli_arguments=cli_arguments,
)
