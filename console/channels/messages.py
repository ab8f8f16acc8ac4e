"""Sentences the channels share for a network that cannot be reached or refuses a request.

They reach the agent (the accounts dialog, the sync status, a form's message line), so they
are marked for translation (context "Channels"); without an installed translator (the CLI,
tests) they read in English. ``who`` names the account or server, e.g. "Mastodon
social.example" or "Bluesky @marca.bsky.social".
"""

from __future__ import annotations

import httpx

from console.channels.base import ChannelError, NetworkError
from console.i18n import translate


def _is_tls(detail: str) -> bool:
    return "certificate" in detail or "ssl" in detail or "tls" in detail


def _is_unknown_name(detail: str) -> bool:
    return any(word in detail for word in ("name or service", "getaddrinfo", "nodename"))


def server_network_error(who: str, exc: httpx.HTTPError, detail: str) -> NetworkError:
    """Why an API server could not be reached, in one sentence (`detail`: lower-case str(exc))."""
    if isinstance(exc, httpx.TimeoutException):
        return NetworkError(translate("Channels", "{who}: the server did not answer in time")
                            .format(who=who))
    if isinstance(exc, httpx.ConnectError):
        if _is_tls(detail):
            return NetworkError(translate(
                "Channels", "{who}: the secure connection failed (the server's certificate was "
                "not accepted)").format(who=who))
        if _is_unknown_name(detail):
            return NetworkError(translate(
                "Channels", "{who}: the server name could not be found").format(who=who))
        if "refused" in detail:
            return NetworkError(translate(
                "Channels", "{who}: the server refused the connection").format(who=who))
        return NetworkError(translate("Channels", "{who}: could not connect to the server")
                            .format(who=who))
    return NetworkError(translate(
        "Channels", "{who}: the connection broke off before the answer came").format(who=who))


def refused_request(who: str, status: int, detail: str) -> ChannelError:
    """The server said no to a request for a reason not covered by a more precise error."""
    if detail:
        return ChannelError(translate(
            "Channels", "{who}: the server refused the request ({status}): {detail}").format(
            who=who, status=status, detail=detail))
    return ChannelError(translate("Channels", "{who}: the server refused the request ({status})")
                        .format(who=who, status=status))
