"""A name of a million characters is stored capped and checked in a moment.

One such display name froze the window for 12 s when its post was selected (the look-alike
check folded the whole name three times) and three such posts made an 11 MB database.
"""

from __future__ import annotations

import json
import time

from console.app.runtime import Runtime
from console.channels.base import ProfileField
from console.mentions import queries as mentions
from console.store.models import Author
from console.sync.ingest import ingest
from console.trust.lookalike import BrandIdentity, check
from console.trust.unicode import BIO_LIMIT, HANDLE_LIMIT, NAME_LIMIT
from tests.builders import make_author, make_post

MILLION = 1_000_000
BRAND = BrandIdentity("mastodon", "ventalia", "Ventalia Atención al Cliente", "1",
                      "social.ventalia.example")


def test_a_huge_profile_is_stored_capped_and_the_raw_payload_kept(runtime: Runtime) -> None:
    name = "Ventalia Soporte " + "x" * MILLION
    author = make_author(4, display_name=name, handle="h" * MILLION, bio="b" * MILLION,
                         fields=(ProfileField("n" * MILLION, "v" * MILLION, False),),
                         raw={"display_name": name})
    result = ingest(runtime.workspace.store, runtime.triager, None,
                    [make_post(1, author=author)], None, None, "ventalia", "1")
    detail = mentions.mention_detail(result.added[0])
    assert detail is not None
    stored = detail.author
    assert len(stored.display_name) == NAME_LIMIT and stored.display_name.startswith(
        "Ventalia Soporte x")
    assert len(stored.handle) == HANDLE_LIMIT and len(stored.bio) == BIO_LIMIT
    assert all(len(key) <= BIO_LIMIT and len(value) <= BIO_LIMIT
               for key, value, _ in stored.fields)
    raw = Author.get_by_id(stored.id).payload
    assert json.loads(raw)["display_name"] == name  # what the network sent, kept whole
    indexed = runtime.workspace.store.db.execute_sql(
        "SELECT author FROM mention_fts").fetchone()[0]
    assert indexed.startswith("Ventalia Soporte x") and indexed.endswith("h" * HANDLE_LIMIT)
    assert len(indexed) <= NAME_LIMIT + HANDLE_LIMIT + 1


def test_the_lookalike_check_reads_a_bounded_prefix() -> None:
    started = time.perf_counter()
    found = check("mastodon", "99", "ana@x.example", "Ventalia Soporte " + "x" * MILLION,
                  [BRAND])
    hidden = check("mastodon", "99", "ana@x.example", "\u200b" * MILLION, [BRAND])
    elapsed = time.perf_counter() - started
    assert found is not None and "presents itself as the brand's @ventalia" in found.reason
    assert len(found.warning) < 300  # the reason quotes the name, not a million letters
    assert hidden is None
    assert elapsed < 0.5
