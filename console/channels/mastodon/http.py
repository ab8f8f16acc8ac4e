"""HTTP for the Mastodon channel: one httpx client, retries, and errors an agent can read.

429: wait ``Retry-After`` or ``X-RateLimit-Reset`` when that is at most ``max_wait`` (twice
at most), else RateLimited. 5xx: retry after 0.5, 1 and 2 seconds, then ServerError.
Connection problems become NetworkError. Every call has an overall deadline and a byte cap,
and answers are decoded by the bounded JSON decoder (console/channels/limits.py). The token
never appears in a message.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
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
    ServerError,
    readable,
)
from console.channels.limits import JSON_PAGE, decode_json, fetch, install_deadlines
from console.channels.messages import server_network_error
from console.channels.retry import RetryBudget, server_wait
from console.channels.urls import web_address
from console.i18n import translate

UNKNOWN_WAIT = 30.0
USER_AGENT = "Posventa/0.1 (+https://github.com/posventa)"


def check_base_url(base_url: str) -> tuple[str, str]:
    """The normalised base URL and its host; http:// only on loopback."""
    if not isinstance(base_url, str) or not base_url.strip():
        raise ChannelError(translate("Channels", "The Mastodon server address is empty"))
    address = web_address(base_url.strip())
    if address is None:
        raise ChannelError(translate(
            "Channels", "{address} is not a web address (https://server.example)").format(
            address=repr(base_url)))
    if address.plain_http:
        raise ChannelError(translate(
            "Channels", "{who}: refusing an unencrypted http:// address; use https://").format(
            who=f"Mastodon {address.host}"))
    if address.credentials or address.extras:
        raise ChannelError(translate(
            "Channels", "The Mastodon server address must be a plain https:// address"))
    return address.base, address.host


def wait_seconds(response: httpx.Response, now: float | None = None) -> float | None:
    """Seconds the server asks us to wait, from Retry-After or X-RateLimit-Reset (an ISO
    moment), never more than a day (console/channels/retry.py)."""
    return server_wait(response.headers, time.time() if now is None else now)


class MastodonHttp:
    """Requests to one Mastodon server with one token."""

    def __init__(
        self,
        base_url: str,
        token: str | None,
        *,
        timeout: float,
        max_wait: float,
        sleep: Callable[[float], None],
        transport: httpx.BaseTransport | None,
        deadline: float | None = None,
    ) -> None:
        self.base_url, self.host = check_base_url(base_url)
        self.deadline = JSON_PAGE.deadline if deadline is None else deadline
        self._token = token or None
        self.max_wait = max_wait
        self.sleep = sleep
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        self.client = httpx.Client(
            base_url=self.base_url,
            headers=headers,
            timeout=httpx.Timeout(timeout),
            transport=transport,
            verify=True,
            follow_redirects=False,
        )
        install_deadlines(self.client)
        self._origin = urlsplit(self.base_url)

    def close(self) -> None:
        self.client.close()

    def clean(self, text: str) -> str:
        """Server text fit for a message: one line, short, never the token."""
        if self._token:
            text = text.replace(self._token, "***")
        return readable(text)

    def same_server(self, url: str) -> bool:
        parts = urlsplit(url)
        return (parts.scheme, parts.netloc) == (self._origin.scheme, self._origin.netloc)

    def _network_error(self, exc: httpx.HTTPError) -> NetworkError:
        return server_network_error(f"Mastodon {self.host}", exc, str(exc).lower())

    def _error_text(self, body: bytes) -> str:
        try:
            data = decode_json(body, self.host)
        except MalformedResponse:
            return ""
        if isinstance(data, dict):
            for name in ("error_description", "error"):
                if isinstance(data.get(name), str):
                    return self.clean(data[name])
        return ""

    def request(
        self,
        method: str,
        url: str,
        *,
        params: Any = None,
        data: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        """One API call with the retry rules; returns a 2xx response or raises ChannelError."""
        if url.startswith(("http://", "https://")) and not self.same_server(url):
            raise MalformedResponse(translate(
                "Channels", "{who}: a page link pointed to another server").format(
                who=f"Mastodon {self.host}"))
        budget = RetryBudget(self.sleep, self.max_wait, UNKNOWN_WAIT)
        host = self.host
        while True:
            request = self.client.build_request(
                method, url, params=params, data=data, headers=headers)
            try:
                response, body = fetch(self.client, request, JSON_PAGE, f"Mastodon {host}",
                                       deadline=self.deadline)
            except httpx.HTTPError as exc:
                raise self._network_error(exc) from None
            status = response.status_code
            if 200 <= status < 300:
                return response
            if status in (401, 403):
                raise AuthError(translate(
                    "Channels", "{who}: the access token was rejected; sign in again").format(
                    who=f"Mastodon {host}"))
            if status in (404, 410):
                raise NotFound(translate(
                    "Channels", "{who}: that post or account does not exist any more").format(
                    who=f"Mastodon {host}"))
            if status == 429:
                budget.wait_out_rate_limit(wait_seconds(response), f"Mastodon {host}")
                continue
            if status >= 500:
                if budget.retry_server_failure():
                    continue
                raise ServerError(translate(
                    "Channels", "{who}: the server failed ({status}); try later").format(
                    who=f"Mastodon {host}", status=status))
            text = self._error_text(body)
            if status == 422 and method.upper() == "POST":
                raise ReplyRefused(translate("Channels", "{who} refused the post: {detail}")
                                   .format(who=f"Mastodon {host}", detail=text or translate(
                                       "Channels", "no reason given")))
            if text:
                raise ChannelError(translate(
                    "Channels", "{who} refused the request ({status}): {detail}").format(
                    who=f"Mastodon {host}", status=status, detail=text))
            raise ChannelError(translate("Channels", "{who} refused the request ({status})")
                               .format(who=f"Mastodon {host}", status=status))

    def get_json(self, url: str, params: Any = None) -> tuple[Any, httpx.Response]:
        response = self.request("GET", url, params=params)
        return self.decode(response), response

    def decode(self, response: httpx.Response) -> Any:
        """The JSON of an answer (bounded in size and depth), or MalformedResponse."""
        return decode_json(response.content, f"Mastodon {self.host}")
