"""`posventa cases list` puts the most urgent case first: priority, then the due time."""

from __future__ import annotations

from pathlib import Path

from console.accounts import queries as accounts
from console.app.cli.main import main
from console.app.runtime import open_runtime
from console.cases.cases import reply_sent
from console.store.timeutil import utcnow
from console.sync.ingest import ingest
from tests.builders import make_author, make_post

COMPLAINTS = ("@ventalia me cobraron dos veces y nadie responde, quiero el reembolso ya",
              "@ventalia el pedido llegó roto y nadie contesta, quiero la devolución",
              "@ventalia tres semanas sin mi pedido, esto es una estafa, quiero el dinero")


def cases(ws: Path, capsys, *args: str) -> str:
    assert main(["--workspace", str(ws), "cases", "--agent", "ana", *args]) == 0
    return capsys.readouterr().out


def test_list_sorts_by_priority_then_due_time(tmp_path, capsys):
    ws = tmp_path / "ws"
    open_runtime(ws, memory_secrets=True).close()
    # The same targets for every tier: a lower priority is not also a later due time.
    cases(ws, capsys, "sla", *(f"--set={tier}=4h/8h"
                               for tier in ("urgent", "high", "normal", "low")))
    rt = open_runtime(ws, memory_secrets=True)
    try:
        account = accounts.add_account(rt.workspace.store, "mastodon", "http://127.0.0.1:9",
                                       handle="ventalia", remote_id="1")
        ingest(rt.workspace.store, rt.triager, account.id,
               [make_post(n, text, author=make_author(n))
                for n, text in enumerate(COMPLAINTS, 1)], None, None, "ventalia", "1")
    finally:
        rt.close()
    ids = sorted(int(line.split("\t")[0]) for line in cases(ws, capsys, "list").splitlines())
    assert len(ids) == 3
    low, first, second = ids
    cases(ws, capsys, "priority", str(low), "20")
    cases(ws, capsys, "priority", str(first), "90")
    cases(ws, capsys, "priority", str(second), "90")
    rt = open_runtime(ws, memory_secrets=True)
    try:  # `second` was answered: only its resolution, due later, is still running
        mention = rt.cases.require(second).mention_ids[0]
        reply_sent(rt.workspace.store.db, mention, 1, "ana", utcnow())
    finally:
        rt.close()
    out = cases(ws, capsys, "list").splitlines()
    assert [int(line.split("\t")[0]) for line in out] == [first, second, low], "\n".join(out)
