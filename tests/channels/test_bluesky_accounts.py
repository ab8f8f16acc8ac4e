"""Bluesky accounts end to end: the service, the CLI, the engine, the demo; secrets stay out."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.accounts import queries as accounts
from console.app.runtime import Runtime
from console.errors import InvalidInput
from console.feed.queries import FeedFilter
from console.sandbox import SandboxServer
from console.store.models import Mention
from tests.channels.bluesky_support import APP_PASSWORD, BRAND, standing_sandbox

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def sky() -> Iterator[SandboxServer]:
    server = standing_sandbox()
    yield server
    server.stop()


def _db_bytes(rt: Runtime) -> bytes:
    folder = rt.workspace.path
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_add_sync_and_secrets_never_reach_the_database(runtime: Runtime, sky) -> None:
    account = runtime.accounts.add("bluesky", handle=f"@{BRAND.upper()}", app_password=APP_PASSWORD,
                                   service_url=sky.url)
    assert (account.kind, account.handle, account.base_url) == ("bluesky", BRAND, sky.url)
    assert account.remote_id == sky.bluesky.world.brand.did
    secrets = runtime.workspace.secrets
    refresh = secrets.get(account.id, "refresh_token")
    assert secrets.get(account.id, "app_password") == APP_PASSWORD and refresh
    accounts.add_watch(runtime.workspace.store, "ventalia")
    [report] = runtime.engine.sync_once()
    assert report.error == "" and report.added >= 10
    assert sky.bluesky.world.sessions.create_count == 1  # the sync reused the session
    runtime.workspace.store.db.execute_sql("PRAGMA wal_checkpoint(FULL)")
    stored = _db_bytes(runtime)
    for secret in (APP_PASSWORD, refresh, secrets.get(account.id, "refresh_token")):
        assert secret.encode() not in stored


def test_two_routes_to_one_post_store_it_once(runtime: Runtime, sky) -> None:
    account = runtime.accounts.add("bluesky", handle=BRAND, app_password=APP_PASSWORD,
                                   service_url=sky.url)
    accounts.add_watch(runtime.workspace.store, "pedido")
    runtime.engine.sync_once()
    lucia = sky.bluesky.world.post_by_key["b004"]  # tags the brand and says "pedido"
    rows = list(Mention.select().where(Mention.remote_id == lucia))
    assert len(rows) == 1 and rows[0].sources == "mention,keyword"
    before = Mention.select().count()
    runtime.engine.sync_once()  # again: nothing new, nothing twice
    assert Mention.select().count() == before
    assert accounts.get_cursor(account.id, "mentions")


def test_reply_rules_and_threadgate_reach_the_composer(runtime: Runtime, sky) -> None:
    runtime.accounts.add("bluesky", handle=BRAND, app_password=APP_PASSWORD, service_url=sky.url)
    runtime.engine.sync_once()
    world = sky.bluesky.world
    by_uri = {m.remote_id: m.id for m in Mention.select()}
    open_rules = runtime.replies.rules(by_uri[world.post_by_key["b004"]])
    assert (open_rules.unit, open_rules.limit, open_rules.max_bytes) == ("graphemes", 300, 3000)
    assert open_rules.can_reply
    gated = runtime.replies.rules(by_uri[world.post_by_key["b003"]])
    assert not gated.can_reply and "limited who can reply" in gated.reason
    with pytest.raises(InvalidInput, match="limited who can reply"):
        runtime.replies.send(by_uri[world.post_by_key["b003"]], "Hola")
    with pytest.raises(InvalidInput, match="1 grapheme over the limit of 300"):
        runtime.replies.send(by_uri[world.post_by_key["b004"]], "👍🏽" * 301)
    runtime.replies.send(by_uri[world.post_by_key["b004"]], "👍🏽" * 300, delay=0)
    runtime.engine.flush_outbox()
    [got] = sky.received()["bluesky"]
    assert got["record"]["text"] == "👍🏽" * 300


def test_rejected_app_password_is_a_clear_account_status(runtime: Runtime, sky) -> None:
    account = runtime.accounts.add("bluesky", handle=BRAND, app_password=APP_PASSWORD,
                                   service_url=sky.url)
    sky.bluesky.world.sessions.revoke_all()
    sky.bluesky.world.sessions.app_password = "wxyz-wxyz-wxyz-wxyz"  # revoked in Bluesky
    runtime.engine.forget_channel(account.id)
    [report] = runtime.engine.sync_once()
    assert report.error == "Bluesky @ventalia.bsky.example: app password rejected, re-enter it"
    [status] = [s for s in runtime.engine.statuses() if s.account_id == account.id]
    assert status.state != "ok" and status.message == report.error
    again = runtime.accounts.add("bluesky", handle=BRAND, app_password="wxyz-wxyz-wxyz-wxyz",
                                 service_url=sky.url)
    assert again.id == account.id and len(runtime.accounts.list()) == 1
    [report] = runtime.engine.sync_once()
    assert report.error == ""


@pytest.mark.parametrize(("handle", "password", "service", "problem"), [
    ("", APP_PASSWORD, "https://bsky.social", "handle is empty"),
    ("marca", APP_PASSWORD, "https://bsky.social", "whole handle"),
    (BRAND, "", "https://bsky.social", "app password is empty"),
    (BRAND, "my-main-password", "https://bsky.social", "not an app password"),
    (BRAND, APP_PASSWORD, "http://pds.example", "unencrypted"),
    (BRAND, APP_PASSWORD, "ftp://pds.example", "not a web address"),
])
def test_what_the_agent_typed_is_checked_first(runtime: Runtime, handle, password, service,
                                               problem) -> None:
    with pytest.raises(InvalidInput, match=problem):
        runtime.accounts.add("bluesky", handle=handle, app_password=password, service_url=service)
    assert runtime.accounts.list() == []


def test_demo_shows_bluesky_mentions(tmp_path: Path) -> None:
    from console.app.runtime import open_demo

    rt = open_demo(tmp_path / "demo", speed=0.001)
    try:
        kinds = {a.kind for a in rt.accounts.list()}
        assert {"mastodon", "bluesky"} <= kinds
        sky_account = next(a for a in rt.accounts.list() if a.kind == "bluesky")
        report = rt.engine.sync_account(sky_account.id)
        assert report.error == "" and report.added >= 8
        rows = rt.feed.page(FeedFilter(), limit=1000)
        sky_rows = [r for r in rows if r.channel == "bluesky"]
        assert len(sky_rows) >= 8
        sky_account = rt.accounts.list()[[a.id for a in rt.accounts.list()].index(
            sky_account.id)]
        assert sky_account.handle == BRAND and sky_account.remote_id.startswith("did:plc:")
    finally:
        rt.close()


def _cli(ws: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), POSVENTA_WORKSPACE=str(ws),
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    return subprocess.run([sys.executable, "-m", "console", *args], input=stdin, text=True,
                          capture_output=True, env=env, timeout=60)


def test_cli_accounts_add_bluesky(tmp_path: Path, sky) -> None:
    ws = tmp_path / "ws"
    added = _cli(ws, "accounts", "add", "bluesky", "--handle", BRAND, "--service", sky.url,
                 "--password-stdin", stdin=APP_PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    assert f"bluesky @{BRAND} on {sky.url}" in added.stdout
    assert APP_PASSWORD not in added.stdout + added.stderr
    listed = _cli(ws, "accounts", "list")
    assert f"bluesky\t@{BRAND}" in listed.stdout
    sky.bluesky.world.sessions.app_password = "wxyz-wxyz-wxyz-wxyz"
    refused = _cli(ws, "accounts", "add", "bluesky", "--handle", BRAND, "--service", sky.url,
                   "--password-stdin", stdin=APP_PASSWORD + "\n")
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert refused.stderr.strip() == (
        "posventa: Bluesky @ventalia.bsky.example: app password rejected, re-enter it")


def test_cli_help_says_where_app_passwords_come_from(capsys) -> None:
    from console.app.cli.main import build_parser

    with pytest.raises(SystemExit):
        build_parser().parse_args(["accounts", "add", "bluesky", "--help"])
    help_text = capsys.readouterr().out
    assert "App passwords" in help_text and "--password-stdin" in help_text
    assert "--handle" in help_text and "https://bsky.social" in help_text
