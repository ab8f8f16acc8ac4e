"""The sandbox's world: accounts, statuses, notifications, the script clock and follow-ups.

Everything is guarded by one lock. Status and notification ids are assigned when a post
becomes visible, so they grow in the order posts appear (Mastodon ids compare as integers).
"""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from . import render
from .script import Person, Script, ScriptPost, tags_user

IDEMPOTENCY_SECONDS = 3600.0
_ACCOUNT_BASE = 109_342_000_000_000_000


class ApiError(Exception):
    """An error the API answers with ``{"error": message}`` and an HTTP status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class AccountRec:
    """A Mastodon account of the sandbox, one per script person."""

    id: str
    person: Person
    created_at: datetime


@dataclass
class StatusRec:
    """A published Mastodon status, as the server keeps it."""

    id: str
    key: str
    account_id: str
    text: str
    html: str | None  # the script's raw HTML override; None: rendered from text
    created_at: datetime
    visibility: str
    language: str | None
    in_reply_to_id: str | None
    in_reply_to_account_id: str | None
    mention_ids: list[str]
    tags: list[str]
    spoiler_text: str = ""
    application: str | None = None


@dataclass
class NotificationRec:
    """A notification for the brand account: a status that mentions it."""

    id: str
    type: str
    created_at: datetime
    account_id: str
    status_id: str


@dataclass(order=True)
class _Pending:
    due: float
    seq: int
    post: ScriptPost | None = field(compare=False, default=None)
    followup: tuple[str, str, str] | None = field(compare=False, default=None)  # by, text, parent


class SandboxState:
    """Mutable state of one sandbox run; ``base_url`` is set once the server has bound."""

    def __init__(self, script: Script, speed: float = 10.0, release_all: bool = False) -> None:
        self.script = script
        self.speed = speed
        self.base_url = "http://127.0.0.1"
        self.max_characters = 500
        self.lock = threading.RLock()
        self.start_wall = datetime.now(UTC).replace(microsecond=0)
        self._start_mono = time.monotonic()
        self._advanced = 0.0
        self._seq = itertools.count()
        self._last_status_id = 0
        self._notification_ids = itertools.count(34_975_000)
        self._runtime = itertools.count(1)
        self.accounts: dict[str, AccountRec] = {}
        self.account_by_key: dict[str, str] = {}
        self.statuses: dict[str, StatusRec] = {}
        self.order: list[str] = []  # status ids, oldest first
        self.by_key: dict[str, str] = {}
        self.notifications: list[NotificationRec] = []
        self._pending: list[_Pending] = []
        self._script_posts = {p.key: p for p in script.posts}
        self._followed_up: set[str] = set()
        self._idempotency: dict[tuple[str, str], tuple[str, float]] = {}
        self.received: list[dict[str, object]] = []
        self.key_counts: dict[str, int] = {}
        # Called (under the lock) as each status becomes visible: the streaming hub.
        self.listeners: list[Callable[[StatusRec, NotificationRec | None], None]] = []
        for index, person in enumerate([script.brand, *script.people.values()]):
            rec = AccountRec(
                str(_ACCOUNT_BASE + index * 7919),
                person,
                self.start_wall - timedelta(days=400 + 37 * index, seconds=3_271 * index),
            )
            self.accounts[rec.id] = rec
            self.account_by_key[person.key] = rec.id
        self.brand_id = self.account_by_key["brand"]
        for post in sorted(script.posts, key=lambda p: p.at):
            if post.at <= 0 or release_all:
                self._publish_script(post, backlog=post.at <= 0)
            else:
                heapq.heappush(self._pending, _Pending(post.at, next(self._seq), post=post))

    # -- clock -------------------------------------------------------------------------------

    def clock(self) -> float:
        """Script seconds since start (compressed by ``speed``, plus any ``advance``)."""
        return (time.monotonic() - self._start_mono) * self.speed + self._advanced

    def advance(self, seconds: float) -> None:
        with self.lock:
            self._advanced += max(0.0, float(seconds))
        self.tick()

    def tick(self) -> None:
        """Publish everything whose time has come."""
        with self.lock:
            now = self.clock()
            while self._pending and self._pending[0].due <= now:
                item = heapq.heappop(self._pending)
                if item.post is not None:
                    if item.post.key not in self.by_key:
                        self._publish_script(item.post, backlog=False)
                elif item.followup is not None:
                    by, text, parent_id = item.followup
                    parent = self.statuses[parent_id]
                    original = self.statuses.get(parent.in_reply_to_id or "")
                    self._publish(
                        key=f"followup-{parent_id}",
                        account_id=self.account_by_key[by],
                        text=text,
                        visibility=parent.visibility,
                        language=original.language if original else None,
                        in_reply_to_id=parent_id,
                    )

    # -- publishing --------------------------------------------------------------------------

    def _next_status_id(self, created_at: datetime) -> str:
        candidate = int(created_at.timestamp() * 1000) << 16
        self._last_status_id = max(candidate, self._last_status_id + 1)
        return str(self._last_status_id)

    def _publish_script(self, post: ScriptPost, backlog: bool) -> str:
        if post.key in self.by_key:
            return self.by_key[post.key]
        if post.reply_to and post.reply_to not in self.by_key:
            self._publish_script(self._script_posts[post.reply_to], backlog)
        jitter = timedelta(milliseconds=sum(map(ord, post.key)) * 37 % 1000)
        when = self.start_wall + timedelta(seconds=post.at) + jitter if backlog else None
        return self._publish(
            key=post.key,
            account_id=self.account_by_key[post.by],
            text=post.text,
            visibility=post.visibility,
            language=post.lang,
            in_reply_to_id=self.by_key.get(post.reply_to or ""),
            html=post.html,
            created_at=when,
        )

    def find_account(self, username: str, domain: str | None) -> AccountRec | None:
        local = None
        for rec in self.accounts.values():
            person = rec.person
            if person.username.lower() != username.lower():
                continue
            if domain is not None:
                if (person.domain or "").lower() == domain.lower():
                    return rec
            elif person.domain is None:
                return rec
            else:
                local = local or rec
        return local

    def account_url(self, rec: AccountRec) -> str:
        person = rec.person
        if person.domain:
            return f"https://{person.domain}/@{person.username}"
        return f"{self.base_url}/@{person.username}"

    def content(self, status: StatusRec) -> str:
        return status.html if status.html is not None else self.render(status.text)

    def render(self, text: str) -> str:
        def profile(username: str, domain: str | None) -> str | None:
            rec = self.find_account(username, domain)
            return self.account_url(rec) if rec else None

        return render.render_content(text, profile, lambda t: self.base_url + render.tag_path(t))

    def _publish(
        self,
        *,
        key: str,
        account_id: str,
        text: str,
        visibility: str,
        language: str | None,
        in_reply_to_id: str | None,
        html: str | None = None,
        created_at: datetime | None = None,
        spoiler_text: str = "",
        application: str | None = None,
    ) -> str:
        when = created_at or datetime.now(UTC)
        status_id = self._next_status_id(when)
        mention_ids: list[str] = []
        for ref in render.mentions(text):
            rec = self.find_account(ref.username, ref.domain)
            if rec and rec.id not in mention_ids and rec.id != account_id:
                mention_ids.append(rec.id)
        parent = self.statuses.get(in_reply_to_id or "")
        status = StatusRec(
            id=status_id,
            key=key,
            account_id=account_id,
            text=text,
            html=html,
            created_at=when,
            visibility=visibility,
            language=language,
            in_reply_to_id=parent.id if parent else None,
            in_reply_to_account_id=parent.account_id if parent else None,
            mention_ids=mention_ids,
            tags=render.hashtags(text),
            spoiler_text=spoiler_text,
            application=application,
        )
        self.statuses[status_id] = status
        self.order.append(status_id)
        self.by_key[key] = status_id
        notification = None
        if account_id != self.brand_id and self.brand_id in mention_ids:
            notification = NotificationRec(
                str(next(self._notification_ids)), "mention", when, account_id, status_id
            )
            self.notifications.append(notification)
        for listener in self.listeners:
            listener(status, notification)
        return status_id

    def publish_now(self, key: str) -> str:
        """Make a pending script post visible at once; its status id."""
        with self.lock:
            if key in self.by_key:
                return self.by_key[key]
            post = self._script_posts.get(key)
            if post is None:
                raise KeyError(key)
            self._pending = [p for p in self._pending if p.post is None or p.post.key != key]
            heapq.heapify(self._pending)
            return self._publish_script(post, backlog=False)

    def add_post(
        self,
        person_key: str,
        text: str,
        reply_to_key: str | None = None,
        visibility: str = "public",
        lang: str | None = None,
    ) -> str:
        """Publish a post now (tests); ``reply_to_key`` is a post key or a status id."""
        with self.lock:
            if person_key not in self.account_by_key:
                raise KeyError(person_key)
            parent = None
            if reply_to_key is not None:
                parent = self.by_key.get(reply_to_key) or (
                    reply_to_key if reply_to_key in self.statuses else None
                )
                if parent is None:
                    raise KeyError(reply_to_key)
            return self._publish(
                key=f"runtime-{next(self._runtime)}",
                account_id=self.account_by_key[person_key],
                text=text,
                visibility=visibility,
                language=lang,
                in_reply_to_id=parent,
            )

    def forget_idempotency_keys(self) -> int:
        """Drop every remembered Idempotency-Key (the hour passed); how many."""
        with self.lock:
            forgotten = len(self._idempotency)
            self._idempotency.clear()
            return forgotten

    def post_brand_status(
        self,
        token: str,
        text: str,
        *,
        in_reply_to_id: str | None,
        visibility: str | None,
        language: str | None,
        spoiler_text: str,
        idempotency_key: str | None,
        application: str | None,
    ) -> str:
        """``POST /api/v1/statuses`` for the brand; returns the (maybe earlier) status id."""
        with self.lock:
            now = time.monotonic()
            if idempotency_key:
                self.key_counts[idempotency_key] = self.key_counts.get(idempotency_key, 0) + 1
                earlier = self._idempotency.get((token, idempotency_key))
                if earlier and now - earlier[1] < IDEMPOTENCY_SECONDS:
                    return earlier[0]
            if not text.strip():
                raise ApiError(422, "Validation failed: Text can't be blank")
            if render.status_length(text) > self.max_characters:
                limit = self.max_characters
                raise ApiError(422, f"Validation failed: Text character limit of {limit} exceeded")
            visibility = visibility or "public"
            if visibility not in ("public", "unlisted", "private", "direct"):
                raise ApiError(422, "Validation failed: Visibility is not included in the list")
            parent = None
            if in_reply_to_id:
                parent = self.statuses.get(in_reply_to_id)
                if parent is None:
                    raise ApiError(404, "Record not found")
            status_id = self._publish(
                key=f"brand-{next(self._runtime)}",
                account_id=self.brand_id,
                text=text,
                visibility=visibility,
                language=language,
                in_reply_to_id=in_reply_to_id,
                spoiler_text=spoiler_text,
                application=application,
            )
            if idempotency_key:
                self._idempotency[(token, idempotency_key)] = (status_id, now)
            self.received.append(
                {
                    "id": status_id,
                    "text": text,
                    "in_reply_to_id": in_reply_to_id,
                    "visibility": visibility,
                    "idempotency_key": idempotency_key,
                }
            )
            if parent is not None:
                self._schedule_followup(parent, status_id)
            return status_id

    def _schedule_followup(self, parent: StatusRec, brand_status_id: str) -> None:
        post = self._script_posts.get(parent.key)
        if post is None or post.on_brand_reply is None or parent.id in self._followed_up:
            return
        self._followed_up.add(parent.id)
        text = post.on_brand_reply.text
        brand = self.script.brand.username
        if not tags_user(text, brand):
            text = f"@{brand} {text}"
        due = self.clock() + post.on_brand_reply.delay
        heapq.heappush(
            self._pending,
            _Pending(due, next(self._seq), followup=(post.by, text, brand_status_id)),
        )

    # -- queries -----------------------------------------------------------------------------

    def status(self, status_id: str) -> StatusRec:
        rec = self.statuses.get(status_id)
        if rec is None:
            raise ApiError(404, "Record not found")
        return rec

    def account(self, account_id: str) -> AccountRec:
        rec = self.accounts.get(account_id)
        if rec is None:
            raise ApiError(404, "Record not found")
        return rec

    def statuses_of(self, account_id: str) -> list[StatusRec]:
        return [s for s in (self.statuses[i] for i in self.order) if s.account_id == account_id]
