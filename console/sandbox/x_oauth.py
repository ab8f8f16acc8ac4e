"""X's OAuth 2.0 on the sandbox: the consent page, codes with PKCE, tokens that expire.

As X documents it ("OAuth 2.0 Authorization Code Flow with PKCE"): the consent page is
``GET /i/oauth2/authorize`` (response_type=code, client_id, redirect_uri matched exactly
against the app's callbacks, scope, state, code_challenge with S256 or plain); the code
lives 30 seconds; ``POST /2/oauth2/token`` trades it (form: code, grant_type,
redirect_uri, code_verifier, client_id for a public client) for a bearer token valid two
hours and, with ``offline.access``, a refresh token; ``grant_type=refresh_token`` renews
both (the old refresh token stops working). Errors are ``{"error", "error_description"}``.

The sandbox's app is a public client (Native App) with the Client ID :data:`CLIENT_ID`
whose callbacks are ``http://127.0.0.1:<any port>/callback``; :data:`DEMO_TOKEN` opens the
brand's account without signing in (the demo).
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
import secrets
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlencode

CLIENT_ID = "cG9zdmVudGEtc2FuZGJveDoxOmNp"
DEMO_TOKEN = "sandbox-x-demo-token"  # no secret: the sandbox's demo account
CODE_SECONDS = 30.0
TOKEN_SECONDS = 7200
SCOPES = {"tweet.read", "tweet.write", "users.read", "offline.access", "follows.read",
          "like.read", "dm.read"}
_CALLBACK = re.compile(r"^http://127\.0\.0\.1:[0-9]{1,5}/callback$")


class TokenError(Exception):
    def __init__(self, status: int, error: str, description: str) -> None:
        super().__init__(description)
        self.status, self.error, self.description = status, error, description

    def body(self) -> dict[str, str]:
        return {"error": self.error, "error_description": self.description}


@dataclass
class _Code:
    redirect_uri: str
    scopes: set[str]
    challenge: str
    method: str
    issued: float


def s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii", "replace")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


class XOAuth:
    """Codes and tokens of the sandbox's X (one brand account)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.codes: dict[str, _Code] = {}
        self.tokens: dict[str, tuple[float, set[str]]] = {DEMO_TOKEN: (float("inf"), SCOPES)}
        self.refresh_tokens: dict[str, set[str]] = {}
        self.refreshed = 0

    # -- the consent page --------------------------------------------------------------------

    def check_authorize(self, params: dict[str, str]) -> str:
        """'' when the consent page may be shown for ``params``, else why not."""
        if params.get("response_type") != "code":
            return "response_type must be code"
        if params.get("client_id") != CLIENT_ID:
            return "Something went wrong: the app's Client ID is not known"
        if not _CALLBACK.match(params.get("redirect_uri", "")):
            return "Something went wrong: the callback address is not registered for this app"
        scopes = set(params.get("scope", "").split())
        if not scopes or not scopes <= SCOPES:
            return "Something went wrong: the scope is missing or not valid"
        if not params.get("state") or len(params["state"]) > 500:
            return "state is required (at most 500 characters)"
        if not params.get("code_challenge") or params.get(
                "code_challenge_method") not in ("S256", "plain"):
            return "code_challenge and code_challenge_method (S256 or plain) are required"
        return ""

    def consent_page(self, params: dict[str, str]) -> str:
        fields = "".join(f"<input type='hidden' name='{html.escape(k)}' value='{html.escape(v)}'>"
                         for k, v in params.items())
        scopes = ", ".join(sorted(params.get("scope", "").split()))
        return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Authorize app - X "
                "(sandbox)</title></head><body><h1>Posventa wants to access your X account"
                f"</h1><p>Permissions: {html.escape(scopes)}</p><form method='post' "
                f"action='/i/oauth2/authorize'>{fields}<button name='decision' value='approve'>"
                "Authorize app</button><button name='decision' value='deny'>Cancel</button>"
                "</form></body></html>")

    def decide(self, params: dict[str, str]) -> str:
        """The address the browser goes back to after the user's decision."""
        target = params["redirect_uri"]
        if params.get("decision") != "approve":
            return f"{target}?{urlencode({'error': 'access_denied', 'state': params['state']})}"
        code = secrets.token_urlsafe(32)
        with self.lock:
            self.codes[code] = _Code(target, set(params["scope"].split()),
                                     params["code_challenge"], params["code_challenge_method"],
                                     time.monotonic())
        return f"{target}?{urlencode({'state': params['state'], 'code': code})}"

    # -- tokens ------------------------------------------------------------------------------

    def token(self, form: dict[str, str], basic_client: str | None) -> dict[str, object]:
        client = basic_client or form.get("client_id")
        if client != CLIENT_ID:
            raise TokenError(400, "invalid_request", "Missing valid authorization header")
        grant = form.get("grant_type")
        if grant == "authorization_code":
            with self.lock:
                code = self.codes.pop(form.get("code", ""), None)
            if code is None or time.monotonic() - code.issued > CODE_SECONDS:
                raise TokenError(400, "invalid_request",
                                 "Value passed for the authorization code was invalid.")
            if form.get("redirect_uri") != code.redirect_uri:
                raise TokenError(400, "invalid_request", "Value passed for the redirect uri "
                                 "did not match the uri of the authorization code.")
            verifier = form.get("code_verifier", "")
            wanted = s256(verifier) if code.method == "S256" else verifier
            if not verifier or wanted != code.challenge:
                raise TokenError(400, "invalid_request",
                                 "Value passed for the code verifier did not match the code "
                                 "challenge.")
            return self._issue(code.scopes)
        if grant == "refresh_token":
            with self.lock:
                scopes = self.refresh_tokens.pop(form.get("refresh_token", ""), None)
                self.refreshed += 1
            if scopes is None:
                raise TokenError(400, "invalid_request",
                                 "Value passed for the token was invalid.")
            return self._issue(scopes)
        raise TokenError(400, "unsupported_grant_type", "grant_type is not supported")

    def _issue(self, scopes: set[str]) -> dict[str, object]:
        access = secrets.token_urlsafe(40)
        out: dict[str, object] = {"token_type": "bearer", "expires_in": TOKEN_SECONDS,
                                  "access_token": access, "scope": " ".join(sorted(scopes))}
        with self.lock:
            self.tokens[access] = (time.monotonic() + TOKEN_SECONDS, scopes)
            if "offline.access" in scopes:
                refresh = secrets.token_urlsafe(40)
                self.refresh_tokens[refresh] = scopes
                out["refresh_token"] = refresh
        return out

    def revoke(self, token: str) -> None:
        with self.lock:
            self.tokens.pop(token, None)
            self.refresh_tokens.pop(token, None)

    def scopes_of(self, token: str | None) -> set[str] | None:
        """The scopes of a live access token, or None (unknown, expired or revoked)."""
        with self.lock:
            held = self.tokens.get(token or "")
        if held is None or held[0] < time.monotonic():
            return None
        return held[1]

    def expire_all(self) -> None:
        """Every access token issued so far expires now (their two hours passed)."""
        with self.lock:
            for token, (_, scopes) in list(self.tokens.items()):
                if token != DEMO_TOKEN:
                    self.tokens[token] = (0.0, scopes)
