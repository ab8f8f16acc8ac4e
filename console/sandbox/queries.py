"""Read-only questions about the sandbox state: threads, search and hashtag timelines.

Callers hold ``state.lock``.
"""

from __future__ import annotations

from . import render
from .state import SandboxState, StatusRec


def context(state: SandboxState, status_id: str) -> tuple[list[StatusRec], list[StatusRec]]:
    status = state.status(status_id)
    ancestors: list[StatusRec] = []
    parent = state.statuses.get(status.in_reply_to_id or "")
    while parent is not None and len(ancestors) < 4096:
        ancestors.insert(0, parent)
        parent = state.statuses.get(parent.in_reply_to_id or "")
    children: dict[str, list[StatusRec]] = {}
    for sid in state.order:
        rec = state.statuses[sid]
        if rec.in_reply_to_id:
            children.setdefault(rec.in_reply_to_id, []).append(rec)
    descendants: list[StatusRec] = []
    stack = list(reversed(children.get(status.id, [])))
    while stack:
        rec = stack.pop()
        descendants.append(rec)
        stack.extend(reversed(children.get(rec.id, [])))
    return ancestors, descendants


def thread_root(state: SandboxState, status: StatusRec) -> StatusRec:
    seen = 0
    while status.in_reply_to_id in state.statuses and seen < 4096:
        status = state.statuses[status.in_reply_to_id or ""]
        seen += 1
    return status


def search(state: SandboxState, query: str) -> list[StatusRec]:
    """Statuses matching ``query`` that Mastodon's full-text search lets the brand find."""
    found = []
    for sid in state.order:
        rec = state.statuses[sid]
        person = state.accounts[rec.account_id].person
        tags_brand = state.brand_id in rec.mention_ids
        own = rec.account_id == state.brand_id
        indexable = person.indexable and rec.visibility in ("public", "unlisted")
        if (indexable or tags_brand or own) and render.matches_query(rec.text, query):
            found.append(rec)
    return found


def tagged(state: SandboxState, tag: str) -> list[StatusRec]:
    wanted = tag.lower()
    return [
        rec
        for rec in (state.statuses[sid] for sid in state.order)
        if rec.visibility == "public" and wanted in (t.lower() for t in rec.tags)
    ]
