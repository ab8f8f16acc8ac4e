"""Mastodon's id-based pagination (``max_id``, ``since_id``, ``min_id``, ``limit``), Link headers.

Pages are newest first. ``min_id`` picks the results immediately newer than the cursor (the
oldest ones above it), ``since_id`` the newest ones above it. The ``Link`` header carries
``rel="next"`` (older, ``max_id`` = the page's oldest id) when the page is full and
``rel="prev"`` (newer, ``min_id`` = the page's newest id) when the page is not empty.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar
from urllib.parse import urlencode

T = TypeVar("T")


class BadParam(ValueError):
    """A query parameter that is not what the API accepts."""


def id_param(params: Mapping[str, list[str]], name: str) -> int | None:
    values = params.get(name)
    if not values or values[-1] == "":
        return None
    try:
        return int(values[-1])
    except ValueError:
        # Mastodon ids are numeric strings; anything else selects nothing useful.
        raise BadParam(f"{name} must be an id") from None


def limit_param(params: Mapping[str, list[str]], default: int, maximum: int) -> int:
    values = params.get("limit")
    if not values:
        return default
    try:
        value = int(values[-1])
    except ValueError:
        return default
    return max(1, min(value, maximum))


def paginate(
    items: Sequence[T],
    key: Callable[[T], int],
    params: Mapping[str, list[str]],
    default: int,
    maximum: int,
) -> tuple[list[T], int]:
    """One page of ``items`` (sorted oldest first) as Mastodon serves it: newest first."""
    max_id = id_param(params, "max_id")
    since_id = id_param(params, "since_id")
    min_id = id_param(params, "min_id")
    limit = limit_param(params, default, maximum)
    chosen = [
        item
        for item in items
        if (max_id is None or key(item) < max_id)
        and (since_id is None or key(item) > since_id)
        and (min_id is None or key(item) > min_id)
    ]
    page = chosen[:limit] if min_id is not None else chosen[-limit:]
    return list(reversed(page)), limit


def link_header(
    base: str,
    path: str,
    params: Mapping[str, list[str]],
    page_ids: Sequence[str],
    limit: int,
) -> str | None:
    """The ``Link`` header for a page (ids newest first)."""
    if not page_ids:
        return None
    keep = [
        (name, value)
        for name, values in params.items()
        if name not in ("max_id", "min_id", "since_id")
        for value in values
    ]
    links = []
    if len(page_ids) >= limit:
        links.append(f'<{base}{path}?{urlencode([*keep, ("max_id", page_ids[-1])])}>; rel="next"')
    links.append(f'<{base}{path}?{urlencode([*keep, ("min_id", page_ids[0])])}>; rel="prev"')
    return ", ".join(links)
