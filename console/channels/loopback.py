"""The loopback listener an OAuth 2 sign-in comes back to: ``http://127.0.0.1:<port><path>``.

Shared by every network that signs in through the browser (Mastodon, X, Reddit), with
:class:`BrowserSignIn`, what their sign-in attempts have in common. The listener
answers the browser's redirect, checks the ``state`` the sign-in started with, and hands
the authorization code (or the server's refusal) to the sign-in through ``deliver``. The
code is never logged. A network that registers an exact redirect address (Reddit) passes
its fixed port; the others take any free one (``port=0``).
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

from console.channels.base import ChannelError
from console.i18n import translate

CALLBACK = "/callback"


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
    """Answers the browser's redirect and hands the code over."""

    server: CallbackListener

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the query holds the code: never log it

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path != self.server.path:
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


class CallbackListener(ThreadingHTTPServer):
    """One sign-in's listener on 127.0.0.1; :meth:`start` serves it in a daemon thread.

    Raises OSError when ``port`` is taken (the caller words it for the agent).
    """

    daemon_threads = True

    def __init__(self, state: str, deliver: Callable[[ReceivedCode | SignInError], None],
                 *, port: int = 0, path: str = CALLBACK) -> None:
        super().__init__(("127.0.0.1", port), _CallbackHandler)
        self.state = state
        self.deliver = deliver
        self.path = path
        self.redirect_uri = f"http://127.0.0.1:{self.server_address[1]}{path}"

    def start(self) -> None:
        threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.2},
                         daemon=True, name="posventa-signin").start()

    def close(self) -> None:
        """Stop listening (from any thread, without waiting for it)."""
        threading.Thread(target=_shut, args=(self,), daemon=True).start()


def _shut(server: ThreadingHTTPServer) -> None:
    server.shutdown()
    server.server_close()


class PendingCode:
    """Where a sign-in's code arrives (the listener, or a code the user pasted) and is
    waited for; :meth:`cancel` makes :meth:`wait` give up at once."""

    def __init__(self) -> None:
        self._results: queue.Queue[ReceivedCode | SignInError] = queue.Queue()
        self._cancelled = threading.Event()

    def put(self, result: ReceivedCode | SignInError) -> None:
        self._results.put(result)

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def wait(self, timeout: float | None = None) -> ReceivedCode:
        """The first code to arrive; raises SignInError (declined, too late) or Cancelled."""
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


class BrowserSignIn:
    """What every browser sign-in attempt shares: its ``state``, where the code arrives
    (the loopback listener, or an address or code the user pastes), waiting for it, and
    cancelling. A network's sign-in starts its listener (:meth:`_listen`), says how to read
    what is pasted (``read_pasted``) and completes the exchange itself."""

    def __init__(self) -> None:
        self.state = secrets.token_urlsafe(24)
        self.authorize_url = ""
        self.redirect_uri = ""
        self._results = PendingCode()
        self._server: CallbackListener | None = None

    def _listen(self, server: CallbackListener) -> None:
        """Keep and start the listener the browser comes back to."""
        self._server = server
        server.start()
        self.redirect_uri = server.redirect_uri

    def read_pasted(self, text: str) -> ReceivedCode:
        raise NotImplementedError

    def submit_pasted(self, text: str) -> None:
        """What the user pasted (a code, or the address the browser ended on)."""
        self._results.put(self.read_pasted(text))

    def wait(self, timeout: float | None = None) -> ReceivedCode:
        """The first code to arrive (loopback or pasted); raises SignInError/Cancelled."""
        return self._results.wait(timeout)

    def cancel(self) -> None:
        """Stop waiting: ``wait`` raises SignInCancelled and the listener closes."""
        self._results.cancel()
        self.close()

    @property
    def cancelled(self) -> bool:
        return self._results.cancelled

    def close(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.close()


def code_in_address(text: str, state: str) -> str | None:
    """The code in an address the browser ended on (``...?state=S&code=C``), None when
    ``text`` is no such address; SignInError when it belongs to another sign-in."""
    if "code=" not in text or not ("://" in text or text.startswith("/")):
        return None
    query = {k: v[-1] for k, v in parse_qs(urlsplit(text).query).items()}
    if query.get("state") and not secrets.compare_digest(query["state"], state):
        raise SignInError(translate(
            "Channels", "That address belongs to another sign-in; start again"))
    return query.get("code", "").strip() or None
