"""Case file test set-up: a workspace with two cases (threads, notes, tags, history,
a customer with accounts on two networks) and one unrelated mention."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from console.accounts import queries as accounts
from console.app.runtime import Runtime
from console.sync.ingest import ingest
from tests.builders import make_author, make_post

TOKEN = "tok-7f3a9c-never-in-a-case-file"
ACCOUNT_SECRET_SETTING = "usr-42-private-setting"


@dataclass
class Seeded:
    """Ids of what the seeded workspace holds."""

    complaint_case: int
    question_case: int
    unrelated_mention: int


def seed(rt: Runtime) -> Seeded:
    store = rt.workspace.store
    account = accounts.add_account(store, "mastodon", "http://127.0.0.1:9", handle="ventalia",
                                   remote_id="1",
                                   settings={"max_characters": 500,
                                             "username": ACCOUNT_SECRET_SETTING})
    rt.workspace.secrets.set(account.id, "token", TOKEN)
    ana, ana_sky = make_author(1, display_name="Ana Ruiz"), make_author(
        2, channel="bluesky", remote_id="did:plc:ana", handle="ana.bsky.example",
        display_name="Ana R.")
    bob, carla = make_author(3, display_name="Bob Pérez"), make_author(4, display_name="Carla")
    posts = [
        make_post(1, "@ventalia my order arrived broken, I want a refund now", ana),
        make_post(2, "@ventalia still no answer about the broken blender", ana,
                  in_reply_to="1", thread_root="1"),
        make_post(3, "@ventalia do you ship to Canarias?", bob),
        make_post(4, "@ventalia nice shop, thanks", carla),
        make_post(5, "ana also posts here about ventalia", ana_sky, channel="bluesky",
                  remote_id="at://ana/5"),
    ]
    ingest(store, rt.triager, account.id, posts, None, None, "ventalia", "1")
    ids = {row[1]: row[0] for row in store.db.execute_sql(
        "SELECT id, remote_id FROM mention").fetchall()}
    first = rt.cases.case_for_mention(ids["1"]) or rt.cases.open_case(ids["1"])
    if rt.cases.case_for_mention(ids["2"]) is None:
        rt.cases.attach(first.id, ids["2"])
    question = rt.cases.case_for_mention(ids["3"]) or rt.cases.open_case(ids["3"])
    rt.cases.add_note(first.id, "Customer sent photos by DM; replacement approved.")
    rt.cases.add_tag(first.id, "breakage")
    rt.cases.set_status(first.id, "open")
    rt.cases.add_note(question.id, "Shipping to the islands takes 5 days.")
    author_ids = [row[0] for row in store.db.execute_sql(
        "SELECT id FROM author WHERE display_name LIKE 'Ana%' ORDER BY id").fetchall()]
    rt.people.link(author_ids)
    rt.replies.send(ids["1"], "Sorry Ana, we are sending a new one today.")
    return Seeded(first.id, question.id, ids["4"])


def folder_fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file's SHA-256 and modification time in ``folder``."""
    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(),
                                         p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def seeded(runtime: Runtime) -> Seeded:
    return seed(runtime)
