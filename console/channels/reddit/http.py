"""HTTP to Reddit as one account: bearer tokens renewed from the refresh token, the
``X-Ratelimit-*`` budget, errors worded for the agent.

The refresh token is in the account's secrets (the keyring); the access token lives an hour
and stays in memory. Every API call sends the descriptive User-Agent. Reddit counts
requests per user and app in a window and says so in ``X-Ratelimit-Used/-Remaining/-Reset``
(``Reset`` is seconds until the window ends): when nothing remains, the next call waits for
the reset if that is at most ``max_wait`` seconds, else it raises RateLimited before asking.
A 429 waits likewise (twice at most); a 5xx is retried after 0.5, 1 and 2 seconds. Every
call has an overall deadline and a byte cap; no secret appears in a message.
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
    MalformedResponse,
    NotFound,
    RateLimited,
    Secrets,
    ServerError,
    readable,
)
from console.channels.limits import JSON_PAGE, decode_json, fetch, install_deadlines
from console.channels.messages import refused_request, server_network_error
from console.channels.reddit.oauth import check_url, user_agent
from console.channels.retry import RetryBudget, reset_wait, retry_after, sane_wait, wait_text
from console.i18n import translate

UNKNOWN_WAIT = 60.0
RENEW_MARGIN = 60.0  # renew an access token this many seconds before it expires


class RedditHttp:
    """Calls to Reddit's API (``api_url``) and token endpoint (``auth_url``) as one account."""

    def __init__(
        self,
        api_url: str,
        auth_url: str,
        client_id: str,
        secrets: Secrets,
        *,
        handle: str = "",
        owner: str = "",
        timeout: float = 10.0,
        max_wait: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.time,
        deadline: float | None = None,
    ) -> None:
        self.api_url = check_url(api_url, "https://oauth.reddit.com")
        self.auth_url = check_url(auth_url, "https://www.reddit.com")
        self.host = urlsplit(self.api_url).hostname or self.api_url
        self.client_id = client_id
        self.secrets = secrets
        self.handle = handle.strip().lstrip("/").removeprefix("u/")
        self.max_wait = max_wait
        self.sleep = sleep
        self.clock = clock
        self.deadline = JSON_PAGE.deadline if deadline is None else deadline
        self._access: str | None = None
        self._expires: float = 0.0
        self._paused_until = 0.0
        self._lock = threading.RLock()
        self.client = httpx.Client(
            headers={"User-Agent": user_agent(owner or self.handle),
                     "Accept": "application/json"},
            timeout=httpx.Timeout(timeout), transport=transport, verify=True,
            follow_redirects=False)
        install_deadlines(self.client)

    @property
    def who(self) -> str:
        return f"Reddit u/{self.handle}" if self.handle else f"Reddit {self.host}"

    def close(self) -> None:
        self.client.close()

    def adopt_name(self, name: str) -> None:
        """The account's name, once known: it names the account in messages and the
        User-Agent (``by /u/<name>``) unless an owner was given."""
        self.handle = name
        if "(by /u/" not in self.client.headers.get("User-Agent", ""):
            self.client.headers["User-Agent"] = user_agent(name)

    # -- tokens ------------------------------------------------------------------------------

    def token_call(self, form: dict[str, str]) -> dict[str, Any]:
        """``POST {auth}/api/v1/access_token`` with the app's client id (no secret: an
        installed app). Raises AuthError with a sentence when Reddit refuses."""
        basic = base64.b64encode(f"{self.client_id}:".encode()).decode("ascii")
        request = self.client.build_request(
            "POST", f"{self.auth_url}/api/v1/access_token", data=form,
            headers={"Authorization": f"Basic {basic}"})
        response = self._send(request, token_call=True)
        data = self.decode(response)
        if not isinstance(data, dict):
            raise MalformedResponse(translate(
                "Channels", "{who}: the server sent no token").format(who=self.who))
        error = data.get("error")
        if error or response.status_code >= 400:
            self._token_refused(str(error or response.status_code), form)
        if not isinstance(data.get("access_token"), str) or not data["access_token"]:
            raise MalformedResponse(translate(
                "Channels", "{who}: the server sent no token").format(who=self.who))
        return data

    def _token_refused(self, error: str, form: dict[str, str]) -> None:
        if form.get("grant_type") == "refresh_token":
            raise AuthError(translate(
                "Channels", "{who}: Reddit no longer accepts this sign-in (the app was "
                "removed or its access revoked); sign in again").format(who=self.who))
        if error == "invalid_grant":
            raise AuthError(translate(
                "Channels", "{who}: the sign-in code was not accepted (expired, already used or "
                "for another address); sign in again").format(who=self.who))
        raise AuthError(translate("Channels", "{who}: Reddit refused the sign-in ({error})")
                        .format(who=self.who, error=readable(error, 60)))

    def adopt_token(self, data: dict[str, Any]) -> None:
        """Keep an access token (memory) and a new refresh token (the keyring)."""
        expires = data.get("expires_in")
        lifetime = float(expires) if isinstance(expires, int | float) and not isinstance(
            expires, bool) else 3600.0
        with self._lock:
            self._access = str(data["access_token"])
            self._expires = self.clock() + max(60.0, lifetime)
        refresh = data.get("refresh_token")
        if isinstance(refresh, str) and refresh:
            self.secrets.set("refresh_token", refresh)

    def access_token(self, renew: bool = False) -> str:
        """A usable access token: the one held, or a new one from the refresh token."""
        with self._lock:
            if self._access and not renew and self._expires - self.clock() > RENEW_MARGIN:
                return self._access
            refresh = self.secrets.get("refresh_token")
            if not refresh:
                raise AuthError(translate(
                    "Channels", "{who}: no Reddit sign-in is stored; sign in again").format(
                    who=self.who))
            self._access = None
            self.adopt_token(self.token_call({"grant_type": "refresh_token",
                                              "refresh_token": refresh}))
            assert self._access is not None
            return self._access

    # -- calls -------------------------------------------------------------------------------

    def get(self, path: str, params: dict[str, Any] | None = None) -> Any:
        return self.decode(self.call("GET", path, params=params))

    def post(self, path: str, form: dict[str, str]) -> Any:
        return self.decode(self.call("POST", path, data=form))

    def call(self, method: str, path: str, *, params: dict[str, Any] | None = None,
             data: dict[str, str] | None = None) -> httpx.Response:
        """One API call; a token Reddit calls invalid is renewed once and the call retried."""
        query = {"raw_json": 1, **(params or {})}  # bodies without legacy &lt; escaping
        for attempt in (1, 2):
            token = self.access_token(renew=attempt == 2)
            request = self.client.build_request(
                method, f"{self.api_url}{path}", params=query, data=data,
                headers={"Authorization": f"bearer {token}"})
            response = self._send(request)
            if response.status_code != 401:
                return response
        raise AuthError(translate(
            "Channels", "{who}: Reddit keeps refusing the sign-in; sign in again").format(
            who=self.who))

    def _wait_for_budget(self) -> None:
        wait = self._paused_until - self.clock()
        if wait <= 0:
            return
        if wait > self.max_wait:
            raise RateLimited(translate(
                "Channels", "{who}: Posventa paused requests to stay under Reddit's limit; "
                "resuming {when}").format(who=self.who, when=wait_text(wait)), wait)
        self.sleep(wait)
        self._paused_until = 0.0

    def _note_budget(self, response: httpx.Response) -> None:
        remaining = response.headers.get("X-Ratelimit-Remaining", "").strip()
        try:
            left = float(remaining)
        except ValueError:
            return
        if left < 1:
            wait = reset_wait(response.headers.get("X-Ratelimit-Reset", ""), self.clock(),
                              epoch=False)
            self._paused_until = self.clock() + (UNKNOWN_WAIT if wait is None else wait)

    def _send(self, request: httpx.Request, *, token_call: bool = False) -> httpx.Response:
        budget = RetryBudget(self.sleep, self.max_wait, UNKNOWN_WAIT)
        while True:
            if not token_call:
                self._wait_for_budget()
            try:
                response, _ = fetch(self.client, request, JSON_PAGE, self.who,
                                    deadline=self.deadline)
            except httpx.HTTPError as exc:
                raise server_network_error(f"Reddit {request.url.host}", exc,
                                           str(exc).lower()) from None
            if not token_call:
                self._note_budget(response)
            status = response.status_code
            if status == 429:
                wait = retry_after(response.headers.get("Retry-After", ""), self.clock())
                if wait is None:
                    wait = sane_wait(reset_wait(response.headers.get("X-Ratelimit-Reset", ""),
                                                self.clock(), epoch=False))
                budget.wait_out_rate_limit(wait, self.who)
                self._paused_until = 0.0  # that wait was the window's reset
                continue
            if status >= 500:
                if budget.retry_server_failure():
                    continue
                raise ServerError(translate(
                    "Channels", "{who}: the server failed ({status}); try later").format(
                    who=self.who, status=status))
            if status < 300 or (token_call and status in (400, 401)) or status == 401:
                if token_call and status == 401:
                    raise AuthError(translate(
                        "Channels", "{who}: Reddit does not know this app's client id; check "
                        "it at reddit.com/prefs/apps (an installed app, approved by Reddit)")
                        .format(who=self.who))
                return response
            self._raise(response)

    def _raise(self, response: httpx.Response) -> None:
        status, who = response.status_code, self.who
        detail = self._detail(response)
        if status == 403:
            if "insufficient_scope" in response.headers.get("www-authenticate", ""):
                raise AuthError(translate(
                    "Channels", "{who}: the sign-in does not allow this; sign in again to "
                    "grant Posventa's permissions").format(who=who))
            raise AuthError(translate(
                "Channels", "{who}: Reddit refused access ({detail})").format(
                who=who, detail=detail or "forbidden"))
        if status in (404, 410):
            raise NotFound(translate(
                "Channels", "{who}: that post, comment or account does not exist any more")
                .format(who=who))
        raise refused_request(who, status, detail)

    def _detail(self, response: httpx.Response) -> str:
        try:
            data = decode_json(response.content, self.who)
        except MalformedResponse:
            return ""
        if isinstance(data, dict):
            for key in ("message", "explanation", "reason"):
                if isinstance(data.get(key), str):
                    return self._hidden(data[key])
        return ""

    def _hidden(self, text: str) -> str:
        for value in (self._access, self.secrets.get("refresh_token")):
            if value:
                text = text.replace(value, "***")
        return readable(text, 200)

    def decode(self, response: httpx.Response) -> Any:
        """The JSON of an answer (bounded in size and depth), or MalformedResponse."""
        return decode_json(response.content, self.who)


def listing_children(data: Any, who: str) -> tuple[list[Any], str | None]:
    """The children of a ``Listing`` and its ``after`` fullname (None on the last page)."""
    if not isinstance(data, dict) or data.get("kind") != "Listing" or not isinstance(
            data.get("data"), dict):
        raise MalformedResponse(translate("Channels", "{who}: the server sent no listing")
                                .format(who=who))
    children = data["data"].get("children")
    if not isinstance(children, list):
        raise MalformedResponse(translate("Channels", "{who}: the server sent no listing")
                                .format(who=who))
    after = data["data"].get("after")
    return children, after if isinstance(after, str) and after else None

