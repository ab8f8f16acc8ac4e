"""Suggestions: which other accounts may belong to the same person, and why.

Candidates come from indexes, never from reading every author: the full-text index of
author names and handles, the profiles that mention the same website, e-mail or account,
the posts with the same order number, and the complaints posted around the same time.
Each candidate is then scored (see :mod:`console.people.evidence`).

Rules that always hold: a pair an agent rejected is never suggested again; Reddit
authors are never suggested (Reddit forbids matching its users with other identities);
accounts already in the same customer are not suggested. The lookups are in
:mod:`console.people.queries.profiles`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import timedelta

from peewee import Database

from console.mentions import queries as mentions
from console.people import customers, evidence, names
from console.people.evidence import Profile
from console.people.queries import profiles as queries
from console.people.records import REDDIT, Reason, Suggestion
from console.store.timeutil import from_db

PER_TERM = 300  # authors read per name or handle term
INCIDENT_WINDOW = timedelta(minutes=30)
POSTS_READ = 200  # the author's newest posts searched for order numbers


def load_profiles(db: Database, ids: Iterable[int]) -> dict[int, Profile]:
    out: dict[int, Profile] = {}
    for row in queries.profiles(db, dict.fromkeys(ids)):
        out[int(row[0])] = Profile(
            int(row[0]), str(row[1]), str(row[2]), str(row[3]), str(row[4]), str(row[5]),
            evidence.parse_fields(row[6]), row[7])
    return out


def name_terms(profile: Profile) -> set[tuple[str, bool]]:
    """(term, prefix?) pairs to look up in the index of author names and handles."""
    terms: set[tuple[str, bool]] = set()
    for token in profile.tokens:
        if len(token) >= 3:
            terms.add((token, False))
    if profile.tokens:
        for given in names.given_groups(profile.tokens[0]):
            terms.add((names.fold(given), False))
        if len(profile.tokens) >= 2:
            for combo in names.name_handles(profile.tokens):
                if len(combo) >= 5:
                    terms.add((combo, True))
    local = names.re_words(names.handle_local(profile.handle))
    for part in local:
        if len(part) >= 4:
            terms.add((part, True))
    if len(profile.key) >= 4:
        terms.add((profile.key[: max(4, len(profile.key) - 2)], True))
    return terms


def _by_name(db: Database, profile: Profile) -> set[int]:
    found: set[int] = set()
    for term, prefix in sorted(name_terms(profile)):
        found |= queries.authors_named(db, term, prefix, PER_TERM)
    return found


def _by_contact(db: Database, profile: Profile) -> tuple[set[int], dict[str, int]]:
    """Authors whose profile shares a website or e-mail with this one or links to it."""
    hosts = {names.site_host(s) for s in profile.sites} - names.PLATFORM_HOSTS
    needles = sorted({*profile.sites, *hosts, *profile.mails, *profile.addresses})[:24]
    if not needles:
        return set(), {}
    popularity: dict[str, int] = dict.fromkeys(needles, 0)
    found: set[int] = set()
    for author_id, text in queries.authors_sharing(db, profile.id, needles):
        found.add(author_id)
        for needle in needles:
            if needle in text:
                popularity[needle] += 1
    return found, popularity


def _post_numbers(db: Database, author_ids: Sequence[int]) -> tuple[set[str], set[str]]:
    qualified: set[str] = set()
    plain: set[str] = set()
    for text in queries.post_texts(db, author_ids, POSTS_READ):
        qualified |= evidence.order_numbers(text)
        plain |= evidence.numbers(text)
    return qualified, plain


def _by_order(db: Database, profile: Profile) -> dict[int, list[Reason]]:
    """Other authors who wrote the same order/case number (named as one by either side)."""
    qualified, plain = _post_numbers(db, [profile.id])
    found: dict[int, list[Reason]] = {}
    for number in sorted(plain | qualified)[:20]:
        rows = queries.posts_with_number(db, number)
        authors = {r[0] for r in rows} - {profile.id}
        if not authors or len(authors) > 4:
            continue  # a model number or a price many people write, not an order
        for author_id, text in rows:
            if author_id == profile.id:
                continue
            if number in qualified or number in evidence.order_numbers(text):
                reasons = found.setdefault(author_id, [])
                if all(r.text != evidence.order_reason(number).text for r in reasons):
                    reasons.append(evidence.order_reason(number))
    return found


def brand_terms(db: Database) -> set[str]:
    terms = {term.lstrip("#") for term in queries.watch_terms(db)}
    terms |= set(queries.account_handles(db))
    return {t for t in terms if t}


def _by_incident(db: Database, profile: Profile) -> dict[int, list[Reason]]:
    """Other authors complaining about the same thing within half an hour."""
    ignore = brand_terms(db)
    found: dict[int, list[Reason]] = {}
    mine = queries.complaints_of(db, profile.id)
    window = int(INCIDENT_WINDOW.total_seconds() * 1000)
    minutes = int(INCIDENT_WINDOW.total_seconds() // 60)
    for created, text, reason in mine:
        when = from_db(created)
        assert when is not None
        millis = int(when.timestamp() * 1000)
        words = evidence.incident_words(text, ignore)
        if len(words) < 2:
            continue
        # A feed key holds the post's time in milliseconds above its low 20 bits.
        for author_id, other_text, other_reason in queries.complaints_between(
                db, max(0, millis - window) << 20, ((millis + window) << 20) | 0xFFFFF,
                profile.id):
            shared = words & evidence.incident_words(other_text, ignore)
            same_reason = reason == other_reason and reason not in ("none", "other", "")
            if len(shared) >= 3 or (same_reason and len(shared) >= 2):
                found.setdefault(author_id, [evidence.incident_reason(shared, minutes)])
    return found


def _excluded(db: Database, profile: Profile) -> set[int]:
    skip = {profile.id} | customers.rejected_with(db, profile.id)
    if profile.customer_id is not None:
        skip |= set(customers.author_ids_of(db, profile.customer_id))
    return skip


def suggestions_for(db: Database, author_id: int, limit: int = 10,
                    min_confidence: float = evidence.MIN_CONFIDENCE) -> list[Suggestion]:
    """The accounts most likely to be the same person as `author_id`, best first."""
    profile = load_profiles(db, [author_id]).get(author_id)
    if profile is None or profile.channel == REDDIT:
        return []
    contact, popularity = _by_contact(db, profile)
    orders = _by_order(db, profile)
    incidents = _by_incident(db, profile)
    candidates = (_by_name(db, profile) | contact | set(orders) | set(incidents)) \
        - _excluded(db, profile)
    profiles = load_profiles(db, candidates)
    same_name = sum(1 for p in profiles.values() if p.tokens and p.tokens == profile.tokens)
    out = []
    for other in profiles.values():
        if other.channel == REDDIT:
            continue
        if profile.customer_id is not None and other.customer_id == profile.customer_id:
            continue
        homonyms = same_name - 1 if other.tokens == profile.tokens else same_name
        extra = [*orders.get(other.id, ()), *incidents.get(other.id, ())]
        conf, reasons = evidence.score(profile, other, homonyms=homonyms,
                                       popularity=popularity, extra=extra)
        if conf >= min_confidence:
            out.append(Suggestion(profile.id, other.id, conf, reasons,
                                  mentions.author_info(other.id), other.customer_id))
    out.sort(key=lambda s: (-s.confidence, s.other_id))
    return out[:limit]


def suggestions_for_person(db: Database, author_ids: Sequence[int],
                           limit: int = 10) -> list[Suggestion]:
    """Suggestions for any account of one person (the best per other account)."""
    best: dict[int, Suggestion] = {}
    # An account an agent said is not one of this person's is not this person at all.
    rejected = set().union(*(customers.rejected_with(db, a) for a in author_ids))
    for author_id in list(author_ids)[:10]:
        for suggestion in suggestions_for(db, author_id, limit):
            if suggestion.other_id in author_ids or suggestion.other_id in rejected:
                continue
            known = best.get(suggestion.other_id)
            if known is None or suggestion.confidence > known.confidence:
                best[suggestion.other_id] = suggestion
    return sorted(best.values(), key=lambda s: (-s.confidence, s.other_id))[:limit]


def recent_suggestions(db: Database, limit: int = 30, authors: int = 300) -> list[Suggestion]:
    """The strongest suggestions among the authors who wrote most recently (each pair once)."""
    recent = list(dict.fromkeys(queries.recent_author_ids(db, authors * 20)))[:authors]
    seen: set[tuple[int, int]] = set()
    out: list[Suggestion] = []
    for author_id in recent:
        for suggestion in suggestions_for(db, author_id, 5):
            pair = (min(author_id, suggestion.other_id), max(author_id, suggestion.other_id))
            if pair not in seen:
                seen.add(pair)
                out.append(suggestion)
    out.sort(key=lambda s: (-s.confidence, s.author_id, s.other_id))
    return out[:limit]


def explain(db: Database, author_id: int, other_id: int) -> Suggestion | None:
    """The reasons for one pair, whether or not it would be suggested (None if unknown)."""
    profiles = load_profiles(db, [author_id, other_id])
    if author_id not in profiles or other_id not in profiles or author_id == other_id:
        return None
    a, b = profiles[author_id], profiles[other_id]
    extra = list(_by_order(db, a).get(other_id, ()))
    conf, reasons = evidence.score(a, b, extra=extra)
    return Suggestion(author_id, other_id, conf, reasons, mentions.author_info(other_id),
                      b.customer_id)
