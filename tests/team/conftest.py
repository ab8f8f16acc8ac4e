"""Team-mode test set-up: a workspace folder with local data, and a password role."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from console.app.runtime import open_runtime
from tests.builders import make_author, make_post

# tests/run.sh makes the server ask this role for its password (scram-sha-256).
PASSWORD_ROLE = "posventa_pw"


def cli(argv: list[str], capsys: pytest.CaptureFixture[str],
        stdin: str | None = None, monkeypatch: pytest.MonkeyPatch | None = None
        ) -> tuple[int, str, str]:
    """Run ``posventa ARGV`` in this process: (exit code, stdout, stderr)."""
    import io
    import sys

    from console.app.cli.main import main

    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def local_workspace(folder: Path, posts: int = 5, prefix: str = "consulta") -> Path:
    """A workspace on its own SQLite database holding an account and ``posts`` mentions."""
    from console.accounts import queries as accounts
    from console.sync.ingest import ingest

    rt = open_runtime(folder, memory_secrets=True)
    try:
        account = accounts.add_account(rt.workspace.store, "mastodon", "http://127.0.0.1:9",
                                       handle="ventalia")
        ingest(rt.workspace.store, rt.triager, account.id, [
            make_post(n, f"{prefix} número {n} sobre la devolución",
                      author=make_author(n % 3, display_name=f"Cliente Ñandú {n % 3}"))
            for n in range(1, posts + 1)], None, None)
    finally:
        rt.close()
    return folder


@pytest.fixture
def password_url(team_databases) -> Iterator[tuple[str, str]]:
    """(address without password, password) of a fresh database reached as a role that
    logs in with a password (a superuser of the throwaway server, for brevity)."""
    import psycopg

    password = uuid.uuid4().hex
    url = team_databases.create()
    with psycopg.connect(team_databases.server, autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s",
                               (PASSWORD_ROLE,)).fetchone()
        verb = "ALTER" if exists else "CREATE"
        admin.execute(f"{verb} ROLE {PASSWORD_ROLE} LOGIN SUPERUSER PASSWORD '{password}'")
    parts = urlsplit(url)
    yield urlunsplit(parts._replace(netloc=f"{PASSWORD_ROLE}@{parts.hostname}:{parts.port}")
                     ), password
    team_databases.drop(url)
