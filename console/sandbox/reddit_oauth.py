"""Reddit's OAuth 2 on the sandbox, as Reddit's documentation describes it.

``GET /api/v1/authorize`` shows a consent form after checking the client id, the exact
redirect address registered with the app, ``response_type``, ``scope``, ``state`` and
``duration`` (a 400 page otherwise); ``POST /api/v1/authorize`` redirects back with
``state`` and ``code``, or ``error=access_denied`` when the form comes without
``authorize``. ``POST /api/v1/access_token`` wants HTTP Basic ``client_id:`` (an installed
app has no secret; an unknown client is a 401) and answers JSON: a code gives
``access_token``, ``token_type``, ``expires_in``, ``scope`` and, for a permanent grant,
``refresh_token``; a bad code is a 200 ``{"error": "invalid_grant"}``, a bad refresh token a
400 ``{"error": "invalid_request"}``.
"""

from __future__ import annotations

import base64
import binascii
import html
import secrets
import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlencode

from .api import Request, Response

SCOPES = {"identity", "privatemessages", "read", "submit", "history", "edit", "mysubreddits",
          "vote", "save", "subscribe", "flair", "report", "account", "wikiread"}
CODE_SECONDS = 600.0


@dataclass
class Grant:
    client_id: str
    user: str
    scopes: frozenset[str]
    expires: float = 0.0


