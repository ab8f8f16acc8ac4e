"""Reddit's OAuth 2 for an installed app: the addresses, the authorization page, the scopes
and the descriptive User-Agent Reddit's API rules ask for.

An installed app has a client id and no secret. The browser goes to
``{auth}/api/v1/authorize`` (``response_type=code``, ``state``, ``duration=permanent``
for a refresh token, ``scope``) and comes back to the exact redirect address registered
with the app; the code is traded at ``{auth}/api/v1/access_token`` with HTTP Basic
``client_id:`` (empty password). ``auth`` is https://www.reddit.com and the API is
https://oauth.reddit.com; the sandbox serves both under one address.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

import console
from console.channels.base import ChannelError
from console.channels.urls import web_address, with_scheme
from console.i18n import translate

API_URL = "https://oauth.reddit.com"
AUTH_URL = "https://www.reddit.com"
APPS_PAGE = "https://www.reddit.com/prefs/apps"
# identity: /api/v1/me; privatemessages: the inbox and answering a message; read: search,
# subreddit comments, /api/info; submit: /api/comment; history: the brand's own comments.
SCOPES = ("identity", "privatemessages", "read", "submit", "history")
REDIRECT_PORT = 65010
REDIRECT_PATH = "/reddit_callback"
CLIENT_ID_RE = re.compile(r"^[A-Za-z0-9_-]{10,40}$")
USERNAME_RE = re.compile(r"^[A-Za-z0-9_-]{3,20}$")


def redirect_uri(port: int = REDIRECT_PORT) -> str:
    """The loopback address to register with the app on reddit.com/prefs/apps."""
    return f"http://127.0.0.1:{port}{REDIRECT_PATH}"


def check_url(url: str, what: str) -> str:
    """An https base address (http only on this machine, for the sandbox), no trailing /."""
    url = with_scheme((url or "").strip())
    address = web_address(url)
    if address is None:
        raise ChannelError(translate("Channels", "{address} is not a web address ({example})")
                           .format(address=url or translate("Channels", "An empty address"),
                                   example=what))
    if address.plain_http:
        raise ChannelError(translate(
            "Channels", "{who}: refusing an unencrypted http:// address; use https://").format(
            who=f"Reddit {address.host}"))
    if address.credentials or address.extras:
        raise ChannelError(translate(
            "Channels", "The Reddit address must be a plain https:// address"))
    return address.base


def auth_url_for(api_url: str, auth_url: str | None = None) -> str:
    """Where the authorization pages are: ``auth_url`` when given; www.reddit.com for the
    real API; the API's own address otherwise (the sandbox serves both)."""
    if auth_url:
        return check_url(auth_url, AUTH_URL)
    api = check_url(api_url, API_URL)
    return AUTH_URL if api == API_URL else api


def check_client_id(client_id: str) -> str:
    client_id = (client_id or "").strip()
    if not client_id:
        raise ChannelError(translate(
            "Channels", "The Reddit app's client id is empty; register an installed app at "
            "{page} and copy the id shown under its name").format(page=APPS_PAGE))
    if not CLIENT_ID_RE.match(client_id):
        raise ChannelError(translate(
            "Channels", "That is not a Reddit client id (letters, digits, - and _, shown under "
            "the app's name at {page})").format(page=APPS_PAGE))
    return client_id


def user_agent(owner: str = "") -> str:
    """``<platform>:<app id>:<version> (by /u/<name>)``, as Reddit's API rules ask."""
    agent = f"desktop:org.posventa.console:{console.__version__}"
    owner = (owner or "").strip().lstrip("/").removeprefix("u/")
    return f"{agent} (by /u/{owner})" if USERNAME_RE.match(owner) else agent


def authorize_url(auth_url: str, client_id: str, redirect: str, state: str,
                  scopes: tuple[str, ...] = SCOPES) -> str:
    """The page the browser opens: a permanent grant (so a refresh token comes back)."""
    params = {"client_id": client_id, "response_type": "code", "state": state,
              "redirect_uri": redirect, "duration": "permanent", "scope": " ".join(scopes)}
    return f"{auth_url.rstrip('/')}/api/v1/authorize?{urlencode(params)}"
