"""Scoring pairs of profiles: realistic look-alikes score high, homonyms stay weak."""

from __future__ import annotations

import pytest

from console.people import evidence, names
from console.people.evidence import MIN_CONFIDENCE, Profile


def profile(n: int, handle: str, name: str, channel: str = "mastodon", url: str = "",
            bio: str = "", fields: tuple = ()) -> Profile:
    return Profile(n, channel, handle, name, url, bio, fields)


def conf(a: Profile, b: Profile, **kw) -> tuple[float, set[str]]:
    value, reasons = evidence.score(a, b, **kw)
    return value, {r.code for r in reasons}


@pytest.mark.parametrize(("one", "other"), [
    ("Lucía Méndez", "lucia mendez"),
    ("Lucía Méndez", "LUCÍA MÉNDEZ"),
    ("Jo\u200bsé Ma\u200cría Ortega", "José María Ortega"),  # invisible characters
    ("Camila Rojas 🌵", "Camila Rojas"),
    ("Ana Belén Pizarro", "Ana Belen Pizarro"),
])
def test_same_name_with_accents_case_and_decoration(one, other):
    a = profile(1, "lmendez@mastodon.example", one)
    b = profile(2, "someone.bsky.social", other, channel="bluesky")
    reasons = evidence.name_reasons(a, b)
    assert [r.code for r in reasons] == ["name"]
    assert reasons[0].weight == evidence.W_NAME


@pytest.mark.parametrize(("nick", "full"), [
    ("Pepe Ortuño", "José Ortuño"), ("Paco Villalba", "Francisco Villalba"),
    ("Bob Fairweather", "Robert Fairweather"), ("Lupe Hernández", "Guadalupe Hernández"),
    ("Javi Ortuño", "Javier Ortuño"), ("Nacho Soler", "Ignacio Soler"),
])
def test_nicknames_count_as_the_same_given_name(nick, full):
    reasons = evidence.name_reasons(profile(1, "a", nick), profile(2, "b", full))
    assert [r.code for r in reasons] == ["nickname"]
    assert reasons[0].weight == evidence.W_NICKNAME


def test_a_name_as_a_handle_with_underscores_and_a_number():
    person = profile(1, "marta_villalba82@social.example", "Marta Villalba")
    handle_only = profile(2, "Marta_Villalba_82.bsky.social", "", channel="bluesky")
    value, codes = conf(person, handle_only)
    assert "handle" in codes or "handle_name" in codes
    assert value >= MIN_CONFIDENCE
    assert names.handle_key("Marta_Villalba_82.bsky.social") == "martavillalba"


def test_realistic_pair_with_website_and_handles_is_strong():
    a = profile(1, "lucia_mendez@mastodon.example", "Lucía Méndez",
                url="https://mastodon.example/@lucia_mendez",
                fields=(("Web", "https://luciamendez.example", True),))
    b = profile(2, "luciamendez.bsky.social", "lucia mendez", channel="bluesky",
                bio="Profe. Más en luciamendez.example/")
    value, codes = conf(a, b)
    assert {"name", "handle", "website"} <= codes
    assert value > 0.8


def test_homonyms_alone_stay_below_the_suggestion_threshold():
    # A very common name, two unrelated handles, nothing else in common.
    a = profile(1, "mgarcia_bcn@mastodon.example", "María García")
    b = profile(2, "mariag77.bsky.social", "Maria Garcia", channel="bluesky")
    value, reasons = evidence.score(a, b)
    assert "name" in {r.code for r in reasons}
    assert all("common name" in r.text or r.weight <= 0.15 for r in reasons)
    assert value < MIN_CONFIDENCE
    # An uncommon name is a reason, but when many accounts share it, it is weak again.
    c = profile(3, "x1@a.example", "Fermín Azcárate")
    d = profile(4, "x2@b.example", "Fermin Azcarate")
    assert conf(c, d)[0] >= MIN_CONFIDENCE
    assert conf(c, d, homonyms=evidence.HOMONYMS)[0] < MIN_CONFIDENCE


def test_one_word_names_and_different_surnames_do_not_match():
    assert conf(profile(1, "gwen@a.example", "Gwen"), profile(2, "gw@b.example", "Gwen"))[0] \
        < MIN_CONFIDENCE
    assert evidence.name_reasons(profile(1, "a", "Ana Pizarro"),
                                 profile(2, "b", "Ana Quintero")) == []
    # "Ana" is not a nickname of "María": no match on the given name either.
    assert evidence.name_reasons(profile(1, "a", "Ana Soler"), profile(2, "b", "María Soler")) \
        == []


