"""Canned reply bodies: variables, filling, escaped braces, stacking, names and orders."""

from __future__ import annotations

from console.cases import canned_text as ct


def test_variables_are_listed_once_in_order_of_use():
    body = "Hola {nombre}, soy {agente}. {nombre}, tu pedido {numero_pedido} sale en {dias} días."
    assert ct.variables(body) == ["nombre", "agente", "numero_pedido", "dias"]


def test_missing_lists_variables_without_a_value():
    body = "Hola {nombre}, tu pedido {numero_pedido} sale el {fecha}."
    assert ct.missing(body, {"nombre": "Lucía", "numero_pedido": "  "}) == [
        "numero_pedido", "fecha"]


def test_fill_replaces_known_values_and_keeps_the_rest_visible():
    body = "Hola {nombre}, tu pedido {numero_pedido} sale el {fecha}."
    assert ct.fill(body, {"nombre": "Lucía", "numero_pedido": "48213"}) == (
        "Hola Lucía, tu pedido 48213 sale el {fecha}.")


def test_doubled_braces_are_literal_and_never_variables():
    body = "Escribe {{nombre}} tal cual, {nombre}; un emoticono :-{ y }} sueltos."
    assert ct.variables(body) == ["nombre"]
    assert ct.fill(body, {"nombre": "Ana"}) == (
        "Escribe {nombre} tal cual, Ana; un emoticono :-{ y } sueltos.")
    assert ct.fill(ct.escape("a {b} c"), {"b": "X"}) == "a {b} c"


def test_a_value_with_braces_is_not_filled_again():
    assert ct.fill("Hola {nombre}", {"nombre": "{agente}"}) == "Hola {agente}"


def test_english_aliases_use_the_same_values():
    assert ct.fill("Hi {name}, {agent} here", {"nombre": "Ana", "agente": "Luis"}) == (
        "Hi Ana, Luis here")
    assert ct.missing("order {order_number}", {"numero_pedido": "A-1234"}) == []


def test_stacking_joins_paragraphs_and_shares_greeting_and_sign_off():
    first = "Hola {nombre},\n\nsentimos el retraso.\n\nUn saludo, {agente}"
    second = "Hola {nombre},\n\nel reembolso ya está en camino.\n\nUn saludo, {agente}"
    assert ct.stack([first, second]) == (
        "Hola {nombre},\n\nsentimos el retraso.\n\nel reembolso ya está en camino."
        "\n\nUn saludo, {agente}")


def test_stacking_different_pieces_keeps_them_all_in_order():
    assert ct.stack(["Hola {nombre}.", "  ", "Gracias por avisar.\n\n\n", "Un saludo"]) == (
        "Hola {nombre}.\n\nGracias por avisar.\n\nUn saludo")
    assert ct.stack([]) == ""


def test_hidden_characters_never_reach_the_greeting():
    assert ct.first_name("\u200b\u2060Ana\u200d\ufeff María") == "Ana"
    assert ct.first_name("", "@\u200bana\u200c\u2060@social.example") == "ana"
    assert ct.first_name("\u202eanA") == "anA"


def test_first_name_from_display_names_people_really_use():
    assert ct.first_name("Lucía Méndez", "lucia_mdz") == "Lucía"
    assert ct.first_name("Marta 🌵") == "Marta"
    assert ct.first_name("🌵🌵", "pedro@social.example") == "pedro"
    assert ct.first_name("", "@ana") == "ana"
    hostile = '<b style="color:red">[VERIFIED STAFF]</b> \u202eadmin'
    name = ct.first_name(hostile, "staff")
    assert "<" not in name and "\u202e" not in name and name == "VERIFIED"


def test_order_number_is_found_next_to_words_that_say_so():
    assert ct.order_number(["mi pedido 48213 lleva 9 días"]) == "48213"
    assert ct.order_number(["order #a-99812 never came"]) == "A-99812"
    assert ct.order_number(["pedido nº 5521, ayuda"]) == "5521"
    assert ct.order_number(["llamadme al 600123456", "el pedido número 77120"]) == "77120"
    assert ct.order_number(["sin número aquí", "cuesta 25 euros"]) == ""
