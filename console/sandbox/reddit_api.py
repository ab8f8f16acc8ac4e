"""Reddit on the sandbox server, under ``/reddit``: both www.reddit.com's OAuth pages and
oauth.reddit.com's API, so one address stands for both (``--api URL/reddit``).

Serves what Posventa calls, as Reddit documents it: ``/api/v1/authorize``,
``/api/v1/access_token`` (reddit_oauth.py), ``/api/v1/me``, ``/message/inbox``,
``/message/mentions``, ``/message/sent``, ``/search`` and ``/r/A+B/search``
(``restrict_sr``, ``sort=new``, ``type=link``), ``/r/A+B/comments``,
``/user/NAME/comments``, ``/api/info`` and ``POST /api/comment`` (``api_type=json``,
``thing_id``, ``text``: errors as ``[code, message, field]``). A bearer token is checked
for its scope (403 with ``WWW-Authenticate: ... insufficient_scope``); an unknown or
expired one is a 401 ``{"message": "Unauthorized", "error": 401}``. Every API answer has
``X-Ratelimit-Used/-Remaining/-Reset`` (600 requests per 10-minute window per token; a
429 past it). A User-Agent that is not ``<platform>:<app id>:<version>`` is refused, as
Reddit refuses generic agents. Faults injected on the sandbox fire on ``/reddit/...``.
"""

from __future__ import annotations

import re
import threading
import time
import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from .api import Request, Response
from .faults import Fault, FaultBook
from .reddit_oauth import RedditOAuth
from .reddit_views import ListingError, RedditViews, legacy_escape, listing
from .reddit_world import RedditWorld, Thing
from .state import SandboxState

