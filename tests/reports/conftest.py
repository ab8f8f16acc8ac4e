"""A small workspace whose report figures were worked out by hand (see test_figures.py).

2026-03-02 is a Monday. Mentions 6 (Sunday 1 March) and 7 (9 March, the period's end,
excluded) fall outside the period 2 to 8 March; so does case 4.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from console.app.runtime import Runtime
from console.channels.base import RemoteAuthor
from console.mentions import queries as mentions
from console.reports.figures import Period
from console.store.models import Case, Reply

# n, channel, when, sentiment label, complaint, reason, case number
MENTIONS = [
    (1, "mastodon", datetime(2026, 3, 2, 10, 0), "negative", 0.9, "delivery", 1),
    (2, "mastodon", datetime(2026, 3, 2, 15, 0), "neutral", 0.1, "none", None),
    (3, "bluesky", datetime(2026, 3, 2, 23, 59), "positive", 0.0, "none", None),
    (4, "bluesky", datetime(2026, 3, 4, 9, 0), "negative", 0.7, "refund", 2),
    (5, "mastodon", datetime(2026, 3, 4, 12, 0), "negative", 0.6, "delivery", 3),
    (6, "mastodon", datetime(2026, 3, 1, 23, 0), "negative", 0.8, "billing", 4),
    (7, "mastodon", datetime(2026, 3, 9, 0, 0), "negative", 0.8, "billing", None),
]
NOW = datetime(2026, 3, 6, 12, 0, tzinfo=UTC)
PERIOD = Period(datetime(2026, 3, 2, tzinfo=UTC), datetime(2026, 3, 9, tzinfo=UTC), "day")


def _d(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute)


def add_mention(rt: Runtime, n: int, channel: str, when: datetime, label: str,
                complaint: float, reason: str, case_id: int | None,
                text: str = "", name: str = "") -> int:
    db = rt.workspace.store.db
    author_id = mentions.upsert_author(db, RemoteAuthor(
        channel=channel, remote_id=f"a-{channel}", handle=f"cliente_{channel}",
        display_name=name or f"Cliente {channel}", url=""))
    return mentions.insert_mention(db, {
        "channel": channel, "remote_id": f"m{n}", "url": f"https://{channel}.example/{n}",
        "author_id": author_id, "text": text or f"mensaje {n}", "html": "",
        "created_at": when, "fetched_at": when, "source": "mention", "sources": "mention",
        "visibility": "public", "tagged": 1, "lang": "es", "sentiment": 0.0,
        "sentiment_label": label, "complaint": complaint, "reason": reason,
        "relevance": 1.0, "priority": 50, "priority_reasons": "", "spam": 0,
        "status": "new", "raw": "{}", "case_id": case_id,
        "thread_root": None, "in_reply_to": None,
    }, name or channel)


@pytest.fixture
def report_rt(runtime: Runtime) -> Runtime:
    store = runtime.workspace.store
    with store.write():
        cases = {
            1: Case.create(channel="mastodon", assignee="lucia", created_at=_d(2, 10),
                           updated_at=_d(2, 14), first_response_due=_d(2, 11),
                           first_response_at=_d(2, 10, 30), resolution_due=_d(3, 10),
                           resolved_at=_d(2, 14), status="resolved"),
            2: Case.create(channel="bluesky", assignee="lucia", created_at=_d(4, 9),
                           updated_at=_d(4, 11), first_response_due=_d(4, 10),
                           first_response_at=_d(4, 11), resolution_due=_d(5, 9), status="open"),
            3: Case.create(channel="mastodon", assignee=None, created_at=_d(4, 12),
                           updated_at=_d(4, 12, 20), first_response_due=_d(4, 13),
                           first_response_at=_d(4, 12, 20), resolution_due=_d(10, 12),
                           status="waiting"),
            4: Case.create(channel="mastodon", assignee="lucia", created_at=_d(1, 23),
                           updated_at=_d(1, 23), first_response_due=_d(2, 0), status="new"),
        }
        ids = {}
        for n, channel, when, label, complaint, reason, case in MENTIONS:
            ids[n] = add_mention(runtime, n, channel, when, label, complaint, reason,
                                 cases[case].id if case else None)
        Reply.create(mention=ids[5], text="Lo revisamos ahora mismo", idempotency_key="k5",
                     state="sent", agent="marco", created_at=_d(4, 12, 19),
                     updated_at=_d(4, 12, 20), sent_at=_d(4, 12, 20))
    runtime.extras["mention_ids"] = ids
    return runtime
