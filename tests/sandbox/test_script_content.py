"""Content checks for the sandbox script (resources/sandbox/script.json).

The loader already enforces the hard rules of FORMAT.md; these tests check that the invented
data covers what the demo, agent training and the other tests rely on.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from console.sandbox.render import fold, hashtags, status_length
from console.sandbox.script import load_script, tags_user

SCRIPT_PATH = Path(__file__).resolve().parents[2] / "resources" / "sandbox" / "script.json"


@pytest.fixture(scope="module")
def raw() -> dict:
    return json.loads(SCRIPT_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def script():
    return load_script(SCRIPT_PATH)


@pytest.fixture(scope="module")
def posts(script):
    return [p for p in script.posts if p.by != "brand"]


def tags_brand(text: str) -> bool:
    return tags_user(text, "ventalia")


def test_loads_and_brand(script) -> None:
    assert script.brand.username == "ventalia"
    assert script.brand.display_name == "Ventalia Atención al Cliente"
    assert set(script.terms) == {"ventalia", "brisa"}
    assert set(script.hashtags) == {"ventalia", "ventaliafail"}


def test_counts(script, posts) -> None:
    assert len(posts) >= 330
    assert len(script.people) >= 65
    assert len({p.by for p in posts}) >= 65
    assert set(script.people) == {p.by for p in posts}, "every person posts at least once"


def test_language_ratio(posts) -> None:
    langs = Counter(p.lang for p in posts)
    es, en = langs["es"], langs["en"]
    assert 0.62 <= es / (es + en) <= 0.78
    assert sum(langs.values()) - es - en <= 10


def test_keys_and_replies(raw, script) -> None:
    keys = [p["key"] for p in raw["posts"]]
    assert len(keys) == len(set(keys))
    people_keys = [p["key"] for p in raw["people"]]
    assert len(people_keys) == len(set(people_keys))
    by_key = {}
    for post in script.posts:
        if post.reply_to is not None:
            parent = by_key[post.reply_to]
            assert parent.at < post.at, post.key
        by_key[post.key] = post
    assert sum(p.reply_to is not None for p in script.posts) >= 40


def test_timing(posts) -> None:
    backlog = [p for p in posts if p.at <= 0]
    trickle = [p for p in posts if p.at > 0]
    assert 0.33 <= len(backlog) / len(posts) <= 0.47
    assert min(p.at for p in backlog) >= -172800
    assert max(p.at for p in trickle) <= 7200
    # backlog spread over ~2 days, trickle over the whole demo window
    assert min(p.at for p in backlog) < -150000
    assert max(p.at for p in trickle) > 6000 and min(p.at for p in trickle) < 600


def test_direct_messages(script) -> None:
    directs = [p for p in script.posts if p.visibility == "direct"]
    assert len(directs) >= 12
    assert all(tags_brand(p.text) for p in directs)


def test_brand_follow_ups(posts) -> None:
    follow = [p for p in posts if p.on_brand_reply is not None]
    assert len(follow) >= 25
    assert all(tags_brand(p.on_brand_reply.text) for p in follow)
    assert {p.lang for p in follow} >= {"es", "en"}
    assert sum(p.visibility == "direct" for p in follow) >= 3


def test_tagged_and_untagged_complaints(posts) -> None:
    tagged = [p for p in posts if tags_brand(p.text)]
    untagged = [p for p in posts if not tags_brand(p.text) and "ventalia" in fold(p.text)]
    assert len(tagged) >= 60
    assert len(untagged) >= 100
    texts = [p.text for p in posts if not tags_brand(p.text)]
    for variant in ("bentalia", "Ventaila", "Ventalía", "VENTALIA", "ventalia.com", "ventaliia"):
        assert any(variant in t for t in texts), variant
    assert any("sigo esperando el pedido 48213" in t for t in texts)
    assert any("genial, otra semana sin mi lavadora" in t for t in texts)


def test_urgency_and_safety_cues(posts) -> None:
    folded = [fold(p.text) for p in posts]
    folded += [fold(p.on_brand_reply.text) for p in posts if p.on_brand_reply]
    for cue in (
        "tercera vez",
        "consumo",
        "abogado",
        "solicitor",
        "humo",
        "burnt plastic",
        "sernac",
        "profeco",
        "consumer protection",
    ):
        assert any(cue in t for t in folded), cue


def test_brisa_not_about_the_brand(posts) -> None:
    weather = [p for p in posts if "brisa" in fold(p.text) and "ventalia" not in fold(p.text)]
    assert len(weather) >= 15
    assert any(p.by == "clima" for p in weather)


def test_hashtags(posts) -> None:
    tags = Counter(t.lower() for p in posts for t in hashtags(p.text))
    assert tags["ventalia"] >= 5
    assert tags["ventaliafail"] >= 8
    assert any("VentaliaFail" in hashtags(p.text) and not tags_brand(p.text) for p in posts)


def test_spam_and_bots(script, posts) -> None:
    bots = [p for p in script.people.values() if p.bot]
    assert len(bots) >= 4
    repeated = Counter((p.by, p.text) for p in posts if script.people[p.by].bot)
    assert max(repeated.values()) >= 3
    spam = [
        p
        for p in posts
        if script.people[p.by].bot and "ventalia" in fold(p.text) and "https://" in p.text
    ]
    assert len(spam) >= 8


def test_threads_and_conversations(script, posts) -> None:
    by_key = {p.key: p for p in script.posts}
    self_replies = [p for p in posts if p.reply_to and by_key[p.reply_to].by == p.by]
    cross = [p for p in posts if p.reply_to and by_key[p.reply_to].by not in (p.by, "brand")]
    assert len(self_replies) >= 8
    assert len(cross) >= 20


def test_people(script, raw) -> None:
    people = list(script.people.values())
    followers = [p.followers for p in people]
    assert min(followers) <= 5 and max(followers) >= 250000
    assert sum(f >= 50000 for f in followers) >= 4
    assert sum(bool(p.fields) for p in people) >= 20
    assert sum(any(f.verified for f in p.fields) for p in people) >= 10
    not_indexable = sum(not p.indexable for p in people)
    assert 0.05 <= not_indexable / len(people) <= 0.15
    assert all(p.note == "" or "\n" not in p.note for p in people)


def test_same_human_on_two_servers(script) -> None:
    """Customer linking: same website, or same name once accents and case are folded."""
    groups: dict[str, set[str]] = defaultdict(set)
    for person in script.people.values():
        if person.bot:
            continue
        for f in person.fields:
            if f.value.startswith("https://"):
                groups["web:" + f.value].add(person.acct)
        name = re.sub(r"[^a-z ]", "", fold(person.display_name)).strip()
        groups["name:" + name].add(person.acct)
    pairs = set()
    for accts in groups.values():
        domains = {a.split("@")[-1] for a in accts}
        if len(accts) >= 2 and len(domains) >= 2:
            pairs.add(frozenset(accts))
    assert len(pairs) >= 8


def test_hostile_profiles(script) -> None:
    names = [p.display_name for p in script.people.values()]
    assert any("<script>" in n for n in names)
    assert any("[VERIFIED STAFF]" in n and "<img" in n for n in names)
    assert any("\u202e" in n for n in names)
    assert any("\u200b" in n for n in names)
    assert any("\u200d" in n for n in names)
    # homoglyphs of the brand: capital I for l in the handle, Cyrillic а in the name
    homo = [
        p
        for p in script.people.values()
        if p.username != "ventalia" and p.username.replace("I", "l").lower() == "ventalia"
    ]
    assert homo and any("\u0430" in p.display_name for p in homo)
    assert not tags_brand("@" + homo[0].username)


def test_hostile_posts(raw, script, posts) -> None:
    texts = [p.text for p in posts]
    longest = max(posts, key=lambda p: len(p.text))
    assert len(longest.text) > 2000 and status_length(longest.text) > 2000
    assert any("\u200d" in t for t in texts), "ZWJ emoji sequence"
    assert any(re.search("[\U0001f1e6-\U0001f1ff]{2}", t) for t in texts), "flag"
    assert any(re.search("[\U0001f3fb-\U0001f3ff]", t) for t in texts), "skin tone"
    assert any("\u202e" in t for t in texts)
    assert any("\u200b" in t for t in texts)
    assert any(any(unicodedata.bidirectional(c) == "AL" for c in t) for t in texts), "Arabic"
    assert any(any("\u0590" <= c <= "\u05ff" for c in t) for t in texts), "Hebrew"
    assert any("<script>" in t for t in texts), "markup typed as plain text"
    htmls = [p.html for p in script.posts if p.html]
    assert len(htmls) >= 3
    assert any('href="javascript:' in h for h in htmls)
    assert any('src="http://tracker.example/p.gif"' in h and 'width="20000"' in h for h in htmls)
    assert any('href="file:' in h for h in htmls)


def test_invented_domains_only(raw) -> None:
    domains = {p["domain"] for p in raw["people"] if p["domain"]}
    assert all(d.endswith((".example", ".test")) for d in domains)

    def strings(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for value in node.values():
                yield from strings(value)
        elif isinstance(node, list):
            for value in node:
                yield from strings(value)

    hosts = [h for s in strings(raw) for h in re.findall(r"(?:https?|file)://([^/\s\"'<>?]*)", s)]
    assert len(hosts) >= 20
    for host in hosts:
        assert host == "" or host.startswith("C:") or host.endswith((".example", ".test")), host


def test_file_is_plain_utf8_with_escaped_invisibles() -> None:
    text = SCRIPT_PATH.read_text(encoding="utf-8")
    for ch in ("\u200b", "\u200c", "\u200d", "\u202e", "\u202c", "\u00ad"):
        assert ch not in text, f"U+{ord(ch):04X} should be written as an escape"
    assert "\\u00e1" not in text.lower() and "á" in text
