"""The feed's queues: mine, unassigned, breaching soon, waiting on customer."""

from __future__ import annotations

from datetime import timedelta

import pytest

from console.feed.queries import FeedFilter
from tests.builders import make_author, make_post
from tests.cases.conftest import TUESDAY


@pytest.fixture
def workload(store_posts, service, clock):
    """Five cases: Ana's, Bruno's, unassigned, waiting on the customer, and closed."""
    ids = store_posts([make_post(i, f"consulta {i}", author=make_author(i),
                                 created_at=TUESDAY) for i in range(1, 7)])
    mine, brunos, nobodys, waiting, closed, loose = ids
    cases = {name: service.open_case(m).id for name, m in (
        ("mine", mine), ("brunos", brunos), ("nobodys", nobodys), ("waiting", waiting),
        ("closed", closed))}
    service.assign(cases["mine"], "ana")
    service.assign(cases["brunos"], "Bruno")
    service.set_status(cases["waiting"], "waiting")
    service.set_status(cases["closed"], "closed")
    service.set_priority(cases["nobodys"], 90)  # urgent: first response due in 1 h
    return {"mine": mine, "brunos": brunos, "nobodys": nobodys, "waiting": waiting,
            "closed": closed, "loose": loose}


def _ids(runtime, **kw) -> set[int]:
    flt = FeedFilter(include_spam=True, **kw)
    rows = runtime.feed.page(flt)
    assert runtime.feed.count(flt) == len(rows)
    return {r.id for r in rows}


def test_queues_select_the_mentions_of_their_cases(runtime, workload):
    w = workload
    assert _ids(runtime, queue="all") == set(w.values())
    # Ana opened (and so claimed) every case: the unassigned ones she holds are hers too.
    assert _ids(runtime, queue="mine", agent="ana") == {w["mine"], w["nobodys"], w["waiting"]}
    assert _ids(runtime, queue="mine", agent="Bruno") == {w["brunos"]}
    assert _ids(runtime, queue="unassigned") == {w["nobodys"], w["waiting"]}
    assert _ids(runtime, queue="waiting") == {w["waiting"]}


def test_breaching_soon_follows_the_clock(runtime, workload):
    w = workload
    # at 10:00 the urgent case is due at 11:00: within the hour, so breaching soon
    assert _ids(runtime, queue="breaching", breach_by=TUESDAY + timedelta(minutes=59)) == set()
    assert _ids(runtime, queue="breaching", breach_by=TUESDAY + timedelta(hours=1)) == \
        {w["nobodys"]}
    # by 18:00 every active case's 8 h first response is due (waiting pauses only the
    # resolution clock, and nobody answered that customer yet); a closed case never is
    late = _ids(runtime, queue="breaching", breach_by=TUESDAY + timedelta(hours=8))
    assert late == {w["mine"], w["brunos"], w["nobodys"], w["waiting"]}


def test_queue_filters_combine_with_the_others_and_with_sorting(runtime, workload):
    w = workload
    assert _ids(runtime, queue="unassigned", search="consulta 3") == {w["nobodys"]}
    assert _ids(runtime, queue="unassigned", sort="priority") == {w["nobodys"], w["waiting"]}
    assert _ids(runtime, queue="unassigned", sources=("mention",)) == \
        {w["nobodys"], w["waiting"]}
    # rows changed elsewhere keep or leave the queue
    assert [r.id for r in runtime.feed.rows([w["mine"], w["brunos"]],
                                            FeedFilter(queue="mine", agent="ana"))] == \
        [w["mine"]]


def test_feed_rows_carry_their_case(runtime, workload, service):
    w = workload
    [row] = runtime.feed.rows([w["waiting"]])
    assert row.case is not None and row.case.status == "waiting"
    assert row.case.waiting_since is not None
    [loose] = runtime.feed.rows([w["loose"]])
    assert loose.case is None
    assert {c.assignee for c in service.list_cases("mine")} == {"ana", None}  # or claimed
    with pytest.raises(ValueError, match="unknown queue"):
        runtime.feed.page(FeedFilter(queue="everything"))
