"""X API v2 on the sandbox server: the endpoints Posventa calls, limits, errors, faults.

``GET /2/users/me``, ``GET /2/users/:id/mentions``, ``GET /2/users/:id/tweets``,
``GET /2/tweets/search/recent``, ``POST /2/tweets``, and OAuth 2.0 (x_oauth.py). Pages,
fields and expansions as X's data dictionary describes them (``data``, ``includes.users``
and ``includes.tweets``, ``meta.newest_id/oldest_id/result_count/next_token``; no ``data``
when nothing matched). Errors are problem bodies ``{title, detail, type, status}``; every
answer carries ``x-rate-limit-limit/-remaining/-reset`` (epoch seconds) per endpoint and
user, with X's documented per-user limits per 15 minutes. Faults injected on the sandbox's
FaultBook fire on these paths too. A reply is refused (403) unless the post it answers
mentioned or quoted the brand, as on self-serve access, and so is duplicate text.
"""

from __future__ import annotations

import base64
import json
import re
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from .api import Request, Response
from .faults import Fault, FaultBook
from .state import SandboxState
from .x_oauth import TokenError, XOAuth
from .x_search import QueryError, compile_query
from .x_world import Post, XWorld

WINDOW = 900.0
LIMITS = {"GET /2/users/me": 75, "GET /2/users/:id/mentions": 300,
          "GET /2/users/:id/tweets": 900, "GET /2/tweets/search/recent": 300,
          "POST /2/tweets": 100}
PROBLEMS = "https://api.x.com/2/problems/"
ID = re.compile(r"^[0-9]{1,19}$")
TWEET_FIELDS = {"article", "attachments", "author_id", "card_uri", "context_annotations",
                "conversation_id", "created_at", "edit_controls", "edit_history_tweet_ids",
                "entities", "geo", "id", "in_reply_to_user_id", "lang", "non_public_metrics",
                "note_tweet", "organic_metrics", "possibly_sensitive", "promoted_metrics",
                "public_metrics", "referenced_tweets", "reply_settings", "scopes", "source",
                "text", "withheld"}
USER_FIELDS = {"affiliation", "connection_status", "created_at", "description", "entities",
               "id", "location", "most_recent_tweet_id", "name", "pinned_tweet_id",
               "profile_banner_url", "profile_image_url", "protected", "public_metrics",
               "receives_your_dm", "subscription_type", "url", "username", "verified",
               "verified_type", "withheld"}
EXPANSIONS = {"attachments.poll_ids", "attachments.media_keys", "author_id",
              "edit_history_tweet_ids", "entities.mentions.username", "geo.place_id",
              "in_reply_to_user_id", "referenced_tweets.id", "referenced_tweets.id.author_id"}
_DEFAULT_TWEET = ("id", "text", "edit_history_tweet_ids")
_DEFAULT_USER = ("id", "name", "username")


class XError(Exception):
    """An error answered as an X problem body."""

    def __init__(self, status: int, title: str, detail: str, kind: str = "about:blank",
                 **extra: Any) -> None:
        super().__init__(detail)
        self.status, self.title, self.detail, self.kind, self.extra = (
            status, title, detail, kind, extra)

    def response(self) -> Response:
        kind = self.kind if self.kind == "about:blank" else PROBLEMS + self.kind
        body = {"title": self.title, "detail": self.detail, "type": kind, **self.extra}
        if self.kind == "about:blank":
            body["status"] = self.status
        return Response(self.status, json.dumps(body, ensure_ascii=False).encode(),
                        "application/problem+json")


def invalid(detail: str, parameter: str = "", value: str = "") -> XError:
    extra = {"errors": [{"parameters": {parameter: [value]}, "message": detail}]} \
        if parameter else {}
    return XError(400, "Invalid Request", "One or more parameters to your request was "
                  "invalid.", "invalid-request", **extra)


class XLimiter:
    """15-minute windows per endpoint and user, with X's per-user limits."""

    def __init__(self, scale: float = 1.0) -> None:
        self.scale = scale
        self._lock = threading.Lock()
        self._windows: dict[tuple[str, str], tuple[float, int]] = {}

    def hit(self, endpoint: str, who: str) -> tuple[bool, dict[str, str]]:
        limit = max(1, int(LIMITS.get(endpoint, 300) * self.scale))
        now = time.time()
        with self._lock:
            start, used = self._windows.get((endpoint, who), (now, 0))
            if now - start >= WINDOW:
                start, used = now, 0
            used += 1
            self._windows[(endpoint, who)] = (start, used)
        return used <= limit, {"x-rate-limit-limit": str(limit),
                               "x-rate-limit-remaining": str(max(0, limit - used)),
                               "x-rate-limit-reset": str(int(start + WINDOW))}


