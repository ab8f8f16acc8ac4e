"""File > Team database…: connect with the address, copy the data with a progress bar,
disconnect; a fault is one plain sentence in the dialog."""

from __future__ import annotations

import json

import psycopg

from console.ui.team_dialog import TeamDialog
from tests.team.conftest import local_workspace


def _settings(folder):
    return json.loads((folder / "settings.json").read_text())


def test_connect_migrate_and_disconnect_from_the_dialog(qtbot, tmp_path, team_url):
    folder = local_workspace(tmp_path / "ws", posts=7)
    dialog = TeamDialog(folder)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "its own database" in dialog.state.text(), timeout=10_000)
    assert not dialog.migrate_button.isEnabled()
    dialog.url.setText(team_url)
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: "opens the team database" in dialog.message.text(), timeout=15_000)
    assert _settings(folder)["team_url"] == team_url
    qtbot.waitUntil(dialog.migrate_button.isEnabled, timeout=10_000)
    seen: list[int] = []
    dialog.progress.valueChanged.connect(seen.append)
    dialog.migrate_button.click()
    qtbot.waitUntil(lambda: "Copied" in dialog.message.text(), timeout=20_000)
    assert seen and max(seen) > 0  # the bar moved
    with psycopg.connect(team_url) as con:
        assert con.execute("SELECT count(*) FROM mention").fetchone()[0] == 7
    qtbot.waitUntil(dialog.disconnect_button.isEnabled, timeout=10_000)
    dialog.disconnect_button.click()
    qtbot.waitUntil(lambda: "Disconnected" in dialog.message.text(), timeout=10_000)
    assert _settings(folder)["team_url"] == ""


def test_an_unreachable_server_is_one_plain_sentence(qtbot, tmp_path):
    folder = local_workspace(tmp_path / "ws", posts=1)
    dialog = TeamDialog(folder)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.connect_button.isEnabled, timeout=10_000)
    dialog.url.setText("postgresql://someone@127.0.0.1:9/nowhere")
    dialog.password.setText("<b>secret</b>")
    dialog.connect_button.click()
    assert dialog.password.text() == ""  # not kept in the window
    qtbot.waitUntil(lambda: "cannot be reached" in dialog.message.text(), timeout=15_000)
    assert dialog.message.textFormat().name == "PlainText"
    assert "secret" not in dialog.message.text()
    assert _settings(folder).get("team_url", "") == ""
