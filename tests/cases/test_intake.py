"""Intake through a real sandbox sync: complaints and DMs open cases, threads join, a new
message reopens a closed case, the customer's answer to the brand joins its case."""

from __future__ import annotations

from console.cases import intake
from console.cases.service import CaseService
from console.feed.queries import FeedFilter
from console.mentions.ingested import Ingested
from console.sync.pipeline import STEPS
from console.triage import TriageResult
from tests.builders import make_post


def _row(rt, search):
    [row] = rt.feed.page(FeedFilter(search=search, include_spam=True))
    return row


def test_the_cases_step_runs_last():
    assert STEPS[-1] is intake


def test_sync_opens_cases_for_complaints_and_direct_messages(connected):
    rt = connected
    rt.engine.sync_once()
    complaint = _row(rt, "48213")  # "mi pedido 48213 lleva 9 días sin moverse"
    direct = _row(rt, "51022")  # a direct message
    praise = _row(rt, "encanta")  # "Me encanta el servicio"
    case = rt.cases.case_for_mention(complaint.id)
    assert case is not None and case.status == "new" and case.claimed_by is None
    assert case.first_response_due is not None
    created = rt.cases.history(case.id)[0]
    assert created.kind == "created" and created.new.startswith("complaint")
    dm_case = rt.cases.case_for_mention(direct.id)
    assert dm_case is not None and rt.cases.history(dm_case.id)[0].new == "direct message"
    assert rt.cases.case_for_mention(praise.id) is None
    # the follow-up in the same thread ("sigo sin respuesta") joined the complaint's case
    follow_up = _row(rt, "sigo sin respuesta")
    assert rt.cases.case_for_mention(follow_up.id).id == case.id
    assert set(rt.cases.case(case.id).mention_ids) == {complaint.id, follow_up.id}
    # the feed shows each row's case
    assert _row(rt, "48213").case.id == case.id and _row(rt, "encanta").case is None


def test_a_new_message_reopens_a_closed_case(connected):
    rt = connected
    sandbox = rt.extras["sandbox"]
    rt.engine.sync_once()
    case = rt.cases.case_for_mention(_row(rt, "48213").id)
    rt.cases.set_status(case.id, "closed")
    sandbox.add_post("lucia", "@ventalia perdón, sigue sin llegar nada", reply_to_key="p001")
    [report] = rt.engine.sync_once()
    assert report.added == 1
    newest = _row(rt, "sigue sin llegar nada")
    reopened = rt.cases.case(case.id)
    assert reopened.status == "open" and newest.id in reopened.mention_ids
    last = rt.cases.history(case.id)[-1]
    assert (last.kind, last.old, last.new, last.agent) == ("reopened", "closed", "open", "")


def test_the_customers_answer_to_the_brand_joins_the_case(connected):
    rt = connected
    sandbox = rt.extras["sandbox"]
    rt.engine.sync_once()
    complaint = _row(rt, "48213")
    case = rt.cases.case_for_mention(complaint.id)
    rt.cases.set_status(case.id, "waiting")
    rt.replies.send(complaint.id, "Hola Lucía, te escribimos por privado.", delay=0)
    rt.engine.flush_outbox()
    answered = rt.cases.case(case.id)
    assert answered.first_response_at is not None
    sandbox.advance(60)  # the script answers the brand's reply 20 s later
    rt.engine.sync_once()
    answer = _row(rt, "ya me escribieron por privado")
    after = rt.cases.case(case.id)
    assert answer.id in after.mention_ids
    assert after.status == "open" and after.waiting_since is None  # the customer wrote back


def labels(complaint: float = 0.0, spam: bool = False, priority: int = 10) -> TriageResult:
    return TriageResult("es", 0.0, "neutral", complaint, complaint >= 0.5, "none", 1.0, spam,
                        priority, ())


def test_a_rule_can_open_and_assign_a_case(runtime, store_posts):
    post = make_post(2, "una consulta sobre tallas")
    [mention] = store_posts([post])
    service = CaseService(runtime.workspace.store, "ana")
    assert service.case_for_mention(mention) is None  # not a complaint: no case by itself
    item = Ingested(mention, 0, None, post, labels(), True, "2",
                    fired_rules=["VIP a Bruno"], assignee="Bruno")
    store = runtime.workspace.store
    with store.write():
        intake.run(store.db, [item])
    case = service.case_for_mention(mention)
    assert case is not None and case.assignee == "Bruno"
    assert service.history(case.id)[0].new == "rule: VIP a Bruno"
    assert service.history(case.id)[-1].kind == "assignee"


