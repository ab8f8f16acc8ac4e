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

import html
import queue
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx

from console.channels.base import ChannelError, InstanceInfo, RemoteAuthor
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

CALLBACK = "/callback"
WEBSITE = "https://github.com/posventa"


class SignInError(ChannelError):
    """The sign-in cannot go on (declined, cancelled, a code that is not a code)."""


class SignInCancelled(SignInError):
    """The user cancelled the sign-in."""


@dataclass(frozen=True)
class ReceivedCode:
    """An authorization code and the redirect URI it was issued for."""

    code: str
    redirect_uri: str


@dataclass(frozen=True)
class SignedIn:
    """A finished sign-in: what the caller stores (token and secret in the keyring only)."""

    base_url: str
    token: str
    client_id: str
    client_secret: str
    author: RemoteAuthor
    instance: InstanceInfo


_DONE_PAGE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Posventa</title></head>"
    "<body style='font-family:sans-serif;margin:3em'><h1>{title}</h1><p>{text}</p></body></html>"
)


class _CallbackHandler(BaseHTTPRequestHandler):
    """Answers the browser's redirect to ``/callback`` and hands the code over."""

    server: _CallbackServer

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the query holds the code: never log it

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path != CALLBACK:
            self._page(404, "Not found", "This address is not part of the sign-in.")
            return
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        if not secrets.compare_digest(query.get("state", ""), self.server.state):
            self._page(400, "Sign-in not recognised",
                       "This answer does not belong to the sign-in Posventa started. "
                       "Go back to Posventa and start again.")
            return
        if query.get("error"):
            self.server.deliver(SignInError(_declined(query.get("error", ""))))
            self._page(200, "Sign-in declined", "You can close this tab and return to Posventa.")
            return
        code = query.get("code", "").strip()
        if not code:
            self._page(400, "No code", "The server sent no authorization code.")
            return
        self.server.deliver(ReceivedCode(code, self.server.redirect_uri))
        self._page(200, "Posventa is signed in",
                   "You can close this tab and return to Posventa.")

    def _page(self, status: int, title: str, text: str) -> None:
        body = _DONE_PAGE.format(title=html.escape(title), text=html.escape(text)).encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Referrer-Policy", "no-referrer")
        self.end_headers()
        self.wfile.write(body)


class _CallbackServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, state: str, deliver: Callable[[ReceivedCode | SignInError], None]) -> None:
        super().__init__(("127.0.0.1", 0), _CallbackHandler)
        self.state = state
        self.deliver = deliver
        self.redirect_uri = f"http://127.0.0.1:{self.server_address[1]}{CALLBACK}"


def _declined(error: str) -> str:
    if error == "access_denied":
        return translate("Channels", "The authorization was declined on the server, so no "
                         "account was added")
    return translate("Channels", "The server did not authorize Posventa ({error})").format(
        error=error[:60])


class MastodonSignIn:
    """One sign-in attempt to one Mastodon server (see the module docstring)."""

    def __init__(self, instance_url: str, *, scopes: str = DEFAULT_SCOPES,
                 client_name: str = "Posventa", timeout: float = 10.0,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.base_url, self.host = check_base_url(instance_url)
        self.scopes = scopes
        self.client_name = client_name
        self.timeout = timeout
        self.transport = transport
        self.state = secrets.token_urlsafe(24)
        self.verifier, self.challenge = new_pkce()
        self.client_id = ""
        self.client_secret = ""
        self.authorize_url = ""
        self.oob_url = ""
        self.redirect_uri = ""
        self._results: queue.Queue[ReceivedCode | SignInError] = queue.Queue()
        self._server: _CallbackServer | None = None
        self._cancelled = threading.Event()

    # -- steps -------------------------------------------------------------------------------

    def start(self) -> None:
        """Listen on loopback, register the app and prepare both authorization pages."""
        server = _CallbackServer(self.state, self._results.put)
        self._server = server
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2},
                         daemon=True, name="posventa-signin").start()
        self.redirect_uri = server.redirect_uri
        try:
            self.client_id, self.client_secret = register_app(
                self.base_url, f"{self.redirect_uri}\n{OOB_REDIRECT}", self.scopes,
                client_name=self.client_name, website=WEBSITE, timeout=self.timeout,
                transport=self.transport)
        except ChannelError:
            self.close()
            raise
        if self._cancelled.is_set():
            self.close()
            raise SignInCancelled("The sign-in was cancelled")
        self.authorize_url = self._authorize(self.redirect_uri)
        self.oob_url = self._authorize(OOB_REDIRECT)

    def _authorize(self, redirect_uri: str) -> str:
        return build_authorize_url(self.base_url, self.client_id, redirect_uri,
                                   self.challenge, self.scopes, state=self.state)

    def submit_pasted(self, text: str) -> None:
        """A code the user pasted (or the whole address the browser ended on)."""
        self._results.put(self.read_pasted(text))

    def read_pasted(self, text: str) -> ReceivedCode:
        """The code in what the user pasted; raises SignInError when there is none."""
        text = (text or "").strip()
        if not text:
            raise SignInError(translate("Channels",
                                        "Paste the authorization code the server showed you"))
        if "code=" in text and ("://" in text or text.startswith("/")):
            query = {k: v[-1] for k, v in parse_qs(urlsplit(text).query).items()}
            if query.get("state") and query["state"] != self.state:
                raise SignInError(translate(
                    "Channels", "That address belongs to another sign-in; start again"))
            code = query.get("code", "").strip()
            if code:
                return ReceivedCode(code, self.redirect_uri)
        if any(c.isspace() for c in text) or len(text) > 512:
            raise SignInError(translate(
                "Channels", "That is not an authorization code; copy only the code shown"))
        return ReceivedCode(text, OOB_REDIRECT)

    def wait(self, timeout: float | None = None) -> ReceivedCode:
        """The first code to arrive (loopback or pasted); raises SignInError/Cancelled."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            if self._cancelled.is_set():
                raise SignInCancelled("The sign-in was cancelled")
            remaining = 0.2 if deadline is None else min(0.2, deadline - time.monotonic())
            if remaining <= 0:
                raise SignInError(translate(
                    "Channels", "No answer came from the server in time; start again"))
            try:
                result = self._results.get(timeout=remaining)
            except queue.Empty:
                continue
            if isinstance(result, SignInError):
                raise result
            return result

    def complete(self, received: ReceivedCode) -> SignedIn:
        """Exchange the code for a token and check it; the listener is closed after."""
        try:
            token = exchange_code(self.base_url, self.client_id, self.client_secret,
                                  received.code, received.redirect_uri, self.verifier,
                                  timeout=self.timeout, transport=self.transport)
            if self._cancelled.is_set():
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

    def cancel(self) -> None:
        """Stop waiting: ``wait`` raises SignInCancelled and the listener closes."""
        self._cancelled.set()
        self.close()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def close(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            threading.Thread(target=_shut, args=(server,), daemon=True).start()


def _shut(server: ThreadingHTTPServer) -> None:
    server.shutdown()
    server.server_close()
