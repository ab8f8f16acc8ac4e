"""The ingest step that links authors into a customer, but only when the link is certain.

Certain means: two profiles show the same website or e-mail in fields the network
verified, or one profile's verified field points at the other account (Mastodon checks
`rel=me` both ways before it marks a link verified). Nothing else creates a customer on
ingest: no customer per mention, no guesses (those are suggestions for an agent), never
a Reddit author, never a pair an agent rejected, and never two existing customers merged
behind the agents' backs.

Runs inside the ingest transaction (see :mod:`console.sync.pipeline`). A profile whose
verified fields were already checked is not checked again in this process. The lookups
are in :mod:`console.people.queries.profiles`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from peewee import Database

from console.mentions.ingested import Ingested
from console.people import customers, evidence, names
from console.people.evidence import Profile
from console.people.queries import profiles as queries
from console.people.records import REDDIT, PeopleError

log = logging.getLogger(__name__)
AGENT = "auto"

# (database file, author id) -> the fields and URL last checked; bounded.
_checked: dict[tuple[str, int], str] = {}
_CHECKED_LIMIT = 100_000


@dataclass(frozen=True)
class CertainLink:
    """Two authors that are certainly one person, and the evidence."""

    a: int
    b: int
    reason: str


def _verified_fields(profile: Profile) -> bool:
    return any(verified for _name, _value, verified in profile.fields)


def _verified_keys(profile: Profile) -> set[str]:
    keys = {site for site, verified in profile.sites.items() if verified}
    for _name, value, verified in profile.fields:
        if verified:
            keys |= names.emails(value)
    return keys


def _profiles_mentioning(db: Database, needles: set[str]) -> list[Profile]:
    """Authors with a verified field whose fields contain one of `needles`.

    Only a verified field can make a link certain, so the cheap test for one comes first
    and the substring tests run on those rows alone.
    """
    wanted = sorted(needles)[:40]
    if not wanted:
        return []
    rows = queries.verified_profiles_holding(db, wanted, REDDIT)
    return [Profile(int(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]), str(r[5]),
                    evidence.parse_fields(r[6]), r[7]) for r in rows]


def certain_links(db: Database, author_ids: Sequence[int]) -> list[CertainLink]:
    """Certain links between `author_ids` and any stored author (Reddit never)."""
    from console.people.suggest import load_profiles

    batch = {i: p for i, p in load_profiles(db, author_ids).items() if p.channel != REDDIT}
    needles: set[str] = set()
    for profile in batch.values():
        needles |= _verified_keys(profile)
        needles |= {a for a in profile.addresses if "/" in a}
    others = {p.id: p for p in _profiles_mentioning(db, needles)}
    found: dict[tuple[int, int], str] = {}

    def add(a: int, b: int, reason: str) -> None:
        if a != b:
            found.setdefault((min(a, b), max(a, b)), reason)

    verified = {i: _verified_fields(p) for i, p in (others | batch).items()}
    for profile in batch.values():
        mine = _verified_keys(profile)
        for other in (others | batch).values():
            # Only a verified field makes a link certain: one side at least needs one.
            if other.id == profile.id or not (verified[profile.id] or verified[other.id]):
                continue
            shared = mine & _verified_keys(other)
            if shared:
                add(profile.id, other.id, f"same verified website or e-mail {min(shared)}")
            elif profile.links_to(other)[1]:
                add(profile.id, other.id, f"{profile.label} links to {other.label} (rel=me)")
            elif other.links_to(profile)[1]:
                add(profile.id, other.id, f"{other.label} links to {profile.label} (rel=me)")
        targets = _verified_targets(profile)
        if targets:
            for other_id, other_url, other_handle in _authors_at(db, targets, profile.id):
                target = Profile(other_id, "", other_handle, "", other_url)
                if profile.links_to(target)[1]:
                    add(profile.id, other_id,
                        f"{profile.label} links to {target.label} (rel=me)")
    return [CertainLink(a, b, why) for (a, b), why in sorted(found.items())]


def _verified_targets(profile: Profile) -> set[str]:
    out = set()
    for _name, value, verified in profile.fields:
        if verified:
            out |= names.websites(value)
    return out


def _authors_at(db: Database, sites: set[str], exclude: int) -> list[tuple[int, str, str]]:
    """Authors whose profile URL is one of `sites` (normalised), wherever they post."""
    variants = sorted({f"{scheme}://{prefix}{site}{slash}" for site in list(sites)[:12]
                       for scheme in ("https", "http") for prefix in ("", "www.")
                       for slash in ("", "/")})
    return [(author_id, url, handle)
            for author_id, url, handle, channel in queries.authors_with_url(db, variants, exclude)
            if channel != REDDIT and names.normal_url(url) in sites]


def apply_link(db: Database, link: CertainLink) -> int | None:
    """Attach the pair to one customer when allowed; returns the customer id or None."""
    if customers.decision_for(db, link.a, link.b) == "rejected":
        return None
    owners = {customers.customer_of(db, link.a), customers.customer_of(db, link.b)}
    owners.discard(None)
    if len(owners) > 1:
        return None  # two customers already: merging is an agent's call
    try:
        result = customers.link(db, [link.a, link.b], agent=AGENT,
                                reasons=f"certain: {link.reason}", confidence=1.0)
    except PeopleError as exc:
        log.info("certain link %s-%s not applied: %s", link.a, link.b, exc)
        return None
    return result.customer_id


def _unchecked(db: Database, author_ids: set[int]) -> list[int]:
    if not author_ids:
        return []
    place = str(getattr(db, "database", ""))
    fresh = []
    for author_id, state, channel in queries.profile_states(db, sorted(author_ids)):
        key = (place, author_id)
        if channel == REDDIT or _checked.get(key) == state:
            continue
        if len(_checked) >= _CHECKED_LIMIT:
            _checked.clear()
        _checked[key] = state
        fresh.append(author_id)
    return fresh


def run(db: Database, items: list[Ingested]) -> None:
    """Pipeline entry point: certain links for the authors of the mentions just stored."""
    ids = _unchecked(db, {item.author_id for item in items
                          if item.post.author.channel != REDDIT})
    if not ids:
        return
    for link in certain_links(db, ids):
        apply_link(db, link)
