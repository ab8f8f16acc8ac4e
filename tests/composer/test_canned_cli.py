"""`posventa canned ...` and `posventa outbox ...` as a user types them."""

from __future__ import annotations

import pytest

from console.app.cli.main import main
from console.feed.queries import FeedFilter


@pytest.fixture
def ws(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    return str(tmp_path / "ws")


def cli(ws: str, *args: str) -> int:
    return main(["--workspace", ws, *args])


def test_canned_list_add_show_edit_render_remove(ws, capsys):
    assert cli(ws, "canned", "list", "--lang", "en") == 0
    out = capsys.readouterr().out
    assert "/delay" in out and "/envio" not in out  # the starter library, English only
    assert cli(ws, "canned", "add", "--name", "Talla", "--shortcut", "talla", "--lang", "es",
               "--body", "Hola {nombre}, la talla {talla} vuelve el {fecha}. {{sin}} más") == 0
    assert "added /talla" in capsys.readouterr().out
    assert cli(ws, "canned", "show", "/talla") == 0
    shown = capsys.readouterr().out
    assert "variables: {nombre}, {talla}, {fecha}" in shown
    assert cli(ws, "canned", "edit", "talla", "--name", "Tallas agotadas") == 0
    capsys.readouterr()
    assert cli(ws, "canned", "render", "talla", "--var", "nombre=Ana", "--var", "talla=M",
               "--var", "fecha=lunes") == 0
    assert capsys.readouterr().out == "Hola Ana, la talla M vuelve el lunes. {sin} más\n"
    assert cli(ws, "canned", "remove", "talla") == 0
    assert cli(ws, "canned", "show", "talla") == 1
    assert "there is no canned reply 'talla'" in capsys.readouterr().err


def test_render_stacks_and_names_what_is_missing(ws, capsys):
    assert cli(ws, "canned", "render", "hola", "cierre", "--var", "agente=Inés") == 1
    captured = capsys.readouterr()
    assert captured.out == ("Hola {nombre}, soy Inés, del equipo de atención de Ventalia.\n\n"
                            "Si necesitas algo más, aquí estamos. Un saludo, Inés\n")
    assert captured.err == "posventa: no value for nombre: add --var nombre=...\n"


def test_canned_errors_are_one_line(ws, capsys):
    assert cli(ws, "canned", "add", "--name", "x", "--shortcut", "envio", "--body", "y") == 1
    assert capsys.readouterr().err == (
        "posventa: the shortcut /envio is already used by “Envío retrasado”\n")
    assert cli(ws, "canned", "render", "envio", "--var", "oops") == 1
    assert "is not NAME=VALUE" in capsys.readouterr().err


def test_outbox_commands(connected, capsys, monkeypatch):
    rt = connected
    ws = str(rt.workspace.path)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    rt.engine.sync_once()
    mention = rt.feed.page(FeedFilter(search="48213"))[0].id
    reply = rt.replies.send(mention, "Respuesta en cola", delay=60)
    assert cli(ws, "outbox", "list") == 0
    assert f"{reply.id}\t" in capsys.readouterr().out
    assert cli(ws, "outbox", "cancel", str(reply.id)) == 0
    assert "draft again" in capsys.readouterr().out
    assert cli(ws, "outbox", "cancel", str(reply.id)) == 1
    assert "only a queued reply" in capsys.readouterr().err
    assert cli(ws, "outbox", "delay", "7") == 0
    assert "wait 7 s" in capsys.readouterr().out
    assert cli(ws, "outbox", "retry", str(reply.id)) == 1
    assert "not failed" in capsys.readouterr().err
