"""Customers: link and unlink, search, notes, tags, VIP, figures and the whole history."""

from __future__ import annotations

from datetime import timedelta

import pytest

from console.people.records import PeopleError
from console.store.timeutil import to_db
from tests.builders import BASE_TIME, make_author, make_post

LUCIA = make_author(1, handle="lucia_mendez@mastodon.example", display_name="Lucía Méndez",
                    followers=412)
LUCIA_SKY = make_author(2, channel="bluesky", handle="luciamendez.bsky.social",
                        display_name="lucia mendez", followers=540,
                        bio="Profe <b>de primaria</b>", url="https://bsky.app/profile/lucia")
LUCIA_BLOG = make_author(3, channel="feed", handle="Lucía M.", display_name="Lucía M.",
                         followers=0, url="https://blog.example/#comment-4")


def add_reply(db, mention_id: int, sent_after: timedelta, agent: str = "ana") -> None:
    row = db.execute_sql("SELECT created_at FROM mention WHERE id = ?", (mention_id,)).fetchone()
    from console.store.timeutil import from_db

    sent = from_db(row[0]) + sent_after
    db.execute_sql(
        "INSERT INTO reply (mention_id, text, visibility, idempotency_key, state, error, "
        "attempts, url, agent, created_at, updated_at, sent_at) VALUES "
        "(?, 'Hola, lo miramos', 'public', ?, 'sent', '', 1, '', ?, ?, ?, ?)",
        (mention_id, f"k{mention_id}-{sent_after}", agent, to_db(sent), to_db(sent), to_db(sent)))


def test_link_search_and_detail(runtime, add_authors):
    a, b, c = add_authors(LUCIA, LUCIA_SKY, LUCIA_BLOG)
    people = runtime.people
    result = people.link([a, b])
    assert result.created and set(result.attached) == {a, b}
    assert people.person(result.customer_id).name == "Lucía Méndez"  # the fullest name
    people.link([c], customer_id=result.customer_id)
    person = people.person_for_author(c)
    assert person.customer_id == result.customer_id
    assert {x.channel for x in person.authors} == {"mastodon", "bluesky", "feed"}
    assert person.followers_by_network() == {"mastodon": 412, "bluesky": 540, "feed": 0}
    assert any(x.bio == "Profe <b>de primaria</b>" for x in person.authors)  # as written
    for query in ("lucia", "LUCÍA MÉNDEZ", "mendez", "@luciamendez", "LUCIAMENDEZ.BSKY"):
        assert [s.id for s in people.customers(query)] == [result.customer_id], query
    assert people.customers("pizarro") == []
    customers, lone = people.search("user")
    assert customers == [] and lone == []


def test_lone_authors_show_as_themselves_and_are_searchable(runtime, add_authors):
    (a,) = add_authors(LUCIA)
    person = runtime.people.person_for_author(a)
    assert person.customer_id is None and person.name == "Lucía Méndez"
    assert runtime.people.customers() == []  # no customer created on ingest
    customers, lone = runtime.people.search("lucia")
    assert customers == [] and [x.id for x in lone] == [a]


def test_unlink_remembers_the_pair_as_rejected(runtime, add_authors):
    a, b, c = add_authors(LUCIA, LUCIA_SKY, LUCIA_BLOG)
    people = runtime.people
    customer = people.link([a, b, c]).customer_id
    assert people.unlink(c) == customer
    assert people.customer_of(c) is None
    assert all(s.other_id not in (a, b) for s in people.suggestions(c))
    with pytest.raises(PeopleError, match="belongs to no customer"):
        people.unlink(c)
    with pytest.raises(PeopleError, match="no author 999"):
        people.unlink(999)


def test_rename_vip_and_tags(runtime, add_authors):
    a, b, _ = add_authors(LUCIA, LUCIA_SKY, LUCIA_BLOG)
    people = runtime.people
    cid = people.link([a, b]).customer_id
    assert people.rename(cid, "  Lucía   Méndez Soler ") == "Lucía Méndez Soler"
    with pytest.raises(PeopleError, match="empty"):
        people.rename(cid, "   ")
    people.set_vip(cid, True)
    assert people.add_tags(cid, ["Reembolso", "valencia", "reembolso"]) == ["reembolso",
                                                                          "valencia"]
    assert people.add_tags(cid, ["valencia"]) == []
    assert people.remove_tags(cid, ["valencia", "nada"]) == ["valencia"]
    person = people.person(cid)
    assert person.vip and person.tags == ("reembolso",) and person.name == "Lucía Méndez Soler"
    assert [s.id for s in people.customers()] == [cid]


