"""Sandbox Bluesky sessions: app-password sign-in, access and refresh JWTs with expiries.

Tokens are JWT-shaped (header.payload.signature, the payload carrying ``scope``, ``sub``,
``iat`` and ``exp``) but signed by nobody: the sandbox remembers which it issued. Access
tokens live ``access_ttl`` seconds of wall time; a refresh token works once (refreshing
rotates it), as on the network.

An app password made with "Allow access to your direct messages" signs in with the scope
``com.atproto.appPassPrivileged``, one made without it with ``com.atproto.appPass`` (the
PDS's auth-scope.ts); the chat methods refuse the latter. Every app password has DM access
here unless it is listed in ``without_dm``.
"""

from __future__ import annotations

import base64
import json
import re
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass

APP_PASSWORD = re.compile(r"^[a-z2-7]{4}(-[a-z2-7]{4}){3}$")
SESSION_LIMIT = 30  # createSession per 5 minutes per account
SESSION_WINDOW = 300.0
ACCESS = "com.atproto.appPass"
PRIVILEGED = "com.atproto.appPassPrivileged"


class XrpcError(Exception):
    """An XRPC error: HTTP status, error name and message (``{"error", "message"}``)."""

    def __init__(self, status: int, error: str, message: str,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.error, self.message = status, error, message
        self.headers = headers or {}


def _b64(data: dict[str, object]) -> str:
    raw = json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@dataclass
class Token:
    """An issued access or refresh token: whose, which scope, until when."""

    did: str
    scope: str  # "com.atproto.appPass(Privileged)" | "com.atproto.refresh"
    expires: float
    privileged: bool = False  # the app password allows direct messages


class Sessions:
    """Issued tokens, the accepted app password, and the createSession budget."""

    def __init__(self, access_ttl: float = 7200.0, refresh_ttl: float = 90 * 86400.0) -> None:
        self.lock = threading.Lock()
        self.access_ttl = access_ttl
        self.refresh_ttl = refresh_ttl
        self.app_password: str | None = None  # None: any well-formed app password
        self.without_dm: set[str] = set()  # app passwords made without DM access
        self.tokens: dict[str, Token] = {}
        self.created: dict[str, deque[float]] = {}
        self.create_count = 0
        self.refresh_count = 0

    def _token(self, did: str, scope: str, ttl: float, privileged: bool = False) -> str:
        now = time.time()
        payload = {"scope": scope, "sub": did, "aud": "did:web:sandbox.bsky.example",
                   "iat": int(now), "exp": int(now + ttl), "jti": secrets.token_hex(8)}
        token = ".".join([_b64({"typ": "at+jwt" if scope != "com.atproto.refresh" else
                                "refresh+jwt", "alg": "ES256K"}), _b64(payload),
                          secrets.token_urlsafe(32)])
        self.tokens[token] = Token(did, scope, now + ttl, privileged)
        return token

    def issue(self, did: str, privileged: bool = True) -> tuple[str, str]:
        """A fresh (access, refresh) pair; ``privileged``: made with DM access."""
        with self.lock:
            scope = PRIVILEGED if privileged else ACCESS
            return (self._token(did, scope, self.access_ttl, privileged),
                    self._token(did, "com.atproto.refresh", self.refresh_ttl, privileged))

    def create(self, did: str, password: str) -> tuple[str, str]:
        """``createSession``: check the password and the 30-per-5-minutes budget."""
        now = time.time()
        with self.lock:
            times = self.created.setdefault(did, deque())
            while times and now - times[0] >= SESSION_WINDOW:
                times.popleft()
            if len(times) >= SESSION_LIMIT:
                reset = int(times[0] + SESSION_WINDOW + 0.999)
                raise XrpcError(429, "RateLimitExceeded", "Rate Limit Exceeded", {
                    "ratelimit-limit": str(SESSION_LIMIT), "ratelimit-remaining": "0",
                    "ratelimit-reset": str(reset), "ratelimit-policy": "30;w=300"})
            times.append(now)
            accepted = (password == self.app_password if self.app_password is not None
                        else bool(APP_PASSWORD.match(password)))
            if not accepted:
                raise XrpcError(401, "AuthenticationRequired", "Invalid identifier or password")
            self.create_count += 1
        return self.issue(did, password not in self.without_dm)

    def check(self, token: str | None, scope: str = ACCESS) -> str:
        """The DID behind a valid token of ``scope`` (an access scope: either app password
        scope); else the network's error."""
        with self.lock:
            found = self.tokens.get(token or "")
            if found is None:
                if token:
                    raise XrpcError(400, "InvalidToken", "Token could not be verified")
                raise XrpcError(401, "AuthenticationRequired", "Authentication Required")
            if found.scope != scope and not (scope == ACCESS and found.scope == PRIVILEGED):
                raise XrpcError(400, "InvalidToken", "Invalid token type")
            if found.expires <= time.time():
                raise XrpcError(400, "ExpiredToken", "Token has expired")
            return found.did

    def privileged(self, token: str | None) -> bool:
        """Whether an access token's app password allows direct messages."""
        with self.lock:
            found = self.tokens.get(token or "")
            return found is not None and found.scope == PRIVILEGED

    def refresh(self, token: str | None) -> tuple[str, str]:
        """``refreshSession``: rotate the refresh token (the old one stops working)."""
        try:
            did = self.check(token, "com.atproto.refresh")
        except XrpcError as exc:
            if exc.error == "ExpiredToken":
                raise XrpcError(400, "ExpiredToken", "Token has been revoked") from None
            raise
        with self.lock:
            old = self.tokens.pop(token or "", None)
            self.refresh_count += 1
        return self.issue(did, old.privileged if old is not None else False)

    def expire_access(self) -> None:
        """Make every access token expired now (tests of the refresh path)."""
        with self.lock:
            for token in self.tokens.values():
                if token.scope != "com.atproto.refresh":
                    token.expires = 0.0

    def revoke_all(self) -> None:
        """Forget every session, refresh tokens included (the user revoked the app password)."""
        with self.lock:
            self.tokens.clear()
