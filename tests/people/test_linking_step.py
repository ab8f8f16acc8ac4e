"""On ingest, authors are linked into a customer only when the link is certain."""

from __future__ import annotations

from console.channels.base import ProfileField
from console.people import linking_step
from tests.builders import make_author, make_post

SITE = ProfileField("Web", "https://rociofuentes.example", True)


def customers_count(runtime) -> int:
    return int(runtime.workspace.store.db.execute_sql("SELECT count(*) FROM customer")
               .fetchone()[0])


def test_same_verified_website_in_two_profiles_links_them(runtime, add_authors):
    a = make_author(1, handle="rociofuentes@masto.es.example", display_name="Rocío Fuentes",
                    fields=(SITE,))
    b = make_author(2, channel="bluesky", handle="rocio.bsky.social", display_name="Rocío F.",
                    fields=(SITE,))
    c = make_author(3, channel="feed", handle="rocio", display_name="Rocío",
                    fields=(ProfileField("Web", "https://rociofuentes.example/", True),))
    first, second = add_authors(a, b)
    customer = runtime.people.customer_of(first)
    assert customer is not None and runtime.people.customer_of(second) == customer
    person = runtime.people.person(customer)
    assert person.name == "Rocío Fuentes"
    decision = runtime.workspace.store.db.execute_sql(
        "SELECT decision, agent, reasons FROM link_decision").fetchone()
    assert decision[0] == "accepted" and decision[1] == "auto"
    assert "rociofuentes.example" in decision[2]
    (third,) = add_authors(c)  # a third account with the same verified site joins
    assert runtime.people.customer_of(third) == customer
    assert customers_count(runtime) == 1


def test_verified_rel_me_link_to_the_other_account(runtime, add_authors):
    target = make_author(5, handle="mbeltran@toot.example", display_name="MB ⚡",
                         url="https://toot.example/@mbeltran")
    linker = make_author(6, handle="marcos_beltran@mastodon.example",
                         display_name="Marcos Beltrán",
                         url="https://mastodon.example/@marcos_beltran",
                         fields=(ProfileField("Otra cuenta", "https://toot.example/@mbeltran",
                                              True),))
    (t,) = add_authors(target)
    assert customers_count(runtime) == 0
    (lk,) = add_authors(linker)  # stored after its target
    assert runtime.people.customer_of(t) == runtime.people.customer_of(lk) is not None


def test_rel_me_target_seen_after_the_linker(runtime, add_authors):
    linker = make_author(7, handle="ana@a.example", display_name="Ana Soler",
                         fields=(ProfileField("Bluesky", "https://bsky.app/profile/anasoler.example",
                                              True),))
    target = make_author(8, channel="bluesky", handle="anasoler.example", display_name="Ana",
                         url="https://bsky.app/profile/anasoler.example")
    (lk,) = add_authors(linker)
    (t,) = add_authors(target)
    assert runtime.people.customer_of(t) == runtime.people.customer_of(lk) is not None


def test_no_customer_without_certainty(runtime, add_authors, store_posts):
    unverified = ProfileField("Web", "https://luciamendez.example", False)
    verified = ProfileField("Web", "https://luciamendez.example", True)
    add_authors(make_author(10, display_name="Lucía Méndez", fields=(verified,)),
                make_author(11, display_name="Lucía Méndez", fields=(unverified,)),
                make_author(12, display_name="Lucía Méndez",
                            bio="mi web: https://luciamendez.example"))
    store_posts([make_post(100 + i, f"post {i}", author=make_author(20 + i)) for i in range(5)])
    assert customers_count(runtime) == 0


def test_rejected_pairs_and_two_customers_are_left_to_agents(runtime, add_authors, store_posts):
    a = make_author(30, display_name="Rocío Fuentes", fields=(SITE,))
    b = make_author(31, channel="bluesky", handle="r.bsky.social", fields=(SITE,))
    first, second = add_authors(a, b)
    runtime.people.unlink(second)  # the agent says: not the same person
    linking_step._checked.clear()  # as after a restart: the profiles are checked again
    store_posts([make_post(300, "otra vez", author=a), make_post(301, "y otra", author=b,
                                                                   channel="bluesky")])
    assert runtime.people.customer_of(second) is None
    # Two customers that share a verified site are never merged behind the agents' backs.
    c = make_author(32, handle="x@c.example", fields=(ProfileField("Web", "https://z.example",
                                                                   True),))
    d = make_author(33, handle="y@d.example")
    third, fourth = add_authors(c, d)
    one = runtime.people.link([third]).customer_id
    two = runtime.people.link([fourth]).customer_id
    d2 = make_author(33, handle="y@d.example", fields=(ProfileField("Web", "https://z.example",
                                                                    True),))
    store_posts([make_post(302, "perfil nuevo", author=d2)])
    assert runtime.people.customer_of(third) == one and runtime.people.customer_of(fourth) == two
    assert first


def test_reddit_is_never_linked_automatically(runtime, add_authors):
    a = make_author(40, fields=(SITE,))
    r = make_author(41, channel="reddit", handle="rocio_f", fields=(SITE,),
                    url="https://www.reddit.com/user/rocio_f")
    first, red = add_authors(a, r)
    assert runtime.people.customer_of(first) is None and runtime.people.customer_of(red) is None


def test_certain_links_through_the_sandbox_script(runtime):
    """The demo script's people: two certain pairs are linked, look-alikes are not."""
    from console.accounts import queries as accounts
    from console.sandbox import SandboxServer

    server = SandboxServer(speed=1000, release_all=True)
    server.start()
    try:
        account = accounts.add_account(runtime.workspace.store, "mastodon", server.url)
        runtime.workspace.secrets.set(account.id, "token", "t")
        accounts.add_watch(runtime.workspace.store, "ventalia")
        reports = runtime.engine.sync_once()
        assert all(not r.error for r in reports), [r.error for r in reports]
    finally:
        server.stop()
    found = {c.name: sorted(c.accounts) for c in runtime.people.customers()}
    assert found == {
        "Marcos Beltrán": ["mastodon @marcos_beltran@mastodon.example",
                           "mastodon @mbeltran@toot.example"],
        "Rocío Fuentes": ["mastodon @rocio_f@social.example",
                          "mastodon @rociofuentes@masto.es.example"],
    }
    # Lucía's second account shows the same site unverified: a strong suggestion only.
    db = runtime.workspace.store.db
    lucia = db.execute_sql("SELECT id FROM author WHERE handle LIKE 'lucia_mendez@%'").fetchone()
    other = db.execute_sql("SELECT id FROM author WHERE handle LIKE 'luciamendez@%'").fetchone()
    suggestions = runtime.people.suggestions(int(lucia[0]))
    assert suggestions[0].other_id == int(other[0]) and suggestions[0].confidence > 0.8
    assert any(r.code == "order" for r in suggestions[0].reasons)  # both wrote 51907
