"""Bluesky XRPC on the sandbox server: ``/xrpc/<nsid>`` handlers, limits and faults.

Serves the methods Posventa calls (createSession, refreshSession, resolveHandle, getProfile,
listNotifications, getPosts, searchPosts, getPostThread, createRecord, getRecord, and the
chat service's ``chat.bsky.convo.*`` in bluesky_chat.py) with the
lexicons' shapes, XRPC error bodies ``{"error", "message"}`` and the PDS's
``ratelimit-limit/remaining/reset/policy`` headers (3000 requests / 5 minutes / IP). Faults
injected on the sandbox's FaultBook fire on ``/xrpc/...`` paths too.
"""

from __future__ import annotations

import json
import threading
import time
import unicodedata
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import bluesky_views as views
from .api import Request, Response
from .bluesky_chat import BlueskyChatService
from .bluesky_lexicon import (
    POST_NSID,
    InvalidRecord,
    atproto_datetime,
    check_post,
    is_tid,
    make_tid,
)
from .bluesky_sessions import XrpcError
from .bluesky_world import BlueskyWorld, Post, make_cid
from .faults import Fault, FaultBook
from .state import SandboxState

PUBLIC = {"com.atproto.server.createSession", "com.atproto.server.refreshSession",
          "com.atproto.identity.resolveHandle"}
FAULT_ERRORS = {400: "InvalidRequest", 401: "AuthenticationRequired", 403: "Forbidden",
                404: "NotFound", 429: "RateLimitExceeded", 500: "InternalServerError",
                502: "UpstreamFailure", 503: "NotEnoughResources", 504: "UpstreamTimeout"}


def xrpc_error(status: int, error: str, message: str) -> Response:
    return Response.json({"error": error, "message": message}, status)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _moment(value: str, name: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise XrpcError(400, "BadQueryString", f"{name} must be a datetime or a date") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class XrpcLimiter:
    """Fixed 5-minute windows of ``limit`` requests per client address."""

    def __init__(self, limit: int = 3000, period: float = 300.0) -> None:
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
            "ratelimit-limit": str(self.limit),
            "ratelimit-remaining": str(max(0, self.limit - used)),
            "ratelimit-reset": str(int(start + self.period + 0.999)),
            "ratelimit-policy": f"{self.limit};w={int(self.period)}",
        }


