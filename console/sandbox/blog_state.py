"""The sandbox blogs as they stand now: which posts and comments are visible, with ids.

Posts and comments appear when the sandbox clock (shared with the Mastodon script) passes
their ``at``. A comment gets its id and date the first time it becomes visible, in ``at``
order, so ids grow with time as on a real blog; backlog items (``at <= 0``) are dated that
many seconds before the sandbox started. The brand's replies posted through the REST API
join the same lists.
"""

from __future__ import annotations

import hashlib
import html as htmllib
import itertools
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from .blog_data import Blog, BlogComment, BlogPost, BlogUser, person_of
from .script import Script

WP_FIRST_COMMENT = 2001
BLOGGER_FIRST_COMMENT = 4_300_000_000_000_000_000


@dataclass
class CommentRec:
    """A visible comment."""

    id: str
    key: str
    post: BlogPost
    parent: CommentRec | None
    name: str
    url: str
    email_hash: str  # md5 of the invented address, as Gravatar uses
    user_id: int  # WordPress user (0: a guest)
    person_key: str
    html: str
    date: datetime
    profile: str = ""  # Blogger profile address

    @property
    def text(self) -> str:
        return self.html


@dataclass
class BlogView:
    """One blog's visible state."""

    blog: Blog
    posts: list[tuple[BlogPost, datetime]] = field(default_factory=list)
    comments: list[CommentRec] = field(default_factory=list)
    by_key: dict[str, CommentRec] = field(default_factory=dict)
    pending: list[BlogComment] = field(default_factory=list)
    received: list[dict[str, Any]] = field(default_factory=list)

    def post(self, post_id: str) -> BlogPost | None:
        return next((p for p, _ in self.posts if p.id == post_id), None)

    def post_date(self, post: BlogPost) -> datetime:
        return next(d for p, d in self.posts if p.key == post.key)

    def comment(self, comment_id: str) -> CommentRec | None:
        return next((c for c in self.comments if c.id == comment_id), None)

    def comments_on(self, post: BlogPost) -> list[CommentRec]:
        return [c for c in self.comments if c.post.key == post.key]

    def user(self, slug: str) -> BlogUser | None:
        return next((u for u in self.blog.users if u.slug.lower() == slug.lower()), None)


def render_text(text: str) -> str:
    """Plain comment text as WordPress shows it: paragraphs, escaped."""
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return "".join(f"<p>{htmllib.escape(p).replace(chr(10), '<br />')}</p>\n"
                   for p in paragraphs)


class BlogWorld:
    """Every sandbox blog, published on the sandbox clock."""

    def __init__(self, blogs: list[Blog], script: Script, clock: Any, start: datetime,
                 release_all: bool = False) -> None:
        self.script = script
        self.clock = clock
        self.start = start
        self.release_all = release_all
        self.lock = threading.RLock()
        self.views = {b.name: BlogView(b, pending=sorted(b.comments, key=lambda c: c.at))
                      for b in blogs}
        self._pending_posts = {b.name: sorted(b.posts, key=lambda p: p.at) for b in blogs}
        self._ids = {b.name: itertools.count() for b in blogs}
        self._last = {b.name: start - timedelta(days=3650) for b in blogs}
        self.refresh()

    def _date(self, name: str, at: float) -> datetime:
        if at <= 0:
            return self.start + timedelta(seconds=at)
        now = datetime.now(UTC).replace(microsecond=0)
        moment = max(now, self._last[name])
        self._last[name] = moment
        return moment

    def _new_id(self, blog: Blog) -> str:
        n = next(self._ids[blog.name])
        if blog.kind == "blogger":
            return str(BLOGGER_FIRST_COMMENT + n * 104_729)
        return str(WP_FIRST_COMMENT + n)

    def refresh(self) -> None:
        """Publish every post and comment whose time has come."""
        with self.lock:
            now = float("inf") if self.release_all else self.clock()
            for name, view in self.views.items():
                posts = self._pending_posts[name]
                while posts and posts[0].at <= now:
                    post = posts.pop(0)
                    view.posts.append((post, self._date(name, post.at)))
                while view.pending and view.pending[0].at <= now:
                    self._publish(view, view.pending.pop(0))

    def _publish(self, view: BlogView, item: BlogComment) -> CommentRec:
        blog = view.blog
        post = next(p for p in blog.posts if p.key == item.post)
        person = person_of(self.script, item.by)
        user = next((u for u in blog.users if u.person == item.by), None)
        web = next((f.value for f in person.fields if f.name.lower() in ("web", "website")), "")
        address = f"{person.username}@{person.domain or 'sandbox.example'}".lower()
        number = int(hashlib.sha256(item.by.encode()).hexdigest()[:12], 16)
        rec = CommentRec(
            id=self._new_id(blog), key=item.key, post=post,
            parent=view.by_key.get(item.reply_to or ""),
            name=user.name if user else (person.display_name or person.username),
            url=web if web.startswith(("http://", "https://")) else "",
            email_hash=hashlib.md5(address.encode()).hexdigest(),
            user_id=user.id if user else 0, person_key=item.by,
            html=item.html if item.html is not None else render_text(item.text),
            date=self._date(blog.name, item.at),
            profile=f"https://www.blogger.com/profile/{10**17 + number}",
        )
        view.comments.append(rec)
        view.by_key[rec.key] = rec
        return rec

    def view(self, name: str) -> BlogView | None:
        self.refresh()
        return self.views.get(name)

    def add_reply(self, view: BlogView, user: BlogUser, post: BlogPost,
                  parent: CommentRec | None, content: str) -> CommentRec:
        """A comment posted through the REST API by a signed-in user (now)."""
        with self.lock:
            key = f"api-{len(view.received) + 1}"
            item = BlogComment(key=key, post=post.key, at=0, by=user.person, html=content,
                               reply_to=parent.key if parent else None)
            rec = self._publish(view, item)
            rec.date = max(datetime.now(UTC).replace(microsecond=0), self._last[view.blog.name])
            self._last[view.blog.name] = rec.date
            view.received.append({"id": rec.id, "post": post.id,
                                  "parent": parent.id if parent else "0", "content": content,
                                  "user": user.slug})
            return rec

    def add_comment(self, blog: str, post_key: str, by: str, text: str,
                    reply_to: str | None = None) -> str:
        """Publish a comment by a script person now (tests); its id."""
        with self.lock:
            view = self.views[blog]
            key = f"live-{sum(len(v.comments) for v in self.views.values()) + 1}"
            item = BlogComment(key=key, post=post_key, at=self.clock(), by=by, text=text,
                               reply_to=reply_to)
            if item.post not in {p.key for p, _ in view.posts}:
                raise KeyError(post_key)
            rec = self._publish(view, item)
            rec.date = max(datetime.now(UTC).replace(microsecond=0), self._last[blog])
            self._last[blog] = rec.date
            return rec.id
