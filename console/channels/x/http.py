"""HTTP to the X API v2 for one account: the bearer token and its renewal, limits, errors.

The user access token lives two hours; with ``offline.access`` X also gives a refresh token,
which renews it (``POST /2/oauth2/token``, ``grant_type=refresh_token``) when a call is
refused with 401. X hands out a new refresh token each time: both go back to the keyring
through the account's secrets, never anywhere else.

Limits: every answer carries ``x-rate-limit-limit/-remaining/-reset`` (reset in epoch
seconds) per endpoint. A 429 waits for the reset when that is at most ``max_wait`` away
(twice at most), else RateLimited tells the engine when to come back; an endpoint whose
``remaining`` reached 0 is not called again before its reset. A 429 whose problem type is
``usage-capped`` is the app's monthly cap at X, not a window: said so. 5xx retries after
0.5, 1 and 2 seconds. Every call has an overall deadline and a byte cap, and answers go
through the bounded JSON decoder (console/channels/limits.py).
"""

from __future__ import annotations

import base64
import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import httpx

from console.channels.base import (
    AuthError,
    ChannelError,
    MalformedResponse,
    NetworkError,
    NotFound,
    ReplyRefused,
    Secrets,
    ServerError,
    readable,
)
from console.channels.limits import JSON_PAGE, decode_json, fetch, install_deadlines
from console.channels.mastodon.http import USER_AGENT
from console.channels.messages import refused_request, server_network_error
from console.channels.retry import RetryBudget, reset_wait
from console.channels.urls import web_address, with_scheme
from console.i18n import translate

DEFAULT_API = "https://api.x.com"
TOKEN_PATH = "/2/oauth2/token"
UNKNOWN_WAIT = 60.0
_PROBLEMS = "https://api.x.com/2/problems/"


def check_api_url(url: str) -> tuple[str, str]:
    """The normalised API base URL and its host; http:// only on this machine (sandbox)."""
    url = with_scheme((url or "").strip() or DEFAULT_API)
    address = web_address(url)
    if address is None:
        raise ChannelError(translate(
            "Channels", "{address} is not a web address (https://api.x.com)").format(
            address=url))
    if address.plain_http:
        raise ChannelError(translate(
            "Channels", "{who}: refusing an unencrypted http:// address; use https://").format(
            who=f"X {address.host}"))
    if address.credentials or address.extras:
        raise ChannelError(translate("Channels", "The X API address must be a plain https:// "
                                     "address"))
    return address.base, address.host


def authorize_base(api_url: str) -> str:
    """Where the consent page is: x.com for the real API, the API's own host otherwise
    (the sandbox serves both)."""
    base, host = check_api_url(api_url)
    return "https://x.com" if host in ("api.x.com", "api.twitter.com") else base


def problem_of(data: Any) -> tuple[str, str]:
    """(type, detail) of an X error body: a problem ``{type, title, detail}``, or the older
    ``{"errors": [{"message"}]}``; ("", "") when it is neither."""
    if not isinstance(data, dict):
        return "", ""
    kind = data.get("type") if isinstance(data.get("type"), str) else ""
    detail = data.get("detail") or data.get("title") or data.get("error_description")
    errors = data.get("errors")
    if not detail and isinstance(errors, list) and errors and isinstance(errors[0], dict):
        first = errors[0]
        detail = first.get("detail") or first.get("message") or first.get("title")
        kind = kind or (first.get("type") if isinstance(first.get("type"), str) else "")
    if not detail and isinstance(data.get("error"), str):
        detail = data["error"]
    return (str(kind).removeprefix(_PROBLEMS)[:60],
            readable(detail, 300) if isinstance(detail, str) else "")


class _Expired(Exception):
    """The access token was refused (401): renew it and try once more."""