PREFIX = "/reddit"
MAX_TEXT = 10_000
_AGENT = re.compile(r"^[\w.-]+:[\w.-]+:[\w.+-]+( \(by /u/[\w-]+\))?$")
_MESSAGES = {401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 429: "Too Many Requests",
             500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable"}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class _Refusal(Exception):
    def __init__(self, status: int, headers: dict[str, str] | None = None) -> None:
        super().__init__(status)
        self.status = status
        self.headers = headers or {}


def error(status: int, headers: dict[str, str] | None = None) -> Response:
    """Reddit's error body: ``{"message": "Forbidden", "error": 403}``."""
    response = Response.json({"message": _MESSAGES.get(status, "Error"), "error": status},
                             status)
    response.headers.update(headers or {})
    return response


class RedditLimiter:
    """Reddit's window: ``limit`` requests per ``period`` seconds per token."""

    def __init__(self, limit: int = 600, period: float = 600.0) -> None:
        self.limit, self.period = limit, period
        self._lock = threading.Lock()
        self._windows: dict[str, tuple[float, int]] = {}

    def hit(self, who: str) -> tuple[bool, dict[str, str]]:
        now = time.time()
        with self._lock:
            start, used = self._windows.get(who, (now, 0))
            if now - start >= self.period:
                start, used = now, 0
            used += 1
            self._windows[who] = (start, used)
        return used <= self.limit, {
            "X-Ratelimit-Used": str(used),
            "X-Ratelimit-Remaining": f"{max(0, self.limit - used):.1f}",
            "X-Ratelimit-Reset": str(max(0, int(start + self.period - now))),
        }


class RedditApi:
    """The Reddit half of a sandbox server."""

    def __init__(self, state: SandboxState, faults: FaultBook, *, release_all: bool = False,
                 data_path: Path | None = None, rate_limit: int = 600) -> None:
        self.world = RedditWorld.load(state, data_path, release_all)
        self.views = RedditViews(self.world)
        self.oauth = RedditOAuth(self.world.apps, self.world.brand_name)
        if self.world.demo_refresh_token and self.world.apps:
            self.oauth.seed_refresh_token(self.world.demo_refresh_token,
                                          next(iter(self.world.apps)))
        self.faults = faults
        self.limiter = RedditLimiter(rate_limit)

    @staticmethod
    def handles(path: str) -> bool:
        return path == PREFIX or path.startswith(PREFIX + "/")

    def serve(self, handler: Any, request: Request) -> None:
        """Answer one ``/reddit/`` request on the sandbox's HTTP handler."""
        self.world.state.tick()
        self.world.tick()
        fault = self.faults.take(request.path)
        if fault is not None and fault.kind == "delay":
            time.sleep(fault.delay)
            fault = None
        path = request.path[len(PREFIX):] or "/"
        if path == "/api/v1/authorize":
            if fault is not None:
                handler._fault(fault, {})
                return
            page = self.oauth.decide(request) if request.method == "POST" else (
                self.oauth.authorize_page(request))
            handler._send(page)
            return
        if not _AGENT.match(request.headers.get("user-agent", "")):
            handler._send(error(429))  # Reddit throttles generic agents hard
            return
        if path == "/api/v1/access_token":
            if fault is not None:
                self._fault(handler, fault, {})
                return
            handler._send(self.oauth.token(request) if request.method == "POST" else error(404))
            return
        allowed, headers = self.limiter.hit(request.token or str(handler.client_address[0]))
        if fault is not None:
            self._fault(handler, fault, headers)
            return
        if not allowed:
            handler._send(error(429), headers)
            return
        try:
            body = self.handle(path, request)
        except _Refusal as exc:
            handler._send(error(exc.status, exc.headers), headers)
            return
        except ListingError as exc:
            handler._send(Response.json({"message": str(exc), "error": 400}, 400), headers)
            return
        if request.param("raw_json") != "1":
            body = legacy_escape(body)
        handler._send(Response.json(body), headers)

    def _fault(self, handler: Any, fault: Fault, headers: dict[str, str]) -> None:
        if fault.kind != "status":
            handler._fault(fault, headers)
            return
        extra = dict(headers)
        if fault.status == 429:
            extra["X-Ratelimit-Remaining"] = "0.0"
            if fault.reset_in is not None:
                extra["X-Ratelimit-Reset"] = str(int(fault.reset_in + 0.999))
            if fault.retry_after is not None:
                extra["Retry-After"] = str(int(fault.retry_after + 0.999))
        handler._send(error(fault.status), extra)

    # -- routing -----------------------------------------------------------------------------

    def _scope(self, request: Request, *wanted: str) -> str:
        grant = self.oauth.grant_for(request.token)
        if grant is None:
            raise _Refusal(401, {
                "WWW-Authenticate": 'Bearer realm="reddit", error="invalid_token"'})
        if not grant.scopes & set(wanted):
            raise _Refusal(403, {
                "WWW-Authenticate": 'Bearer realm="reddit", error="insufficient_scope"'})
        return grant.user

    def handle(self, path: str, request: Request) -> Any:
        path = path.rstrip("/") or "/"
        if path.endswith(".json"):
            path = path[:-5]
        with self.world.lock:
            if request.method == "POST" and path == "/api/comment":
                form = {k: v[-1] for k, v in parse_qs(request.body.decode("utf-8", "replace"),
                                                      keep_blank_values=True).items()}
                return self._comment(request, form)
            if request.method != "GET":
                raise _Refusal(404)
            if path == "/api/v1/me":
                self._scope(request, "identity")
                return self._me()
            if path in ("/message/inbox", "/message/mentions", "/message/sent"):
                self._scope(request, "privatemessages")
                return listing(self._messages(path.rsplit("/", 1)[1]), request.params)
            if path == "/api/info":
                self._scope(request, "read")
                wanted = (request.param("id") or "").split(",")
                found = [self.views.thing(self.world.things[n]) for n in wanted
                         if n in self.world.things]
                return listing(found, request.params)
            match = re.fullmatch(r"(?:/r/([A-Za-z0-9_+]+))?/(search|comments)", path)
            if match:
                self._scope(request, "read")
                subs = self._subs(match.group(1))
                if match.group(2) == "comments":
                    return listing(self._comments(subs), request.params)
                restrict = (request.param("restrict_sr") or "").lower() in ("1", "true", "on")
                return listing(self._search(request, subs if restrict else None),
                               request.params)
            match = re.fullmatch(r"/user/([A-Za-z0-9_-]{3,20})/comments", path)
            if match:
                self._scope(request, "history")
                name = match.group(1).lower()
                if name not in {u.lower() for u in self.world.users.values()}:
                    raise _Refusal(404)
                mine = [self.views.comment(t) for t in self.world.visible()
                        if t.kind == "t1" and t.author.lower() == name]
                return listing(mine, request.params)
        raise _Refusal(404)

    def _me(self) -> dict[str, Any]:
        brand = self.world.brand
        return {"name": self.world.brand_name, "id": "ventalia1", "created_utc":
                self.world.state.start_wall.timestamp() - 400 * 86400, "link_karma": 310,
                "comment_karma": 2140, "total_karma": 2450, "verified": True,
                "has_verified_email": True, "icon_img": "", "is_employee": False,
                "subreddit": {"title": brand.get("title", ""),
                              "public_description": brand.get("description", ""),
                              "display_name_prefixed": f"u/{self.world.brand_name}"}}

    def _subs(self, names: str | None) -> set[str] | None:
        if not names:
            return None
        wanted = {n.lower() for n in names.split("+") if n}
        if any(n not in self.world.subreddits for n in wanted):
            raise _Refusal(404)
        return wanted

    def _messages(self, box: str) -> list[dict[str, Any]]:
        if box == "sent":
            return [self.views.message(t) for t in self.world.visible()
                    if t.kind == "t4" and t.author == self.world.brand_name]
        items = [i for i in self.world.inbox if box == "inbox" or i.type == "username_mention"]
        items.sort(key=lambda i: (self.world.things[i.thing].created, i.seq), reverse=True)
        return [self.views.inbox_item(i) for i in items]

    def _comments(self, subs: set[str] | None) -> list[dict[str, Any]]:
        return [self.views.comment(t) for t in self.world.visible()
                if t.kind == "t1" and (subs is None or t.sub.lower() in subs)]

    def _search(self, request: Request, subs: set[str] | None) -> list[dict[str, Any]]:
        query = request.param("q") or ""
        if len(query) > 512:
            raise ListingError("q is too long (max: 512)")
        kinds = (request.param("type") or "link").split(",")
        words = _fold(query).split()
        if not words or "link" not in kinds:
            return []
        found = []
        for thing in self.world.visible():
            if thing.kind != "t3" or (subs is not None and thing.sub.lower() not in subs):
                continue
            said = _fold(f"{thing.title} {thing.text}")
            if all(word in said for word in words):
                found.append(self.views.post(thing))
        return found

    def _comment(self, request: Request, form: dict[str, str]) -> Any:
        name = form.get("thing_id") or form.get("parent") or ""
        parent = self.world.things.get(name)
        if parent is None:
            self._scope(request, "submit", "privatemessages")
            raise _Refusal(404 if name else 400)
        self._scope(request, *(("privatemessages", "submit") if parent.kind == "t4"
                               else ("submit",)))
        errors = self._comment_errors(parent, form.get("text", ""))
        if parent.kind == "t4" and self.world.brand_name not in (parent.author, parent.dest):
            raise _Refusal(403)
        if form.get("api_type") != "json":
            return {"jquery": [], "success": not errors}
        if errors:
            return {"json": {"errors": errors}}
        thing = self.world.brand_reply(parent, form["text"])
        self.world.received.append({"thing_id": name, "text": form["text"], "name": thing.name,
                                    "user_agent": request.headers.get("user-agent", "")})
        return {"json": {"errors": [], "data": {"things": [self.views.thing(thing)]}}}

    def _comment_errors(self, parent: Thing, text: str) -> list[list[str]]:
        if not text.strip():
            return [["NO_TEXT", "we need something here", "text"]]
        if len(text) > MAX_TEXT:
            return [["TOO_LONG", f"this is too long (max: {MAX_TEXT})", "text"]]
        post = self.world.things.get(parent.link or parent.name, parent)
        if parent.kind != "t4" and post.locked:
            return [["THREAD_LOCKED", "Comments are locked.", "parent"]]
        if parent.kind != "t4" and post.archived:
            return [["TOO_OLD", "that's a piece of history now; it's too late to reply to it",
                     "parent"]]
        return []
