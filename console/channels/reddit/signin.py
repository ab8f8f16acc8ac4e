"""Signing a brand account in to Reddit through the browser (OAuth 2, installed app).

:class:`RedditSignIn` is the whole flow without Qt, shared by the accounts dialog and
``posventa accounts add reddit``:

1. :meth:`~RedditSignIn.start` listens on the redirect address registered with the app
   (``http://127.0.0.1:65010/reddit_callback`` unless another port is given: Reddit
   compares it exactly) and makes the authorization page (``duration=permanent``).
2. The user approves in the browser, which comes back to the listener with the code. When
   it cannot (the browser runs on another device), the user pastes the address the browser
   ended on (:meth:`~RedditSignIn.submit_pasted`).
3. :meth:`~RedditSignIn.complete` trades the code for tokens and reads the account
   (``/api/v1/me``). The caller keeps the refresh token in the keyring only.

:meth:`~RedditSignIn.cancel` works at any point.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass

import httpx

from console.channels.base import RemoteAuthor, StaticSecrets
from console.channels.loopback import (
    BrowserSignIn,
    CallbackListener,
    ReceivedCode,
    SignInCancelled,
    SignInError,
    code_in_address,
)
from console.channels.reddit.channel import RedditChannel
from console.channels.reddit.oauth import (
    REDIRECT_PATH,
    REDIRECT_PORT,
    SCOPES,
    auth_url_for,
    authorize_url,
    check_client_id,
    check_url,
)
from console.i18n import translate


@dataclass(frozen=True)
class SignedIn:
    """A finished sign-in: the refresh token goes to the keyring, the rest to the account."""

    api_url: str
    auth_url: str
    client_id: str
    refresh_token: str
    redirect_uri: str
    author: RemoteAuthor


class RedditSignIn(BrowserSignIn):
    """One sign-in attempt (see the module docstring)."""

    def __init__(self, client_id: str, api_url: str, auth_url: str | None = None, *,
                 port: int = REDIRECT_PORT, owner: str = "", timeout: float = 10.0,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.client_id = check_client_id(client_id)
        self.api_url = check_url(api_url, "https://oauth.reddit.com")
        self.auth_url = auth_url_for(self.api_url, auth_url)
        self.port = port
        self.owner = owner
        self.timeout = timeout
        self.transport = transport
        super().__init__()

    def start(self) -> None:
        """Listen on the registered loopback address and prepare the authorization page."""
        try:
            server = CallbackListener(self.state, self._results.put, port=self.port,
                                      path=REDIRECT_PATH)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise SignInError(translate(
                    "Channels", "Port {port} on this computer is busy (another sign-in?); "
                    "close what uses it, or register another port with the app and pass it")
                    .format(port=self.port)) from None
            raise SignInError(translate(
                "Channels", "Could not listen on 127.0.0.1:{port} for the browser's answer")
                .format(port=self.port)) from None
        self._listen(server)
        if self._results.cancelled:
            self.close()
            raise SignInCancelled("The sign-in was cancelled")
        self.authorize_url = authorize_url(self.auth_url, self.client_id, self.redirect_uri,
                                           self.state, SCOPES)


    def read_pasted(self, text: str) -> ReceivedCode:
        text = (text or "").strip()
        code = code_in_address(text, self.state) if text else None
        if not code:
            raise SignInError(translate(
                "Channels", "Paste the whole address the browser ended on (it starts with "
                "{address})").format(address=self.redirect_uri or "http://127.0.0.1"))
        return ReceivedCode(code, self.redirect_uri)


    def complete(self, received: ReceivedCode) -> SignedIn:
        """Trade the code for tokens and read the account; the listener closes after."""
        held = StaticSecrets()
        channel = RedditChannel(self.api_url, self.auth_url, self.client_id, held,
                                owner=self.owner, timeout=self.timeout,
                                transport=self.transport)
        try:
            channel.http.adopt_token(channel.http.token_call({
                "grant_type": "authorization_code", "code": received.code,
                "redirect_uri": received.redirect_uri}))
            refresh = held.get("refresh_token")
            if not refresh:
                raise SignInError(translate(
                    "Channels", "Reddit gave no lasting sign-in (no refresh token); sign in "
                    "again"))
            if self._results.cancelled:
                raise SignInCancelled("The sign-in was cancelled")
            author = channel.verify()
        finally:
            channel.close()
            self.close()
        return SignedIn(self.api_url, self.auth_url, self.client_id, refresh,
                        received.redirect_uri, author)

