"""Signing in to a Mastodon server as a user expects: browser, loopback redirect, or a code.

:class:`MastodonSignIn` is the whole flow without Qt, shared by the accounts dialog and
``posventa accounts add mastodon``:

1. :meth:`~MastodonSignIn.start` listens on ``http://127.0.0.1:<free port>/callback``,
   registers Posventa on the server (``POST /api/v1/apps``) with that redirect *and*
   ``urn:ietf:wg:oauth:2.0:oob``, and makes a PKCE pair (S256) and a ``state``.
2. The user opens :attr:`~MastodonSignIn.authorize_url` and approves; the browser comes
   back to the loopback listener with the code. When it cannot (another device, a
   browser that blocks loopback), :attr:`~MastodonSignIn.oob_url` shows the code and the
   user pastes it (:meth:`~MastodonSignIn.submit_pasted`).
3. :meth:`~MastodonSignIn.wait` returns whichever code came first, and
   :meth:`~MastodonSignIn.complete` exchanges it (with the ``code_verifier``) and checks the
   token. The caller stores the token and the client secret in the keyring.

:meth:`~MastodonSignIn.cancel` works at any point: the listener closes and ``wait`` returns.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from console.channels.base import ChannelError, InstanceInfo, RemoteAuthor
from console.channels.loopback import (
    CALLBACK,
    BrowserSignIn,
    CallbackListener,
    ReceivedCode,
    SignInCancelled,
    SignInError,
    code_in_address,
)
from console.channels.mastodon.channel import MastodonChannel
from console.channels.mastodon.http import check_base_url
from console.channels.mastodon.oauth import (
    DEFAULT_SCOPES,
    OOB_REDIRECT,
    build_authorize_url,
    exchange_code,
    new_pkce,
    register_app,
)
from console.i18n import translate

__all__ = ["CALLBACK", "MastodonSignIn", "ReceivedCode", "SignInCancelled", "SignInError",
           "SignedIn"]
WEBSITE = "https://github.com/posventa"


@dataclass(frozen=True)
class SignedIn:
    """A finished sign-in: what the caller stores (token and secret in the keyring only)."""

    base_url: str
    token: str
    client_id: str
    client_secret: str
    author: RemoteAuthor
    instance: InstanceInfo


class MastodonSignIn(BrowserSignIn):
    """One sign-in attempt to one Mastodon server (see the module docstring)."""

    def __init__(self, instance_url: str, *, scopes: str = DEFAULT_SCOPES,
                 client_name: str = "Posventa", timeout: float = 10.0,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.base_url, self.host = check_base_url(instance_url)
        self.scopes = scopes
        self.client_name = client_name
        self.timeout = timeout
        self.transport = transport
        super().__init__()
        self.verifier, self.challenge = new_pkce()
        self.client_id = ""
        self.client_secret = ""
        self.oob_url = ""

    # -- steps -------------------------------------------------------------------------------

    def start(self) -> None:
        """Listen on loopback, register the app and prepare both authorization pages."""
        self._listen(CallbackListener(self.state, self._results.put))
        try:
            self.client_id, self.client_secret = register_app(
                self.base_url, f"{self.redirect_uri}\n{OOB_REDIRECT}", self.scopes,
                client_name=self.client_name, website=WEBSITE, timeout=self.timeout,
                transport=self.transport)
        except ChannelError:
            self.close()
            raise
        if self._results.cancelled:
            self.close()
            raise SignInCancelled("The sign-in was cancelled")
        self.authorize_url = self._authorize(self.redirect_uri)
        self.oob_url = self._authorize(OOB_REDIRECT)

    def _authorize(self, redirect_uri: str) -> str:
        return build_authorize_url(self.base_url, self.client_id, redirect_uri,
                                   self.challenge, self.scopes, state=self.state)


    def read_pasted(self, text: str) -> ReceivedCode:
        """The code in what the user pasted; raises SignInError when there is none."""
        text = (text or "").strip()
        if not text:
            raise SignInError(translate("Channels",
                                        "Paste the authorization code the server showed you"))
        code = code_in_address(text, self.state)
        if code:
            return ReceivedCode(code, self.redirect_uri)
        if any(c.isspace() for c in text) or len(text) > 512:
            raise SignInError(translate(
                "Channels", "That is not an authorization code; copy only the code shown"))
        return ReceivedCode(text, OOB_REDIRECT)


    def complete(self, received: ReceivedCode) -> SignedIn:
        """Exchange the code for a token and check it; the listener is closed after."""
        try:
            token = exchange_code(self.base_url, self.client_id, self.client_secret,
                                  received.code, received.redirect_uri, self.verifier,
                                  timeout=self.timeout, transport=self.transport)
            if self._results.cancelled:
                raise SignInCancelled("The sign-in was cancelled")
            channel = MastodonChannel(self.base_url, token, timeout=self.timeout,
                                      transport=self.transport)
            try:
                instance = channel.instance_info()
                author = channel.verify()
            finally:
                channel.close()
        finally:
            self.close()
        return SignedIn(self.base_url, token, self.client_id, self.client_secret, author,
                        instance)

