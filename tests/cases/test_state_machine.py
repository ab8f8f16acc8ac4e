"""The case state machine, and a history row for every change."""

from __future__ import annotations

from datetime import timedelta

import pytest

from console.cases.cases import TRANSITIONS, CaseError
from console.cases.records import STATUSES
from console.store.timeutil import to_db
from tests.builders import make_author, make_post
from tests.cases.conftest import TUESDAY

CALM = "hola, ¿qué tal el nuevo catálogo?"  # no complaint: no case opens by itself


def _kinds(service, case_id):
    return [(e.kind, e.old, e.new) for e in service.history(case_id)]


def test_opening_a_case_takes_the_thread_claims_it_and_starts_the_clocks(
        runtime, store_posts, service):
    root, reply, other = store_posts([
        make_post(1, CALM, created_at=TUESDAY),
        make_post(2, "y otra cosa", in_reply_to="1", created_at=TUESDAY),
        make_post(3, "otro hilo", created_at=TUESDAY),
    ])
    case = service.open_case(reply)
    assert set(case.mention_ids) == {root, reply}  # the whole thread, not the other post
    assert case.status == "new" and case.claimed_by == "ana"
    assert case.thread_root == "1" and case.subject == "y otra cosa"
    assert case.first_response_due is not None and case.resolution_due is not None
    # low priority: 8 business hours from Tuesday 10:00 Madrid = 18:00, all in one day
    assert case.first_response_due == TUESDAY + timedelta(hours=8)
    assert [k for k, _, _ in _kinds(service, case.id)] == ["created", "mention", "claim"]
    assert service.case_for_mention(other) is None
    with pytest.raises(CaseError, match="already in case"):
        service.open_case(root)


def test_every_allowed_transition_and_every_refused_one(runtime, store_posts, service):
    for source in STATUSES:
        for target in STATUSES:
            [mention] = store_posts([make_post(100 + len(service.list_cases()), CALM,
                                               author=make_author(50 + len(source)))])
            case = service.open_case(mention)
            # walk to `source` first
            path = {"new": [], "open": ["open"], "waiting": ["waiting"],
                    "resolved": ["resolved"], "closed": ["closed"]}[source]
            for step in path:
                service.set_status(case.id, step)
            if target in TRANSITIONS[source]:
                after = service.set_status(case.id, target)
                assert after.status == target
                last = service.history(case.id)[-1]
                assert (last.old, last.new, last.agent) == (source, target, "ana")
                reopened = source in ("resolved", "closed") and target == "open"
                assert last.kind == ("reopened" if reopened else "status")
            else:
                with pytest.raises(CaseError):
                    service.set_status(case.id, target)
                assert service.case(case.id).status == source


def test_assignee_priority_tags_notes_are_all_in_the_history(runtime, store_posts, service,
                                                               clock):
    [mention] = store_posts([make_post(1, CALM, created_at=TUESDAY)])
    case = service.open_case(mention)
    clock.advance(minutes=5)
    service.assign(case.id, "  Bruno  ")
    service.set_priority(case.id, 90)
    service.set_tags(case.id, ["Facturación", "#envío"])
    service.set_tags(case.id, ["envío"])
    note = service.add_note(case.id, "Llamó por teléfono: pedido 48213.\nNo prometer fecha.")
    with pytest.raises(CaseError, match="already assigned"):
        service.assign(case.id, "Bruno")
    with pytest.raises(CaseError, match="empty"):
        service.add_note(case.id, "   ")
    after = service.case(case.id)
    assert after.assignee == "Bruno" and after.priority == 90 and after.tags == ("envío",)
    assert [n.body for n in service.notes(case.id)] == [note.body]
    assert _kinds(service, case.id)[2:] == [
        ("assignee", "", "Bruno"),
        ("priority", str(case.priority), "90"),
        ("tag", "", "envío"),
        ("tag", "", "facturación"),
        ("tag", "facturación", ""),
        ("note", "", "Llamó por teléfono: pedido 48213."),
    ]
    # urgent now: the first response is due 1 business hour after the case began
    assert after.first_response_due == TUESDAY + timedelta(hours=1)
    service.assign(case.id, None)
    assert service.case(case.id).assignee is None


def test_waiting_pauses_the_resolution_clock(runtime, store_posts, service, clock):
    [mention] = store_posts([make_post(1, CALM, created_at=TUESDAY)])
    case = service.open_case(mention)
    due = case.resolution_due
    service.set_status(case.id, "waiting")
    assert service.clocks(service.case(case.id)).resolution.state == "paused"
    clock.advance(hours=3)  # 3 business hours pass (10:00 -> 13:00 Madrid)
    resumed = service.set_status(case.id, "open")
    assert resumed.waiting_since is None
    assert service.policy().hours and resumed.resolution_due is not None
    from console.cases.sla import business_seconds

    assert business_seconds(due, resumed.resolution_due, service.policy().hours) == 3 * 3600


def test_resolving_releases_the_claim_and_reopening_restarts_resolution(
        runtime, store_posts, service, clock):
    [mention] = store_posts([make_post(1, CALM, created_at=TUESDAY)])
    case = service.open_case(mention)
    clock.advance(hours=1)
    done = service.set_status(case.id, "resolved")
    assert done.resolved_at == clock.now and done.claimed_by is None
    closed = service.set_status(case.id, "closed")
    assert closed.closed_at == clock.now
    assert runtime.profile.mention(mention).status == "closed"  # the mention is closed too
    clock.advance(hours=1)
    again = service.set_status(case.id, "open")
    assert again.resolved_at is None and again.closed_at is None
    assert again.resolution_due == service.policy().resolution_due(clock.now, again.priority)
    kinds = [k for k, _, _ in _kinds(service, case.id)]
    assert kinds[-4:] == ["claim", "status", "status", "reopened"]


