"""Why two accounts may be one person: the reasons and their weights (no database here).

Each reason carries a weight in 0..1; the confidence of a pair is their noisy-OR
(1 - Π(1 - w)). A name alone never reaches a suggestion when it is common or shared by
several accounts (homonyms); a verified link between two profiles is certain.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from console.i18n import translate
from console.people import names
from console.people.records import Reason

MIN_CONFIDENCE = 0.3  # below this a pair is not worth an agent's time
HOMONYMS = 3  # this many other accounts with the same name make it a common name
POPULAR_SITE = 5  # a website in more profiles than this says nothing about one person

W_NAME, W_NAME_SHORT, W_NICKNAME, W_NAME_PART, W_COMMON_NAME = 0.5, 0.2, 0.45, 0.35, 0.15
W_HANDLE, W_HANDLE_NEAR, W_HANDLE_NAME, W_HANDLE_INITIALS = 0.4, 0.3, 0.3, 0.2
W_HANDLE_NAME_COMMON = 0.1
W_SITE, W_SITE_ONE_VERIFIED, W_SAME_DOMAIN, W_EMAIL, W_EMAIL_SITE = 0.5, 0.65, 0.35, 0.6, 0.35
W_CROSSLINK, W_CERTAIN, W_ORDER, W_INCIDENT = 0.75, 0.99, 0.55, 0.15


@dataclass
class Profile:
    """One author reduced to what comparing needs (keys computed once)."""

    id: int
    channel: str
    handle: str
    display_name: str
    url: str = ""
    bio: str = ""
    fields: Sequence[tuple[str, str, bool]] = ()
    customer_id: int | None = None
    tokens: list[str] = field(init=False)
    key: str = field(init=False)
    sites: dict[str, bool] = field(init=False)  # normalised website -> verified
    mails: set[str] = field(init=False)
    addresses: set[str] = field(init=False)

    def __post_init__(self) -> None:
        self.tokens = names.name_tokens(self.display_name)
        self.key = names.handle_key(self.handle)
        self.sites = {}
        self.mails = names.emails(self.bio)
        for site in names.websites(self.bio):
            self.sites.setdefault(site, False)
        for _name, value, verified in self.fields:
            for site in names.websites(value):
                self.sites[site] = self.sites.get(site, False) or verified
            self.mails |= names.emails(value)
        self.addresses = names.profile_addresses(self.url, self.handle)

    @property
    def label(self) -> str:
        return "@" + self.handle.lstrip("@")

    def links_to(self, other: Profile) -> tuple[bool, bool]:
        """(links to `other`'s account at all, through a verified field)."""
        hit = verified_hit = False
        for _name, value, verified in self.fields:
            if names.mentions_of(value, other.addresses):
                hit = True
                verified_hit = verified_hit or verified
        if not hit and names.mentions_of(self.bio, other.addresses):
            hit = True
        return hit, verified_hit


def parse_fields(raw: str | None) -> tuple[tuple[str, str, bool], ...]:
    """Profile fields as stored: a JSON list of [name, value, verified] or of objects."""
    try:
        items: Any = json.loads(raw or "[]")
    except ValueError:
        return ()
    out = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, list | tuple) and len(item) >= 2:
            out.append((str(item[0]), str(item[1]), bool(item[2]) if len(item) > 2 else False))
        elif isinstance(item, dict):
            out.append((str(item.get("name", "")), str(item.get("value", "")),
                        bool(item.get("verified"))))
    return tuple(out)


def confidence(reasons: Iterable[Reason]) -> float:
    remaining = 1.0
    for reason in reasons:
        remaining *= 1.0 - max(0.0, min(reason.weight, 0.999))
    return round(1.0 - remaining, 3)