def test_hostile_and_lookalike_names_do_not_crash_or_match_wrongly():
    hostile = profile(1, "soporte_oficial@spam.example", "<b>Soporte</b> <script>alert(1)</script>")
    other = profile(2, "real@x.example", "Soporte Alert")
    value, _codes = conf(hostile, other)
    assert value < 0.9
    rtl = profile(3, "nadia_k@social.example", "نادية | Nadia \u202eailatnev\u202c")
    assert conf(rtl, profile(4, "ventalia@x.example", "Ventalia"))[0] < MIN_CONFIDENCE
    # Cyrillic "а" folds to Latin, so an impostor's name compares as the brand's.
    assert names.name_tokens("Ventaliа") == ["ventalia"]


def test_emails_spelled_out_and_shared_websites():
    a = profile(1, "javi_ortuno@masto.es.example", "Javier Ortuño",
                fields=(("Presupuestos", "javier (arroba) ortuno-foto.example", False),))
    b = profile(2, "jortuno@social.example", "J. O.",
                fields=(("Web", "https://ortuno-foto.example", False),))
    value, codes = conf(a, b)
    assert "email" in codes and value >= MIN_CONFIDENCE
    c = profile(3, "cami@toot.cl.example", "C",
                fields=(("Contacto", "camila.rojas en correo.example", False),))
    d = profile(4, "camila_r@fedi.example", "R", bio="escríbeme: camila.rojas@correo.example")
    assert any(r.text == "same e-mail address camila.rojas@correo.example"
               for r in evidence.score(c, d)[1])


def test_a_website_many_profiles_share_says_nothing():
    a = profile(1, "a1@x.example", "Uno", bio="fan de https://ventalia.example")
    b = profile(2, "b2@y.example", "Dos", bio="cliente de ventalia.example")
    assert conf(a, b)[0] >= MIN_CONFIDENCE
    assert conf(a, b, popularity={"ventalia.example": 40})[0] < MIN_CONFIDENCE


def test_cross_links_and_verified_links_are_certain():
    a = profile(1, "marcos_beltran@mastodon.example", "Marcos Beltrán",
                url="https://mastodon.example/@marcos_beltran",
                fields=(("Otra cuenta", "https://toot.example/@mbeltran", True),))
    b = profile(2, "mbeltran@toot.example", "MB ⚡", url="https://toot.example/@mbeltran")
    value, reasons = evidence.score(a, b)
    assert reasons[0].certain and reasons[0].code == "crosslink"
    assert value >= 0.99
    c = profile(3, "pipe_mora@social.example", "Felipe Mora",
                url="https://social.example/@pipe_mora")
    d = profile(4, "pipe.bsky.social", "P", channel="bluesky",
                bio="también en @pipe_mora@social.example")
    value, reasons = evidence.score(c, d)
    assert any(r.code == "crosslink" and not r.certain for r in reasons)
    assert value >= 0.7


@pytest.mark.parametrize(("text", "expected"), [
    ("@ventalia mi pedido 51907 no llega", {"51907"}),
    ("Order #50870, a fan", {"50870"}),
    ("el pedido de Ventalia (53702) no llega", {"53702"}),
    ("caso 1234567 abierto", {"1234567"}),
    ("ticket: 88812 sin respuesta", {"88812"}),
    ("48213 es mi pedido", {"48213"}),
    ("el Brisa Split 12000 sirve?", set()),
    ("me cobraron 3,480 dos veces", set()),
])
def test_order_numbers_near_words(text, expected):
    assert evidence.order_numbers(text) == expected


def test_edit_distance_and_handle_keys():
    assert names.edit_distance("luciamendez", "luciamendes") == 1
    assert names.edit_distance("abc", "xyzxyzxyz", 2) == 3
    assert names.handle_key("@Sofia_Ledesma@social.example") == "sofialedesma"
    assert names.handle_key("sofia.ledesma.bsky.social") == "sofialedesma"
    value, codes = conf(profile(1, "sofiledesma@mastodon.example", "S"),
                        profile(2, "sofia_ledesma@social.example", "L"))
    assert codes == {"handle"} and value >= MIN_CONFIDENCE


def test_pages_on_big_platforms_match_only_by_full_address():
    a = profile(1, "a1@x.example", "Uno", bio="fotos en https://instagram.com/lucia.mendez")
    b = profile(2, "b2@y.example", "Dos", bio="https://instagram.com/otra_persona")
    c = profile(3, "c3@z.example", "Tres", bio="instagram.com/lucia.mendez/")
    assert conf(a, b)[0] == 0.0
    assert "website" in conf(a, c)[1]
