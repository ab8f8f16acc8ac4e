"""A hostile HTTP server on 127.0.0.1 for the channel tests: it answers every path the same
bad way (``mode``), the ways issue 19 found servers can hurt a client.

Modes: ``deep`` (a 200 whose JSON nests 200,000 arrays), ``retry_after`` (a 429 with the
``Retry-After`` value in ``header``), ``drip_headers`` / ``drip_body`` (one byte every
``drip`` seconds), ``endless`` (a 200 body that never ends), ``endless_event`` (an event
stream whose one ``data:`` line never ends), ``bidi`` (a 400 whose error
text carries U+202E and terminal escapes). Dripping and endless answers stop by themselves
after ``give_up`` seconds / ``max_bytes`` so a client without limits cannot hang the test
run or fill the machine; ``sent`` counts the body bytes written.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

EVIL = "refund\u202etxt.exe\x1b[31m red\u2066 isolate\x00 nul\r\nsecond line\u200b"


class _Handler(BaseHTTPRequestHandler):
    server: HostileServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet

    def _plain(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _drip(self, data: bytes) -> None:
        ends = time.monotonic() + self.server.give_up
        for byte in data:
            if time.monotonic() > ends:
                return
            self.wfile.write(bytes([byte]))
            self.wfile.flush()
            time.sleep(self.server.drip)

    def _answer(self) -> None:
        server = self.server
        server.requests += 1
        mode = server.mode
        if mode == "deep":
            self._plain(200, b"[" * 200_000)
        elif mode == "retry_after":
            self._plain(429, b'{"error": "slow down"}', {"Retry-After": server.header})
        elif mode == "bidi":
            self._plain(400, json.dumps({"error": EVIL, "message": EVIL}).encode())
        elif mode == "drip_headers":
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            self._drip(b"X-Slow: " + b"a" * 100_000 + b"\r\n\r\n[]")
        elif mode == "drip_body":
            body = b"[" + b" " * 100_000 + b"]"
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self._drip(body)
        elif mode in ("endless", "endless_event"):
            event = mode == "endless_event"
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream" if event else "application/json")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b":thump\nevent: update\ndata: " if event else b"[")
            chunk = b"0," * 32_768
            ends = time.monotonic() + server.give_up
            while server.sent < server.max_bytes and time.monotonic() < ends:
                self.wfile.write(chunk)
                server.sent += len(chunk)
            self.close_connection = True
        else:
            self._plain(500, b"{}")

    def do_GET(self) -> None:
        # The client gave up (what a client with limits does): nothing more to send.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._answer()

    do_POST = do_GET


class HostileServer(ThreadingHTTPServer):
    """One bad behaviour on every path, on a free loopback port."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, mode: str, *, header: str = "", drip: float = 0.3,
                 give_up: float = 20.0, max_bytes: int = 64_000_000) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.mode, self.header, self.drip = mode, header, drip
        self.give_up, self.max_bytes = give_up, max_bytes
        self.sent = 0
        self.requests = 0
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self) -> HostileServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()