def name_reasons(a: Profile, b: Profile, homonyms: int = 0) -> list[Reason]:
    ta, tb = a.tokens, b.tokens
    if not ta or not tb:
        return []
    common = names.is_common_name(ta) or names.is_common_name(tb) or homonyms >= HOMONYMS
    reason: Reason | None = None
    if ta == tb:
        weight = W_NAME if len(ta) >= 2 else W_NAME_SHORT
        reason = Reason("name", translate("PeopleReasons", "same display name"), weight)
    elif len(ta) >= 2 and len(tb) >= 2 and ta[-1] == tb[-1] and names.same_given(ta[0], tb[0]):
        if len(ta) == len(tb) and ta[1:] == tb[1:]:
            reason = Reason("nickname", translate("PeopleReasons", "same name ({one} = {other})")
                            .format(one=ta[0].capitalize(), other=tb[0].capitalize()),
                            W_NICKNAME)
        elif set(ta[1:-1]) <= set(tb[1:-1]) or set(tb[1:-1]) <= set(ta[1:-1]):
            reason = Reason("name", _longer(), W_NAME_PART)
    elif len(ta) >= 2 and len(tb) >= 2 and (set(ta) < set(tb) or set(tb) < set(ta)) \
            and ta[-1] == tb[-1]:
        reason = Reason("name", _longer(), W_NAME_PART)
    if reason is None:
        return []
    if common:
        why = (translate("PeopleReasons", "{count} other accounts share it").format(
            count=homonyms) if homonyms >= HOMONYMS
            else translate("PeopleReasons", "a common name"))
        reason = Reason(reason.code, translate("PeopleReasons", "{reason} ({why})").format(
            reason=reason.text, why=why), min(reason.weight, W_COMMON_NAME))
    return [reason]


def _longer() -> str:
    return translate("PeopleReasons", "same name, one written longer")


def _similar(a: Profile, b: Profile) -> str:
    return translate("PeopleReasons", "similar handles ({one} and {other})").format(
        one=a.label, other=b.label)


def handle_reasons(a: Profile, b: Profile) -> list[Reason]:
    out = []
    ka, kb = a.key, b.key
    if len(ka) >= 5 and len(kb) >= 5:
        if ka == kb:
            out.append(Reason("handle", _similar(a, b), W_HANDLE))
        else:
            limit = 2 if min(len(ka), len(kb)) >= 10 else 1
            if min(len(ka), len(kb)) >= 6 and names.edit_distance(ka, kb, limit) <= limit:
                out.append(Reason("handle", _similar(a, b), W_HANDLE_NEAR))
    for mine, theirs in ((a, b), (b, a)):
        spelled = names.name_handles(theirs.tokens).get(mine.key) if len(mine.key) >= 5 else None
        if len(theirs.tokens) >= 2 and spelled is not None and (not out or mine.key != theirs.key):
            weight = (W_HANDLE_NAME_COMMON if names.is_common_name(theirs.tokens)
                      else W_HANDLE_NAME if spelled else W_HANDLE_INITIALS)
            out.append(Reason("handle_name", translate(
                "PeopleReasons", "handle {handle} spells the name {name}").format(
                handle=mine.label, name=" ".join(theirs.display_name.split())), weight))
            break
    return out


def contact_reasons(a: Profile, b: Profile,
                    popularity: dict[str, int] | None = None) -> list[Reason]:
    """Same website or e-mail in bios or fields; a profile linking to the other account."""
    popular = popularity or {}
    out = []
    for site in sorted(set(a.sites) & set(b.sites)):
        if popular.get(site, 0) > POPULAR_SITE:
            continue
        verified = a.sites[site] + b.sites[site]
        if verified == 2:
            out.append(Reason("website", translate(
                "PeopleReasons", "same verified website {site}").format(site=site),
                W_CERTAIN, True))
        else:
            weight = W_SITE_ONE_VERIFIED if verified else W_SITE
            out.append(Reason("website", translate(
                "PeopleReasons", "same website {site}").format(site=site), weight))
    if not out:
        hosts_a = {names.site_host(s): s for s in a.sites}
        for site in b.sites:
            host = names.site_host(site)
            other = hosts_a.get(host)
            if other and (other == host or site == host) and host not in names.PLATFORM_HOSTS \
                    and popular.get(host, 0) <= POPULAR_SITE:
                out.append(Reason("website", translate(
                    "PeopleReasons", "websites on the same domain {host}").format(host=host),
                    W_SAME_DOMAIN))
                break
    for mail in sorted(a.mails & b.mails):
        out.append(Reason("email", translate(
            "PeopleReasons", "same e-mail address {mail}").format(mail=mail), W_EMAIL))
    if not any(r.code == "email" for r in out):
        for mine, theirs in ((a, b), (b, a)):
            domains = {m.split("@", 1)[1] for m in mine.mails} - names.MAIL_PROVIDERS
            shared = domains & {names.site_host(s) for s in theirs.sites}
            if shared:
                out.append(Reason("email", translate(
                    "PeopleReasons", "e-mail at the same website {site}").format(
                    site=min(shared)), W_EMAIL_SITE))
                break
    for mine, theirs in ((a, b), (b, a)):
        hit, verified = mine.links_to(theirs)
        if verified:
            out.append(Reason("crosslink", translate(
                "PeopleReasons", "{one} has a verified link to {other} (rel=me)").format(
                one=mine.label, other=theirs.label), W_CERTAIN, True))
        elif hit:
            out.append(Reason("crosslink", translate(
                "PeopleReasons", "{one}'s profile links to {other}").format(
                one=mine.label, other=theirs.label), W_CROSSLINK))
    return out


