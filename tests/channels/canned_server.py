"""A tiny HTTP server on 127.0.0.1 that answers fixed bodies by path: a hostile network.

Tests give it what a broken or malicious server would send (a page with one bad item)
and talk to it through the real channel code over real sockets.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit


class CannedServer:
    """Serves ``routes[path]`` (JSON-encoded unless bytes) for GET and POST; 404 otherwise.

    ``content_types[path]`` overrides the JSON content type (feeds)."""

    def __init__(self, routes: dict[str, Any] | None = None) -> None:
        self.routes: dict[str, Any] = dict(routes or {})
        self.content_types: dict[str, str] = {}
        self.requests: list[str] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                path = urlsplit(self.path).path
                owner.requests.append(self.path)
                if path not in owner.routes:
                    body, status = b'{"error": "not found"}', 404
                    kind = "application/json"
                else:
                    value = owner.routes[path]
                    body = value if isinstance(value, bytes) else json.dumps(value).encode()
                    status = 200
                    kind = owner.content_types.get(path, "application/json")
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = _answer
            do_POST = _answer

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> CannedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)
