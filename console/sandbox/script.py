"""The sandbox script: invented people and posts the sandbox plays back (see FORMAT.md).

Loading validates the whole file up front so a broken script fails with one clear sentence
instead of a half-working server.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

VISIBILITIES = ("public", "unlisted", "private", "direct")
_USERNAME = re.compile(r"^[A-Za-z0-9_]+$")


class ScriptError(ValueError):
    """The script file is missing, not JSON, or breaks a rule of FORMAT.md."""


@dataclass(frozen=True)
class ScriptField:
    """One profile field of a person."""

    name: str
    value: str
    verified: bool = False


@dataclass(frozen=True)
class Person:
    """An invented account (the brand is one too, with key ``"brand"``)."""

    key: str
    username: str
    domain: str | None
    display_name: str
    note: str
    followers: int = 0
    following: int = 0
    bot: bool = False
    indexable: bool = True
    lang: str | None = None
    fields: tuple[ScriptField, ...] = ()

    @property
    def acct(self) -> str:
        return f"{self.username}@{self.domain}" if self.domain else self.username


@dataclass(frozen=True)
class FollowUp:
    """What the author answers after the brand replies."""

    delay: float
    text: str


@dataclass(frozen=True)
class ScriptPost:
    """One post of the script."""

    key: str
    at: float
    by: str
    text: str
    lang: str | None = None
    visibility: str = "public"
    reply_to: str | None = None
    html: str | None = None
    on_brand_reply: FollowUp | None = None


@dataclass
class Script:
    """A validated script."""

    brand: Person
    terms: tuple[str, ...]
    hashtags: tuple[str, ...]
    people: dict[str, Person]
    posts: list[ScriptPost] = field(default_factory=list)


def _text(obj: dict[str, Any], name: str, where: str, default: str | None = None) -> str:
    value = obj.get(name, default)
    if not isinstance(value, str):
        raise ScriptError(f"{where}: '{name}' must be a string")
    return value


def _count(obj: dict[str, Any], name: str, where: str) -> int:
    value = obj.get(name, 0)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ScriptError(f"{where}: '{name}' must be a non-negative integer")
    return value


def _fields(raw: Any, where: str) -> tuple[ScriptField, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise ScriptError(f"{where}: 'fields' must be a list")
    out = []
    for item in raw:
        if not isinstance(item, dict):
            raise ScriptError(f"{where}: every field must be an object")
        out.append(
            ScriptField(
                _text(item, "name", where), _text(item, "value", where), bool(item.get("verified"))
            )
        )
    return tuple(out)


def _person(raw: Any, key: str, where: str) -> Person:
    if not isinstance(raw, dict):
        raise ScriptError(f"{where} must be an object")
    username = _text(raw, "username", where)
    if not _USERNAME.match(username):
        raise ScriptError(f"{where}: username {username!r} may use only letters, digits and _")
    domain = raw.get("domain")
    if domain is not None and not isinstance(domain, str):
        raise ScriptError(f"{where}: 'domain' must be a string or null")
    lang = raw.get("lang")
    return Person(
        key=key,
        username=username,
        domain=domain or None,
        display_name=_text(raw, "display_name", where, ""),
        note=_text(raw, "note", where, ""),
        followers=_count(raw, "followers", where),
        following=_count(raw, "following", where),
        bot=bool(raw.get("bot", False)),
        indexable=bool(raw.get("indexable", True)),
        lang=lang if isinstance(lang, str) else None,
        fields=_fields(raw.get("fields"), where),
    )


def _post(raw: Any, index: int) -> ScriptPost:
    where = f"posts[{index}]"
    if not isinstance(raw, dict):
        raise ScriptError(f"{where} must be an object")
    at = raw.get("at", 0)
    if isinstance(at, bool) or not isinstance(at, int | float):
        raise ScriptError(f"{where}: 'at' must be a number of seconds")
    visibility = raw.get("visibility") or "public"
    if visibility not in VISIBILITIES:
        raise ScriptError(f"{where}: visibility must be one of {', '.join(VISIBILITIES)}")
    follow = raw.get("on_brand_reply")
    follow_up = None
    if follow is not None:
        if not isinstance(follow, dict):
            raise ScriptError(f"{where}: 'on_brand_reply' must be an object")
        delay = follow.get("delay", 0)
        if isinstance(delay, bool) or not isinstance(delay, int | float) or delay < 0:
            raise ScriptError(f"{where}: on_brand_reply.delay must be a non-negative number")
        follow_up = FollowUp(float(delay), _text(follow, "text", where))
    html = raw.get("html")
    reply_to = raw.get("reply_to")
    lang = raw.get("lang")
    return ScriptPost(
        key=_text(raw, "key", where),
        at=float(at),
        by=_text(raw, "by", where),
        text=_text(raw, "text", where),
        lang=lang if isinstance(lang, str) else None,
        visibility=visibility,
        reply_to=reply_to if isinstance(reply_to, str) else None,
        html=html if isinstance(html, str) else None,
        on_brand_reply=follow_up,
    )


def tags_user(text: str, username: str) -> bool:
    """Whether ``text`` mentions ``@username`` (optionally ``@username@domain``)."""
    pattern = rf"(?<![\w@/])@{re.escape(username)}(?![\w])"
    return re.search(pattern, text, flags=re.IGNORECASE) is not None


def parse_script(data: Any) -> Script:
    """Validate a decoded script object."""
    if not isinstance(data, dict):
        raise ScriptError("the script must be a JSON object")
    brand_raw = data.get("brand")
    brand = _person(brand_raw, "brand", "brand")
    assert isinstance(brand_raw, dict)
    brand = Person(**{**brand.__dict__, "domain": None})
    terms = tuple(t for t in brand_raw.get("terms", []) if isinstance(t, str))
    hashtags = tuple(t for t in brand_raw.get("hashtags", []) if isinstance(t, str))
    people: dict[str, Person] = {}
    raw_people = data.get("people", [])
    if not isinstance(raw_people, list):
        raise ScriptError("'people' must be a list")
    seen_accts = {brand.acct.lower()}
    for i, raw in enumerate(raw_people):
        key = _text(raw, "key", f"people[{i}]") if isinstance(raw, dict) else ""
        person = _person(raw, key, f"people[{i}]")
        if not key or key in people or key == "brand":
            raise ScriptError(f"people[{i}]: key {key!r} is missing or used twice")
        if person.acct.lower() in seen_accts:
            raise ScriptError(f"people[{i}]: account {person.acct!r} is used twice")
        seen_accts.add(person.acct.lower())
        people[key] = person
    raw_posts = data.get("posts", [])
    if not isinstance(raw_posts, list):
        raise ScriptError("'posts' must be a list")
    posts: list[ScriptPost] = []
    by_key: dict[str, ScriptPost] = {}
    for i, raw in enumerate(raw_posts):
        post = _post(raw, i)
        if post.key in by_key:
            raise ScriptError(f"posts[{i}]: key {post.key!r} is used twice")
        if post.by not in people and post.by != "brand":
            raise ScriptError(f"posts[{i}]: 'by' names no person ({post.by!r})")
        if post.reply_to is not None:
            parent = by_key.get(post.reply_to)
            if parent is None:
                raise ScriptError(f"posts[{i}]: reply_to {post.reply_to!r} is not an earlier post")
            if parent.at > post.at:
                raise ScriptError(f"posts[{i}]: replies to a post that appears later")
        if post.visibility == "direct" and not tags_user(post.text, brand.username):
            raise ScriptError(f"posts[{i}]: a direct post must tag @{brand.username}")
        by_key[post.key] = post
        posts.append(post)
    return Script(brand, terms, hashtags, people, posts)


def load_script(path: Path) -> Script:
    """Read and validate a script file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ScriptError(f"the sandbox script {path} does not exist") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ScriptError(f"the sandbox script {path} could not be read: {exc}") from exc
    return parse_script(data)
