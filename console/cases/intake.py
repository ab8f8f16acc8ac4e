"""The cases step of the ingest pipeline: new mentions open, join or reopen cases.

Runs last, inside the ingest transaction, on mentions just stored:

- a post of a thread that already has a case joins it; a resolved or closed case
  reopens (history row "reopened") and a case waiting on the customer is open again;
- otherwise a case opens for a complaint at or above the team's threshold
  (``complaint_threshold``, default 0.6), for a direct message (``open_direct``), or when
  an earlier step asked for one (a rule's "assign" or "open case" action);
- spam, mentions a rule closed, and past conversations imported as history (an import
  that did not ask for cases) never open or join a case.
"""

from __future__ import annotations

from peewee import Database

from console.cases import cases, queries, records, team_settings
from console.channels.base import RemotePost
from console.mentions.ingested import Ingested
from console.store.timeutil import utcnow


def _reason(item: Ingested, threshold: float, open_direct: bool) -> str:
    """Why this mention opens a case on its own ("" if it does not)."""
    if item.open_case or item.assignee:
        rules = ", ".join(item.fired_rules)
        return f"rule: {rules}" if rules else "rule"
    if open_direct and (item.post.source == "direct" or item.post.visibility == "direct"):
        return "direct message"
    if item.labels.complaint >= threshold:
        return f"complaint {item.labels.complaint:.2f}"
    return ""


def _thread_case(db: Database, post: RemotePost, root: str,
                 before: dict[tuple[str, str, str], int],
                 touched: set[tuple[str, str]]) -> int | None:
    """:func:`records.thread_case` from what was read before the batch, unless the batch
    changed that thread (its answer to a brand reply is always read: it is rare)."""
    if (post.channel, root) in touched:
        return records.thread_case(db, post.channel, root, post.in_reply_to, post.server)
    found = before.get((post.channel, post.server, root))
    if found is None and post.in_reply_to:
        return records.thread_case(db, post.channel, None, post.in_reply_to, post.server)
    return found


def run(db: Database, items: list[Ingested]) -> None:
    threshold = float(team_settings.get(db, "complaint_threshold"))
    open_direct = bool(team_settings.get(db, "open_direct"))
    policy = None
    now = utcnow()
    # The mentions were stored without a case; only a case opened earlier in this batch
    # for their thread can have taken one along (a case takes the posts whose root, or
    # whose own id, is its thread's root), so only those are looked up.
    opened: set[tuple[str, str, str]] = set()
    todo = [item for item in items if not (item.closed or item.labels.spam or item.history)]
    # What opening a case reads of the mention itself, for the whole page in one statement.
    known = queries.mentions_for_case(db, [item.mention_id for item in todo])
    # Each thread's case as it was before this batch, for the whole page in one statement.
    roots = [item.thread_root or item.post.thread_root or item.post.remote_id for item in todo]
    before = records.thread_cases(db, [(item.post.channel, item.post.server, root)
                                       for item, root in zip(todo, roots, strict=True)])
    # Threads (channel, root) this batch has put a post of in a case: read again when asked.
    touched: set[tuple[str, str]] = set()
    for item, root in zip(todo, roots, strict=True):
        post = item.post
        place = (post.channel, post.server)
        maybe_taken = (*place, item.thread_root or "") in opened or (
            *place, post.remote_id) in opened
        case_id = records.case_of_mention(db, item.mention_id) if maybe_taken else None
        if case_id is not None:
            pass  # its thread's case was opened earlier in this batch and took it along
        elif (case_id := _thread_case(db, post, root, before, touched)) is None:
            reason = _reason(item, threshold, open_direct)
            if not reason:
                continue
            policy = policy or team_settings.policy(db)
            case_id = cases.open_case(db, item.mention_id, "", now, policy, reason, claim=False,
                                      known=known.get(item.mention_id))
            opened.add((*place, root))
        else:
            policy = policy or team_settings.policy(db)
            cases.customer_wrote(db, case_id, item.mention_id, now, policy,
                                 priority=item.labels.priority)
        touched.update({(post.channel, root), (post.channel, item.thread_root or ""),
                        (post.channel, post.remote_id)})
        if item.assignee:
            current = records.get_case(db, case_id)
            if current is not None and not current.assignee:
                cases.assign(db, case_id, item.assignee, "", now)
