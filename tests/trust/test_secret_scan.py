"""No secret ever lands in the workspace folder, the log, an export, a backup or the screen.

One workspace goes through what handles secrets: a Mastodon token checked against the
sandbox, a Bluesky app password (and the refresh token the server hands back), an OAuth
client secret, a sync, a rejected token, a reply sent, exports in both formats, a backup,
the settings saved, and the window built. Logging runs at DEBUG into a file. Then every
secret the secret store holds (ours and those the servers issued) is looked for, as text,
URL-encoded and base64, in every file of the workspace, the log, the exports, and every
text of the window.
"""

from __future__ import annotations

import base64
import logging
from pathlib import Path
from urllib.parse import quote

import pytest
import shiboken6
from PySide6.QtWidgets import QLabel, QWidget

from console.accounts import queries as accounts
from console.app.backup import backup_now
from console.feed.export import export_to_file, iter_records, write_csv, write_jsonl
from console.feed.queries import FeedFilter

MASTODON_TOKEN = "scan-MASTODON-token-7f3a9c"
CLIENT_SECRET = "scan-CLIENT-secret-0b1d2e"
SECRET_NAMES = ("token", "refresh_token", "app_password", "client_secret", "password")


def _forms(secret: str) -> list[bytes]:
    raw = secret.encode()
    return [raw, quote(secret, safe="").encode(), base64.b64encode(raw),
            base64.urlsafe_b64encode(raw).rstrip(b"=")]


@pytest.fixture
def debug_log(tmp_path: Path):
    path = tmp_path / "logs" / "posventa.log"
    path.parent.mkdir()
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield path
    root.removeHandler(handler)
    root.setLevel(old_level)
    handler.close()


def _held_secrets(rt) -> dict[str, str]:
    held = {}
    for account in accounts.list_accounts(rt.workspace.store):
        for name in SECRET_NAMES:
            value = rt.workspace.secrets.get(account.id, name)
            if value:
                held[f"{account.kind}:{account.id}:{name}"] = value
    return held


def _widget_texts(window: QWidget) -> list[str]:
    texts = [window.windowTitle(), window.statusBar().currentMessage()]
    for widget in window.findChildren(QWidget):
        texts.append(widget.toolTip())
        texts.append(widget.accessibleName())
        if isinstance(widget, QLabel):
            texts.append(widget.text())
    return texts


def test_no_secret_in_files_logs_exports_backups_or_the_window(runtime, mini_sandbox,
                                                                debug_log, tmp_path, qtbot):
    rt = runtime
    service = rt.accounts
    mastodon = service.add("mastodon", instance_url=mini_sandbox.url, token=MASTODON_TOKEN)
    rt.workspace.secrets.set(mastodon.id, "client_secret", CLIENT_SECRET)
    app_password = "scan-abcd-efgh-ijkl"
    service.add("bluesky", handle="ventalia.bsky.example", app_password=app_password,
                service_url=mini_sandbox.url)
    accounts.add_watch(rt.workspace.store, "ventalia")
    reports = rt.engine.sync_once()
    assert any(r.added for r in reports)

    row = rt.feed.page(FeedFilter(search="48213"))[0]
    rt.replies.send(row.id, "Hola Lucía, lo miramos ahora mismo.", delay=0)
    rt.engine.flush_outbox()
    # A rejected token: its error travels through statuses, logs and the window.
    mini_sandbox.inject_fault("/api/v1/notifications", 401, count=3)
    failed = rt.engine.sync_account(mastodon.id)
    assert failed.error
    rt.workspace.settings.agent_name = "ana"
    rt.workspace.save_settings()

    exports = tmp_path / "exports"
    exports.mkdir()
    flt = FeedFilter(include_spam=True)
    export_to_file(iter_records(rt.workspace.store.db, flt), exports / "all.jsonl", write_jsonl)
    export_to_file(iter_records(rt.workspace.store.db, flt), exports / "all.csv", write_csv)
    backup_now(rt.workspace)

    from console.ui.app import build_console

    console = build_console(rt)
    qtbot.addWidget(console.window)
    console.feed.select_mention(row.id)
    screen = "\n".join(_widget_texts(console.window))
    console.bridge.close()
    shiboken6.delete(console.window)

    rt.workspace.store.db.execute_sql("PRAGMA wal_checkpoint(FULL)")
    logging.getLogger().handlers[-1].flush()
    secrets = _held_secrets(rt)
    assert {MASTODON_TOKEN, CLIENT_SECRET} <= set(secrets.values())
    assert any(key.startswith("bluesky:") and key.endswith(":app_password")
               for key in secrets)
    files = [p for p in rt.workspace.path.rglob("*") if p.is_file()]
    files += [debug_log, *exports.iterdir()]
    assert any(p.parent.name == "backups" for p in files) and debug_log.stat().st_size > 0
    leaks = []
    for name, secret in secrets.items():
        for path in files:
            data = path.read_bytes()
            if any(form in data for form in _forms(secret)):
                leaks.append(f"{name} in {path}")
        if secret in screen:
            leaks.append(f"{name} on screen")
    assert leaks == []

