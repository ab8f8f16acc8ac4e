"""Shared test set-up: offscreen Qt, a fresh workspace per test, data builders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    # Offscreen Qt's own screen is 800x800; the window now fits its screen, so tests get
    # a common desktop screen (1920x1080) instead.
    os.environ["QT_QPA_PLATFORM"] = (
        f"offscreen:configfile={Path(__file__).parent / 'offscreen-screen.json'}")

import pytest

from console.app.runtime import Runtime, open_runtime
from tests.team_db import PG_AREAS, TeamDatabases, write_team_settings


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "postgresql: runs on the team database (PostgreSQL)")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """The storage, cases, people, triage and sync tests run on both backends: every test
    there that uses the workspace (the ``backend`` fixture) runs once per backend."""
    if "backend" not in metafunc.fixturenames:
        return
    parts = Path(str(metafunc.definition.path)).parts
    area = parts[parts.index("tests") + 1] if "tests" in parts else ""
    if area in PG_AREAS:
        metafunc.parametrize("backend", ["sqlite", pytest.param(
            "postgresql", marks=pytest.mark.postgresql)], indirect=True)


@pytest.fixture(scope="session")
def team_databases() -> Iterator[TeamDatabases]:
    """Fresh PostgreSQL databases from a migrated template (POSVENTA_TEST_PG's server)."""
    databases = TeamDatabases.from_environment()
    yield databases
    databases.close()


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """"sqlite" (the default) or "postgresql" (the areas named in PG_AREAS, twice)."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def team_url(request: pytest.FixtureRequest, team_databases: TeamDatabases) -> Iterator[str]:
    """The address of a fresh, empty team database at the current schema, dropped after."""
    url = team_databases.create()
    yield url
    team_databases.drop(url)


@pytest.fixture
def runtime(tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> Iterator[Runtime]:
    """A fresh workspace with secrets in memory, closed after the test; on the
    "postgresql" backend it works in a fresh team database."""
    if backend == "postgresql":
        write_team_settings(tmp_path / "ws", request.getfixturevalue("team_url"))
    rt = open_runtime(tmp_path / "ws", memory_secrets=True)
    yield rt
    rt.close()


MINI_SCRIPT = Path(__file__).parent / "channels" / "fixtures" / "mini_script.json"


@pytest.fixture
def mini_sandbox() -> Iterator:
    """A sandbox server on 127.0.0.1 playing the small test script, everything published."""
    from console.sandbox import SandboxServer

    server = SandboxServer(MINI_SCRIPT, speed=1000, release_all=True)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def connected(runtime: Runtime, mini_sandbox) -> Runtime:
    """A runtime with one Mastodon account on the mini sandbox and a brand watch."""
    from console.accounts import queries as accounts

    account = accounts.add_account(runtime.workspace.store, "mastodon", mini_sandbox.url)
    runtime.workspace.secrets.set(account.id, "token", "test-token")
    accounts.add_watch(runtime.workspace.store, "ventalia")
    runtime.extras["account_id"] = account.id
    runtime.extras["sandbox"] = mini_sandbox
    return runtime


@pytest.fixture(autouse=True)
def _english_after_each_test() -> Iterator[None]:
    """A test that starts the application installs translators for the system locale;
    take them away so the next test sees the English source text again."""
    yield
    import sys

    i18n = sys.modules.get("console.ui.i18n")
    if i18n is not None and i18n.translations_installed():
        i18n.uninstall_translations()
