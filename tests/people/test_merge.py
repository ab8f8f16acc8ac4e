"""Merge is directional and previewed; unmerge restores the state before it exactly."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.app.runtime import open_runtime
from console.people.records import PeopleError
from console.people.service import PeopleService

TABLES = ("customer", "author", "note", "customer_tag", "tag", "case", "link_decision")


def dump(db) -> dict[str, list[tuple]]:
    """Every row of the tables a merge may touch (the merge records aside)."""
    return {t: db.execute_sql(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in TABLES}


def add_author(db, n: int, customer_id: int | None = None, channel: str = "mastodon") -> int:
    now = datetime(2026, 11, 1, 12, 0)
    return int(db.execute_sql(
        "INSERT INTO author (channel, remote_id, handle, display_name, url, followers, bio, "
        "avatar_url, bot, fields, customer_id, raw, first_seen, updated_at) "
        "VALUES (?, ?, ?, ?, '', ?, '', '', 0, '[]', ?, '{}', ?, ?)",
        (channel, f"r{n}", f"user{n}", f"User {n}", n, customer_id, now, now)).lastrowid)


def add_case(db, author_id: int, status: str = "open") -> int:
    now = datetime(2026, 11, 2, 9, 0)
    return int(db.execute_sql(
        'INSERT INTO "case" (status, priority, created_at, updated_at, channel, author_id, '
        "subject) VALUES (?, 10, ?, ?, 'mastodon', ?, 'pedido')",
        (status, now, now, author_id)).lastrowid)


@pytest.fixture
def people(runtime) -> PeopleService:
    runtime.people.agent = "ana"
    return runtime.people


def two_customers(people: PeopleService) -> tuple[int, int, list[int]]:
    db = people.db
    with people.store.write():
        authors = [add_author(db, n) for n in range(1, 5)]
        cases = [add_case(db, authors[2]), add_case(db, authors[3], "closed")]
    survivor = people.link(authors[:2], name="Lucía Méndez").customer_id
    merged = people.link(authors[2:], name="lucia m.").customer_id
    people.add_tags(survivor, ["valencia"])
    people.add_tags(merged, ["valencia", "reembolso"])
    people.set_vip(merged, True)
    people.add_note("Prefiere que la llamen por la tarde.", customer_id=merged)
    people.add_note("Nota en su cuenta.", author_id=authors[2])
    return survivor, merged, cases


def test_preview_shows_what_will_move(people):
    survivor, merged, cases = two_customers(people)
    before = dump(people.db)
    preview = people.merge_preview(survivor, merged)
    assert dump(people.db) == before  # a preview changes nothing
    assert [a.handle for a in preview.authors] == ["user3", "user4"]
    assert preview.notes == 1
    assert preview.tags == ("reembolso",)
    assert sorted(c.id for c in preview.cases) == sorted(cases)
    assert preview.vip_after
    text = "\n".join(preview.lines())
    assert "lucia m." in text and "user3" in text and "reembolso" in text
    assert "becomes VIP" in text


def test_merge_then_unmerge_restores_exactly(people):
    survivor, merged, _cases = two_customers(people)
    db = people.db
    before = dump(db)
    record = people.merge(survivor, merged)
    moved = people.person(survivor)
    assert {a.handle for a in moved.authors} == {"user1", "user2", "user3", "user4"}
    assert moved.vip and set(moved.tags) == {"valencia", "reembolso"}
    assert len(moved.open_cases) == 1
    assert any("llamen" in n.body for n in moved.notes)
    assert [c.id for c in people.customers()] == [survivor]  # the merged one is hidden
    with pytest.raises(PeopleError, match=f"merged into customer {survivor}"):
        people.person(merged)
    snapshot = json.loads(db.execute_sql("SELECT snapshot FROM merge_record WHERE id = ?",
                                         (record,)).fetchone()[0])
    assert len(snapshot["authors"]) == 2 and len(snapshot["notes"]) == 1
    info = people.unmerge(record)
    assert info.undone_at is not None and info.merged_id == merged
    assert dump(db) == before
    back = people.person(merged)
    assert back.name == "lucia m." and back.vip and set(back.tags) == {"valencia", "reembolso"}
    with pytest.raises(PeopleError, match="already undone"):
        people.unmerge(record)


def test_unmerge_waits_for_later_merges_that_depend_on_it(people):
    survivor, merged, _ = two_customers(people)
    with people.store.write():
        third_author = add_author(people.db, 9)
    third = people.link([third_author], name="Otra").customer_id
    before = dump(people.db)
    first = people.merge(survivor, merged)
    second = people.merge(third, survivor)  # the survivor of the first is merged away now
    with pytest.raises(PeopleError) as refused:
        people.unmerge(first)
    assert f"#{second}" in str(refused.value) and "undo" in str(refused.value)
    people.unmerge(second)
    people.unmerge(first)
    assert dump(people.db) == before


def test_errors_are_one_clear_sentence(people):
    survivor, merged, _ = two_customers(people)
    for call, pattern in (
        (lambda: people.merge(survivor, survivor), "into itself"),
        (lambda: people.merge(survivor, 999), "no customer 999"),
        (lambda: people.unmerge(42), "no merge #42"),
        (lambda: people.merge_preview(999, merged), "no customer 999"),
    ):
        with pytest.raises(PeopleError, match=pattern):
            call()
    record = people.merge(survivor, merged)
    with pytest.raises(PeopleError, match=f"use customer {survivor}"):
        people.link([add_author_outside(people)], customer_id=merged)
    assert record


def add_author_outside(people: PeopleService) -> int:
    with people.store.write():
        return add_author(people.db, 77)


def test_later_edits_survive_an_unmerge(people):
    survivor, merged, _ = two_customers(people)
    record = people.merge(survivor, merged)
    note = people.add_note("Escrita después de la fusión.", customer_id=survivor)
    people.rename(survivor, "Lucía Méndez Soler")
    people.unmerge(record)
    after = people.person(survivor)
    assert after.name == "Lucía Méndez Soler"
    assert note.id in {n.id for n in after.notes}


# --- property: any history, then merge and unmerge, leaves every row as it was -------------

HISTORY = st.lists(st.tuples(st.sampled_from(["link", "unlink", "merge", "unmerge", "tag",
                                             "untag", "note", "author_note", "vip", "case",
                                             "rename"]),
                             st.integers(0, 7), st.integers(0, 7), st.booleans()),
                   max_size=25)


def apply(people: PeopleService, authors: list[int], step: tuple) -> None:
    """One random agent action; impossible ones are refused (PeopleError) and skipped."""
    kind, i, j, flag = step
    live = [c.id for c in people.customers(limit=1000)]
    pick = live[i % len(live)] if live else None
    other = live[j % len(live)] if live else None
    try:
        if kind == "link":
            people.link([authors[i], authors[j]] if flag else [authors[i]])
        elif kind == "unlink":
            people.unlink(authors[i])
        elif kind == "merge" and pick is not None and other is not None:
            people.merge(pick, other)
        elif kind == "unmerge":
            standing = [m.id for m in people.merges() if m.undone_at is None]
            if standing:
                people.unmerge(standing[i % len(standing)])
        elif kind == "tag" and pick is not None:
            people.add_tags(pick, [f"t{j}"])
        elif kind == "untag" and pick is not None:
            people.remove_tags(pick, [f"t{j}"])
        elif kind == "note" and pick is not None:
            people.add_note(f"nota {j}", customer_id=pick)
        elif kind == "author_note":
            people.add_note(f"nota de cuenta {j}", author_id=authors[i])
        elif kind == "vip" and pick is not None:
            people.set_vip(pick, flag)
        elif kind == "rename" and pick is not None:
            people.rename(pick, f"Nombre {j}")
        elif kind == "case":
            with people.store.write():
                add_case(people.db, authors[i], "open" if flag else "waiting")
    except PeopleError:
        pass


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> PeopleService:
    rt = open_runtime(Path(tmp_path_factory.mktemp("merge")) / "ws", memory_secrets=True)
    yield rt.people
    rt.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(groups=st.lists(st.integers(0, 3), min_size=8, max_size=8), history=HISTORY,
       later=HISTORY, pair=st.tuples(st.integers(0, 7), st.integers(0, 7)))
def test_property_merge_then_unmerge_restores_every_row(shared, groups, history, later, pair):
    people = shared
    db = people.db
    with db.atomic() as outer:  # every example starts from the same empty workspace
        with people.store.write():
            authors = [add_author(db, n, channel=("bluesky", "mastodon", "reddit")[n % 3])
                       for n in range(8)]
        for group in range(3):  # three customers to start with (group 3: lone authors)
            members = [a for a, g in zip(authors, groups, strict=True) if g == group]
            if members:
                people.link(members, name=f"Cliente {group}")
        for step in history:
            apply(people, authors, step)
        live = [c.id for c in people.customers(limit=1000)]
        if len(live) >= 2:
            survivor, merged = live[pair[0] % len(live)], live[pair[1] % len(live)]
            if survivor == merged:
                merged = next(c for c in live if c != survivor)
            before = dump(db)
            moving = {a for a in authors if people.customer_of(a) == merged}
            record = people.merge(survivor, merged)
            assert all(people.customer_of(a) == survivor for a in moving)
            assert merged not in {c.id for c in people.customers(limit=1000)}
            people.unmerge(record)
            assert dump(db) == before
        # A chain of merges undone newest first also gives back the state before it.
        before = dump(db)
        records: list[int] = []
        for step in later:
            live = [c.id for c in people.customers(limit=1000)]
            if step[0] == "merge" and len(live) >= 2:
                a, b = live[step[1] % len(live)], live[step[2] % len(live)]
                if a != b:
                    records.append(people.merge(a, b))
        for record in reversed(records):
            people.unmerge(record)
        assert dump(db) == before
        outer.rollback()
