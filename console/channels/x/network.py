"""X as the console sees it: the :data:`NETWORK` descriptor and adding an account.

An account is added by signing in through the browser (console/channels/x/signin.py;
:func:`signed_in_account` turns the outcome into what is kept) or with a user access token
made elsewhere (:func:`add_with_token`). The tokens (and a confidential app's client
secret) go to the keyring only; the app's Client ID, which is public, and the optional
monthly read budget go to the account's settings.
"""

from __future__ import annotations

import argparse

from console.channels.base import Channel, ChannelError, RemoteAuthor, Secrets, StaticSecrets
from console.channels.network import AccountFound, ChannelAccount, Network
from console.channels.weighted import LIMIT
from console.channels.x.channel import XChannel, rules_for_post
from console.channels.x.http import DEFAULT_API, check_api_url
from console.channels.x.signin import DEFAULT_PORT, SignedIn
from console.errors import InvalidInput
from console.i18n import QT_TRANSLATE_NOOP, translate

KIND = "x"
WAIT_SECONDS = 900.0


def open_channel(account: ChannelAccount, secrets: Secrets) -> Channel:
    settings = dict(account.settings)
    remote = settings.get("x_user_id")
    return XChannel(account.base_url, account.handle, secrets, settings=settings,
                    remote_id=str(remote) if isinstance(remote, str) else "")


def check_budget(value: object) -> int | None:
    """A monthly read budget: a positive whole number of posts, or None (no budget)."""
    if value in (None, "", 0):
        return None
    try:
        budget = int(str(value).replace(",", "").replace(".", "").strip())
    except ValueError:
        budget = -1
    if budget <= 0:
        raise InvalidInput(translate(
            "Accounts", "The read budget is a number of posts per month, like 10000 (or "
            "empty for no budget)."))
    return budget


def api_url_of(text: str) -> str:
    try:
        return check_api_url(text or DEFAULT_API)[0]
    except ChannelError as exc:
        raise InvalidInput(str(exc)) from None


def _found(url: str, me: RemoteAuthor, token: str, refresh: str, client_id: str,
           client_secret: str, read_budget: int | None) -> AccountFound:
    settings: dict[str, object] = {"max_characters": LIMIT, "instance": "X",
                                   "x_user_id": me.remote_id}
    if client_id:
        settings["client_id"] = client_id  # public: it is in the consent page's address
    settings["x_read_budget"] = read_budget or 0
    secrets = {"token": token.strip()}
    if refresh:
        secrets["refresh_token"] = refresh
    if client_secret:
        secrets["client_secret"] = client_secret
    return AccountFound(KIND, url, handle=me.handle, display_name=me.display_name,
                        remote_id=me.remote_id, settings=settings, secrets=secrets)


def add_with_token(token: str, api_url: str = DEFAULT_API, read_budget: object = None,
                   refresh_token: str = "", client_id: str = "") -> AccountFound:
    """Check a user access token with X (network!): the account it opens."""
    url = api_url_of(api_url)
    budget = check_budget(read_budget)
    token = (token or "").strip()
    if not token:
        raise InvalidInput(translate("Accounts", "The access token is empty."))
    held = StaticSecrets({"token": token, "refresh_token": refresh_token.strip()})
    channel = XChannel(url, "", held, settings={"client_id": client_id})
    try:
        me = channel.verify()
    finally:
        channel.close()
    return _found(url, me, held.values["token"], held.values.get("refresh_token", ""),
                  client_id.strip(), "", budget)


def signed_in_account(signed: SignedIn, read_budget: object = None) -> AccountFound:
    """The account a browser sign-in opened."""
    return _found(signed.api_url, signed.author, signed.token, signed.refresh_token,
                  signed.client_id, signed.client_secret, check_budget(read_budget))


def cli_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--api", default=DEFAULT_API,
                        help=f"the X API address (default {DEFAULT_API}; the sandbox's for a "
                        "demo)")
    parser.add_argument("--client-id", default="",
                        help="the Client ID of your X app (developer console, Keys and tokens)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help="the loopback port of the callback registered in your X app "
                        f"(http://127.0.0.1:PORT/callback; default {DEFAULT_PORT})")
    parser.add_argument("--no-browser", action="store_true",
                        help="only print the consent page; do not open a browser")
    parser.add_argument("--token-stdin", action="store_true",
                        help="skip the browser: read a user access token from stdin")
    parser.add_argument("--read-budget", type=int, metavar="N", default=None,
                        help="stop the keyword search once N posts were read in a month "
                        "(X bills every post read; mentions keep coming)")
    parser.add_argument("--account", type=int, metavar="ID",
                        help="sign this account in again (X stopped accepting it)")
    parser.add_argument("--wait", type=float, default=WAIT_SECONDS, metavar="SECONDS",
                        help=f"how long to wait for the approval (default {WAIT_SECONDS:.0f})")


NETWORK = Network(
    kind=KIND,
    label=QT_TRANSLATE_NOOP("Accounts", "X"),
    open_channel=open_channel,
    add_account=add_with_token,
    cli_help="an X account (signs in through the browser with your X app's Client ID)",
    cli_description="Sign in with OAuth 2.0 through the browser. Create an app in X's "
    "developer console (type Native App), copy its Client ID, and add the callback "
    f"http://127.0.0.1:{DEFAULT_PORT}/callback (or the --port you choose).",
    cli_arguments=cli_arguments,
    post_rules=rules_for_post,
    default_url=DEFAULT_API,
)
