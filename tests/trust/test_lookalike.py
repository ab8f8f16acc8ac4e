"""Authors who imitate the brand's accounts are flagged, with the reason in plain words."""

from __future__ import annotations

import pytest

from console.trust.lookalike import BrandIdentity, brands_from_accounts, check, skeleton

BRAND = BrandIdentity("mastodon", "ventalia", "Ventalia Atención al Cliente", "1",
                      "social.ventalia.example")


def flag(handle: str, name: str = "Ana", remote_id: str = "99"):
    return check("mastodon", remote_id, handle, name, [BRAND])


@pytest.mark.parametrize("handle", [
    "ventaIia@mastodon.example",  # capital i for l
    "venta1ia@mastodon.example",  # digit one for l
    "v3ntalia",  # digit three for e
    "ventalía@x.example",  # an accent
    "vеntаliа@x.example",  # Cyrillic е and а
    "ventαlia@x.example",  # Greek alpha
    "ventalia_@x.example",  # an extra underscore
    "venta_lia@x.example",
    "ventallia@x.example",  # a doubled letter
    "ven\u200btalia@x.example",  # a zero-width space
    "ｖｅｎｔａｌｉａ@x.example",  # full-width letters
    "ventalia@evil.example",  # the same name on another server
    "ventalia_support@x.example",
    "soporte_ventalia@x.example",
    "ventaliaoficial@x.example",
])
def test_lookalike_handles_are_flagged(handle):
    found = flag(handle)
    assert found is not None, handle
    assert found.brand == BRAND
    assert found.warning.startswith("Possible impersonator: ")


@pytest.mark.parametrize(("name", "why"), [
    ("Ventaliа Atención al Cliente", "Cyrillic a"),  # the Cyrillic а of the sample impostor
    ("VENTALIA ATENCIÓN AL CLIENTE", ""),
    ("Ventalia Atención al Cliente", "own name"),
    ("Soporte Ventalia", ""),
    ("Ventalia \u202eSupport", ""),  # an RTL override hidden in the name
])
def test_lookalike_display_names_are_flagged(name, why):
    found = flag("someone@x.example", name)
    assert found is not None, name
    assert why in found.reason


@pytest.mark.parametrize(("handle", "name"), [
    ("ventalia", "Ventalia Atención al Cliente"),  # the brand itself, local handle
    ("ventalia@social.ventalia.example", "Ventalia"),  # the brand with its server
    ("lucia_mendez@mastodon.example", "Lucía Méndez"),
    ("ana@x.example", "Odio a Ventalia"),  # a customer naming the brand is no impostor
    ("ana@x.example", "Fan de Ventalia y de Brisa"),
    ("venta@x.example", "Ventas Ana"),
    ("vent@x.example", "Ana 🌵👩‍👩‍👧‍👦"),
])
def test_customers_and_the_brand_itself_are_not_flagged(handle, name):
    assert flag(handle, name) is None


def test_the_brand_account_is_recognised_by_its_remote_id():
    assert check("mastodon", "1", "ventaIia", "Ventalia", [BRAND]) is None
    # ...but only on its own network
    assert check("bluesky", "1", "ventaIia", "Ventalia", [BRAND]) is not None


def test_the_reason_names_the_swapped_characters():
    assert "capital I for l" in flag("ventaIia@m.example").reason
    assert "the digit 0 for o" in check(
        "mastodon", "9", "b0rja@x.example", "", [BrandIdentity("mastodon", "borja", "")]).reason
    assert "Cyrillic" in flag("ventaliа@x.example").reason
    assert "hidden characters" in flag("venta\u200dlia@x.example").reason


def test_skeleton_folds_lookalikes_to_one_form():
    assert {skeleton(s) for s in ("VentaIia", "V3NTAL1A", "ｖｅｎｔａｌｉａ", "vеntаliа",
                                  "venta_lia", "ventallia", "ven\u200btalia")} == {"ventala"}
    assert skeleton("modern") == skeleton("modem")  # rn reads as m
    assert skeleton("") == ""


def test_brands_come_from_stored_accounts(runtime):
    from console.accounts import queries as accounts

    accounts.add_account(runtime.workspace.store, "mastodon", "https://social.example",
                         handle="ventalia", display_name="Ventalia", remote_id="7")
    accounts.add_account(runtime.workspace.store, "mastodon", "https://other.example")
    brands = brands_from_accounts(accounts.list_accounts(runtime.workspace.store))
    assert brands == [BrandIdentity("mastodon", "ventalia", "Ventalia", "7", "social.example")]