# --- what they wrote ------------------------------------------------------------------------

_ORDER_WORDS = (r"pedidos?|orders?|orden|casos?|cases?|tickets?|tiques?|reclamos?|"
                r"reclamaci[oó]n|incidencias?|facturas?|invoices?|seguimiento|tracking|"
                r"referencia|ref|n[º°o]\.?|nro\.?|n[uú]mero|numbers?|rma")
_ORDER_AFTER = re.compile(rf"(?<![\w])(?:{_ORDER_WORDS})(?![\w])[^\d\n]{{0,25}}?#?\s*"
                          r"(\d{5,12})(?!\d)", re.IGNORECASE)
_ORDER_BEFORE = re.compile(rf"(?<!\d)(\d{{5,12}})(?!\d)[^\d\n]{{0,12}}(?<![\w])"
                           rf"(?:{_ORDER_WORDS})(?![\w])", re.IGNORECASE)
_HASH_NUMBER = re.compile(r"#\s?(\d{5,12})(?!\d)")
_NUMBER = re.compile(r"(?<![\d.,])(\d{5,12})(?![\d]|[.,]\d)")


def order_numbers(text: str) -> set[str]:
    """Numbers of 5+ digits written next to "pedido", "order", "caso", "ticket"..."""
    found = {m.group(1) for m in _ORDER_AFTER.finditer(text)}
    found |= {m.group(1) for m in _ORDER_BEFORE.finditer(text)}
    found |= {m.group(1) for m in _HASH_NUMBER.finditer(text)}
    return found


def numbers(text: str) -> set[str]:
    """Every standalone number of 5 to 12 digits (amounts like 3,480 are not)."""
    return {m.group(1) for m in _NUMBER.finditer(text)}


def order_reason(number: str) -> Reason:
    return Reason("order", translate(
        "PeopleReasons", "both wrote about order or case number {number}").format(
        number=number), W_ORDER)


_STOP = frozenset({
    "para", "pero", "porque", "como", "cuando", "donde", "desde", "hasta", "sobre", "entre",
    "tengo", "tiene", "tienen", "estoy", "esta", "este", "esto", "estos", "estas", "eso", "esos",
    "esas", "ellos", "ellas", "nada", "nadie", "algo", "alguien", "ahora", "todavia", "sigue",
    "sigo", "otra", "otro", "otros", "otras", "mucho", "muchos", "poco", "mismo", "misma", "aqui",
    "alli", "solo", "siempre", "nunca", "hola", "gracias", "favor", "buenas", "dias", "hace",
    "horas", "semana", "semanas", "pedido", "pedidos", "have", "that", "this", "with", "from",
    "they", "there", "their", "what", "when", "where", "which", "would", "could", "should",
    "about", "after", "before", "still", "again", "your", "yours", "just", "been", "were", "will",
    "into", "than", "then", "them", "only", "also", "some", "more", "very", "order", "orders",
    "please", "thanks", "hello", "days", "week", "weeks", "hours", "ayer", "today", "hoy",
})


def incident_words(text: str, ignore: Iterable[str] = ()) -> set[str]:
    """The words that say what a complaint is about (no stop words, no brand terms)."""
    skip = _STOP | {names.fold(t) for t in ignore}
    return {w for w in re.findall(r"[a-z]{4,}", names.fold(text)) if w not in skip}


def incident_reason(words: set[str], minutes: int) -> Reason:
    shown = ", ".join(f"“{w}”" for w in sorted(words)[:3])
    return Reason("incident", translate(
        "PeopleReasons", "complained about the same thing within {minutes} minutes "
        "({words})").format(minutes=minutes, words=shown), W_INCIDENT)


def score(a: Profile, b: Profile, *, homonyms: int = 0,
          popularity: dict[str, int] | None = None,
          extra: Iterable[Reason] = ()) -> tuple[float, tuple[Reason, ...]]:
    """The reasons two profiles may be one person, strongest first, and the confidence."""
    reasons = [*name_reasons(a, b, homonyms), *handle_reasons(a, b),
               *contact_reasons(a, b, popularity), *extra]
    reasons.sort(key=lambda r: -r.weight)
    return confidence(reasons), tuple(reasons)
