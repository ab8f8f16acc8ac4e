"""The web addresses an agent types for a network, checked by one rule for every network.

An address is absolute http(s) with a host. A token or password goes over https only:
plain http is for this machine alone (the sandbox, a test server), where nothing crosses
a network. These functions say what is wrong; each caller words the message the agent
sees (every network says it in its own words, and those words do not change here).
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this machine: localhost, ``*.localhost`` or a loopback IP."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def with_scheme(text: str) -> str:
    """``text`` with ``https://`` in front when it names no scheme ("mastodon.social")."""
    return "https://" + text if text and "://" not in text else text


def split_web_address(url: str) -> SplitResult | None:
    """The parts of an absolute http(s) address with a host, or None (``javascript:``,
    ``mailto:``, a relative path, a port that is not a number...)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError on a port that is not a number)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return parts


@dataclass(frozen=True)
class WebAddress:
    """An absolute http(s) address taken apart, with what a network may object to."""

    scheme: str
    host: str  # lower case, without the brackets of an IPv6 address
    netloc: str
    path: str
    credentials: bool  # a user name or password written into it
    extras: bool  # a query or a fragment

    @property
    def base(self) -> str:
        """The address without query, fragment or trailing slash (a server's base URL)."""
        return f"{self.scheme}://{self.netloc}{self.path.rstrip('/')}"

    @property
    def plain_http(self) -> bool:
        """Unencrypted http:// to another machine (refused where a secret would travel)."""
        return self.scheme == "http" and not is_loopback(self.host)


def web_address(url: str) -> WebAddress | None:
    """``url`` taken apart, or None when it is no absolute http(s) address with a host."""
    parts = split_web_address(url)
    if parts is None:
        return None
    return WebAddress(
        scheme=parts.scheme, host=parts.hostname or "", netloc=parts.netloc, path=parts.path,
        credentials=bool(parts.username or parts.password),
        extras=bool(parts.query or parts.fragment))
