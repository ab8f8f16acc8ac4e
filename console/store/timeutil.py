"""UTC at the edges: the database holds naive UTC datetimes, the code aware ones."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)


def to_db(value: datetime) -> datetime:
    """An aware datetime as the naive UTC value the database stores."""
    if value.tzinfo is None:
        return value
    return value.astimezone(UTC).replace(tzinfo=None)


def from_db(value: datetime | str | None) -> datetime | None:
    """A stored value as an aware UTC datetime."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def iso(value: datetime | None) -> str | None:
    """ISO 8601 in UTC with a Z, as exports write it."""
    aware = from_db(value)
    return aware.strftime("%Y-%m-%dT%H:%M:%SZ") if aware else None
