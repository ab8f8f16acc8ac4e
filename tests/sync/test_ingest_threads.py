"""Thread roots: a customer's answer to the brand's reply stays in the original thread."""

from __future__ import annotations

from console.store.models import Mention, Reply
from console.store.timeutil import utcnow
from console.sync.ingest import ingest
from tests.builders import make_author, make_post


def test_answer_to_a_brand_reply_joins_the_thread_it_answered(runtime):
    store = runtime.workspace.store
    customer = make_author(1)
    root = make_post(1, "@ventalia mi pedido no llega", author=customer)
    follow = make_post(2, "y sigo esperando", author=customer, in_reply_to="1")
    ingest(store, runtime.triager, None, [root, follow], None, None)
    first = Mention.get(Mention.remote_id == "2")
    assert first.thread_root == "1"
    now = utcnow()
    with store.write():
        Reply.create(mention=first, text="Lo revisamos", idempotency_key="k1", state="sent",
                     remote_id="brand-9", created_at=now, updated_at=now, sent_at=now)
    answer = make_post(3, "gracias, ya llegó", author=customer, in_reply_to="brand-9")
    ingest(store, runtime.triager, None, [answer], None, None)
    assert Mention.get(Mention.remote_id == "3").thread_root == "1"
