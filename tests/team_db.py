"""Throwaway team databases for tests: one migrated template, then a copy per test.

``tests/run.sh`` starts a PostgreSQL server and exports ``POSVENTA_TEST_PG`` (an address
whose user may create databases). Copying a template (``CREATE DATABASE ... TEMPLATE``)
takes a few tens of milliseconds, far less than running the migrations for each test.
"""

from __future__ import annotations

import itertools
import json
import os
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

PG_AREAS = ("store", "cases", "people", "triage", "sync")
NO_SERVER = ("no PostgreSQL server for the team-mode tests: set POSVENTA_TEST_PG "
             "(tests/run.sh starts one and sets it)")


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def write_team_settings(folder: Path, url: str) -> None:
    """A workspace folder whose settings point at the team database ``url``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.json").write_text(json.dumps({"team_url": url}))


class TeamDatabases:
    """Creates and drops test databases on the server named by POSVENTA_TEST_PG."""

    def __init__(self, server: str) -> None:
        import psycopg

        from console.store import migrations_pg
        from console.store.postgres import TeamStore

        self.server = server
        self._admin = psycopg.connect(server, autocommit=True)
        self._prefix = f"posventa_t{uuid.uuid4().hex[:8]}"
        self.template = f"{self._prefix}_template"
        self._admin.execute(f'CREATE DATABASE "{self.template}"')
        store = TeamStore(with_database(server, self.template), None)
        try:
            migrations_pg.migrate(store.db)
        finally:
            store.close()
        self._numbers = itertools.count(1)

    @classmethod
    def from_environment(cls) -> TeamDatabases:
        server = os.environ.get("POSVENTA_TEST_PG", "")
        if not server:
            pytest.skip(NO_SERVER)
        return cls(server)

    def create(self, *, empty: bool = False) -> str:
        """A new database: a copy of the migrated template, or ``empty`` (no schema)."""
        name = f"{self._prefix}_{next(self._numbers)}"
        template = "template0" if empty else self.template
        self._admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return with_database(self.server, name)

    def drop(self, url: str) -> None:
        name = urlsplit(url).path.lstrip("/")
        self._admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        self._admin.execute(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')
        self._admin.close()
