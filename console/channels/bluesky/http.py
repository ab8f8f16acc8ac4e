"""XRPC over httpx for the Bluesky channel: the session, retries, and errors an agent can read.

Session: ``createSession`` with the handle and app password once, then ``refreshSession``
with the stored refresh token whenever the access JWT expires (``ExpiredToken``), so a poll
never opens a new session (the PDS allows 30 per 5 minutes). The refresh token is written
back through the account's secrets; the access JWT stays in memory.

Limits: 429 waits for ``ratelimit-reset`` when that is at most ``max_wait`` (twice at most),
else RateLimited; the client also keeps itself under 3000 requests / 5 minutes per process.
5xx retries after 0.5, 1 and 2 seconds. Every call has an overall deadline and a byte cap,
and answers go through the bounded JSON decoder (console/channels/limits.py). No secret
ever appears in a message.
"""

from __future__ import annotations

import base64
import threading
import time
from collections import deque
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
    RateLimited,
    ReplyRefused,
    Secrets,
    ServerError,
    readable,
)
from console.channels.bluesky.chat_errors import chat_refusal
from console.channels.limits import JSON_PAGE, decode_json, fetch, install_deadlines
from console.channels.mastodon.http import USER_AGENT
from console.channels.messages import refused_request, server_network_error
from console.channels.retry import RetryBudget, retry_after
from console.channels.retry import reset_wait as _reset_after
from console.channels.urls import web_address, with_scheme
from console.i18n import translate

UNKNOWN_WAIT = 60.0
WINDOW = 300.0
SESSION_BUDGET = 25  # of the 30 createSession calls the PDS allows per 5 minutes
REQUEST_BUDGET = 2900  # of the 3000 requests per 5 minutes per IP
REFRESH_MARGIN = 30.0  # refresh an access JWT this many seconds before it expires
_NOT_FOUND = {"NotFound", "RecordNotFound", "HandleNotFound", "ProfileNotFound"}
_EXPIRED = {"ExpiredToken", "InvalidToken"}


class _Window:
    """Timestamps of recent events, to keep under a budget per 5 minutes."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.times: dict[str, deque[float]] = {}

    def take(self, key: str, budget: int, now: float) -> float:
        """Count one event now; 0, or the seconds to wait when the budget is spent."""
        with self.lock:
            times = self.times.setdefault(key, deque())
            while times and now - times[0] >= WINDOW:
                times.popleft()
            if len(times) >= budget:
                return WINDOW - (now - times[0])
            times.append(now)
            return 0.0


_SESSIONS = _Window()
_REQUESTS = _Window()


def check_service_url(url: str) -> tuple[str, str]:
    """The normalised service (PDS) URL and its host; http:// only on loopback."""
    url = with_scheme((url or "").strip())
    address = web_address(url)
    if address is None:
        raise ChannelError(translate(
            "Channels", "{address} is not a web address (https://bsky.social)").format(
            address=url or translate("Channels", "An empty address")))
    if address.plain_http:
        raise ChannelError(translate(
            "Channels", "{who}: refusing an unencrypted http:// address; use https://").format(
            who=f"Bluesky {address.host}"))
    if address.credentials or address.extras:
        raise ChannelError(translate(
            "Channels", "The Bluesky server address must be a plain https:// address"))
    return address.base, address.host


