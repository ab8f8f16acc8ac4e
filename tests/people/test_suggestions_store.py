"""Suggestions from stored authors and posts: reasons, rejections that stick, Reddit's rule."""

from __future__ import annotations

from datetime import timedelta

from console.channels.base import ProfileField
from console.people.records import PeopleError
from tests.builders import BASE_TIME, make_author, make_post

LUCIA = make_author(1, handle="lucia_mendez@mastodon.example", display_name="Lucía Méndez",
                    url="https://mastodon.example/@lucia_mendez",
                    fields=(ProfileField("Web", "https://luciamendez.example", True),))
LUCIA_SKY = make_author(2, channel="bluesky", handle="luciamendez.bsky.social",
                        display_name="lucia mendez",
                        url="https://bsky.app/profile/luciamendez.bsky.social",
                        bio="Profe en Valencia · luciamendez.example")
STRANGER = make_author(3, handle="tyler_h@toot.example", display_name="Tyler Hughes")


def test_suggestion_with_reasons_across_networks(runtime, add_authors):
    lucia, sky, _stranger = add_authors(LUCIA, LUCIA_SKY, STRANGER)
    found = runtime.people.suggestions(lucia)
    assert [s.other_id for s in found] == [sky]
    best = found[0]
    assert best.confidence > 0.8
    codes = {r.code for r in best.reasons}
    assert {"name", "handle", "website"} <= codes
    assert best.other.channel == "bluesky"
    # And the other way round, and in the list of recent suggestions.
    assert [s.other_id for s in runtime.people.suggestions(sky)] == [lucia]
    assert {(s.author_id, s.other_id) for s in runtime.people.recent_suggestions()} & \
        {(lucia, sky), (sky, lucia)}


def test_rejected_pairs_are_never_suggested_again(runtime, add_authors, store_posts):
    lucia, sky, _ = add_authors(LUCIA, LUCIA_SKY, STRANGER)
    runtime.people.reject(runtime.people.suggestions(lucia)[0])
    assert runtime.people.suggestions(lucia) == []
    assert runtime.people.suggestions(sky) == []
    # New posts refresh both profiles (and add an order number in common): still rejected.
    store_posts([make_post(500, "mi pedido 51907 no llega", author=LUCIA),
                 make_post(501, "51907, diez días, ventalia", author=LUCIA_SKY,
                           channel="bluesky")])
    assert runtime.people.suggestions(lucia) == []
    assert all({s.author_id, s.other_id} != {lucia, sky}
               for s in runtime.people.recent_suggestions())
    # The agent can still link them by hand, which replaces the rejection.
    runtime.people.link([lucia, sky])
    assert runtime.people.customer_of(lucia) == runtime.people.customer_of(sky) is not None


def test_reddit_authors_are_never_suggested_nor_linked_automatically(runtime, add_authors):
    verified = (ProfileField("Web", "https://luciamendez.example", True),)
    redditor = make_author(4, channel="reddit", handle="lucia_mendez", display_name="Lucía Méndez",
                           url="https://www.reddit.com/user/lucia_mendez", fields=verified,
                           bio="https://luciamendez.example")
    lucia, red = add_authors(LUCIA, redditor)
    assert runtime.people.customer_of(lucia) is None  # same verified site, but Reddit
    assert runtime.people.customer_of(red) is None
    assert all(s.other_id != red for s in runtime.people.suggestions(lucia))
    assert runtime.people.suggestions(red) == []
    assert runtime.people.recent_suggestions() == []
    # An agent may link them explicitly.
    result = runtime.people.link([lucia, red])
    assert runtime.people.customer_of(red) == result.customer_id


def test_same_order_number_links_different_names(runtime, store_posts, author_of):
    a = make_author(10, handle="rosa_p@social.example", display_name="Rosa Peña")
    b = make_author(11, channel="feed", handle="RP", display_name="R.",
                    url="https://blog.example/comments/7")
    store_posts([make_post(600, "@ventalia el pedido 53877 sale entregado y no llegó", author=a),
                 make_post(601, "Ventalia me tiene harta: 53877, entregado dice", author=b,
                           channel="feed")])
    found = runtime.people.suggestions(author_of(a))
    assert [s.other_id for s in found] == [author_of(b)]
    assert found[0].reasons[0].code == "order"
    assert "53877" in found[0].reasons_text


def test_a_number_many_people_write_is_not_an_order(runtime, store_posts, author_of):
    posts = [make_post(700 + i, f"¿el Brisa Split 12000 sirve? pedido 12000 {i}",
                       author=make_author(20 + i, display_name=f"Persona {i}"))
             for i in range(6)]
    store_posts(posts)
    assert runtime.people.suggestions(author_of(posts[0].author)) == []


def test_same_incident_in_a_short_window_is_weak_alone(runtime, store_posts, author_of):
    text = "@ventalia la app da error 500 al pagar, no puedo comprar nada, vaya desastre de app"
    a = make_author(30, handle="nico_s@toot.cl.example", display_name="Nicolás Sosa")
    b = make_author(31, channel="bluesky", handle="nsosa.bsky.social", display_name="N.")
    c = make_author(32, handle="zz_top@x.example", display_name="Zeta")
    store_posts([make_post(800, text, author=a),
                 make_post(801, text.replace("vaya", "qué"), author=b, channel="bluesky",
                           created_at=BASE_TIME + timedelta(minutes=810)),
                 make_post(802, text, author=c, created_at=BASE_TIME + timedelta(days=3))])
    from console.people import suggest

    db = runtime.workspace.store.db
    loaded = suggest.load_profiles(db, [author_of(a)])[author_of(a)]
    incidents = suggest._by_incident(db, loaded)
    assert author_of(b) in incidents and author_of(c) not in incidents
    assert incidents[author_of(b)][0].weight < 0.3
    # Weak alone; beside a handle that spells the name from its initial it tips the balance.
    pair = runtime.people.explain(author_of(a), author_of(b))
    assert pair is not None and pair.confidence < 0.3
    found = runtime.people.suggestions(author_of(b))
    assert [s.other_id for s in found] == [author_of(a)]
    assert {r.code for r in found[0].reasons} == {"handle_name", "incident"}


def test_homonyms_in_the_store_are_not_suggested(runtime, add_authors):
    ids = add_authors(*[make_author(40 + i, handle=f"h{i}x{i}@s{i}.example",
                                    display_name="Fermín Azcárate") for i in range(5)])
    assert runtime.people.suggestions(ids[0]) == []
    two = add_authors(make_author(50, handle="qq1@a.example", display_name="Itziar Oyarzábal"),
                      make_author(51, handle="ww2@b.example", display_name="itziar oyarzabal"))
    assert [s.other_id for s in runtime.people.suggestions(two[0])] == [two[1]]


def test_accepting_links_and_two_customers_need_a_merge(runtime, add_authors):
    lucia, sky, stranger = add_authors(LUCIA, LUCIA_SKY, STRANGER)
    result = runtime.people.accept(runtime.people.suggestions(lucia)[0])
    assert result.created
    assert runtime.people.suggestions(lucia) == []  # same customer now
    other = runtime.people.link([stranger])
    pair = runtime.people.explain(lucia, stranger)
    try:
        runtime.people.accept(pair)
    except PeopleError as exc:
        assert f"customers {min(result.customer_id, other.customer_id)}" in str(exc)
        assert "merge" in str(exc)
    else:
        raise AssertionError("linking authors of two customers must ask for a merge")
    _ = sky
