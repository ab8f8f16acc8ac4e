"""Signing a brand account in to X: OAuth 2.0 authorization code with PKCE, loopback redirect.

X registers apps in its developer console, not per sign-in: the team creates an app there
(type "Native App", a public client), copies its Client ID, and adds the callback address
``http://127.0.0.1:<port>/callback`` exactly (X compares it character for character; the
port is :data:`DEFAULT_PORT` unless chosen). :class:`XSignIn` is the flow without Qt,
shared by the accounts dialog and ``posventa accounts add x``:

1. :meth:`~XSignIn.start` listens on the loopback callback and makes a PKCE pair (S256) and
   a ``state``; :attr:`~XSignIn.authorize_url` is X's consent page with the scopes
   ``tweet.read tweet.write users.read offline.access``.
2. The user approves; the browser comes back with the code (it is valid for 30 seconds).
   When it cannot (another device), the user pastes the address it ended on.
3. :meth:`~XSignIn.complete` exchanges the code (``POST /2/oauth2/token`` with the
   ``code_verifier``) for the access token and the refresh token, and reads the brand's
   own account (``GET /2/users/me``). The caller keeps both tokens in the keyring.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from urllib.parse import urlencode

import httpx

from console.channels.base import AuthError, ChannelError, RemoteAuthor, StaticSecrets
from console.channels.loopback import (
    BrowserSignIn,
    CallbackListener,
    ReceivedCode,
    SignInCancelled,
    SignInError,
    code_in_address,
)
from console.channels.mastodon.oauth import new_pkce
from console.channels.x.channel import XChannel
from console.channels.x.http import TOKEN_PATH, XHttp, authorize_base, check_api_url
from console.i18n import translate

DEFAULT_PORT = 8976
SCOPES = "tweet.read tweet.write users.read offline.access"


def callback_address(port: int) -> str:
    """The callback to register in the X app for a loopback ``port``."""
    return f"http://127.0.0.1:{port}/callback"


@dataclass(frozen=True)
class SignedIn:
    """A finished sign-in: what the caller keeps (tokens in the keyring only)."""

    api_url: str
    client_id: str
    token: str
    refresh_token: str
    author: RemoteAuthor
    client_secret: str = ""  # a confidential client's (Web App); "" for a Native App


class XSignIn(BrowserSignIn):
    """One sign-in attempt to X (see the module docstring)."""

    def __init__(self, api_url: str, client_id: str, *, port: int = DEFAULT_PORT,
                 client_secret: str = "", timeout: float = 10.0,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.api_url, self.host = check_api_url(api_url)
        self.client_id = (client_id or "").strip()
        if not self.client_id or any(c.isspace() for c in self.client_id):
            raise SignInError(translate(
                "Channels", "Copy the Client ID of your X app (X developer console, Keys and "
                "tokens) first"))
        self.client_secret = client_secret.strip()
        self.port = port
        self.timeout = timeout
        self.transport = transport
        super().__init__()
        self.verifier, self.challenge = new_pkce()

    def start(self) -> None:
        """Listen on the loopback callback and prepare X's consent page."""
        try:
            listener = CallbackListener(self.state, self._results.put, port=self.port)
        except OSError:
            raise SignInError(translate(
                "Channels", "Port {port} on this computer is taken, so X cannot send the "
                "approval back; close what uses it or choose another port (and register "
                "that callback in your X app)").format(port=self.port)) from None
        self._listen(listener)
        query = urlencode({
            "response_type": "code", "client_id": self.client_id,
            "redirect_uri": self.redirect_uri, "scope": SCOPES, "state": self.state,
            "code_challenge": self.challenge, "code_challenge_method": "S256"})
        self.authorize_url = f"{authorize_base(self.api_url)}/i/oauth2/authorize?{query}"


    def read_pasted(self, text: str) -> ReceivedCode:
        code = code_in_address((text or "").strip(), self.state)
        if not code:
            raise SignInError(translate(
                "Channels", "Paste the whole address the browser ended on (it has code= in it)"))
        return ReceivedCode(code, self.redirect_uri)


    def exchange(self, received: ReceivedCode) -> tuple[str, str]:
        """(access token, refresh token) for the code (X: within 30 seconds of approval)."""
        form = {"grant_type": "authorization_code", "code": received.code.strip(),
                "redirect_uri": received.redirect_uri, "code_verifier": self.verifier}
        headers = {}
        if self.client_secret:
            pair = f"{self.client_id}:{self.client_secret}".encode()
            headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
        else:
            form["client_id"] = self.client_id
        http = XHttp(self.api_url, "", StaticSecrets(), client_id=self.client_id,
                     timeout=self.timeout, transport=self.transport, max_wait=10.0)
        try:
            response = http.client.post(TOKEN_PATH, data=form, headers=headers)
        except httpx.HTTPError as exc:
            raise http._network_error(exc) from None
        finally:
            http.close()
        try:
            data = response.json()
        except ValueError:
            data = {}
        token = data.get("access_token") if isinstance(data, dict) else None
        if response.status_code >= 500:
            raise ChannelError(translate(
                "Channels", "{who}: the server failed ({status}); try later").format(
                who=f"X {self.host}", status=response.status_code))
        if response.status_code != 200 or not isinstance(token, str) or not token:
            raise AuthError(translate(
                "Channels", "{who}: the sign-in code was not accepted (expired, already used, "
                "or the app's Client ID or callback address do not match); sign in again"
            ).format(who=f"X {self.host}"))
        refresh = data.get("refresh_token")
        return token, refresh if isinstance(refresh, str) else ""

    def complete(self, received: ReceivedCode) -> SignedIn:
        """Exchange the code and read the brand's account; the listener is closed after."""
        try:
            token, refresh = self.exchange(received)
            if self._results.cancelled:
                raise SignInCancelled("The sign-in was cancelled")
            held = StaticSecrets({"token": token, "refresh_token": refresh})
            channel = XChannel(self.api_url, "", held, timeout=self.timeout,
                               transport=self.transport,
                               settings={"client_id": self.client_id})
            try:
                author = channel.verify()
            finally:
                channel.close()
        finally:
            self.close()
        return SignedIn(self.api_url, self.client_id, held.values["token"],
                        held.values.get("refresh_token", ""), author, self.client_secret)

