"""``posventa rules`` and ``posventa corrections`` through console.app.cli.main.main, in process."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from console.accounts import queries as accounts
from console.app.cli.main import main
from console.app.runtime import open_runtime
from console.store.timeutil import utcnow
from console.sync.ingest import ingest
from tests.builders import make_author, make_post


@pytest.fixture
def ws(tmp_path, monkeypatch):
    monkeypatch.setattr("console.app.secrets.SecretStore._probe", lambda self: None)
    return tmp_path / "ws"


def cli(ws, capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["--workspace", str(ws), *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_rules_round_trip(ws, capsys, tmp_path):
    code, out, _ = cli(ws, capsys, "rules", "list")
    assert code == 0 and "no rules yet" in out
    code, out, err = cli(ws, capsys, "rules", "add", "Legal", "--if", "keyword=abogado,profeco",
                         "--unless", "followers_at_least=100000", "--then", "tag=legal",
                         "--then", "set_priority=95", "--stop")
    assert code == 0, err
    assert out.startswith("added 1. [1] Legal: if keyword: abogado,profeco and not followers "
                          "at least 100000 then tag legal, set priority 95; stop")
    assert cli(ws, capsys, "rules", "add", "Spam", "--any", "--if", "keyword=crypto",
               "--if", "author_in=precios_bot", "--then", "hide_spam", "--position", "1")[0] == 0
    code, out, _ = cli(ws, capsys, "rules", "list")
    assert [line.split(":")[0] for line in out.splitlines()] == ["1. [2] Spam", "2. [1] Legal"]
    assert "keyword: crypto or author in: precios_bot" in out

    moved = cli(ws, capsys, "rules", "move", "legal", "1")[1]
    assert moved == "moved rule 1 (Legal) to position 1\n"
    assert "is now off" in cli(ws, capsys, "rules", "disable", "2")[1]
    code, out, _ = cli(ws, capsys, "rules", "test", "Voy a ir a la PROFECO por mi pedido",
                       "--lang", "es")
    assert code == 0 and "fires: Legal" in out and "then: tag legal, priority 95" in out
    code, out, _ = cli(ws, capsys, "rules", "test", "hola", "--lang", "es")
    assert "no rule fires" in out

    target = tmp_path / "rules.json"
    code, out, _ = cli(ws, capsys, "rules", "export", str(target))
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert [r["name"] for r in exported] == ["Legal", "Spam"] and not exported[1]["enabled"]
    assert cli(ws, capsys, "rules", "remove", "Legal")[1] == "removed rule 1 (Legal)\n"
    assert cli(ws, capsys, "rules", "remove", "Spam")[0] == 0
    code, out, _ = cli(ws, capsys, "rules", "import", str(target))
    assert code == 0 and "imported 2 rules" in out
    code, out, _ = cli(ws, capsys, "rules", "export")
    assert json.loads(out) == exported


@pytest.mark.parametrize("argv, message", [
    (["add", "X", "--if", "keyword", "--then", "tag=x"], "Write each condition as KIND=VALUE"),
    (["add", "X", "--if", "weather=rain", "--then", "tag=x"], "Unknown rule condition 'weather'"),
    (["add", "X", "--then", "set_priority=300"], "The set_priority action needs a whole number"),
    (["add", "X", "--if", "keyword=x"], "A rule needs at least one --then"),
    (["remove", "nope"], "There is no rule 'nope'."),
    (["move", "7", "1"], "There is no rule '7'."),
    (["import", "/nonexistent/rules.json"], "There is no file"),
])
def test_rules_bad_input_is_one_line(ws, capsys, argv, message):
    code, out, err = cli(ws, capsys, "rules", *argv)
    assert code == 1 and out == ""
    assert err.startswith("posventa rules: ") and message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def _seed(ws) -> list[int]:
    rt = open_runtime(ws, memory_secrets=True)
    try:
        account = accounts.add_account(rt.workspace.store, "mastodon", "http://127.0.0.1:9",
                                       handle="ventalia", remote_id="1")
        now = utcnow() - timedelta(minutes=3)
        posts = [make_post(1, "el repartidor tocó el timbre a las 6 de la mañana",
                           created_at=now),
                 make_post(2, "mi reembolso no llega, voy a poner una queja",
                           author=make_author(2), created_at=now)]
        return ingest(rt.workspace.store, rt.triager, account.id, posts, None, None,
                      "ventalia", "1").added
    finally:
        rt.close()


def test_rules_apply_and_corrections(ws, capsys):
    first, second = _seed(ws)
    cli(ws, capsys, "rules", "add", "Refunds", "--if", "keyword=reembolso", "--then",
        "tag=billing", "--then", "close")
    code, out, _ = cli(ws, capsys, "rules", "apply")
    assert code == 0 and "ran the rules on 2 open mentions; 1 changed" in out
    code, out, _ = cli(ws, capsys, "feed", "--status", "closed")
    assert out.splitlines()[1].startswith(f"{second}\t")  # under the header row

    code, out, err = cli(ws, capsys, "corrections", "add", str(first), "is_complaint", "yes")
    assert code == 0, err
    assert f"mention {first}: es" in out and "model learned from 1 correction;" in out
    code, out, _ = cli(ws, capsys, "corrections", "list")
    assert out.startswith("1 correction stored; the model learned from 1")
    assert "is_complaint: no -> yes" in out
    code, out, _ = cli(ws, capsys, "corrections", "reset")
    assert "back to the shipped model (it had learned from 1 correction;" in out
    assert "[forgotten by a reset]" in cli(ws, capsys, "corrections", "list")[1]
    code, _, err = cli(ws, capsys, "corrections", "add", "999", "spam", "yes")
    assert code == 1 and err == "posventa corrections: There is no mention 999.\n"
    code, _, err = cli(ws, capsys, "corrections", "add", str(first), "spam", "maybe")
    assert code == 1 and err == "posventa corrections: 'maybe' is not yes or no.\n"
    code, out, _ = cli(ws, capsys, "retriage")
    assert code == 0 and "re-scored 2 mentions" in out
