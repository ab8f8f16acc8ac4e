"""OAuth 2 for the sandbox: app registration, an authorize page, codes with PKCE, tokens.

Like Mastodon: ``POST /api/v1/apps`` returns a CredentialApplication, ``/oauth/authorize``
shows a consent form, ``POST /oauth/token`` exchanges a code (verifying an S256
``code_challenge`` when one was given) or grants ``client_credentials``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import itertools
import secrets
import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

OOB = "urn:ietf:wg:oauth:2.0:oob"
_BAD_SCOPE = "The requested scope is invalid, unknown, or malformed."
_BAD_CLIENT = (
    "Client authentication failed due to unknown client, no client authentication included, "
    "or unsupported authentication method."
)
_BAD_GRANT = (
    "The provided authorization grant is invalid, expired, revoked, does not match the "
    "redirection URI used in the authorization request, or was issued to another client."
)
CODE_SECONDS = 600.0


class OAuthError(Exception):
    """An OAuth error answered as ``{"error": code, "error_description": text}``."""

    def __init__(self, status: int, error: str, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.error = error
        self.description = description

    def body(self) -> dict[str, str]:
        return {"error": self.error, "error_description": self.description}


@dataclass
class App:
    """A client registered with ``POST /api/v1/apps``."""

    id: str
    name: str
    website: str | None
    redirect_uris: list[str]
    scopes: list[str]
    client_id: str
    client_secret: str


@dataclass
class _Code:
    client_id: str
    redirect_uri: str
    scopes: list[str]
    challenge: str | None
    issued: float


def s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii", "replace")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _scopes(raw: str | None) -> list[str]:
    return (raw or "read").replace("+", " ").split()


class OAuthServer:
    """Apps, pending codes and issued tokens of one sandbox."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ids = itertools.count(563_419)
        self.apps: dict[str, App] = {}
        self._codes: dict[str, _Code] = {}
        self.tokens: dict[str, dict[str, Any]] = {}
        self.revoked: set[str] = set()

    def register(self, form: dict[str, Any]) -> dict[str, Any]:
        name = form.get("client_name")
        uris = form.get("redirect_uris")
        if isinstance(uris, str):
            uris = uris.split()
        if not isinstance(name, str) or not name.strip():
            raise OAuthError(
                422, "invalid_request", "Validation failed: Application name can't be blank"
            )
        if not isinstance(uris, list) or not uris or not all(isinstance(u, str) for u in uris):
            raise OAuthError(
                422, "invalid_request", "Validation failed: Redirect URI can't be blank"
            )
        scopes = form.get("scopes")
        website = form.get("website")
        with self._lock:
            app = App(
                id=str(next(self._ids)),
                name=name,
                website=website if isinstance(website, str) else None,
                redirect_uris=list(uris),
                scopes=_scopes(scopes if isinstance(scopes, str) else None),
                client_id=secrets.token_urlsafe(32),
                client_secret=secrets.token_urlsafe(32),
            )
            self.apps[app.client_id] = app
        return {
            "id": app.id,
            "name": app.name,
            "website": app.website,
            "scopes": app.scopes,
            "redirect_uri": "\n".join(app.redirect_uris),
            "redirect_uris": app.redirect_uris,
            "vapid_key": "BPosventaSandboxVapidKeyNotUsedForPush0000000000000000=",
            "client_id": app.client_id,
            "client_secret": app.client_secret,
            "client_secret_expires_at": 0,
        }

    def _check_request(self, params: dict[str, str]) -> App:
        app = self.apps.get(params.get("client_id", ""))
        if app is None:
            raise OAuthError(400, "invalid_client", _BAD_CLIENT)
        if params.get("response_type", "code") != "code":
            raise OAuthError(
                400,
                "unsupported_response_type",
                "The authorization server does not support this response type.",
            )
        if params.get("redirect_uri") not in app.redirect_uris:
            raise OAuthError(400, "invalid_redirect_uri", "The redirect uri included is not valid.")
        if not set(_scopes(params.get("scope"))) <= set(app.scopes):
            raise OAuthError(400, "invalid_scope", _BAD_SCOPE)
        method = params.get("code_challenge_method")
        if params.get("code_challenge") and method not in (None, "", "S256"):
            raise OAuthError(
                400, "invalid_request", "Only S256 is supported as code_challenge_method."
            )
        return app

    def authorize_page(self, params: dict[str, str]) -> str:
        """The consent form for ``GET /oauth/authorize``."""
        app = self._check_request(params)
        scopes = " ".join(_scopes(params.get("scope")))
        hidden = "".join(
            f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
            for k, v in params.items()
        )
        return (
            "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Authorize</title></head>"
            f"<body><h1>Authorization required</h1><p><strong>{html.escape(app.name)}</strong> "
            f"would like to use your account with scopes: {html.escape(scopes)}.</p>"
            f'<form method="post" action="/oauth/authorize">{hidden}'
            '<button type="submit" name="decision" value="approve">Authorize</button> '
            '<button type="submit" name="decision" value="deny">Deny</button></form></body></html>'
        )

    def decide(self, params: dict[str, str]) -> tuple[str | None, str]:
        """Handle the posted form: (redirect location or None, HTML page to show)."""
        app = self._check_request(params)
        redirect = params["redirect_uri"]
        state = params.get("state")
        if params.get("decision") == "deny":
            query = {
                "error": "access_denied",
                "error_description": "The resource owner denied the request.",
            }
            if state:
                query["state"] = state
            if redirect == OOB:
                return None, "<!DOCTYPE html><html><body><p>Authorization denied.</p></body></html>"
            return f"{redirect}{'&' if '?' in redirect else '?'}{urlencode(query)}", ""
        code = secrets.token_urlsafe(32)
        with self._lock:
            self._codes[code] = _Code(
                app.client_id,
                redirect,
                _scopes(params.get("scope")),
                params.get("code_challenge") or None,
                time.monotonic(),
            )
        if redirect == OOB:
            page = (
                "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Authorization code</title>"
                "</head><body><p>Copy this authorization code and paste it into the "
                "application.</p>"
                f'<input type="text" class="oauth-code" readonly value="{code}">'
                f'<code id="code">{code}</code>'
                "</body></html>"
            )
            return None, page
        query = {"code": code}
        if state:
            query["state"] = state
        return f"{redirect}{'&' if '?' in redirect else '?'}{urlencode(query)}", ""

    def _client(self, form: dict[str, Any]) -> App:
        app = self.apps.get(str(form.get("client_id", "")))
        secret = str(form.get("client_secret", ""))
        if app is None or not hmac.compare_digest(app.client_secret, secret):
            raise OAuthError(401, "invalid_client", _BAD_CLIENT)
        return app

    def token(self, form: dict[str, Any]) -> dict[str, Any]:
        """``POST /oauth/token``."""
        grant = form.get("grant_type")
        app = self._client(form)
        if grant == "client_credentials":
            scopes = _scopes(form.get("scope") if isinstance(form.get("scope"), str) else None)
            if not set(scopes) <= set(app.scopes):
                raise OAuthError(400, "invalid_scope", _BAD_SCOPE)
            return self._issue(app, scopes)
        if grant != "authorization_code":
            raise OAuthError(
                400,
                "unsupported_grant_type",
                "The authorization grant type is not supported by the authorization server.",
            )
        invalid = OAuthError(400, "invalid_grant", _BAD_GRANT)
        with self._lock:
            code = self._codes.get(str(form.get("code", "")))
            if code is None or time.monotonic() - code.issued > CODE_SECONDS:
                raise invalid
            if code.client_id != app.client_id or code.redirect_uri != form.get("redirect_uri"):
                raise invalid
            if code.challenge is not None:
                verifier = form.get("code_verifier")
                if not isinstance(verifier, str) or not hmac.compare_digest(
                    s256(verifier), code.challenge
                ):
                    raise invalid
            del self._codes[str(form.get("code"))]
        return self._issue(app, code.scopes)

    def _issue(self, app: App, scopes: list[str]) -> dict[str, Any]:
        token = {
            "access_token": secrets.token_urlsafe(32),
            "token_type": "Bearer",
            "scope": " ".join(scopes),
            "created_at": int(time.time()),
        }
        with self._lock:
            self.tokens[str(token["access_token"])] = {"client_id": app.client_id, "scopes": scopes}
        return token

    def revoke(self, form: dict[str, Any]) -> None:
        """``POST /oauth/revoke``: forget the token (always 200 for a known client)."""
        app = self._client(form)
        token = str(form.get("token", ""))
        with self._lock:
            issued = self.tokens.get(token)
            if issued is not None and issued["client_id"] != app.client_id:
                raise OAuthError(
                    403, "unauthorized_client", "You are not authorized to revoke this token"
                )
            self.tokens.pop(token, None)
            if token:
                self.revoked.add(token)
