"""Bluesky as the console sees it: the :data:`NETWORK` descriptor and adding an account.

An account is added with its handle and an app password (never the main password),
checked by opening a session on its server (PDS); the app password and the session's
refresh token go to the keyring only. Direct messages need an app password made with
"Allow access to your direct messages": adding checks that too, and refuses with that
sentence unless the agent adds the account without direct messages.
"""

from __future__ import annotations

import argparse

from console.channels.base import Channel, Secrets, StaticSecrets
from console.channels.bluesky.account import check_sign_in
from console.channels.bluesky.channel import BlueskyChannel, rules_for_post
from console.channels.bluesky.chat_errors import ChatNotAllowed
from console.channels.network import AccountFound, ChannelAccount, Network
from console.errors import InvalidInput
from console.i18n import QT_TRANSLATE_NOOP, translate

KIND = "bluesky"
DEFAULT_SERVICE = "https://bsky.social"
APP_PASSWORDS = "https://bsky.app/settings/app-passwords"


def open_channel(account: ChannelAccount, secrets: Secrets) -> Channel:
    return BlueskyChannel(account.base_url, account.handle, secrets,
                          direct_messages=bool(account.settings.get("direct_messages", True)))


def add_with_app_password(handle: str, app_password: str,
                          service_url: str = DEFAULT_SERVICE,
                          direct_messages: bool = True) -> AccountFound:
    """Sign in with an app password (network!): the account it opens. Adding the same
    account again replaces its app password (after "app password rejected").

    With ``direct_messages`` the app password must reach the brand's direct messages;
    without, the account reads and answers public posts only."""
    try:
        handle, password, url = check_sign_in(handle, app_password, service_url)
    except ValueError as exc:
        raise InvalidInput(str(exc)) from None
    held = StaticSecrets({"app_password": password})
    channel = open_channel(ChannelAccount(KIND, url, handle), held)
    try:
        me = channel.verify()
        info = channel.instance_info()
        if direct_messages:
            assert isinstance(channel, BlueskyChannel)
            try:
                channel.chat.check_access()
            except ChatNotAllowed as exc:
                raise InvalidInput(translate(
                    "Channels", "{problem}; or add the account without direct messages.")
                    .format(problem=str(exc))) from None
    finally:
        channel.close()
    kept = {name: value for name in ("app_password", "refresh_token")
            if (value := held.get(name))}
    return AccountFound(KIND, url, handle=me.handle, display_name=me.display_name,
                        remote_id=me.remote_id,
                        settings={"max_characters": info.max_characters, "instance": info.title,
                                  "direct_messages": direct_messages},
                        secrets=kept)


def cli_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--handle", required=True, help="the account's handle, e.g. marca.bsky.social"
    )
    parser.add_argument(
        "--service",
        default=DEFAULT_SERVICE,
        help="the account's server (PDS); default https://bsky.social",
    )
    parser.add_argument(
        "--password-stdin", action="store_true", help="read the app password from stdin"
    )
    parser.add_argument(
        "--no-direct-messages", dest="direct_messages", action="store_false",
        help="public posts only: do not read or send direct messages (an app password made "
        "without 'Allow access to your direct messages')",
    )


NETWORK = Network(
    kind=KIND,
    label=QT_TRANSLATE_NOOP("Accounts", "Bluesky"),
    open_channel=open_channel,
    add_account=add_with_app_password,
    cli_help="a Bluesky account (handle and app password)",
    cli_description="Sign in with an app password (never your main password); create one in "
    f"Bluesky under Settings > Privacy and security > App passwords ({APP_PASSWORDS}); tick "
    "'Allow access to your direct messages' to read and answer direct messages.",
    cli_arguments=cli_arguments,
    post_rules=rules_for_post,
    default_url=DEFAULT_SERVICE,
)
