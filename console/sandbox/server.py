"""The sandbox HTTP server: Mastodon's API on 127.0.0.1, plus ``/_sandbox/*`` test controls.

Controls (no auth, never part of Mastodon):
``POST /_sandbox/advance {"seconds": N}``, ``POST /_sandbox/publish {"key": K}``,
``POST /_sandbox/posts {"by", "text", "reply_to", "visibility"}``, ``GET /_sandbox/received``,
``POST /_sandbox/faults {...}``, ``DELETE /_sandbox/faults`` and
``POST /_sandbox/streams/drop`` (cut every open streaming connection) and
``POST /_sandbox/reddit/apps {"client_id", "redirect_uri"}`` (register a Reddit installed app).
Reddit is served under ``/reddit`` (reddit_api.py), Bluesky under ``/xrpc/``.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from console.resources import resource_path

from . import blog_api
from .api import MastodonApi, Request, Response
from .bluesky_api import BlueskyXrpc
from .faults import Fault, FaultBook, RateLimiter, reset_header
from .oauth import OAuthServer
from .reddit_api import RedditApi
from .script import load_script
from .state import SandboxState
from .streaming import PREFIX as STREAMING
from .streaming import Refusal, StreamDropped, StreamHub, Subscriber
from .x_api import XApi
from .x_oauth import CLIENT_ID as X_CLIENT_ID
from .x_oauth import DEMO_TOKEN as X_DEMO_TOKEN

log = logging.getLogger(__name__)
MAX_BODY = 1_000_000


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "PosventaSandbox/1.0"
    sandbox: SandboxServer  # set on the per-server subclass

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("sandbox: " + format, *args)

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def do_DELETE(self) -> None:
        self._dispatch()

    def do_PUT(self) -> None:
        self._dispatch()

    def do_PATCH(self) -> None:
        self._dispatch()

    def _send(self, response: Response, extra: dict[str, str] | None = None) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in {**(extra or {}), **response.headers}.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.body)

    def _dispatch(self) -> None:
        try:
            self._serve()
        except (BrokenPipeError, ConnectionResetError):
            # The client gave up (e.g. its timeout fired during a "delay" fault).
            self.close_connection = True

    def _serve(self) -> None:
        sandbox = self.sandbox
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self.close_connection = True
            self._send(Response.error(413, "Request entity too large"))
            return
        body = self.rfile.read(length) if length > 0 else b""
        parts = urlsplit(self.path)
        auth = self.headers.get("Authorization", "")
        token = auth[7:].strip() if auth[:7].lower() == "bearer " else None
        request = Request(
            method=self.command,
            path=parts.path,
            params=parse_qs(parts.query, keep_blank_values=True),
            headers={k.lower(): v for k, v in self.headers.items()},
            body=body,
            token=token or None,
        )
        if parts.path.startswith("/_sandbox/"):
            self._send(sandbox.control(request))
            return
        if parts.path.startswith("/xrpc/"):  # Bluesky (bluesky_api.py)
            sandbox.bluesky.serve(self, request)
            return
        if XApi.handles(parts.path):  # X API v2 and its OAuth 2.0 (x_api.py)
            sandbox.x.serve(self, request)
            return
        if sandbox.reddit.handles(parts.path):  # Reddit (reddit_api.py)
            sandbox.reddit.serve(self, request)
            return
        sandbox.state.tick()
        fault = sandbox.faults.take(parts.path)
        if fault is not None and fault.kind == "delay":
            time.sleep(fault.delay)
            fault = None
        allowed, rate_headers = sandbox.limiter.hit(token or self.client_address[0])
        if fault is not None:
            self._fault(fault, rate_headers)
            return
        if not allowed:
            self._send(Response.error(429, "Too many requests"), rate_headers)
            return
        if sandbox.blog.handles(parts.path):  # blogs: feeds and WordPress (blog_api.py)
            self._send(sandbox.blog.handle(request), rate_headers)
            return
        if parts.path.startswith(STREAMING) and self.command == "GET":
            self._stream(request)
            return
        self._send(sandbox.api.handle(request), rate_headers)

    def _stream(self, request: Request) -> None:
        """Mastodon streaming: Server-Sent Events in chunked encoding until the end."""
        query_token = request.params.get("access_token")
        token = request.token or (query_token[-1] if query_token else None)
        opened = self.sandbox.streams.open(
            request.path, request.params, token,
            self.sandbox.api.authorized(Request("GET", "", {}, {}, token=token)))
        if isinstance(opened, Refusal):
            self._send(Response(opened.status, opened.body, opened.content_type))
            return
        subscriber: Subscriber = opened
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.close_connection = True
        try:
            for chunk in self.sandbox.streams.chunks(subscriber):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                self.wfile.flush()
            self.wfile.write(b"0\r\n\r\n")
        except StreamDropped:
            pass  # hang up without the closing chunk, as a network cut would

    def _fault(self, fault: Fault, rate_headers: dict[str, str]) -> None:
        if fault.kind == "drop":
            self.close_connection = True
            return
        if fault.kind == "truncated":
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", "4096")
            self.end_headers()
            self.wfile.write(b'[{"id": "1", "type": "men')  # then hang up
            self.wfile.flush()
            self.close_connection = True
            return
        if fault.kind == "malformed":
            self._send(Response(200, b'{"id": "1", "broken'), rate_headers)
            return
        headers = dict(rate_headers)
        if fault.retry_after is not None:
            headers["Retry-After"] = str(int(fault.retry_after + 0.999))
        if fault.reset_in is not None:
            headers["X-RateLimit-Reset"] = reset_header(fault.reset_in)
            headers["X-RateLimit-Remaining"] = "0"
        messages = {429: "Too many requests", 503: "Remote data could not be fetched"}
        message = messages.get(fault.status, "Something went wrong on our end")
        self._send(Response.error(fault.status, message), headers)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.debug("sandbox: request from %s failed", client_address, exc_info=True)


class SandboxServer:
    """A Mastodon-compatible server on loopback, playing a sample script.

    ``speed`` compresses script time (10: a post scheduled at ``at=60`` appears after six
    seconds). ``release_all`` publishes every post at start.
    """

    def __init__(
        self,
        script_path: Path | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        speed: float = 10.0,
        release_all: bool = False,
        rate_limit: int = 300,
    ) -> None:
        path = script_path or resource_path("sandbox", "script.json")
        self.state = SandboxState(load_script(Path(path)), speed=speed, release_all=release_all)
        self.oauth = OAuthServer()
        self.api = MastodonApi(self.state, self.oauth)
        self.streams = StreamHub(self.state)
        self.faults = FaultBook()
        self.limiter = RateLimiter(rate_limit)
        self.bluesky = BlueskyXrpc(self.state, self.faults, release_all=release_all)
        self.x = XApi(self.state, self.faults, release_all=release_all)
        self.reddit = RedditApi(self.state, self.faults, release_all=release_all)
        self.blog = blog_api.for_sandbox(self.state, default_script=script_path is None,
                                         release_all=release_all)
        handler = type("SandboxHandler", (_Handler,), {"sandbox": self})
        self._httpd = _HTTPServer((host, port), handler)
        bound_host, bound_port = self._httpd.server_address[:2]
        if isinstance(bound_host, bytes):
            bound_host = bound_host.decode()
        shown = f"[{bound_host}]" if ":" in bound_host else bound_host
        self.url = f"http://{shown}:{bound_port}"
        self.state.base_url = self.url
        self._thread: threading.Thread | None = None
        self._ticker_stop = threading.Event()

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    def start(self) -> SandboxServer:
        """Serve in daemon threads; returns self."""
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
            )
            self._thread.start()
            threading.Thread(target=self._tick_loop, daemon=True).start()
        return self

    def _tick_loop(self) -> None:
        while not self._ticker_stop.wait(0.25):
            self.state.tick()

    def stop(self) -> None:
        self._ticker_stop.set()
        self.streams.close_all()
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._httpd.server_close()

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- controls (Python) -------------------------------------------------------------------

    def advance(self, seconds: float) -> None:
        """Move the script clock forward by ``seconds`` (script seconds)."""
        self.state.advance(seconds)

    def publish_now(self, key: str) -> str:
        """Make the script post ``key`` visible now; its status id."""
        return self.state.publish_now(key)

    def add_post(
        self,
        person_key: str,
        text: str,
        reply_to_key: str | None = None,
        visibility: str = "public",
        lang: str | None = None,
    ) -> str:
        """Publish a new post by a script person now; its status id."""
        return self.state.add_post(person_key, text, reply_to_key, visibility, lang)

    def inject_fault(
        self,
        path: str,
        status: int = 500,
        *,
        kind: str = "status",
        count: int = 1,
        retry_after: float | None = None,
        reset_in: float | None = None,
        delay: float = 0.0,
    ) -> None:
        """Make the next ``count`` requests under ``path`` fail (``count <= 0``: until cleared)."""
        data = {"path": path, "status": status, "kind": kind, "count": count, "delay": delay}
        data.update({"retry_after": retry_after, "reset_in": reset_in})
        self.faults.add(Fault.from_json(data))

    def clear_faults(self) -> None:
        self.faults.clear()

    def drop_streams(self) -> int:
        """Cut every open streaming connection (clients must reconnect and catch up)."""
        return self.streams.drop_all()

    def forget_idempotency_keys(self) -> int:
        """Forget every Idempotency-Key seen, as Mastodon does an hour later; how many."""
        return self.state.forget_idempotency_keys()

    def set_max_characters(self, limit: int) -> None:
        with self.state.lock:
            self.state.max_characters = limit

    def received(self) -> dict[str, Any]:
        """Every status the brand posted, and how often each idempotency key was seen."""
        with self.state.lock:
            counts = self.state.key_counts
            return {
                "statuses": [
                    {**item, "times_seen": counts.get(str(item["idempotency_key"]), 0)}
                    for item in self.state.received
                ],
                "keys": dict(self.state.key_counts),
                "bluesky": list(self.bluesky.world.received),
                "bluesky_chat": list(self.bluesky.chat.sent),
                "x": list(self.x.world.received),
                "reddit": list(self.reddit.world.received),
            }

    # -- controls (HTTP) ---------------------------------------------------------------------

    def control(self, request: Request) -> Response:
        try:
            data = json.loads(request.body) if request.body else {}
        except ValueError:
            return Response.error(400, "The request body is not valid JSON")
        route = (request.method, request.path.rstrip("/"))
        try:
            if route == ("POST", "/_sandbox/streams/drop"):
                return Response.json({"dropped": self.drop_streams()})
            if route == ("POST", "/_sandbox/advance"):
                self.advance(float(data.get("seconds", 0)))
                return Response.json({"clock": self.state.clock()})
            if route == ("POST", "/_sandbox/idempotency/forget"):
                return Response.json({"forgotten": self.forget_idempotency_keys()})
            if route == ("GET", "/_sandbox/received"):
                return Response.json(self.received())
            if route == ("POST", "/_sandbox/faults"):
                self.faults.add(Fault.from_json(data))
                return Response.json({"ok": True})
            if route == ("DELETE", "/_sandbox/faults"):
                self.clear_faults()
                return Response.json({"ok": True})
            if route == ("POST", "/_sandbox/reddit/apps"):
                self.reddit.oauth.register(str(data["client_id"]), str(data["redirect_uri"]))
                return Response.json({"ok": True})
            if route == ("POST", "/_sandbox/publish"):
                return Response.json({"id": self.publish_now(str(data.get("key")))})
            if route == ("POST", "/_sandbox/posts"):
                status_id = self.add_post(
                    str(data.get("by")),
                    str(data.get("text", "")),
                    data.get("reply_to"),
                    str(data.get("visibility") or "public"),
                    data.get("lang"),
                )
                return Response.json({"id": status_id})
        except KeyError as exc:
            return Response.error(404, f"Unknown key {exc}")
        except (ValueError, TypeError, AttributeError) as exc:
            return Response.error(400, str(exc))
        return Response.error(404, "Unknown sandbox control")


def serve_forever(
    port: int = 0, speed: float = 10.0, script_path: Path | None = None, host: str = "127.0.0.1"
) -> None:
    """Run the sandbox in the foreground until Ctrl-C (``posventa sandbox``)."""
    server = SandboxServer(script_path, host=host, port=port, speed=speed)
    server.start()
    print(f"Posventa sandbox (Mastodon API) listening on {server.url}", flush=True)
    brand = server.bluesky.world.brand.handle
    print(f"Bluesky XRPC at {server.url}/xrpc/: sign in as {brand} with any app password "
          "(xxxx-xxxx-xxxx-xxxx)", flush=True)
    print(f"X API v2 at {server.url}/2/: sign in with the Client ID {X_CLIENT_ID}, or use the "
          f"token {X_DEMO_TOKEN}", flush=True)
    print(f"Reddit at {server.url}/reddit (API and sign-in pages): accounts add reddit --api "
          f"{server.url}/reddit --client-id posventa-sandbox-app", flush=True)
    print("Press Ctrl-C to stop.", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        print("Stopping the sandbox.", flush=True)
    finally:
        server.stop()
