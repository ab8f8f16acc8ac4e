"""Reddit as the console sees it: the :data:`NETWORK` descriptor and adding an account.

An account is added by signing in through the browser with the team's own installed app
(console/channels/reddit/signin.py; :func:`signed_in_account` turns the outcome into what
is kept) or with a refresh token of that app (:func:`add_with_refresh_token`). The refresh
token goes to the keyring only; the app's client id (public: an installed app has no
secret) and the authorization address go to the account's settings.
"""

from __future__ import annotations

import argparse
from urllib.parse import urlsplit

from console.channels.base import Channel, ChannelError, RemoteAuthor, Secrets, StaticSecrets
from console.channels.network import AccountFound, ChannelAccount, Network
from console.channels.reddit.channel import MAX_CHARACTERS, RedditChannel, rules_for_post
from console.channels.reddit.oauth import (
    API_URL,
    APPS_PAGE,
    REDIRECT_PORT,
    auth_url_for,
    check_client_id,
    check_url,
    redirect_uri,
)
from console.channels.reddit.signin import SignedIn
from console.errors import InvalidInput
from console.i18n import QT_TRANSLATE_NOOP, translate

KIND = "reddit"
WAIT_SECONDS = 900.0  # how long `accounts add reddit` waits for the browser's approval


def open_channel(account: ChannelAccount, secrets: Secrets) -> Channel:
    settings = account.settings
    client_id = settings.get("client_id")
    if not isinstance(client_id, str) or not client_id:
        raise ChannelError(translate(
            "Channels", "Reddit u/{name}: the account has no app client id; sign in again")
            .format(name=account.handle))
    secrets.get("refresh_token")  # asked now: the engine notices a missing sign-in at once
    auth = settings.get("auth_url")
    return RedditChannel(account.base_url, auth_url_for(account.base_url, auth if isinstance(
        auth, str) else None), client_id, secrets, handle=account.handle,
        owner=str(settings.get("owner") or ""))


def _found(api_url: str, auth_url: str, client_id: str, refresh: str, signed_uri: str,
           me: RemoteAuthor, owner: str) -> AccountFound:
    host = urlsplit(api_url).netloc
    settings: dict[str, object] = {
        "max_characters": MAX_CHARACTERS, "instance": "reddit.com" if api_url == API_URL
        else host, "client_id": client_id, "auth_url": auth_url}
    if signed_uri:
        settings["redirect_uri"] = signed_uri
    if owner:
        settings["owner"] = owner
    return AccountFound(KIND, api_url, handle=me.handle, display_name=me.display_name,
                        remote_id=me.remote_id, settings=settings,
                        secrets={"refresh_token": refresh})


def add_with_refresh_token(client_id: str, refresh_token: str, api_url: str = API_URL,
                           auth_url: str | None = None, owner: str = "") -> AccountFound:
    """Check a refresh token of the app with Reddit (network!): the account it opens."""
    try:
        client_id = check_client_id(client_id)
        api = check_url(api_url, API_URL)
        auth = auth_url_for(api, auth_url)
    except ChannelError as exc:
        raise InvalidInput(str(exc)) from None
    refresh = (refresh_token or "").strip()
    if not refresh:
        raise InvalidInput(translate("Accounts", "The refresh token is empty."))
    held = StaticSecrets({"refresh_token": refresh})
    channel = RedditChannel(api, auth, client_id, held, owner=owner)
    try:
        me = channel.verify()
    finally:
        channel.close()
    return _found(api, auth, client_id, held.get("refresh_token") or refresh, "", me, owner)


def signed_in_account(signed: SignedIn, owner: str = "") -> AccountFound:
    """The account a browser sign-in opened (its refresh token for the keyring)."""
    return _found(signed.api_url, signed.auth_url, signed.client_id, signed.refresh_token,
                  signed.redirect_uri, signed.author, owner)


def cli_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--client-id",
                        help=f"your installed app's client id ({APPS_PAGE})")
    parser.add_argument("--api", default=API_URL,
                        help=f"the API address; default {API_URL}")
    parser.add_argument("--auth", help="the authorization address (default www.reddit.com "
                        "for the real API, else the --api address)")
    parser.add_argument("--port", type=int, default=REDIRECT_PORT,
                        help=f"the loopback port of the app's redirect address (default "
                        f"{REDIRECT_PORT}: {redirect_uri()})")
    parser.add_argument("--owner", default="", help="the Reddit user who registered the app, "
                        "for the User-Agent (default: the account signed in)")
    parser.add_argument("--no-browser", action="store_true",
                        help="only print the authorization page; do not open a browser")
    parser.add_argument("--token-stdin", action="store_true",
                        help="skip the browser: read a refresh token of the app from stdin")
    parser.add_argument("--account", type=int, metavar="ID",
                        help="sign this account in again (its sign-in was refused)")
    parser.add_argument("--wait", type=float, default=WAIT_SECONDS, metavar="SECONDS",
                        help=f"how long to wait for the approval (default {WAIT_SECONDS:.0f})")


NETWORK = Network(
    kind=KIND,
    label=QT_TRANSLATE_NOOP("Accounts", "Reddit"),
    open_channel=open_channel,
    add_account=add_with_refresh_token,
    cli_help="a Reddit account (signs in through the browser with your installed app)",
    cli_description=(
        "Register an installed app at " + APPS_PAGE + " with the redirect address "
        + redirect_uri() + " (Reddit approves new apps before they work), then sign in "
        "with its client id. Posventa never links a Reddit author to a customer by itself "
        "and never starts a private message."),
    cli_arguments=cli_arguments,
    post_rules=rules_for_post,
    default_url=API_URL,
)