def test_claims_and_take_over(runtime, store_posts, service, clock):
    from console.cases.service import CaseService

    [mention] = store_posts([make_post(1, CALM, created_at=TUESDAY)])
    case = service.open_case(mention)
    bruno = CaseService(runtime.workspace.store, "bruno", clock)
    seen = bruno.claim(case.id)
    assert not seen.won and seen.claimed_by == "ana" and seen.claimed_at == TUESDAY
    clock.advance(minutes=10)
    taken = bruno.take_over(case.id)
    assert taken.won and service.case(case.id).claimed_by == "bruno"
    assert _kinds(service, case.id)[-1] == ("takeover", "ana", "bruno")
    assert not service.release(case.id)  # not hers any more
    assert bruno.release(case.id)
    assert service.claim(case.id).won


def test_attach_and_detach_mentions_of_the_same_customer(runtime, store_posts, service):
    lucia, pedro = make_author(1), make_author(2)
    first, second, stranger = store_posts([
        make_post(1, CALM, author=lucia), make_post(2, "otra cosa", author=lucia),
        make_post(3, CALM, author=pedro)])
    case = service.open_case(first)
    assert [c.id for c in service.attach_candidates(second)] == [case.id]
    assert service.attach_candidates(stranger) == []
    service.attach(case.id, second)
    with pytest.raises(CaseError, match="another customer"):
        service.attach(case.id, stranger)
    assert set(service.case(case.id).mention_ids) == {first, second}
    service.detach(second)
    with pytest.raises(CaseError, match="only one"):
        service.detach(first)
    kinds = _kinds(service, case.id)
    assert ("mention", "", str(second)) in kinds and ("mention", str(second), "") in kinds


def test_a_reply_sent_is_the_first_response(runtime, store_posts, service, clock):
    from console.replies import outbox

    [mention] = store_posts([make_post(1, CALM, created_at=TUESDAY)])
    case = service.open_case(mention)
    reply = outbox.queue_reply(runtime.workspace.store, mention, "Hola, lo miramos", "public",
                               "ana")
    sent_at = TUESDAY + timedelta(minutes=20)
    outbox.mark_sent(runtime.workspace.store, reply.id, "9001", "", sent_at)
    after = service.case(case.id)
    assert after.first_response_at == sent_at and after.status == "open"
    assert service.clocks(after).first_response.state == "met"
    assert ("reply", "", f"reply {reply.id} sent") in _kinds(service, case.id)
    # a second reply does not move the first response
    second = outbox.queue_reply(runtime.workspace.store, mention, "Ya está", "public", "ana")
    outbox.mark_sent(runtime.workspace.store, second.id, "9002", "", sent_at + timedelta(hours=1))
    assert service.case(case.id).first_response_at == sent_at


def test_a_case_opened_after_the_brand_answered_has_its_first_response(
        runtime, store_posts, service):
    from console.replies import outbox

    [mention] = store_posts([make_post(1, CALM, created_at=TUESDAY)])
    reply = outbox.queue_reply(runtime.workspace.store, mention, "Hola", "public", "ana")
    outbox.mark_sent(runtime.workspace.store, reply.id, "9001", "", TUESDAY)
    case = service.open_case(mention)
    assert case.first_response_at == TUESDAY


def test_unknown_things_are_one_clear_sentence(runtime, service):
    with pytest.raises(CaseError, match="there is no mention 999"):
        service.open_case(999)
    with pytest.raises(CaseError, match="there is no case 5"):
        service.set_status(5, "open")
    db = runtime.workspace.store.db
    assert db.execute_sql('SELECT count(*) FROM "case"').fetchone()[0] == 0
    assert to_db(TUESDAY).tzinfo is None


def test_opening_a_case_takes_the_thread_its_top_priority_and_an_earlier_answer(
        runtime, store_posts, service):
    from console.replies import outbox

    root, reply_post, other_thread = store_posts([
        make_post(1, CALM, created_at=TUESDAY),
        make_post(2, "y otra cosa", in_reply_to="1", thread_root="1", created_at=TUESDAY),
        make_post(3, "otro hilo", created_at=TUESDAY)])
    with runtime.workspace.store.write():
        runtime.workspace.store.db.execute_sql(
            "UPDATE mention SET priority = ? WHERE id = ?", (77, reply_post))
    answer = outbox.queue_reply(runtime.workspace.store, reply_post, "Hola", "public", "ana")
    outbox.mark_sent(runtime.workspace.store, answer.id, "9001", "",
                     TUESDAY + timedelta(minutes=5))
    case = service.open_case(root)
    assert set(case.mention_ids) == {root, reply_post}  # the other thread stays out
    assert case.priority == 77 and case.first_response_at == TUESDAY + timedelta(minutes=5)
    kinds = _kinds(service, case.id)
    assert ("mention", "", str(reply_post)) in kinds
    assert ("reply", "", "answered before the case was opened") in kinds
    with pytest.raises(CaseError, match=f"already in case {case.id}"):
        service.open_case(reply_post)
    assert service.case_for_mention(other_thread) is None
