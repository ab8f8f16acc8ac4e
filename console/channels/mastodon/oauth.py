"""Signing a brand account in to a Mastodon server: app registration, OAuth 2 code with PKCE.

Flow: ``register_app`` once per server, ``new_pkce()``, open ``build_authorize_url(...)`` in
the browser, receive the code on a loopback redirect (or the user pastes it for
``urn:ietf:wg:oauth:2.0:oob``), then ``exchange_code(...)`` for the access token. The caller
stores the client secret and the token in the keyring only.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import time
from collections.abc import Callable
from urllib.parse import urlencode

import httpx

from console.channels.base import (
    AuthError,
    ChannelError,
    MalformedResponse,
    NetworkError,
    NotFound,
    RateLimited,
    ServerError,
)
from console.channels.mastodon.http import MastodonHttp
from console.i18n import translate

OOB_REDIRECT = "urn:ietf:wg:oauth:2.0:oob"
DEFAULT_SCOPES = "read write"


def new_pkce() -> tuple[str, str]:
    """A fresh PKCE pair: (code_verifier, S256 code_challenge)."""
    verifier = secrets.token_urlsafe(64)[:96]
    return verifier, pkce_challenge(verifier)


def pkce_challenge(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _http(
    base_url: str,
    timeout: float,
    transport: httpx.BaseTransport | None,
    sleep: Callable[[float], None],
) -> MastodonHttp:
    return MastodonHttp(
        base_url, None, timeout=timeout, max_wait=10.0, sleep=sleep, transport=transport
    )


def _text(data: object, name: str) -> str:
    value = data.get(name) if isinstance(data, dict) else None
    if not isinstance(value, str) or not value:
        raise MalformedResponse(f"Mastodon answered without {name}")
    return value


def register_app(
    base_url: str,
    redirect_uri: str,
    scopes: str = DEFAULT_SCOPES,
    *,
    client_name: str = "Posventa",
    website: str | None = None,
    timeout: float = 10.0,
    transport: httpx.BaseTransport | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> tuple[str, str]:
    """Register Posventa on the server; returns (client_id, client_secret)."""
    http = _http(base_url, timeout, transport, sleep)
    try:
        form = {"client_name": client_name, "redirect_uris": redirect_uri, "scopes": scopes}
        if website:
            form["website"] = website
        data = http.decode(http.request("POST", "/api/v1/apps", data=form))
        return _text(data, "client_id"), _text(data, "client_secret")
    except (NotFound, MalformedResponse):
        raise ChannelError(translate(
            "Channels", "{host} does not answer like a Mastodon server; check the address")
            .format(host=http.host)) from None
    finally:
        http.close()


def build_authorize_url(
    base_url: str,
    client_id: str,
    redirect_uri: str,
    code_challenge: str,
    scopes: str = DEFAULT_SCOPES,
    state: str | None = None,
    force_login: bool = False,
) -> str:
    """The page to open in the browser (PKCE S256)."""
    http_base = base_url.rstrip("/")
    params = {
        "response_type": "code",
        "client_id": client_id,
        "redirect_uri": redirect_uri,
        "scope": scopes,
        "code_challenge": code_challenge,
        "code_challenge_method": "S256",
    }
    if state:
        params["state"] = state
    if force_login:
        params["force_login"] = "true"
    return f"{http_base}/oauth/authorize?{urlencode(params)}"


def exchange_code(
    base_url: str,
    client_id: str,
    client_secret: str,
    code: str,
    redirect_uri: str,
    code_verifier: str,
    *,
    timeout: float = 10.0,
    transport: httpx.BaseTransport | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> str:
    """Trade the authorization code for an access token."""
    http = _http(base_url, timeout, transport, sleep)
    form = {
        "grant_type": "authorization_code",
        "code": code.strip(),
        "client_id": client_id,
        "client_secret": client_secret,
        "redirect_uri": redirect_uri,
        "code_verifier": code_verifier,
    }
    try:
        data = http.decode(http.request("POST", "/oauth/token", data=form))
        return _text(data, "access_token")
    except (NetworkError, ServerError, RateLimited, MalformedResponse):
        raise
    except AuthError:
        raise AuthError(translate(
            "Channels", "{who}: the app registration was not accepted; register again").format(
            who=f"Mastodon {http.host}")) from None
    except ChannelError:
        raise AuthError(translate(
            "Channels", "{who}: the sign-in code was not accepted (expired, already used or "
            "mistyped); sign in again").format(who=f"Mastodon {http.host}")) from None
    finally:
        http.close()


def revoke_token(
    base_url: str,
    client_id: str,
    client_secret: str,
    token: str,
    *,
    timeout: float = 10.0,
    transport: httpx.BaseTransport | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Tell the server to forget a token (sign out)."""
    http = _http(base_url, timeout, transport, sleep)
    try:
        http.request(
            "POST",
            "/oauth/revoke",
            data={"client_id": client_id, "client_secret": client_secret, "token": token},
        )
    finally:
        http.close()
