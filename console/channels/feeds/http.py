"""HTTP for blogs (feeds and WordPress): conditional GETs, retries, and errors an agent can read.

One :class:`WebClient` talks to one site. 429 waits ``Retry-After`` when that is at most
``max_wait`` (twice at most), else RateLimited; 5xx is retried after 0.5, 1 and 2 seconds,
then ServerError; connection problems become NetworkError with what went wrong (name not
found, refused, certificate, timeout, cut off). Bodies are capped (``max_bytes``) and every
call has an overall deadline (console/channels/limits.py), so a hostile or broken server
can neither fill the memory nor hold the account. A site-specific ``explain`` hook turns an
error response into the right ChannelError (WordPress sends ``{"code", "message"}``).
Passwords never appear in a message: every message is built from the label and the status.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from console.channels.base import (
    AuthError,
    ChannelError,
    NetworkError,
    NotFound,
    ServerError,
    readable,
)
from console.channels.limits import FEED, RequestKind, fetch, install_deadlines
from console.channels.retry import RetryBudget
from console.channels.retry import retry_after as _retry_after
from console.channels.urls import split_web_address
from console.i18n import translate

UNKNOWN_WAIT = 60.0
MAX_BYTES = FEED.max_bytes
USER_AGENT = "Posventa/0.1 (+https://github.com/posventa; feed reader)"

Explain = Callable[[httpx.Response, bytes, str], ChannelError | None]


@dataclass(frozen=True)
class Fetched:
    """One answer: 200 with its body, or 304 (``modified`` False) with none."""

    url: str  # the final URL, after redirects
    status: int
    content: bytes
    headers: Mapping[str, str]
    modified: bool = True

    @property
    def etag(self) -> str:
        return self.headers.get("ETag", "")

    @property
    def last_modified(self) -> str:
        return self.headers.get("Last-Modified", "")


def one_line(text: str, limit: int = 200) -> str:
    """Server text fit for a message: one line, short, no control or bidi characters."""
    return readable(text, limit)


def retry_after(response: httpx.Response, now: float | None = None) -> float | None:
    """Seconds the server asks us to wait (``Retry-After``: seconds or an HTTP date), never
    more than a day (console/channels/retry.py)."""
    return _retry_after(response.headers.get("Retry-After", ""),
                        time.time() if now is None else now)


def network_error(label: str, exc: httpx.HTTPError) -> NetworkError:
    """A sentence for a connection problem (never the URL's query or credentials)."""
    detail = str(exc).lower()
    if isinstance(exc, httpx.TimeoutException):
        return NetworkError(translate("Channels", "{who}: the site did not answer in time")
                            .format(who=label))
    if isinstance(exc, httpx.ConnectError):
        if "certificate" in detail or "ssl" in detail or "tls" in detail:
            return NetworkError(translate(
                "Channels", "{who}: the secure connection failed (the site's certificate was "
                "not accepted)").format(who=label))
        if any(word in detail for word in ("name or service", "getaddrinfo", "nodename",
                                           "name resolution", "no address", "not known")):
            return NetworkError(translate("Channels", "{who}: the site's name could not be found")
                                .format(who=label))
        if "refused" in detail:
            return NetworkError(translate("Channels", "{who}: the site refused the connection")
                                .format(who=label))
        return NetworkError(translate("Channels", "{who}: could not connect to the site")
                            .format(who=label))
    if isinstance(exc, httpx.TooManyRedirects):
        return NetworkError(translate("Channels", "{who}: the site redirects in a loop")
                            .format(who=label))
    return NetworkError(translate(
        "Channels", "{who}: the connection broke off before the whole answer came").format(
        who=label))


class WebClient:
    """Requests to one site, with the retry rules and a byte cap on every answer."""

    def __init__(
        self,
        label: str,
        *,
        timeout: float = 15.0,
        max_wait: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
        auth: tuple[str, str] | None = None,
        explain: Explain | None = None,
        max_bytes: int = MAX_BYTES,
        accept: str = "*/*",
        deadline: float = FEED.deadline,
    ) -> None:
        self.label = label
        self.max_wait = max_wait
        self.sleep = sleep
        self.explain = explain
        self.max_bytes = max_bytes
        self.kind = RequestKind(max_bytes=max_bytes, deadline=deadline)
        self.client = httpx.Client(
            headers={"User-Agent": USER_AGENT, "Accept": accept},
            timeout=httpx.Timeout(timeout),
            transport=transport,
            verify=True,
            auth=httpx.BasicAuth(*auth) if auth else None,
            follow_redirects=False,
        )
        install_deadlines(self.client)

    def close(self) -> None:
        self.client.close()

    def _once(self, method: str, url: str, **kw: Any) -> tuple[httpx.Response, bytes]:
        request = self.client.build_request(method, url, **kw)
        try:
            return fetch(self.client, request, self.kind, self.label,
                         follow_redirects=method.upper() == "GET")
        except httpx.HTTPError as exc:
            raise network_error(self.label, exc) from None

    def request(
        self,
        method: str,
        url: str,
        *,
        params: Any = None,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
    ) -> Fetched:
        """One call with the retry rules; a 2xx or 304 answer, or a ChannelError."""
        if split_web_address(url) is None:
            raise ChannelError(translate("Channels", "{who}: {address} is not a web address")
                               .format(who=self.label, address=repr(url)))
        budget = RetryBudget(self.sleep, self.max_wait, UNKNOWN_WAIT)
        while True:
            response, body = self._once(method, url, params=params, json=json,
                                        headers=dict(headers or {}))
            status = response.status_code
            if 200 <= status < 300 or status == 304:
                return Fetched(str(response.url), status, body if status != 304 else b"",
                               response.headers, modified=status != 304)
            if status == 429:
                budget.wait_out_rate_limit(retry_after(response), self.label)
                continue
            if status >= 500 and status != 501 and budget.retry_server_failure():
                continue
            raise self._error(response, body, method)

    def _error(self, response: httpx.Response, body: bytes, method: str) -> ChannelError:
        status = response.status_code
        if self.explain is not None:
            explained = self.explain(response, body, method)
            if explained is not None:
                return explained
        who = self.label
        if status in (401, 403):
            return AuthError(translate("Channels", "{who}: the site refused access ({status})")
                             .format(who=who, status=status))
        if status in (404, 410):
            return NotFound(translate(
                "Channels", "{who}: the address does not exist on the site ({status})").format(
                who=who, status=status))
        if status >= 500:
            return ServerError(translate(
                "Channels", "{who}: the site failed ({status}); try later").format(
                who=who, status=status))
        if 300 <= status < 400:
            return ChannelError(translate(
                "Channels", "{who}: the site redirected the request ({status})").format(
                who=who, status=status))
        return ChannelError(translate(
            "Channels", "{who}: the site refused the request ({status})").format(
            who=who, status=status))

    def get(self, url: str, *, params: Any = None, etag: str = "", modified: str = "",
            headers: Mapping[str, str] | None = None) -> Fetched:
        """A GET, conditional when ``etag``/``modified`` (If-None-Match/If-Modified-Since)."""
        sent = dict(headers or {})
        if etag:
            sent["If-None-Match"] = etag
        if modified:
            sent["If-Modified-Since"] = modified
        return self.request("GET", url, params=params, headers=sent)
