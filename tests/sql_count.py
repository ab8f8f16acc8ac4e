"""The SQL statements a block of code sends the store, for tests that bound them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def sent_statements(db: Any) -> Iterator[list[str]]:
    """Every statement ``db`` runs inside the block, in order (both backends: every query,
    peewee's own included, goes through ``execute_sql``)."""
    sent: list[str] = []
    send = db.execute_sql

    def counted(sql: str, params: Any = None, *args: Any, **kwargs: Any) -> Any:
        sent.append(sql)
        return send(sql, params, *args, **kwargs)

    db.execute_sql = counted
    try:
        yield sent
    finally:
        del db.execute_sql
