"""`posventa cases ...` as an agent types it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from console.accounts import queries as accounts
from console.app.cli.main import main
from console.app.runtime import open_runtime
from console.sync.ingest import ingest
from tests.builders import make_author, make_post

ROOT = Path(__file__).resolve().parents[2]
COMPLAINT = "@ventalia me cobraron dos veces y nadie responde, quiero el reembolso ya"


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    """A workspace holding a complaint (its case opened by intake) and a calm post."""
    folder = tmp_path / "ws"
    rt = open_runtime(folder, memory_secrets=True)
    try:
        account = accounts.add_account(rt.workspace.store, "mastodon", "http://127.0.0.1:9",
                                       handle="ventalia", remote_id="1")
        ingest(rt.workspace.store, rt.triager, account.id,
               [make_post(1, COMPLAINT, author=make_author(1)),
                make_post(2, "hola, ¿qué tal el nuevo catálogo?", author=make_author(2))],
               None, None, "ventalia", "1")
    finally:
        rt.close()
    return folder


def cases(ws: Path, capsys, *args: str, agent: str = "ana") -> tuple[int, str, str]:
    code = main(["--workspace", str(ws), "cases", "--agent", agent, *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_an_agent_works_a_case_from_the_command_line(ws, capsys):
    code, out, _ = cases(ws, capsys, "list")
    assert code == 0 and out.startswith("1\tnew\t") and "unassigned" in out
    assert cases(ws, capsys, "list", "--queue", "unassigned")[1].startswith("1\t")
    assert "no cases in the mine queue" in cases(ws, capsys, "list", "--queue", "mine")[1]

    assert cases(ws, capsys, "claim", "1")[1] == "case 1 claimed by ana\n"
    code, _, err = cases(ws, capsys, "claim", "1", agent="bruno")
    assert code == 1 and "claimed by ana" in err and "--take-over" in err
    assert cases(ws, capsys, "claim", "1", "--take-over", agent="bruno")[0] == 0

    assert "assigned to ana" in cases(ws, capsys, "assign", "1", "ana")[1]
    assert cases(ws, capsys, "list", "--queue", "mine")[1].startswith("1\tnew\t")
    assert cases(ws, capsys, "tag", "1", "Facturación")[0] == 0
    assert cases(ws, capsys, "note", "1", "Pedir el número de pedido")[0] == 0
    assert cases(ws, capsys, "status", "1", "waiting")[1] == "case 1 is waiting\n"
    assert cases(ws, capsys, "list", "--queue", "waiting")[1].startswith("1\twaiting")
    assert cases(ws, capsys, "priority", "1", "85")[0] == 0
    assert cases(ws, capsys, "close", "1")[1] == "case 1 is closed\n"

    code, out, _ = cases(ws, capsys, "show", "1")
    assert code == 0
    assert "state closed, priority 85" in out and "tags: facturación" in out
    assert "note" in out and "Pedir el número de pedido" in out
    for line in ("takeover", "assignee", "tag", "status", "priority"):
        assert f"  {line}  " in out
    assert "bruno  takeover  ana -> bruno" in out

    code, out, _ = cases(ws, capsys, "open", "2")
    assert code == 0 and out.startswith("opened case 2 with 1 mention(s), claimed by ana")


def test_mistakes_are_one_sentence_and_exit_1(ws, capsys):
    code, _out, err = cases(ws, capsys, "status", "1", "new")
    assert code == 1 and err == "posventa: case 1 is already new\n"
    assert cases(ws, capsys, "show", "42")[2] == "posventa: there is no case 42\n"
    code, _, err = cases(ws, capsys, "open", "1")
    assert code == 1 and "already in case 1" in err
    code, _, err = cases(ws, capsys, "sla", "--set", "mon=18:00-09:00")
    assert code == 1 and "before the closing time" in err and "Traceback" not in err


def test_sla_settings_are_shared_through_the_database(ws, capsys):
    code, out, _ = cases(ws, capsys, "sla")
    assert code == 0 and "timezone Europe/Madrid" in out and "mon 09:00-18:00" in out
    code, out, _ = cases(ws, capsys, "sla", "--set", "timezone=America/Mexico_City",
                         "--set", "sat=10:00-14:00", "--set", "urgent=30m/4h",
                         "--set", "holidays=2026-12-25,2027-01-01")
    assert code == 0
    assert "timezone America/Mexico_City" in out and "sat 10:00-14:00" in out
    assert "urgent (priority >= 80): first response 30 min, resolution 240 min" in out
    assert "holidays 2026-12-25, 2027-01-01" in out
    rt = open_runtime(ws, memory_secrets=True)  # another console on the same database
    try:
        policy = rt.cases.policy()
        assert policy.hours.zone == "America/Mexico_City"
        assert policy.target_for(90).first_response == 30
    finally:
        rt.close()


def test_a_real_process_reports_errors_on_stderr(ws):
    env = dict(os.environ, PYTHONPATH=str(ROOT), POSVENTA_WORKSPACE=str(ws),
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    done = subprocess.run([sys.executable, "-m", "console", "cases", "--agent", "ana",
                           "assign", "7", "ana"], text=True, capture_output=True, env=env,
                          timeout=60)
    assert done.returncode == 1
    assert done.stderr == "posventa: there is no case 7\n"
