"""The Mastodon REST endpoints the sandbox serves, as plain request -> response functions."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from . import entities, paging, queries, render
from .oauth import OAuthError, OAuthServer
from .state import ApiError, SandboxState, StatusRec

# A 1x1 transparent PNG for the default avatar and header.
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


@dataclass
class Request:
    """One HTTP request as the handlers see it: path, query, headers, body, bearer token."""

    method: str
    path: str
    params: dict[str, list[str]]
    headers: dict[str, str]  # lower-case names
    body: bytes = b""
    token: str | None = None

    def form(self) -> dict[str, Any]:
        """The body as a dict: JSON object, or form fields (``name[]`` fields become lists)."""
        ctype = self.headers.get("content-type", "")
        if not self.body:
            return {}
        if "json" in ctype:
            try:
                data = json.loads(self.body)
            except (ValueError, UnicodeDecodeError):
                raise ApiError(400, "The request body is not valid JSON") from None
            if not isinstance(data, dict):
                raise ApiError(400, "The request body must be a JSON object")
            return data
        from urllib.parse import parse_qs

        try:
            fields = parse_qs(self.body.decode("utf-8"), keep_blank_values=True)
        except UnicodeDecodeError:
            raise ApiError(400, "The request body is not UTF-8") from None
        out: dict[str, Any] = {}
        for name, values in fields.items():
            if name.endswith("[]"):
                out[name[:-2]] = values
            else:
                out[name] = values[-1]
        return out

    def param(self, name: str) -> str | None:
        values = self.params.get(name)
        return values[-1] if values else None


@dataclass
class Response:
    """What a handler answers: status, body, content type and extra headers."""

    status: int = 200
    body: bytes = b""
    content_type: str = "application/json; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def json(cls, data: Any, status: int = 200, link: str | None = None) -> Response:
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        return cls(status, body, headers={"Link": link} if link else {})

    @classmethod
    def error(cls, status: int, message: str) -> Response:
        return cls.json({"error": message}, status)

    @classmethod
    def page(cls, text: str, status: int = 200) -> Response:
        return cls(status, text.encode("utf-8"), "text/html; charset=utf-8")


Handler = Callable[[Request, re.Match[str]], Response]


class MastodonApi:
    """Routes Mastodon requests to the sandbox state."""

    def __init__(self, state: SandboxState, oauth: OAuthServer) -> None:
        self.state = state
        self.oauth = oauth
        self.routes: list[tuple[str, re.Pattern[str], bool, Handler]] = [
            ("GET", re.compile(r"/api/v2/instance/?"), False, self.instance_v2),
            ("GET", re.compile(r"/api/v1/instance/?"), False, self.instance_v1),
            ("GET", re.compile(r"/api/v1/accounts/verify_credentials"), True, self.verify),
            ("GET", re.compile(r"/api/v1/accounts/(\d+)"), False, self.account),
            ("GET", re.compile(r"/api/v1/notifications"), True, self.notifications),
            ("GET", re.compile(r"/api/v2/search"), True, self.search),
            ("GET", re.compile(r"/api/v1/timelines/tag/([^/]+)"), False, self.tag_timeline),
            ("GET", re.compile(r"/api/v1/statuses/(\d+)"), False, self.status),
            ("GET", re.compile(r"/api/v1/statuses/(\d+)/context"), False, self.context),
            ("GET", re.compile(r"/api/v1/conversations"), True, self.conversations),
            ("POST", re.compile(r"/api/v1/statuses"), True, self.post_status),
            ("POST", re.compile(r"/api/v1/apps"), False, self.register_app),
            ("GET", re.compile(r"/oauth/authorize"), False, self.authorize_page),
            ("POST", re.compile(r"/oauth/authorize"), False, self.authorize_decide),
            ("POST", re.compile(r"/oauth/token"), False, self.token),
            ("POST", re.compile(r"/oauth/revoke"), False, self.revoke),
            ("GET", re.compile(r"/(avatars|headers)/original/missing\.png"), False, self.pixel),
        ]

    def authorized(self, request: Request) -> bool:
        token = request.token
        return bool(token) and token not in self.oauth.revoked

    def handle(self, request: Request) -> Response:
        path_matched = False
        for method, pattern, needs_auth, handler in self.routes:
            match = pattern.fullmatch(request.path)
            if match is None:
                continue
            path_matched = True
            if method != request.method:
                continue
            if needs_auth and not self.authorized(request):
                return Response.error(401, "The access token is invalid")
            try:
                with self.state.lock:
                    return handler(request, match)
            except ApiError as exc:
                return Response.error(exc.status, exc.message)
            except OAuthError as exc:
                return Response.json(exc.body(), exc.status)
            except paging.BadParam as exc:
                return Response.error(400, str(exc))
        if path_matched:
            return Response.error(405, "Method not allowed")
        return Response.error(404, "Record not found")

    # -- instance and accounts ---------------------------------------------------------------

    def instance_v2(self, request: Request, match: re.Match[str]) -> Response:
        return Response.json(entities.instance_v2(self.state))

    def instance_v1(self, request: Request, match: re.Match[str]) -> Response:
        return Response.json(entities.instance_v1(self.state))

    def verify(self, request: Request, match: re.Match[str]) -> Response:
        brand = self.state.accounts[self.state.brand_id]
        return Response.json(entities.credential_account(self.state, brand))

    def account(self, request: Request, match: re.Match[str]) -> Response:
        return Response.json(entities.account(self.state, self.state.account(match.group(1))))

    def pixel(self, request: Request, match: re.Match[str]) -> Response:
        return Response(200, PIXEL, "image/png")

    # -- lists -------------------------------------------------------------------------------

    def _status_page(
        self, request: Request, items: list[StatusRec], default: int, maximum: int
    ) -> Response:
        page, limit = paging.paginate(items, lambda s: int(s.id), request.params, default, maximum)
        link = paging.link_header(
            self.state.base_url, request.path, request.params, [s.id for s in page], limit
        )
        return Response.json([entities.status(self.state, s) for s in page], link=link)

    def notifications(self, request: Request, match: re.Match[str]) -> Response:
        types = set(request.params.get("types[]", []) + request.params.get("types", []))
        excluded = set(
            request.params.get("exclude_types[]", []) + request.params.get("exclude_types", [])
        )
        account_id = request.param("account_id")
        items = [
            n
            for n in self.state.notifications
            if (not types or n.type in types)
            and n.type not in excluded
            and (account_id is None or n.account_id == account_id)
        ]
        page, limit = paging.paginate(items, lambda n: int(n.id), request.params, 40, 80)
        link = paging.link_header(
            self.state.base_url, request.path, request.params, [n.id for n in page], limit
        )
        return Response.json([entities.notification(self.state, n) for n in page], link=link)

    def tag_timeline(self, request: Request, match: re.Match[str]) -> Response:
        return self._status_page(
            request, queries.tagged(self.state, unquote(match.group(1))), 20, 40
        )

    def conversations(self, request: Request, match: re.Match[str]) -> Response:
        groups: dict[str, list[StatusRec]] = {}
        brand = self.state.brand_id
        for sid in self.state.order:
            rec = self.state.statuses[sid]
            # Only the brand's own conversations: it wrote or was addressed in them.
            if rec.visibility == "direct" and (rec.account_id == brand or brand in rec.mention_ids):
                groups.setdefault(queries.thread_root(self.state, rec).id, []).append(rec)
        convs = sorted(groups.items(), key=lambda kv: int(kv[1][-1].id))
        page, limit = paging.paginate(convs, lambda kv: int(kv[1][-1].id), request.params, 20, 40)
        out = []
        for root_id, statuses in page:
            people: list[str] = []
            for rec in statuses:
                for who in [rec.account_id, *rec.mention_ids]:
                    if who != self.state.brand_id and who not in people:
                        people.append(who)
            out.append(entities.conversation(self.state, root_id, statuses[-1], people))
        link = paging.link_header(
            self.state.base_url,
            request.path,
            request.params,
            [statuses[-1].id for _, statuses in page],
            limit,
        )
        return Response.json(out, link=link)

    def search(self, request: Request, match: re.Match[str]) -> Response:
        query = (request.param("q") or "").strip()
        if not query:
            raise ApiError(400, "Missing parameter q")
        kind = request.param("type")
        limit = paging.limit_param(request.params, 20, 40)
        try:
            offset = max(0, int(request.param("offset") or 0))
        except ValueError:
            raise ApiError(400, "offset must be an integer") from None
        result: dict[str, Any] = {"accounts": [], "statuses": [], "hashtags": []}
        if kind in (None, "", "statuses"):
            max_id = paging.id_param(request.params, "max_id")
            min_id = paging.id_param(request.params, "min_id")
            found = [
                s
                for s in queries.search(self.state, query)
                if (max_id is None or int(s.id) < max_id) and (min_id is None or int(s.id) > min_id)
            ]
            ordered = found if min_id is not None else list(reversed(found))
            chosen = ordered[offset : offset + limit]
            if min_id is not None:
                chosen.reverse()
            result["statuses"] = [entities.status(self.state, s) for s in chosen]
        if kind in (None, "", "accounts"):
            accounts = [
                a
                for a in self.state.accounts.values()
                if render.matches_query(f"{a.person.acct} {a.person.display_name}", query)
            ]
            result["accounts"] = [
                entities.account(self.state, a) for a in accounts[offset : offset + limit]
            ]
        if kind in (None, "", "hashtags"):
            names = {t for s in self.state.statuses.values() for t in s.tags}
            wanted = render.fold(query.lstrip("#"))
            result["hashtags"] = [
                {"name": n, "url": f"{self.state.base_url}/tags/{n.lower()}", "history": []}
                for n in sorted(names)
                if wanted in render.fold(n)
            ][offset : offset + limit]
        return Response.json(result)

    # -- statuses ----------------------------------------------------------------------------

    def _visible(self, request: Request, status_id: str) -> StatusRec:
        rec = self.state.status(status_id)
        if rec.visibility in ("private", "direct") and not self.authorized(request):
            raise ApiError(404, "Record not found")
        return rec

    def status(self, request: Request, match: re.Match[str]) -> Response:
        return Response.json(entities.status(self.state, self._visible(request, match.group(1))))

    def context(self, request: Request, match: re.Match[str]) -> Response:
        self._visible(request, match.group(1))
        ancestors, descendants = queries.context(self.state, match.group(1))
        public = self.authorized(request)
        keep = [s for s in ancestors if public or s.visibility in ("public", "unlisted")]
        later = [s for s in descendants if public or s.visibility in ("public", "unlisted")]
        return Response.json(
            {
                "ancestors": [entities.status(self.state, s) for s in keep],
                "descendants": [entities.status(self.state, s) for s in later],
            }
        )

    def post_status(self, request: Request, match: re.Match[str]) -> Response:
        form = request.form()
        text = form.get("status")
        reply_to = form.get("in_reply_to_id")
        visibility = form.get("visibility")
        language = form.get("language")
        spoiler = form.get("spoiler_text")
        token = request.token or ""
        app = self.oauth.tokens.get(token, {}).get("client_id")
        app_name = self.oauth.apps[app].name if app in self.oauth.apps else None
        status_id = self.state.post_brand_status(
            token,
            text if isinstance(text, str) else "",
            in_reply_to_id=str(reply_to) if reply_to else None,
            visibility=visibility if isinstance(visibility, str) and visibility else None,
            language=language if isinstance(language, str) and language else None,
            spoiler_text=spoiler if isinstance(spoiler, str) else "",
            idempotency_key=request.headers.get("idempotency-key") or None,
            application=app_name,
        )
        return Response.json(entities.status(self.state, self.state.statuses[status_id]))

    # -- OAuth -------------------------------------------------------------------------------

    def register_app(self, request: Request, match: re.Match[str]) -> Response:
        return Response.json(self.oauth.register(request.form()))

    def authorize_page(self, request: Request, match: re.Match[str]) -> Response:
        params = {k: v[-1] for k, v in request.params.items()}
        try:
            return Response.page(self.oauth.authorize_page(params))
        except OAuthError as exc:
            return Response.page(f"<p>{exc.error}: {exc.description}</p>", exc.status)

    def authorize_decide(self, request: Request, match: re.Match[str]) -> Response:
        form = {k: str(v) for k, v in request.form().items()}
        location, page = self.oauth.decide(form)
        if location is not None:
            return Response(302, b"", "text/html; charset=utf-8", {"Location": location})
        return Response.page(page)

    def token(self, request: Request, match: re.Match[str]) -> Response:
        return Response.json(self.oauth.token(request.form()))

    def revoke(self, request: Request, match: re.Match[str]) -> Response:
        self.oauth.revoke(request.form())
        return Response.json({})
