"""The canned reply library: CRUD, unique shortcuts, search, starter library, values."""

from __future__ import annotations

import pytest

from console.cases import canned
from console.cases.canned import CannedError
from tests.builders import make_author, make_post


def test_the_starter_library_is_loaded_on_first_use_of_an_empty_library(runtime):
    service = runtime.canned
    library = service.entries()
    shortcuts = {c.shortcut for c in library}
    assert {"envio", "privado", "reembolso", "delay", "refund"} <= shortcuts
    assert {c.lang for c in library} == {"es", "en"}
    assert all(c.body.strip() and c.name for c in library)
    # Emptied by the team, it stays empty (no re-seeding behind their back).
    for item in library:
        service.remove(item.id)
    fresh = canned.CannedService(runtime.workspace.store, runtime.workspace.settings)
    assert fresh.entries() == []
    assert fresh.seed(force=True) == len(library)


def test_add_edit_remove_and_shortcut_rules(runtime):
    service = runtime.canned
    service.seed()
    item = service.add("Retraso Brisa", "/Brisa-1", "Hola {nombre}, tu Brisa sale hoy.", "es")
    assert item.shortcut == "brisa-1" and item.variables == ["nombre"]
    assert service.get("/brisa-1") == item and service.get(item.id) == item
    with pytest.raises(CannedError, match="already used by “Retraso Brisa”"):
        service.add("Otra", "brisa-1", "x")
    with pytest.raises(CannedError, match="not a usable shortcut"):
        service.add("Otra", "con espacio", "x")
    with pytest.raises(CannedError, match="needs a body"):
        service.add("Vacía", "vacia", "  \n")
    changed = service.update(item.id, body="Hola {nombre}, sale mañana.", shortcut="brisa")
    assert changed.shortcut == "brisa" and changed.body.endswith("mañana.")
    with pytest.raises(CannedError, match="already used"):
        service.update(item.id, shortcut="envio")
    assert service.remove(item.id)
    assert service.get("brisa") is None
    assert not service.remove(item.id)


def test_search_by_shortcut_name_and_language(runtime):
    service = runtime.canned
    found = service.search("/env")
    assert found[0].shortcut == "envio"
    assert [c.shortcut for c in service.search("Retras")] == ["envio"]  # a word of the name
    assert service.search("ENVÍO")[0].shortcut == "envio"  # case and accents do not matter
    assert [c.shortcut for c in service.search("reembolso")] == ["reembolso"]
    english = service.search("", lang="en")
    assert english and all(c.lang == "en" for c in english)
    assert service.search("zzz-nothing") == []


def test_values_for_a_mention_come_from_the_author_settings_and_thread(
        runtime, store_posts):
    runtime.workspace.settings.agent_name = "Inés"
    lucia = make_author(7, display_name="Lucía Méndez", handle="lucia_mdz")
    root = make_post(1, "@ventalia mi pedido 48213 lleva 9 días", author=lucia)
    follow = make_post(2, "@ventalia sigo sin respuesta", author=lucia, in_reply_to="1",
                       thread_root="1")
    ids = store_posts([root, follow])
    values = runtime.canned.values_for(ids[1])
    assert values == {"agente": "Inés", "nombre": "Lucía", "numero_pedido": "48213"}
    rendered = runtime.canned.render("Hola {nombre}, pedido {numero_pedido}. {dias} días.",
                                     ids[1], {"dias": "3"})
    assert rendered.text == "Hola Lucía, pedido 48213. 3 días." and rendered.missing == []
    assert runtime.canned.render("{fecha}", ids[1]).missing == ["fecha"]