class XHttp:
    """Calls to the X API as one user (token and refresh token in ``secrets``)."""

    def __init__(
        self,
        api_url: str,
        handle: str,
        secrets: Secrets,
        *,
        client_id: str = "",
        timeout: float = 10.0,
        max_wait: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.time,
        deadline: float | None = None,
    ) -> None:
        self.base_url, self.host = check_api_url(api_url)
        self.netloc = urlsplit(self.base_url).netloc
        self.handle = (handle or "").strip().lstrip("@")
        self.secrets = secrets
        self.client_id = client_id
        self.max_wait = max_wait
        self.sleep = sleep
        self.clock = clock
        self.deadline = JSON_PAGE.deadline if deadline is None else deadline
        self._lock = threading.RLock()
        self._exhausted: dict[str, float] = {}  # endpoint -> epoch second its window resets
        self.client = httpx.Client(
            base_url=self.base_url,
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            timeout=httpx.Timeout(timeout), transport=transport, verify=True,
            follow_redirects=False)
        install_deadlines(self.client)

    @property
    def who(self) -> str:
        return f"X @{self.handle}" if self.handle else f"X {self.host}"

    def close(self) -> None:
        self.client.close()

    # -- the token -----------------------------------------------------------------------------

    def _token(self) -> str:
        token = self.secrets.get("token")
        if not token:
            raise AuthError(translate(
                "Channels", "{who}: no access token is stored; sign in again").format(
                who=self.who))
        return token

    def _hidden(self, text: str) -> str:
        for name in ("token", "refresh_token", "client_secret"):
            value = self.secrets.get(name)
            if value:
                text = text.replace(value, "***")
        return text

    def refresh(self) -> bool:
        """A new access token from the refresh token; False when there is none or X said no."""
        refresh = self.secrets.get("refresh_token")
        if not refresh:
            return False
        form = {"grant_type": "refresh_token", "refresh_token": refresh}
        headers: dict[str, str] = {}
        secret = self.secrets.get("client_secret")
        if secret and self.client_id:  # a confidential client authenticates itself
            pair = f"{self.client_id}:{secret}".encode()
            headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
        elif self.client_id:
            form["client_id"] = self.client_id
        try:
            response = self._send("POST", TOKEN_PATH, None, None, form, headers)
        except (_Expired, AuthError, NotFound):
            return False
        except ChannelError as exc:
            if exc.retryable:
                raise
            return False  # 400 invalid_request: the refresh token was revoked or spent
        data = self.decode(response)
        token = data.get("access_token") if isinstance(data, dict) else None
        if not isinstance(token, str) or not token:
            raise MalformedResponse(translate(
                "Channels", "{who}: X renewed the sign-in without a token").format(who=self.who))
        self.secrets.set("token", token)
        renewed = data.get("refresh_token")
        if isinstance(renewed, str) and renewed:
            self.secrets.set("refresh_token", renewed)
        return True

    # -- calls ---------------------------------------------------------------------------------

    def get(self, path: str, params: dict[str, Any] | None = None) -> Any:
        return self.decode(self.call("GET", path, params=params))

    def post(self, path: str, body: dict[str, Any]) -> Any:
        return self.decode(self.call("POST", path, body=body))

    def call(self, method: str, path: str, *, params: dict[str, Any] | None = None,
             body: dict[str, Any] | None = None) -> httpx.Response:
        """One call with the user's token; a refused token is renewed once and the call
        tried again."""
        with self._lock:
            token = self._token()
        try:
            return self._send(method, path, params, body, None, self._bearer(token))
        except _Expired:
            with self._lock:
                renewed = self.secrets.get("token") != token or self.refresh()
            if not renewed:
                raise AuthError(translate(
                    "Channels", "{who}: X no longer accepts this sign-in (expired or revoked); "
                    "sign in again").format(who=self.who)) from None
            try:
                return self._send(method, path, params, body, None,
                                  self._bearer(self._token()))
            except _Expired:
                raise AuthError(translate(
                    "Channels", "{who}: X keeps refusing the sign-in; sign in again").format(
                    who=self.who)) from None

    @staticmethod
    def _bearer(token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}"}

    def _endpoint(self, method: str, path: str) -> str:
        """The rate-limit bucket of a path: numeric ids stand for ``:id``."""
        parts = [":id" if i > 2 and p.isdigit() else p for i, p in enumerate(path.split("/"))]
        return f"{method} {'/'.join(parts)}"

    def _send(self, method: str, path: str, params: dict[str, Any] | None,
              body: dict[str, Any] | None, form: dict[str, str] | None,
              headers: dict[str, str]) -> httpx.Response:
        budget = RetryBudget(self.sleep, self.max_wait, UNKNOWN_WAIT)
        bucket = self._endpoint(method, path)
        while True:
            resets = self._exhausted.get(bucket, 0.0) - self.clock()
            if resets > 0:
                budget.wait_out_rate_limit(resets, self.who)
                self._exhausted.pop(bucket, None)
            request = self.client.build_request(method, path, params=params, json=body,
                                                data=form, headers=headers)
            try:
                response, _ = fetch(self.client, request, JSON_PAGE, self.who,
                                    deadline=self.deadline)
            except httpx.HTTPError as exc:
                raise self._network_error(exc) from None
            self._note_limits(bucket, response)
            status = response.status_code
            if 200 <= status < 300:
                return response
            if status == 429:
                kind, detail = self._problem(response)
                if kind == "usage-capped":
                    raise ChannelError(translate(
                        "Channels", "{who}: X says this app's usage cap is spent ({detail}); "
                        "raise it or buy credits in X's developer console").format(
                        who=self.who, detail=detail or "usage capped"))
                self._exhausted.pop(bucket, None)
                budget.wait_out_rate_limit(self._reset(response), self.who)
                continue
            if status >= 500:
                if budget.retry_server_failure():
                    continue
                raise ServerError(translate(
                    "Channels", "{who}: the server failed ({status}); try later").format(
                    who=self.who, status=status))
            self._raise(method, path, status, *self._problem(response),
                        token_call=form is not None)

    def _reset(self, response: httpx.Response) -> float | None:
        wait = reset_wait(response.headers.get("x-rate-limit-reset", ""), self.clock(),
                          epoch=True)
        if wait is None:
            wait = reset_wait(response.headers.get("Retry-After", ""), self.clock(),
                              epoch=False)
        return wait

    def _note_limits(self, bucket: str, response: httpx.Response) -> None:
        remaining = response.headers.get("x-rate-limit-remaining", "").strip()
        if remaining == "0" and 200 <= response.status_code < 300:
            wait = self._reset(response)
            if wait:
                self._exhausted[bucket] = self.clock() + wait

    def _network_error(self, exc: httpx.HTTPError) -> NetworkError:
        return server_network_error(f"X {self.host}", exc, str(exc).lower())

    def _problem(self, response: httpx.Response) -> tuple[str, str]:
        try:
            data = decode_json(response.content, self.who)
        except MalformedResponse:
            return "", ""
        kind, detail = problem_of(data)
        return kind, self._hidden(detail)

    def _raise(self, method: str, path: str, status: int, kind: str, detail: str, *,
               token_call: bool) -> None:
        who = self.who
        if token_call:
            if status in (400, 401):
                raise AuthError(translate(
                    "Channels", "{who}: X refused to renew the sign-in ({detail}); sign in "
                    "again").format(who=who, detail=detail or status))
            raise refused_request(who, status, detail)
        if status == 401:
            raise _Expired()
        if status == 403:
            if method == "POST" and path == "/2/tweets":
                raise ReplyRefused(translate("Channels", "{who}: X refused the post: {detail}")
                                   .format(who=who, detail=detail or "forbidden"))
            raise ChannelError(translate(
                "Channels", "{who}: X refused access ({detail}); check the app's access and "
                "its permissions (read and write) in X's developer console").format(
                who=who, detail=detail or "forbidden"))
        if status in (404, 410):
            raise NotFound(translate(
                "Channels", "{who}: that post or account does not exist any more").format(
                who=who))
        if method == "POST" and path == "/2/tweets":
            raise ReplyRefused(translate("Channels", "{who}: X refused the post: {detail}")
                               .format(who=who, detail=detail or status))
        raise refused_request(who, status, detail)

    def decode(self, response: httpx.Response) -> Any:
        """The JSON of an answer (bounded in size and depth), or MalformedResponse."""
        return decode_json(response.content, f"X {self.host}")
