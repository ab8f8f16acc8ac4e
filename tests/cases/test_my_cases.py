"""'My cases' holds the cases I claimed or answered, not only those assigned to me."""

from __future__ import annotations

from console.cases.service import CaseService
from console.feed.queries import FeedFilter
from console.replies import outbox
from tests.builders import make_author, make_post
from tests.cases.conftest import TUESDAY


def _mine(runtime, agent):
    return {r.id for r in runtime.feed.page(FeedFilter(queue="mine", agent=agent))}


def test_claimed_or_answered_cases_are_mine(runtime, store_posts, clock):
    claimed, answered, assigned, others, untouched = store_posts([
        make_post(i, f"consulta {i}", author=make_author(i), created_at=TUESDAY)
        for i in range(1, 6)])
    ana = CaseService(runtime.workspace.store, "ana", clock)
    bruno = CaseService(runtime.workspace.store, "bruno", clock)
    ana.open_case(claimed)  # opening claims it for Ana
    case = bruno.open_case(answered)
    bruno.release(case.id)
    reply = outbox.queue_reply(runtime.workspace.store, answered, "Hola, lo miramos",
                               "public", "ana")
    outbox.mark_sent(runtime.workspace.store, reply.id, "9001", "", TUESDAY)
    ana.assign(bruno.open_case(assigned).id, "ana")
    bruno.assign(ana.open_case(others).id, "bruno")  # Ana holds it, but it is Bruno's
    bruno.release(bruno.open_case(untouched).id)

    assert _mine(runtime, "ana") == {claimed, answered, assigned}
    assert _mine(runtime, "bruno") == {others}
    assert runtime.feed.count(FeedFilter(queue="mine", agent="ana")) == 3