def jwt_expiry(token: str) -> float | None:
    """The ``exp`` claim of a JWT (seconds since the epoch), if it can be read."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    try:
        payload = decode_json(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)),
                              "Bluesky")
    except (ValueError, MalformedResponse):
        return None
    exp = payload.get("exp") if isinstance(payload, dict) else None
    return float(exp) if isinstance(exp, int | float) and not isinstance(exp, bool) else None


def reset_wait(response: httpx.Response, now: float) -> float | None:
    """Seconds until the limit resets: ``ratelimit-reset`` (epoch seconds) or Retry-After,
    never more than a day (console/channels/retry.py)."""
    wait = _reset_after(response.headers.get("ratelimit-reset", ""), now, epoch=True)
    return wait if wait is not None else retry_after(response.headers.get("Retry-After", ""), now)


class _Expired(Exception):
    """The access JWT was refused as expired: refresh and try once more."""


class BlueskyHttp:
    """XRPC calls to one PDS as one account (handle + app password in ``secrets``)."""

    def __init__(
        self,
        service_url: str,
        handle: str,
        secrets: Secrets,
        *,
        timeout: float = 10.0,
        max_wait: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.time,
        deadline: float | None = None,
    ) -> None:
        self.base_url, self.host = check_service_url(service_url)
        self.deadline = JSON_PAGE.deadline if deadline is None else deadline
        self.netloc = urlsplit(self.base_url).netloc
        self.handle = (handle or "").strip().lstrip("@").lower()
        self.secrets = secrets
        self.max_wait = max_wait
        self.sleep = sleep
        self.clock = clock
        self.did: str | None = None
        self._access: str | None = None
        self._access_exp: float | None = None
        self._lock = threading.RLock()
        self.client = httpx.Client(
            base_url=self.base_url,
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            timeout=httpx.Timeout(timeout),
            transport=transport,
            verify=True,
            follow_redirects=False,
        )
        install_deadlines(self.client)

    @property
    def who(self) -> str:
        return f"Bluesky @{self.handle}" if self.handle else f"Bluesky {self.host}"

    def close(self) -> None:
        self.client.close()

    # -- the session -------------------------------------------------------------------------

    def _secrets_in(self, text: str) -> str:
        for value in (self._access, self.secrets.get("refresh_token"),
                      self.secrets.get("app_password")):
            if value:
                text = text.replace(value, "***")
        return readable(text)

    def _adopt(self, data: Any) -> None:
        if not isinstance(data, dict):
            raise MalformedResponse(translate(
                "Channels", "{who}: the server sent no session").format(who=self.who))
        access, refresh = data.get("accessJwt"), data.get("refreshJwt")
        did, handle = data.get("did"), data.get("handle")
        if not all(isinstance(v, str) and v for v in (access, refresh, did, handle)):
            raise MalformedResponse(translate(
                "Channels", "{who}: the server sent an incomplete session").format(who=self.who))
        assert isinstance(access, str) and isinstance(refresh, str)
        if data.get("active") is False:
            status = data.get("status") if isinstance(data.get("status"), str) else "inactive"
            raise AuthError(translate(
                "Channels", "{who}: the account is {status} on {host}").format(
                who=self.who, status=status, host=self.host))
        self._access, self._access_exp = access, jwt_expiry(access)
        self.did, self.handle = str(did), str(handle).lower()
        self.secrets.set("refresh_token", refresh)

    def sign_in(self) -> None:
        """A new session from the handle and app password (``createSession``)."""
        password = self.secrets.get("app_password")
        if not self.handle or not password:
            raise AuthError(translate(
                "Channels", "{who}: no app password is stored; enter it again").format(
                who=self.who))
        wait = _SESSIONS.take(f"{self.netloc}|{self.handle}", SESSION_BUDGET, self.clock())
        if wait:
            raise RateLimited(translate(
                "Channels", "{who}: too many sign-ins in five minutes; try again in {seconds} "
                "seconds").format(who=self.who, seconds=int(wait + 0.999)), wait)
        response = self._send("POST", "com.atproto.server.createSession", None,
                              {"identifier": self.handle, "password": password}, None)
        self._adopt(self.decode(response))

    def _refresh(self) -> bool:
        """Renew the session with the refresh token; False when it is gone or refused."""
        token = self.secrets.get("refresh_token")
        if not token:
            return False
        try:
            response = self._send("POST", "com.atproto.server.refreshSession", None, None, token)
        except (_Expired, AuthError):
            return False
        self._adopt(self.decode(response))
        return True

    def ensure_session(self, renew: bool = False) -> str:
        """A usable access JWT: kept, refreshed, or (last) a new session."""
        with self._lock:
            soon = (self._access_exp is not None
                    and self._access_exp - self.clock() < REFRESH_MARGIN)
            if self._access and not renew and not soon:
                return self._access
            self._access = None
            if not self._refresh():
                self.sign_in()
            assert self._access is not None
            return self._access

    # -- calls -------------------------------------------------------------------------------

    def query(self, nsid: str, params: dict[str, Any] | None = None,
              headers: dict[str, str] | None = None) -> Any:
        return self.decode(self.call("GET", nsid, params=params, headers=headers))

    def procedure(self, nsid: str, body: dict[str, Any],
                  headers: dict[str, str] | None = None) -> Any:
        return self.decode(self.call("POST", nsid, body=body, headers=headers))

    def call(self, method: str, nsid: str, *, params: dict[str, Any] | None = None,
             body: dict[str, Any] | None = None,
             headers: dict[str, str] | None = None) -> httpx.Response:
        """One authenticated call; an expired access JWT is renewed once and the call retried.

        ``headers`` are added to the request (chat calls name the chat service with
        ``atproto-proxy``)."""
        token = self.ensure_session()
        try:
            return self._send(method, nsid, params, body, token, headers)
        except _Expired:
            token = self.ensure_session(renew=True)
            try:
                return self._send(method, nsid, params, body, token, headers)
            except _Expired:
                raise AuthError(translate(
                    "Channels", "{who}: the server keeps refusing the session; enter the app "
                    "password again").format(who=self.who)) from None

    def _network_error(self, exc: httpx.HTTPError) -> NetworkError:
        detail = str(exc).lower()
        who = f"Bluesky {self.host}"
        return server_network_error(who, exc, detail)

    def _error(self, response: httpx.Response) -> tuple[str, str]:
        try:
            data = decode_json(response.content, self.who)
        except MalformedResponse:
            return "", ""
        if not isinstance(data, dict):
            return "", ""
        name, message = data.get("error"), data.get("message")
        return (readable(name, 100) if isinstance(name, str) else "",
                self._secrets_in(message) if isinstance(message, str) else "")

    def _send(self, method: str, nsid: str, params: dict[str, Any] | None,
              body: dict[str, Any] | None, token: str | None,
              extra: dict[str, str] | None = None) -> httpx.Response:
        budget = RetryBudget(self.sleep, self.max_wait, UNKNOWN_WAIT)
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        headers.update(extra or {})
        while True:
            wait = _REQUESTS.take(self.netloc, REQUEST_BUDGET, self.clock())
            if wait:
                raise RateLimited(translate(
                    "Channels", "{who}: Posventa paused requests to stay under {host}'s limit; "
                    "resuming in {seconds} seconds").format(
                    who=self.who, host=self.host, seconds=int(wait + 0.999)), wait)
            request = self.client.build_request(method, f"/xrpc/{nsid}", params=params,
                                                json=body, headers=headers)
            try:
                response, _ = fetch(self.client, request, JSON_PAGE, self.who,
                                    deadline=self.deadline)
            except httpx.HTTPError as exc:
                raise self._network_error(exc) from None
            status = response.status_code
            if 200 <= status < 300:
                return response
            if status == 429:
                budget.wait_out_rate_limit(reset_wait(response, self.clock()), self.who)
                continue
            if status >= 500:
                if budget.retry_server_failure():
                    continue
                raise ServerError(translate(
                    "Channels", "{who}: the server failed ({status}); try later").format(
                    who=self.who, status=status))
            self._raise(nsid, status, *self._error(response), has_token=token is not None)

    def _raise(self, nsid: str, status: int, name: str, message: str, *, has_token: bool) -> None:
        who = self.who
        if nsid == "com.atproto.server.createSession" and status in (400, 401):
            if name == "AuthFactorTokenRequired":
                raise AuthError(translate(
                    "Channels", "{who}: the account asks for an email code; use an app "
                    "password").format(who=who))
            if name == "AccountTakedown":
                raise AuthError(translate(
                    "Channels", "{who}: the account has been taken down").format(who=who))
            raise AuthError(translate(
                "Channels", "{who}: app password rejected, re-enter it").format(who=who))
        refused = chat_refusal(nsid, status, name, message, who)
        if refused is not None:  # before the expiry check: "Bad token method" is no expiry
            raise refused
        if has_token and (name in _EXPIRED or (status == 401 and nsid != (
                "com.atproto.server.refreshSession"))):
            raise _Expired()
        if status == 401:
            raise AuthError(translate(
                "Channels", "{who}: the session was refused; enter the app password "
                "again").format(who=who))
        if status == 403:
            raise AuthError(translate(
                "Channels", "{who}: the server refused access ({detail}); check the account "
                "and its app password").format(who=who, detail=message or "forbidden"))
        if status in (404, 410) or name in _NOT_FOUND:
            raise NotFound(translate(
                "Channels", "{who}: that post or account does not exist any more").format(
                who=who))
        if nsid == "com.atproto.repo.createRecord":
            raise ReplyRefused(translate("Channels", "{who}: the post was refused: {detail}")
                               .format(who=who, detail=message or name or status))
        detail = message or name
        raise refused_request(who, status, detail)

    def decode(self, response: httpx.Response) -> Any:
        """The JSON of an answer (bounded in size and depth), or MalformedResponse."""
        return decode_json(response.content, f"Bluesky {self.host}")
