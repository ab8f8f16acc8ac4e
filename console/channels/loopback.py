"""What every browser sign-in shares: PKCE, and a listener on this machine for the redirect.

OAuth 2 authorization code with PKCE (RFC 7636, S256) and a loopback redirect (RFC 8252):
the browser comes back to ``http://127.0.0.1:<port>/callback?code=...&state=...`` and
:class:`CallbackServer` hands the code (or the refusal) to whoever waits for it. The port is
any free one (Mastodon registers the app per sign-in) or a fixed one (X matches the callback
address exactly against the one registered in the developer console).
"""

from __future__ import annotations

import base64
import hashlib
import html
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from console.channels.base import ChannelError
from console.i18n import translate

CALLBACK = "/callback"


def new_pkce() -> tuple[str, str]:
    """A fresh PKCE pair: (code_verifier, S256 code_challenge)."""
    verifier = secrets.token_urlsafe(64)[:96]
    return verifier, pkce_challenge(verifier)


def pkce_challenge(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


class SignInError(ChannelError):
    """The sign-in cannot go on (declined, cancelled, a code that is not a code)."""


class SignInCancelled(SignInError):
    """The user cancelled the sign-in."""


@dataclass(frozen=True)
class ReceivedCode:
    """An authorization code and the redirect URI it was issued for."""

    code: str
    redirect_uri: str


_DONE_PAGE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Posventa</title></head>"
    "<body style='font-family:sans-serif;margin:3em'><h1>{title}</h1><p>{text}</p></body></html>"
)


def declined(error: str) -> str:
    """The sentence for an ``error`` the server sent back instead of a code."""
    if error == "access_denied":
        return translate("Channels", "The authorization was declined on the server, so no "
                         "account was added")
    return translate("Channels", "The server did not authorize Posventa ({error})").format(
        error=error[:60])


class _CallbackHandler(BaseHTTPRequestHandler):
    """Answers the browser's redirect to ``/callback`` and hands the code over."""

    server: CallbackServer

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
            self.server.deliver(SignInError(declined(query.get("error", ""))))
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


class CallbackServer(ThreadingHTTPServer):
    """The loopback listener of one sign-in (``port`` 0: any free port)."""

    daemon_threads = True

    def __init__(self, state: str, deliver: Callable[[ReceivedCode | SignInError], None],
                 port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), _CallbackHandler)
        self.state = state
        self.deliver = deliver
        self.redirect_uri = f"http://127.0.0.1:{self.server_address[1]}{CALLBACK}"

    def serve_in_background(self) -> None:
        threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.2},
                         daemon=True, name="posventa-signin").start()


def shut(server: ThreadingHTTPServer) -> None:
    """Stop a listener without waiting for it (from any thread)."""

    def stop() -> None:
        server.shutdown()
        server.server_close()

    threading.Thread(target=stop, daemon=True).start()