class XApi:
    """The X half of a sandbox server."""

    def __init__(self, state: SandboxState, faults: FaultBook, *, release_all: bool = False,
                 data_path: Path | None = None) -> None:
        self.world = XWorld.load(state, data_path, release_all)
        self.oauth = XOAuth()
        self.faults = faults
        self.limiter = XLimiter()
        self.calls: list[str] = []  # "METHOD path" of every API call, for tests

    @staticmethod
    def handles(path: str) -> bool:
        return path.startswith(("/2/", "/i/oauth2/"))

    # -- serving -----------------------------------------------------------------------------

    def serve(self, handler: Any, request: Request) -> None:
        """Answer one X request on the sandbox's HTTP handler."""
        self.world.state.tick()
        self.world.tick()
        fault = self.faults.take(request.path)
        if fault is not None and fault.kind == "delay":
            time.sleep(fault.delay)
            fault = None
        endpoint = self.endpoint(request)
        allowed, headers = self.limiter.hit(endpoint, request.token or "-")
        if fault is not None:
            if fault.kind != "status":
                handler._fault(fault, headers)
                return
            handler._send(self._fault_response(fault, headers), headers)
            return
        try:
            if request.path.startswith("/i/oauth2/") or request.path.startswith("/2/oauth2/"):
                handler._send(self.oauth_route(request))
                return
            self.calls.append(endpoint)
            if not allowed:
                raise XError(429, "Too Many Requests", "Too Many Requests")
            response = self.route(request, endpoint)
        except XError as exc:
            response = exc.response()
        handler._send(response, headers)

    def _fault_response(self, fault: Fault, headers: dict[str, str]) -> Response:
        if fault.status == 429:
            wait = fault.reset_in if fault.reset_in is not None else fault.retry_after
            headers["x-rate-limit-remaining"] = "0"
            if wait is not None:
                headers["x-rate-limit-reset"] = str(int(time.time() + wait + 0.999))
            return XError(429, "Too Many Requests", "Too Many Requests").response()
        if fault.status == 401:
            return XError(401, "Unauthorized", "Unauthorized").response()
        titles = {403: "Forbidden", 404: "Not Found Error", 500: "Internal Server Error",
                  503: "Service Unavailable"}
        return XError(fault.status, titles.get(fault.status, "Error"),
                      "Injected by the sandbox").response()

    @staticmethod
    def endpoint(request: Request) -> str:
        parts = [":id" if i > 2 and ID.match(p) else p
                 for i, p in enumerate(request.path.rstrip("/").split("/"))]
        return f"{request.method} {'/'.join(parts)}"

    def route(self, request: Request, endpoint: str) -> Response:
        scopes = self.oauth.scopes_of(request.token)
        if scopes is None:
            raise XError(401, "Unauthorized", "Unauthorized")
        brand = self.world.brand.id
        if endpoint == "GET /2/users/me":
            return self._user(request)
        if endpoint in ("GET /2/users/:id/mentions", "GET /2/users/:id/tweets"):
            user_id = request.path.rstrip("/").split("/")[3]
            if user_id not in self.world.users:
                return Response.json({"errors": [{
                    "value": user_id, "detail": f"Could not find user with id: [{user_id}].",
                    "title": "Not Found Error", "resource_type": "user", "parameter": "id",
                    "resource_id": user_id, "type": PROBLEMS + "resource-not-found"}]})
            with self.world.lock:
                posts = (self.world.mentions_of(user_id) if endpoint.endswith("mentions")
                         else self._timeline(request, user_id))
            return self._page(request, posts, low=5, token_name="pagination_token")
        if endpoint == "GET /2/tweets/search/recent":
            query = request.param("query")
            if not query:
                raise invalid("The `query` query parameter can not be empty", "query", "")
            try:
                test = compile_query(self.world, query)
            except QueryError as exc:
                raise invalid(str(exc), "query", query) from None
            week = time.time() - 7 * 86400
            with self.world.lock:
                posts = [p for p in self.world.visible()
                         if p.created_at.timestamp() >= week and test(p)]
            return self._page(request, posts, low=10, token_name="next_token")
        if endpoint == "POST /2/tweets":
            if "tweet.write" not in scopes:
                raise XError(403, "Forbidden", "You are not permitted to perform this action.")
            return self._create(request, brand)
        raise XError(404, "Not Found Error", f"The endpoint {request.method} {request.path} "
                     "does not exist", "resource-not-found", resource_type="endpoint")

    # -- reading -----------------------------------------------------------------------------

    def _fields(self, request: Request, name: str, known: set[str]) -> set[str]:
        value = request.param(name)
        if value is None:
            return set()
        chosen = {f for f in value.split(",") if f}
        wrong = sorted(chosen - known)
        if wrong:
            raise invalid(f"The `{name}` query parameter value [{wrong[0]}] is not one of "
                          f"[{','.join(sorted(known))}]", name, value)
        return chosen

    def _user(self, request: Request) -> Response:
        fields = self._fields(request, "user.fields", USER_FIELDS)
        return Response.json({"data": self._shape(self.world.brand.view(), _DEFAULT_USER,
                                                  fields)})

    @staticmethod
    def _shape(view: dict[str, Any], default: tuple[str, ...], fields: set[str]) -> dict[str, Any]:
        return {k: v for k, v in view.items() if k in default or k in fields}

    def _timeline(self, request: Request, user_id: str) -> list[Post]:
        posts = self.world.timeline_of(user_id)
        start = request.param("start_time")
        if start:
            try:
                moment = datetime.fromisoformat(start.replace("Z", "+00:00"))
            except ValueError:
                raise invalid("Invalid 'start_time'", "start_time", start) from None
            posts = [p for p in posts if p.created_at >= moment]
        exclude = set((request.param("exclude") or "").split(","))
        if "replies" in exclude:
            posts = [p for p in posts if not p.in_reply_to_user_id]
        return posts

    def _page(self, request: Request, posts: list[Post], *, low: int,
              token_name: str) -> Response:
        """One page of ``posts`` (newest first): since_id, max_results, tokens, includes."""
        tweet_fields = self._fields(request, "tweet.fields", TWEET_FIELDS)
        user_fields = self._fields(request, "user.fields", USER_FIELDS)
        expansions = self._fields(request, "expansions", EXPANSIONS)
        size_text = request.param("max_results")
        size = 10
        if size_text is not None:
            if not size_text.isdigit() or not low <= int(size_text) <= 100:
                raise invalid(f"The `max_results` query parameter value [{size_text}] is not "
                              f"between {low} and 100", "max_results", size_text)
            size = int(size_text)
        for name in ("since_id", "until_id"):
            value = request.param(name)
            if value is not None and not ID.match(value):
                raise invalid(f"The `{name}` query parameter value [{value}] does not match "
                              "^[0-9]{1,19}$", name, value)
        since, until = request.param("since_id"), request.param("until_id")
        token = request.param(token_name) or request.param("pagination_token")
        top, offset = self._read_token(token) if token else (None, 0)
        chosen = [p for p in posts if (since is None or int(p.id) > int(since))
                  and (until is None or int(p.id) < int(until))
                  and (top is None or int(p.id) <= top)]
        if top is None and chosen:
            top = int(chosen[0].id)
        page = chosen[offset:offset + size]
        if not page:
            return Response.json({"meta": {"result_count": 0}})
        meta: dict[str, Any] = {"newest_id": page[0].id, "oldest_id": page[-1].id,
                                "result_count": len(page)}
        if offset + size < len(chosen):
            meta["next_token"] = self._token(top or 0, offset + size)
        body: dict[str, Any] = {
            "data": [self._shape(p.view(), _DEFAULT_TWEET, tweet_fields) for p in page],
            "meta": meta}
        includes = self._includes(page, expansions, tweet_fields, user_fields)
        if includes:
            body["includes"] = includes
        return Response.json(body)

    def _includes(self, page: list[Post], expansions: set[str], tweet_fields: set[str],
                  user_fields: set[str]) -> dict[str, Any]:
        users: dict[str, dict[str, Any]] = {}
        tweets: dict[str, dict[str, Any]] = {}
        world = self.world

        def add_user(user_id: str | None) -> None:
            if user_id and user_id in world.users and user_id not in users:
                users[user_id] = self._shape(world.users[user_id].view(), _DEFAULT_USER,
                                             user_fields)

        for post in page:
            if "author_id" in expansions:
                add_user(post.author_id)
            if "in_reply_to_user_id" in expansions:
                add_user(post.in_reply_to_user_id)
            if "entities.mentions.username" in expansions:
                for mention in post.entities.get("mentions", []):
                    add_user(mention.get("id"))
            if "referenced_tweets.id" in expansions:
                for ref in post.referenced:
                    found = world.posts.get(ref["id"])
                    if found is not None and found.id not in tweets:
                        tweets[found.id] = self._shape(found.view(), _DEFAULT_TWEET,
                                                       tweet_fields)
                        if "referenced_tweets.id.author_id" in expansions:
                            add_user(found.author_id)
        out: dict[str, Any] = {}
        if users:
            out["users"] = list(users.values())
        if tweets:
            out["tweets"] = list(tweets.values())
        return out

    @staticmethod
    def _token(top: int, offset: int) -> str:
        raw = f"{top}:{offset}".encode()
        return base64.b32hexencode(raw).decode().rstrip("=").lower()

    @staticmethod
    def _read_token(token: str) -> tuple[int, int]:
        try:
            padded = token.upper() + "=" * (-len(token) % 8)
            top, offset = base64.b32hexdecode(padded).decode().split(":")
            return int(top), int(offset)
        except (ValueError, UnicodeDecodeError):
            raise invalid(f"The pagination token [{token}] is invalid", "pagination_token",
                          token) from None

    # -- writing -----------------------------------------------------------------------------

    def _create(self, request: Request, brand: str) -> Response:
        try:
            body = json.loads(request.body or b"{}")
        except ValueError:
            raise invalid("The request body is not valid JSON") from None
        text = body.get("text") if isinstance(body, dict) else None
        if not isinstance(text, str) or not text.strip():
            raise invalid("$.text: text is required", "text", "")
        reply = body.get("reply")
        target = reply.get("in_reply_to_tweet_id") if isinstance(reply, dict) else None
        if reply is not None and (not isinstance(target, str) or not ID.match(target)):
            raise invalid("$.reply.in_reply_to_tweet_id: does not match ^[0-9]{1,19}$",
                          "reply.in_reply_to_tweet_id", str(target))
        if len(text) > 4000:
            raise invalid("Your post text is too long.", "text", text[:40])
        with self.world.lock:
            if any(p.plain == text for p in self.world.timeline_of(brand)):
                raise XError(403, "Forbidden", "You are not allowed to create a Tweet with "
                             "duplicate content.")
            if target is not None:
                parent = self.world.posts.get(target)
                if parent is None:
                    raise XError(403, "Forbidden", "You attempted to reply to a Tweet that is "
                                 "deleted or not visible to you.")
                if not self.world.summoned(parent, brand):
                    raise XError(403, "Forbidden", "Reply to this conversation is not allowed "
                                 "because you have not been mentioned or otherwise engaged by "
                                 "the author of the post you are replying to.")
                post_id = self.world.brand_reply(text, target)
            else:
                post_id = self.world.publish("brand", text)
            shown = self.world.posts[post_id].text
        return Response.json({"data": {"id": post_id, "text": shown,
                                       "edit_history_tweet_ids": [post_id]}}, 201)

    # -- OAuth -------------------------------------------------------------------------------

    def oauth_route(self, request: Request) -> Response:
        route = (request.method, request.path.rstrip("/"))
        if route == ("GET", "/i/oauth2/authorize"):
            params = {k: v[-1] for k, v in request.params.items()}
            problem = self.oauth.check_authorize(params)
            if problem:
                return Response(400, f"<p>{problem}</p>".encode(), "text/html; charset=utf-8")
            return Response(200, self.oauth.consent_page(params).encode(),
                            "text/html; charset=utf-8")
        if route == ("POST", "/i/oauth2/authorize"):
            params = self._form(request)
            if self.oauth.check_authorize(params):
                return Response(400, b"<p>Something went wrong</p>", "text/html; charset=utf-8")
            return Response(302, b"", "text/html; charset=utf-8",
                            {"Location": self.oauth.decide(params)})
        if route == ("POST", "/2/oauth2/token"):
            basic = request.headers.get("authorization", "")
            client = None
            if basic.lower().startswith("basic "):
                try:
                    client = base64.b64decode(basic[6:]).decode().split(":", 1)[0]
                except (ValueError, UnicodeDecodeError):
                    client = ""
            try:
                return Response.json(self.oauth.token(self._form(request), client))
            except TokenError as exc:
                return Response.json(exc.body(), exc.status)
        if route == ("POST", "/2/oauth2/revoke"):
            self.oauth.revoke(self._form(request).get("token", ""))
            return Response.json({"revoked": True})
        raise XError(404, "Not Found Error", "Not found", "resource-not-found",
                     resource_type="endpoint")

    @staticmethod
    def _form(request: Request) -> dict[str, str]:
        try:
            fields = parse_qs(request.body.decode("utf-8"), keep_blank_values=True)
        except UnicodeDecodeError:
            return {}
        return {k: v[-1] for k, v in fields.items()}