class RedditOAuth:
    """Apps, codes and tokens of the sandbox's Reddit."""

    def __init__(self, apps: dict[str, dict[str, str]], user: str,
                 lifetime: float = 86_400.0) -> None:
        self.apps = apps
        self.user = user
        self.lifetime = lifetime
        self.lock = threading.Lock()
        self.codes: dict[str, tuple[Grant, str, bool, float]] = {}
        self.access: dict[str, Grant] = {}
        self.refresh: dict[str, Grant] = {}

    def register(self, client_id: str, redirect_uri: str) -> None:
        """An installed app (tests register one with their own loopback port)."""
        self.apps[client_id] = {"client_id": client_id, "redirect_uri": redirect_uri,
                                "name": "test app"}

    def seed_refresh_token(self, token: str, client_id: str) -> None:
        """A refresh token granted before the sandbox started (the demo's account)."""
        self.refresh[token] = Grant(client_id, self.user, frozenset(
            ("identity", "privatemessages", "read", "submit", "history")))

    # -- the browser's side -------------------------------------------------------------------

    def _checked(self, params: dict[str, str]) -> str:
        """"" when the request may be shown a consent form, else why not."""
        app = self.apps.get(params.get("client_id", ""))
        if app is None:
            return "invalid client id"
        if not params.get("redirect_uri") or params["redirect_uri"] != app["redirect_uri"]:
            return "invalid redirect_uri parameter"
        if params.get("response_type") not in ("code", "token"):
            return "invalid response_type parameter"
        scopes = params.get("scope", "").replace(",", " ").split()
        if not scopes or any(s not in SCOPES for s in scopes):
            return "invalid scope requested"
        if not params.get("state"):
            return "missing state parameter"
        if params.get("duration", "temporary") not in ("temporary", "permanent"):
            return "invalid duration parameter"
        return ""

    def authorize_page(self, request: Request) -> Response:
        params = {k: v[-1] for k, v in request.params.items()}
        problem = self._checked(params)
        if problem:
            return _page(400, "Bad Request", problem)
        app = self.apps[params["client_id"]]
        fields = "".join(
            f'<input type="hidden" name="{name}" value="{html.escape(params.get(name, ""))}">'
            for name in ("client_id", "redirect_uri", "scope", "state", "duration",
                         "response_type"))
        body = (f"<p>{html.escape(app.get('name', 'An app'))} would like to connect with "
                f"your Reddit account u/{html.escape(self.user)}.</p>"
                f'<form method="post" action="authorize">{fields}'
                '<button type="submit" name="authorize" value="Allow">Allow</button>'
                '<button type="submit" name="decline" value="Decline">Decline</button></form>')
        return _page(200, "Allow access", body, raw=True)

    def decide(self, request: Request) -> Response:
        try:
            form = {k: v[-1] for k, v in parse_qs(request.body.decode("utf-8")).items()}
        except UnicodeDecodeError:
            return _page(400, "Bad Request", "the form is not UTF-8")
        problem = self._checked(form)
        if problem:
            return _page(400, "Bad Request", problem)
        back: dict[str, str] = {"state": form["state"]}
        if form.get("authorize") != "Allow":
            back["error"] = "access_denied"
        else:
            code = secrets.token_urlsafe(20)
            grant = Grant(form["client_id"], self.user,
                          frozenset(form["scope"].replace(",", " ").split()))
            with self.lock:
                self.codes[code] = (grant, form["redirect_uri"],
                                    form.get("duration") == "permanent", time.time())
            back["code"] = code
        return Response(302, b"", "text/plain",
                        {"Location": f"{form['redirect_uri']}?{urlencode(back)}"})

    # -- the app's side ----------------------------------------------------------------------

    def _client(self, request: Request) -> str | None:
        auth = request.headers.get("authorization", "")
        if auth[:6].lower() != "basic ":
            return None
        try:
            user, _, _secret = base64.b64decode(auth[6:].strip()).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            return None
        return user if user in self.apps else None

    def token(self, request: Request) -> Response:
        client = self._client(request)
        if client is None:
            return Response(401, b'{"message": "Unauthorized", "error": 401}',
                            headers={"WWW-Authenticate": 'Basic realm="reddit"'})
        try:
            form = {k: v[-1] for k, v in parse_qs(request.body.decode("utf-8")).items()}
        except UnicodeDecodeError:
            form = {}
        grant_type = form.get("grant_type")
        with self.lock:
            if grant_type == "authorization_code":
                if not form.get("redirect_uri") or not form.get("code"):
                    return Response.json({"error": "invalid_request"})
                held = self.codes.pop(form["code"], None)
                if (held is None or held[0].client_id != client or held[1] != form["redirect_uri"]
                        or time.time() - held[3] > CODE_SECONDS):
                    return Response.json({"error": "invalid_grant"})
                grant, _uri, permanent, _at = held
                refresh = None
                if permanent:
                    refresh = f"{secrets.randbelow(10**12)}-{secrets.token_urlsafe(20)}"
                    self.refresh[refresh] = grant
                return Response.json(self._issue(grant, refresh))
            if grant_type == "refresh_token":
                kept = self.refresh.get(form.get("refresh_token", ""))
                if kept is None or kept.client_id != client:
                    return Response.json({"error": "invalid_request"}, 400)
                return Response.json(self._issue(kept, None))
        return Response.json({"error": "unsupported_grant_type"})

    def _issue(self, grant: Grant, refresh: str | None) -> dict[str, Any]:
        token = f"{secrets.randbelow(10**9)}-{secrets.token_urlsafe(24)}"
        self.access[token] = Grant(grant.client_id, grant.user, grant.scopes,
                                   time.time() + self.lifetime)
        out: dict[str, Any] = {"access_token": token, "token_type": "bearer",
                               "expires_in": int(self.lifetime),
                               "scope": " ".join(sorted(grant.scopes))}
        if refresh:
            out["refresh_token"] = refresh
        return out

    def revoke_all(self) -> None:
        """Forget every token (the user removed the app): refreshes fail from now on."""
        with self.lock:
            self.access.clear()
            self.refresh.clear()

    def expire_access(self) -> None:
        """Make every access token expired (as an hour later)."""
        with self.lock:
            for grant in self.access.values():
                grant.expires = 0.0

    def grant_for(self, token: str | None) -> Grant | None:
        with self.lock:
            grant = self.access.get(token or "")
        if grant is None or grant.expires < time.time():
            return None
        return grant


def _page(status: int, title: str, text: str, raw: bool = False) -> Response:
    inner = text if raw else f"<p>{html.escape(text)}</p>"
    body = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}"
            f"</title></head><body><h1>{html.escape(title)}</h1>{inner}</body></html>")
    return Response(status, body.encode(), "text/html; charset=utf-8")
