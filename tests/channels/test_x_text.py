"""X's weighted length, a watch in X's query syntax, and the posts read this month."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from console.channels.base import ChannelError, ReplyRules, WatchSpec
from console.channels.weighted import count_weighted
from console.channels.x.channel import rules, rules_for_post
from console.channels.x.query import ReadMeter, build_query
from console.replies.reply_rules import refusal


@pytest.mark.parametrize("text, weight", [
    ("hola", 4),
    ("café", 4),  # NFC: é is one character whether typed composed or not
    ("cafe\u0301", 4),
    ("Привет", 6),  # Cyrillic weighs 1
    ("日本語", 6),  # CJK weighs 2
    ("👍", 2), ("👍🏽", 2), ("👨‍👩‍👧‍👦", 2), ("🇵🇪", 2),  # an emoji is 2, however built
    ("https://ventalia.example/ayuda/una/ruta/muy/larga?con=parametros", 23),
    ("mira ventalia.com/brisa.", 5 + 23 + 1),  # a bare domain is a link too; the dot is not
    ("©", 1),
])
def test_weighted_length_as_x_counts_it(text: str, weight: int) -> None:
    assert count_weighted(text) == weight


def test_the_composer_counts_weighted_characters_against_280() -> None:
    limit = rules()
    assert (limit.unit, limit.limit) == ("weighted", 280)
    assert refusal("配" * 140, limit) == ""
    assert "1 weighted character over the limit of 280" in refusal("配" * 140 + "a", limit)
    link = "Detalles: https://ventalia.example/" + "x" * 400
    assert limit.measure(link) == 10 + 23 and refusal(link, limit) == ""


def test_a_post_that_did_not_summon_the_brand_is_answered_by_hand() -> None:
    base = ReplyRules("characters", 500)
    tagged = rules_for_post({"summoned": True}, base)
    assert (tagged.unit, tagged.limit, tagged.manual, tagged.can_reply) == (
        "weighted", 280, False, True)
    found = rules_for_post({"summoned": False}, base)
    assert found.manual and found.can_reply
    assert "mentioned or quoted the brand" in found.reason
    assert rules_for_post({}, base).manual  # unknown: never risk a refused API reply


@pytest.mark.parametrize("watch, query", [
    (WatchSpec(1, "ventalia"), "ventalia -is:retweet -from:ventalia"),
    (WatchSpec(1, "brisa de torre", lang="es"), '"brisa de torre" lang:es -is:retweet '
     "-from:ventalia"),
    (WatchSpec(1, "#VentaliaFail", kind="hashtag"), "#VentaliaFail -is:retweet -from:ventalia"),
    (WatchSpec(1, "ventalia", exclude=("sorteo", "cripto gratis")),
     'ventalia -sorteo -"cripto gratis" -is:retweet -from:ventalia'),
    (WatchSpec(1, 'say "hi" lang:en'), '"say hi lang:en" -is:retweet -from:ventalia'),
])
def test_watches_in_x_query_syntax(watch: WatchSpec, query: str) -> None:
    assert build_query(watch, "ventalia") == query


def test_a_query_x_would_refuse_is_one_sentence() -> None:
    with pytest.raises(ChannelError, match="longer than 512"):
        build_query(WatchSpec(1, "ventalia", exclude=tuple(f"palabra{i}" for i in range(60))))
    with pytest.raises(ChannelError, match="not a hashtag"):
        build_query(WatchSpec(1, "#no vale", kind="hashtag"))


def test_reads_are_counted_per_month_and_a_budget_is_spent() -> None:
    now = [datetime(2026, 8, 30, tzinfo=UTC)]
    meter = ReadMeter({"x_read_budget": 150}, lambda: now[0])
    meter.add(100, search=False)
    meter.add(30, search=True)
    assert not meter.spent and meter.left() == 20
    assert meter.note() == "130 of 150 posts read from X this month"
    assert meter.settings() == {"x_reads": {"month": "2026-08", "posts": 130, "search": 30}}
    assert meter.settings() == {}  # nothing new to keep
    meter.add(25, search=True)
    assert meter.spent
    assert "keyword search stops until 2026-09-01" in meter.note()
    now[0] = datetime(2026, 9, 1, tzinfo=UTC)  # a new month: the count starts again
    assert not meter.spent and meter.posts == 0
    kept = ReadMeter({"x_reads": {"month": "2026-09", "posts": 7, "search": 2}}, lambda: now[0])
    assert (kept.posts, kept.budget) == (7, None)
    assert kept.note() == "7 posts read from X this month"
