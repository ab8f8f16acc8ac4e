"""`posventa customers ...`: every action prints what it did; bad ids give one clear line."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.accounts import queries as accounts
from console.app.cli.main import main
from console.app.runtime import open_runtime
from console.sync.ingest import ingest
from tests.builders import make_author, make_post

LUCIA = make_author(1, handle="lucia_mendez@mastodon.example", display_name="Lucía Méndez")
LUCIA_SKY = make_author(2, channel="bluesky", handle="luciamendez.bsky.social",
                        display_name="lucia mendez")
OTHER = make_author(3, handle="tyler_h@toot.example", display_name="Tyler Hughes")


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    folder = tmp_path / "ws"
    rt = open_runtime(folder, memory_secrets=True)
    try:
        account = accounts.add_account(rt.workspace.store, "mastodon", "http://127.0.0.1:9",
                                       handle="ventalia", remote_id="1")
        ingest(rt.workspace.store, rt.triager, account.id,
               [make_post(1, "@ventalia mi pedido 51907 no llega", author=LUCIA),
                make_post(2, "51907 y sigo esperando", author=LUCIA_SKY, channel="bluesky"),
                make_post(3, "hello ventalia", author=OTHER)], None, None, "ventalia", "1")
    finally:
        rt.close()
    return folder


def run(ws: Path, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--workspace", str(ws), "customers", "--agent", "ana", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_list_link_show_tag_vip_note_rename(ws, capsys):
    assert run(ws, capsys, "list")[1].startswith("no customers yet")
    code, out, _ = run(ws, capsys, "suggest", "1")
    assert code == 0 and out.startswith("1 ~ 2\t") and "same display name" in out
    assert "order or case number 51907" in out
    code, out, _ = run(ws, capsys, "link", "1", "2", "--name", "Lucía Méndez")
    assert code == 0
    assert out.strip() == ("created customer 1 “Lucía Méndez”: linked 2 author(s); it has 2 "
                           "account(s): mastodon @lucia_mendez@mastodon.example, bluesky "
                           "@luciamendez.bsky.social")
    assert "tagged customer 1: reembolso" in run(ws, capsys, "tag", "1", "Reembolso")[1]
    assert "customer 1 is now VIP" in run(ws, capsys, "vip", "1", "on")[1]
    code, out, _ = run(ws, capsys, "note", "1", "--text", "Llamar por la tarde")
    assert code == 0 and out.startswith("added note 1 to customer 1 as ana")
    assert "edited note 1" in run(ws, capsys, "note", "--edit", "1", "--text", "Llamar a las 17")[1]
    assert "is now “Lucía M.”" in run(ws, capsys, "rename", "1", "Lucía M.")[1]
    code, out, _ = run(ws, capsys, "show", "1")
    assert code == 0
    assert out.startswith("customer 1: Lucía M.  ★ VIP")
    assert "bluesky @luciamendez.bsky.social" in out and "tags: reembolso" in out
    assert "note 1 by ana" in out and "Llamar a las 17" in out
    assert "2 post(s)" in out and "history (newest first):" in out
    assert "  reach, as each network reports it, from their 2 stored post(s):" in out
    assert "    bluesky: 20 followers; no reach reported (1 post(s))" in out
    assert "  mood per week: " in out
    assert "1\t★ Lucía M.\t" in run(ws, capsys, "list", "--search", "LUCIA")[1]
    assert run(ws, capsys, "show", "--author", "3")[1].startswith("author 3 (no customer)")
    assert "unlinked author 2 from customer 1" in run(ws, capsys, "unlink", "2")[1]
    assert "removed from customer 1: reembolso" in run(ws, capsys, "tag", "1", "reembolso",
                                                      "--remove")[1]
    assert "deleted note 1" in run(ws, capsys, "note", "--delete", "1")[1]


def test_merge_asks_first_and_unmerge_restores(ws, capsys, monkeypatch):
    run(ws, capsys, "link", "1", "2")
    run(ws, capsys, "link", "3")
    monkeypatch.setattr("builtins.input", lambda _prompt: "n")
    code, out, _ = run(ws, capsys, "merge", "1", "2")
    assert code == 1
    assert "Customer 2 “Tyler Hughes” will be merged into customer 1" in out
    assert "1 account(s) move: mastodon @tyler_h@toot.example" in out
    assert "nothing changed" in out
    monkeypatch.setattr("builtins.input", lambda _prompt: "y")
    code, out, _ = run(ws, capsys, "merge", "1", "2")
    assert code == 0 and "merged customer 2 into 1 (merge #1;" in out
    assert "tyler_h" in run(ws, capsys, "show", "1")[1]
    listed = run(ws, capsys, "merges")[1]
    assert listed.startswith("#1\t") and "in force" in listed
    code, out, _ = run(ws, capsys, "unmerge", "1")
    assert code == 0
    assert out.strip() == ("undid merge #1: customer 2 “Tyler Hughes” is back with its 1 "
                           "account(s) and 0 note(s)")
    assert "tyler_h" not in run(ws, capsys, "show", "1")[1]
    code, out, _ = run(ws, capsys, "merge", "2", "1", "--yes")
    assert code == 0 and "merge #2" in out


@pytest.mark.parametrize(("args", "message"), [
    (("show", "999"), "posventa: There is no customer 999.\n"),
    (("unlink", "999"), "posventa: There is no author 999.\n"),
    (("link", "1", "--to", "42"), "posventa: There is no customer 42.\n"),
    (("merge", "1", "1", "--yes"), "posventa: A customer cannot be merged into itself.\n"),
    (("merge", "1", "2", "--yes"), "posventa: There is no customer 1.\n"),
    (("unmerge", "7"), "posventa: There is no merge #7.\n"),
    (("note", "--edit", "5", "--text", "x"), "posventa: There is no customer note 5.\n"),
    (("vip", "8", "on"), "posventa: There is no customer 8.\n"),
    (("suggest", "1", "--accept", "99"), "posventa: There is no pair of authors 1 and 99.\n"),
])
def test_bad_ids_give_one_clear_line(ws, capsys, args, message):
    code, out, err = run(ws, capsys, *args)
    assert code == 1 and err == message and out == ""


def test_suggest_accept_and_reject(ws, capsys):
    code, out, _ = run(ws, capsys, "suggest", "1", "--reject", "2")
    assert code == 0 and "will not be suggested together again" in out
    assert run(ws, capsys, "suggest", "1")[1].strip() == "no suggestions"
    assert run(ws, capsys, "suggest")[1].strip() == "no suggestions"
    code, out, _ = run(ws, capsys, "suggest", "1", "--accept", "2")
    assert code == 0 and out.strip() == "linked authors 1 and 2 as customer 1 (new)"