def test_notes_with_agent_and_time(runtime, add_authors):
    a, b, _ = add_authors(LUCIA, LUCIA_SKY, LUCIA_BLOG)
    people = runtime.people
    people.agent = "ana"
    lone_note = people.add_note("Escribe siempre de noche.", author_id=a)
    assert lone_note.agent == "ana" and lone_note.created_at and lone_note.updated_at is None
    cid = people.link([a, b]).customer_id
    people.agent = "luis"
    note = people.add_note("  Cliente desde 2019.  ", customer_id=cid)
    assert note.body == "Cliente desde 2019." and note.agent == "luis"
    person = people.person(cid)
    assert [n.id for n in person.notes] == [note.id, lone_note.id]  # newest first, both kinds
    edited = people.edit_note(note.id, "Cliente desde 2018.")
    assert edited.body == "Cliente desde 2018." and edited.updated_at is not None
    assert edited.agent == "luis"
    people.delete_note(lone_note.id)
    assert [n.id for n in people.person(cid).notes] == [note.id]
    for call, pattern in ((lambda: people.add_note("   ", customer_id=cid), "empty"),
                          (lambda: people.edit_note(12345, "x"), "no customer note 12345"),
                          (lambda: people.add_note("x"), "one customer or to one author"),
                          (lambda: people.add_note("x", customer_id=999), "no customer 999")):
        with pytest.raises(PeopleError, match=pattern):
            call()


def test_figures_first_seen_last_contact_complaints_and_answer_time(runtime, store_posts):
    db = runtime.workspace.store.db
    ids = store_posts([
        make_post(1, "@ventalia mi pedido no llega, es la tercera vez que escribo, fatal",
                  author=LUCIA),
        make_post(2, "gracias por todo, muy contenta con la compra", author=LUCIA_SKY,
                  channel="bluesky", created_at=BASE_TIME + timedelta(days=1)),
        make_post(3, "@ventalia me cobraron dos veces, quiero mi dinero ya", author=LUCIA,
                  created_at=BASE_TIME + timedelta(days=2)),
    ])
    with runtime.workspace.store.write():
        add_reply(db, ids[0], timedelta(minutes=30))
        add_reply(db, ids[0], timedelta(hours=5))  # a second answer: not the first
        add_reply(db, ids[2], timedelta(minutes=90))
    a = db.execute_sql("SELECT author_id FROM mention WHERE id = ?", (ids[0],)).fetchone()[0]
    b = db.execute_sql("SELECT author_id FROM mention WHERE id = ?", (ids[1],)).fetchone()[0]
    cid = runtime.people.link([a, b]).customer_id
    stats = runtime.people.person(cid).stats
    assert stats.mentions == 3 and stats.complaints == 2 and stats.answered == 2
    assert stats.average_first_answer == timedelta(hours=1)
    assert stats.first_seen is not None and stats.first_seen <= BASE_TIME + timedelta(minutes=1)
    assert stats.last_contact == BASE_TIME + timedelta(days=2, minutes=90)  # our last answer
    mood = runtime.people.portrait(runtime.people.person(cid)).mood  # per week, from Monday
    assert [p.count for p in mood] == [1, 2]  # Sunday 1 Nov; Monday 2 and Tuesday 3 Nov
    assert mood[1].positive == 1 and mood[1].mean > mood[0].mean


def test_history_across_channels_newest_first_in_pages(runtime, store_posts, author_of):
    db = runtime.workspace.store.db
    posts = [make_post(i, f"mensaje {i}", author=LUCIA if i % 2 else LUCIA_SKY,
                       channel="mastodon" if i % 2 else "bluesky") for i in range(1, 41)]
    ids = store_posts(posts)
    a, b = author_of(LUCIA), author_of(LUCIA_SKY)
    people = runtime.people
    cid = people.link([a, b]).customer_id
    with runtime.workspace.store.write():
        add_reply(db, ids[0], timedelta(minutes=5))
        case = db.execute_sql(
            'INSERT INTO "case" (status, priority, created_at, updated_at, channel, author_id, '
            "subject) VALUES ('open', 5, ?, ?, 'mastodon', ?, 'pedido')",
            (to_db(BASE_TIME), to_db(BASE_TIME), a)).lastrowid
        db.execute_sql("INSERT INTO case_event (case_id, at, agent, kind, old, new) VALUES "
                       "(?, ?, 'ana', 'status', 'new', 'open')",
                       (case, to_db(BASE_TIME + timedelta(minutes=7))))
    people.add_note("nota del agente", customer_id=cid)
    pages, before = [], None
    while True:
        page = people.history((a, b), cid, before, 7)
        if not page:
            break
        pages.extend(page)
        before = page[-1]
    kinds = [i.kind for i in pages]
    assert kinds.count("mention") == 40 and kinds.count("reply") == 1
    assert kinds.count("note") == 1 and kinds.count("status") == 1
    keys = [i.key for i in pages]
    assert keys == sorted(keys, reverse=True) and len(set(keys)) == len(keys)
    assert {i.channel for i in pages if i.kind == "mention"} == {"mastodon", "bluesky"}
    status = next(i for i in pages if i.kind == "status")
    assert status.text == "new → open" and status.case_id == case
    assert [c.id for c in people.person(cid).open_cases] == [case]
