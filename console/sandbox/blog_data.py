"""The sandbox's blogs (``resources/sandbox/blog.json``): invented posts and comments.

Two kinds of blog: ``"wordpress"`` (RSS and Atom feeds, per-post comment feeds and the
REST API with an Application Password) and ``"blogger"`` (Blogger's Atom feeds, read
only). Comments are written by the people of ``script.json`` (``by`` is a person's key, or
``"brand"``) and appear on the same clock as the Mastodon posts (``at`` in script seconds,
``<= 0`` is backlog). Loading validates everything up front: a broken file fails with one
sentence.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .script import Person, Script, ScriptError

KINDS = ("wordpress", "blogger")
_SLUG = re.compile(r"^[a-z0-9-]+$")


@dataclass(frozen=True)
class BlogUser:
    """A registered WordPress user (the brand's team), with its application password."""

    id: int
    slug: str
    name: str
    person: str
    app_password: str


@dataclass(frozen=True)
class BlogPost:
    """One post of a sandbox blog, from ``resources/sandbox/blog.json``."""

    key: str
    id: str  # WordPress: a number; Blogger: a long number
    at: float
    slug: str
    title: str
    html: str
    author: int = 1
    tags: tuple[str, ...] = ()
    comments_open: bool = True


@dataclass(frozen=True)
class BlogComment:
    """One comment under a blog post, by a script person or the brand."""

    key: str
    post: str  # a post key
    at: float
    by: str  # a person key, or "brand"
    text: str = ""
    html: str | None = None  # raw HTML (hostile tests); else rendered from text
    reply_to: str | None = None  # a comment key


@dataclass
class Blog:
    """One sandbox blog (WordPress or a feed-only blog): its posts, comments and users."""

    name: str
    kind: str
    title: str
    description: str
    language: str
    posts: list[BlogPost]
    comments: list[BlogComment]
    users: list[BlogUser] = field(default_factory=list)
    blog_id: str = ""
    owner: str = ""
    utc_offset_minutes: int = 0


def _text(raw: dict[str, Any], name: str, where: str, default: str | None = None) -> str:
    value = raw.get(name, default)
    if not isinstance(value, str):
        raise ScriptError(f"{where}: '{name}' must be a string")
    return value


def _at(raw: dict[str, Any], where: str) -> float:
    value = raw.get("at", 0)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ScriptError(f"{where}: 'at' must be a number of seconds")
    return float(value)


def _post(raw: Any, where: str, kind: str) -> BlogPost:
    if not isinstance(raw, dict):
        raise ScriptError(f"{where} must be an object")
    post_id = raw.get("id")
    if not (isinstance(post_id, int) and kind == "wordpress") and not (
            isinstance(post_id, str) and post_id.isdigit() and kind == "blogger"):
        raise ScriptError(f"{where}: 'id' must be a number (WordPress) or a string of digits "
                          "(Blogger)")
    slug = _text(raw, "slug", where)
    if not _SLUG.match(slug):
        raise ScriptError(f"{where}: slug {slug!r} may use only a-z, 0-9 and -")
    tags = raw.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise ScriptError(f"{where}: 'tags' must be a list of strings")
    author = raw.get("author", 1)
    return BlogPost(key=_text(raw, "key", where), id=str(post_id), at=_at(raw, where),
                    slug=slug, title=_text(raw, "title", where), html=_text(raw, "html", where),
                    author=author if isinstance(author, int) else 1, tags=tuple(tags),
                    comments_open=raw.get("comments_open", True) is not False)


def _comment(raw: Any, where: str) -> BlogComment:
    if not isinstance(raw, dict):
        raise ScriptError(f"{where} must be an object")
    html = raw.get("html")
    reply_to = raw.get("reply_to")
    if html is None and not isinstance(raw.get("text"), str):
        raise ScriptError(f"{where}: a comment needs 'text' or 'html'")
    return BlogComment(key=_text(raw, "key", where), post=_text(raw, "post", where),
                       at=_at(raw, where), by=_text(raw, "by", where),
                       text=_text(raw, "text", where, ""),
                       html=html if isinstance(html, str) else None,
                       reply_to=reply_to if isinstance(reply_to, str) else None)


def _blog(raw: Any, index: int, script: Script) -> Blog:
    where = f"blogs[{index}]"
    if not isinstance(raw, dict):
        raise ScriptError(f"{where} must be an object")
    kind = _text(raw, "kind", where)
    if kind not in KINDS:
        raise ScriptError(f"{where}: kind must be one of {', '.join(KINDS)}")
    users = []
    for j, item in enumerate(raw.get("users") or []):
        spot = f"{where}.users[{j}]"
        if not isinstance(item, dict) or not isinstance(item.get("id"), int):
            raise ScriptError(f"{spot} needs a numeric 'id'")
        users.append(BlogUser(item["id"], _text(item, "slug", spot), _text(item, "name", spot),
                              _text(item, "person", spot, "brand"),
                              _text(item, "app_password", spot)))
    posts = [_post(p, f"{where}.posts[{j}]", kind) for j, p in enumerate(raw.get("posts") or [])]
    comments = [_comment(c, f"{where}.comments[{j}]")
                for j, c in enumerate(raw.get("comments") or [])]
    post_at = {p.key: p.at for p in posts}
    if len(post_at) != len(posts) or len({p.id for p in posts}) != len(posts):
        raise ScriptError(f"{where}: post keys and ids must be unique")
    comment_at: dict[str, float] = {}
    people = {"brand", *script.people}
    for c in comments:
        if c.key in comment_at or c.key in post_at:
            raise ScriptError(f"{where}: key {c.key!r} is used twice")
        if c.post not in post_at or post_at[c.post] > c.at:
            raise ScriptError(f"{where}: comment {c.key!r} is on an unknown or later post")
        if c.reply_to is not None and (c.reply_to not in comment_at
                                       or comment_at[c.reply_to] > c.at):
            raise ScriptError(f"{where}: comment {c.key!r} answers an unknown or later comment")
        if c.by not in people:
            raise ScriptError(f"{where}: comment {c.key!r} is by nobody in script.json "
                              f"({c.by!r})")
        comment_at[c.key] = c.at
    return Blog(name=_text(raw, "name", where), kind=kind, title=_text(raw, "title", where),
                description=_text(raw, "description", where, ""),
                language=_text(raw, "language", where, "es"), posts=posts, comments=comments,
                users=users, blog_id=_text(raw, "blog_id", where, "1"),
                owner=_text(raw, "owner", where, "brand"),
                utc_offset_minutes=int(raw.get("utc_offset_minutes") or 0))


def parse_blogs(data: Any, script: Script) -> list[Blog]:
    if not isinstance(data, dict) or not isinstance(data.get("blogs"), list):
        raise ScriptError("the blog file must be an object with a 'blogs' list")
    blogs = [_blog(raw, i, script) for i, raw in enumerate(data["blogs"])]
    if len({b.name for b in blogs}) != len(blogs):
        raise ScriptError("blog names must be unique")
    return blogs


def load_blogs(path: Path, script: Script) -> list[Blog]:
    """Read and validate the blog file against the script's people."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ScriptError(f"the sandbox blog file {path} does not exist") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ScriptError(f"the sandbox blog file {path} could not be read: {exc}") from exc
    return parse_blogs(data, script)


def person_of(script: Script, key: str) -> Person:
    return script.brand if key == "brand" else script.people[key]