def test_spam_and_closed_mentions_never_open_cases(runtime, store_posts):
    post = make_post(2, "una consulta sobre tallas")
    [mention] = store_posts([post])
    service = CaseService(runtime.workspace.store, "ana")
    store = runtime.workspace.store
    with store.write():
        intake.run(store.db, [Ingested(mention, 0, None, post, labels(0.99, spam=True),
                                       True, "2")])
        intake.run(store.db, [Ingested(mention, 0, None, post, labels(0.99), True, "2",
                                       closed=True)])
    assert service.case_for_mention(mention) is None
    with store.write():
        intake.run(store.db, [Ingested(mention, 0, None, post, labels(0.99), True, "2")])
    assert service.case_for_mention(mention) is not None


def test_the_complaint_threshold_is_a_team_setting(runtime, store_posts):
    service = CaseService(runtime.workspace.store, "ana")
    service.set_setting("complaint_threshold=1")
    [mention] = store_posts([make_post(
        1, "@ventalia me cobraron dos veces y nadie responde, quiero el reembolso ya")])
    assert service.case_for_mention(mention) is None
    service.set_setting("complaint_threshold=0.6")
    [second] = store_posts([make_post(
        2, "@ventalia me cobraron dos veces y nadie responde, quiero el reembolso ya")])
    assert service.case_for_mention(second) is not None


def test_a_thread_stored_in_one_batch_is_one_case_with_one_row_per_mention(runtime,
                                                                           store_posts):
    root, reply = store_posts([
        make_post(1, "@ventalia me cobraron dos veces y nadie responde, quiero el reembolso"),
        make_post(2, "y sigo esperando", in_reply_to="1")])
    service = CaseService(runtime.workspace.store, "ana")
    case = service.case_for_mention(root)
    assert case is not None and set(case.mention_ids) == {root, reply}
    joined = [e for e in service.history(case.id) if e.kind == "mention"]
    assert [(e.old, e.new) for e in joined] == [("", str(reply))]


def _thread_in_two_pages(runtime, store_posts):
    """A complaint in a reply opens a case; the more urgent post it answers arrives in a
    later page and joins it."""
    service = CaseService(runtime.workspace.store, "ana")
    [reply] = store_posts([make_post(
        2, "@ventalia sigo esperando el reembolso del pedido 4411", in_reply_to="1")])
    case = service.case_for_mention(reply)
    assert case is not None
    return service, case


def _urgent_root(store_posts) -> int:
    [root] = store_posts([make_post(
        1, "@ventalia el ventilador echó humo y casi se incendia la casa, voy a denunciarles")])
    return root


def _stored_priority(runtime, mention: int) -> int:
    return int(runtime.workspace.store.db.execute_sql(
        "SELECT priority FROM mention WHERE id = ?", (mention,)).fetchone()[0])


def test_a_more_urgent_post_joining_a_case_raises_its_priority(runtime, store_posts):
    service, case = _thread_in_two_pages(runtime, store_posts)
    root = _urgent_root(store_posts)
    urgent = _stored_priority(runtime, root)
    assert urgent > case.priority
    raised = service.case(case.id)
    assert raised.priority == urgent and root in raised.mention_ids
    assert raised.first_response_due < case.first_response_due  # a higher tier's target
    last = service.history(case.id)[-1]
    assert (last.kind, last.old, last.new, last.agent) == (
        "priority", str(case.priority), str(urgent), "")


def test_a_priority_an_agent_set_is_left_alone(runtime, store_posts):
    service, case = _thread_in_two_pages(runtime, store_posts)
    service.set_priority(case.id, 5 if case.priority != 5 else 6)  # judged minor
    chosen = service.case(case.id).priority
    root = _urgent_root(store_posts)
    joined = service.case(case.id)
    assert root in joined.mention_ids and joined.priority == chosen