class BlueskyXrpc:
    """The Bluesky half of a sandbox server."""

    def __init__(self, state: SandboxState, faults: FaultBook, *, release_all: bool = False,
                 data_path: Path | None = None, rate_limit: int = 3000) -> None:
        self.world = BlueskyWorld.load(state, data_path, release_all)
        self.chat = BlueskyChatService(self.world, self.world.conversations_data, release_all)
        self.faults = faults
        self.limiter = XrpcLimiter(rate_limit)

    # -- serving -----------------------------------------------------------------------------

    def serve(self, handler: Any, request: Request) -> None:
        """Answer one ``/xrpc/`` request on the sandbox's HTTP handler."""
        self.world.state.tick()
        self.world.tick()
        with self.world.lock:
            self.chat.tick()
        fault = self.faults.take(request.path)
        if fault is not None and fault.kind == "delay":
            time.sleep(fault.delay)
            fault = None
        allowed, headers = self.limiter.hit(str(handler.client_address[0]))
        if fault is not None:
            if fault.kind != "status":
                handler._fault(fault, headers)
                return
            handler._send(self._fault_response(fault, headers), headers)
            return
        if not allowed:
            handler._send(xrpc_error(429, "RateLimitExceeded", "Rate Limit Exceeded"), headers)
            return
        try:
            response = Response.json(self.handle(request))
        except XrpcError as exc:
            response = xrpc_error(exc.status, exc.error, exc.message)
            headers.update(exc.headers)
        handler._send(response, headers)

    def _fault_response(self, fault: Fault, headers: dict[str, str]) -> Response:
        if fault.status == 429:
            wait = fault.reset_in if fault.reset_in is not None else fault.retry_after
            headers["ratelimit-remaining"] = "0"
            if wait is not None:
                headers["ratelimit-reset"] = str(int(time.time() + wait + 0.999))
        name = FAULT_ERRORS.get(fault.status, "InternalServerError")
        return xrpc_error(fault.status, name, "Injected by the sandbox")

    def handle(self, request: Request) -> Any:
        nsid = request.path[len("/xrpc/"):].strip("/")
        if nsid.startswith("chat.bsky."):
            return self._chat(nsid, request)
        method = getattr(self, "_" + nsid.replace(".", "_"), None)
        if method is None:
            raise XrpcError(501, "MethodNotImplemented", "Method Not Implemented")
        procedure = nsid in ("com.atproto.server.createSession",
                             "com.atproto.server.refreshSession", "com.atproto.repo.createRecord")
        expected = "POST" if procedure else "GET"
        if request.method != expected:
            raise XrpcError(400, "InvalidRequest",
                            f"Incorrect HTTP method ({request.method}) expected {expected}")
        viewer = None
        if nsid not in PUBLIC and (request.token or nsid in (
                "app.bsky.notification.listNotifications", "app.bsky.feed.searchPosts",
                "com.atproto.repo.createRecord")):
            viewer = self.world.sessions.check(request.token)
        with self.world.lock:
            return method(request, viewer)

    def _chat(self, nsid: str, request: Request) -> Any:
        expected = "POST" if nsid == "chat.bsky.convo.sendMessage" else "GET"
        if request.method != expected:
            raise XrpcError(400, "InvalidRequest",
                            f"Incorrect HTTP method ({request.method}) expected {expected}")
        viewer = self.world.sessions.check(request.token)
        body = self._body(request) if expected == "POST" else None
        with self.world.lock:
            return self.chat.handle(nsid, request, viewer, request.token, body)

    @staticmethod
    def _body(request: Request) -> dict[str, Any]:
        if "json" not in request.headers.get("content-type", ""):
            raise XrpcError(400, "InvalidRequest", "Request encoding must be application/json")
        try:
            data = json.loads(request.body or b"null")
        except (ValueError, UnicodeDecodeError):
            raise XrpcError(400, "InvalidRequest", "Request body is not valid JSON") from None
        if not isinstance(data, dict):
            raise XrpcError(400, "InvalidRequest", "Input must be an object")
        return data

    @staticmethod
    def _param(request: Request, name: str, required: bool = False) -> str | None:
        value = request.param(name)
        if required and not value:
            raise XrpcError(400, "InvalidRequest", f'Error: Params must have the property "{name}"')
        return value

    @staticmethod
    def _int(request: Request, name: str, default: int, low: int, high: int) -> int:
        raw = request.param(name)
        if raw is None:
            return default
        try:
            value = int(raw)
        except ValueError:
            raise XrpcError(400, "InvalidRequest", f"Error: {name} must be an integer") from None
        if not low <= value <= high:
            raise XrpcError(400, "InvalidRequest",
                            f"Error: {name} must be between {low} and {high}")
        return value

    # -- sessions and identity ---------------------------------------------------------------

    def _session(self, pair: tuple[str, str], did: str) -> dict[str, Any]:
        actor = self.world.actors[did]
        return {"accessJwt": pair[0], "refreshJwt": pair[1], "handle": actor.handle,
                "did": did, "email": f"atencion@{actor.handle}", "emailConfirmed": True,
                "emailAuthFactor": False, "active": True}

    def _com_atproto_server_createSession(self, request: Request, viewer: str | None) -> Any:
        body = self._body(request)
        ident, password = body.get("identifier"), body.get("password")
        if not isinstance(ident, str) or not isinstance(password, str):
            raise XrpcError(400, "InvalidRequest", "Input must have the properties "
                            '"identifier" and "password"')
        actor = self.world.actor(ident.lower().lstrip("@"))
        if actor is None or actor.did != self.world.brand.did:
            raise XrpcError(401, "AuthenticationRequired", "Invalid identifier or password")
        return self._session(self.world.sessions.create(actor.did, password), actor.did)

    def _com_atproto_server_refreshSession(self, request: Request, viewer: str | None) -> Any:
        pair = self.world.sessions.refresh(request.token)
        return self._session(pair, self.world.sessions.check(pair[0]))

    def _com_atproto_identity_resolveHandle(self, request: Request, viewer: str | None) -> Any:
        handle = str(self._param(request, "handle", True)).lower()
        did = self.world.resolve(handle)
        if did is None:
            raise XrpcError(400, "InvalidRequest", "Unable to resolve handle")
        return {"did": did}

    def _app_bsky_actor_getProfile(self, request: Request, viewer: str | None) -> Any:
        actor = self.world.actor(str(self._param(request, "actor", True)))
        if actor is None:
            raise XrpcError(400, "InvalidRequest", "Profile not found")
        return views.profile_detailed(self.world, actor)

    def _app_bsky_actor_getProfiles(self, request: Request, viewer: str | None) -> Any:
        actors = request.params.get("actors") or []
        if not actors:
            raise XrpcError(400, "InvalidRequest",
                            'Error: Params must have the property "actors"')
        if len(actors) > 25:
            raise XrpcError(400, "InvalidRequest",
                            "Error: actors must not have more than 25 elements")
        found = [a for a in (self.world.actor(x) for x in actors) if a is not None]
        return {"profiles": [views.profile_detailed(self.world, a) for a in found]}

    # -- reading -----------------------------------------------------------------------------

    def _app_bsky_notification_listNotifications(self, request: Request,
                                                 viewer: str | None) -> Any:
        limit = self._int(request, "limit", 50, 1, 100)
        reasons = set(request.params.get("reasons") or [])
        cursor = self._param(request, "cursor")
        notes = sorted(self.world.notifications, key=lambda n: n.seq, reverse=True)
        if viewer != self.world.brand.did:
            notes = []
        if reasons:
            notes = [n for n in notes if n.reason in reasons]
        if cursor:
            if not cursor.isdigit():
                raise XrpcError(400, "InvalidRequest", "Malformed cursor")
            notes = [n for n in notes if n.seq < int(cursor)]
        page = notes[:limit]
        out: dict[str, Any] = {"notifications": [views.notification(self.world, n)
                                                 for n in page],
                               "priority": False,
                               "seenAt": atproto_datetime(self.world.state.start_wall)}
        if len(notes) > limit:
            out["cursor"] = str(page[-1].seq)
        return out

    def _app_bsky_feed_getPosts(self, request: Request, viewer: str | None) -> Any:
        uris = request.params.get("uris") or []
        if not uris:
            raise XrpcError(400, "InvalidRequest", 'Error: Params must have the property "uris"')
        if len(uris) > 25:
            raise XrpcError(400, "InvalidRequest",
                            "Error: uris must not have more than 25 elements")
        found = [self.world.posts[u] for u in uris if u in self.world.posts]
        return {"posts": [views.post_view(self.world, p, viewer) for p in found]}

    def _matches(self, post: Post, terms: list[str]) -> bool:
        text = _fold(post.record.get("text", ""))
        tags = {_fold(f.get("tag", "")) for facet in post.record.get("facets") or []
                for f in facet.get("features") or [] if f.get("tag")}
        for term in terms:
            if term.startswith("#") and term[1:] not in tags and term not in text:
                return False
            if not term.startswith("#") and term not in text:
                return False
        return True

    def _app_bsky_feed_searchPosts(self, request: Request, viewer: str | None) -> Any:
        q = str(self._param(request, "q", True))
        terms = [_fold(t) for t in q.split() if t.strip()]
        if not terms:
            raise XrpcError(400, "BadQueryString", "Empty query")
        limit = self._int(request, "limit", 25, 1, 100)
        sort = self._param(request, "sort") or "latest"
        since, until = self._param(request, "since"), self._param(request, "until")
        lang = self._param(request, "lang")
        low = _moment(since, "since") if since else None
        high = _moment(until, "until") if until else None

        def sort_at(post: Post) -> datetime:
            created = datetime.fromisoformat(post.record["createdAt"].replace("Z", "+00:00"))
            return min(created, post.indexed_at)

        hits = [p for p in self.world.posts.values() if self._matches(p, terms)
                and (low is None or sort_at(p) >= low) and (high is None or sort_at(p) < high)
                and (not lang or lang in (p.record.get("langs") or []))]
        if sort == "top":
            hits.sort(key=lambda p: (p.seq * 7) % 23, reverse=True)
        else:
            hits.sort(key=lambda p: (sort_at(p), p.seq), reverse=True)
        cursor = self._param(request, "cursor") or "0"
        if not cursor.isdigit():
            raise XrpcError(400, "InvalidRequest", "Malformed cursor")
        offset = int(cursor)
        page = hits[offset:offset + limit]
        out: dict[str, Any] = {"posts": [views.post_view(self.world, p, viewer) for p in page],
                               "hitsTotal": len(hits)}
        if offset + limit < len(hits):
            out["cursor"] = str(offset + limit)
        return out

    def _app_bsky_feed_getPostThread(self, request: Request, viewer: str | None) -> Any:
        uri = str(self._param(request, "uri", True))
        depth = self._int(request, "depth", 6, 0, 1000)
        height = self._int(request, "parentHeight", 80, 0, 1000)
        post = self.world.posts.get(uri)
        if post is None:
            raise XrpcError(400, "NotFound", f"Post not found: {uri}")
        out: dict[str, Any] = {"thread": views.thread_view(self.world, post, viewer, depth,
                                                           height)}
        gate = views.threadgate_view(self.world.root_of(post))
        if gate is not None:
            out["threadgate"] = gate
        return out

    # -- writing -----------------------------------------------------------------------------

    def _com_atproto_repo_getRecord(self, request: Request, viewer: str | None) -> Any:
        repo = self.world.actor(str(self._param(request, "repo", True)))
        collection = self._param(request, "collection", True)
        rkey = self._param(request, "rkey", True)
        uri = f"at://{repo.did if repo else '?'}/{collection}/{rkey}"
        post = self.world.posts.get(uri)
        if post is None:
            raise XrpcError(400, "RecordNotFound", f"Could not locate record: {uri}")
        return {"uri": post.uri, "cid": post.cid, "value": post.record}

    def _com_atproto_repo_createRecord(self, request: Request, viewer: str | None) -> Any:
        body = self._body(request)
        repo = self.world.actor(str(body.get("repo") or ""))
        if repo is None:
            raise XrpcError(400, "InvalidRequest", "Could not find repo")
        if repo.did != viewer:
            raise XrpcError(401, "AuthenticationRequired", "Authentication Required")
        if body.get("collection") != POST_NSID:
            raise XrpcError(400, "InvalidRequest", "Unsupported collection")
        rkey = body.get("rkey")
        if rkey is not None and (not isinstance(rkey, str) or not is_tid(rkey)):
            raise XrpcError(400, "InvalidRequest",
                            f"Invalid record key for {POST_NSID}: must be a TID")
        record = body.get("record")
        try:
            check_post(record)
        except InvalidRecord as exc:
            raise XrpcError(400, "InvalidRecord", f"Invalid {POST_NSID} record: {exc}") from None
        assert isinstance(record, dict)
        now = datetime.now(UTC)
        if rkey is None:
            rkey = make_tid(int(now.timestamp() * 1_000_000), len(self.world.posts) % 1024)
        if f"at://{repo.did}/{POST_NSID}/{rkey}" in self.world.posts:
            raise XrpcError(400, "InvalidRequest", "Record already exists")
        parent_uri = (record.get("reply") or {}).get("parent", {}).get("uri")
        parent = self.world.posts.get(parent_uri or "")
        gated = parent is not None and self.world.reply_disabled(parent, repo.did)
        uri = self.world.store(repo, rkey, record, f"brand-{rkey}", now)
        post = self.world.posts[uri]
        self.world.received.append({"uri": uri, "cid": post.cid, "repo": body.get("repo"),
                                    "collection": body.get("collection"), "rkey": rkey,
                                    "record": record, "violates_threadgate": gated})
        if parent is not None:
            self.world.schedule_followup(parent.uri, uri)
        return {"uri": uri, "cid": post.cid,
                "commit": {"cid": make_cid({"commit": uri}), "rev": rkey},
                "validationStatus": "valid"}
