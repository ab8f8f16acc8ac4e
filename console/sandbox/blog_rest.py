"""The WordPress REST API of the sandbox blogs (``/wp-json/``), shaped like WordPress 6.

``GET /wp-json/`` (index), ``GET|POST /wp/v2/comments``, ``GET /wp/v2/comments/ID``,
``GET /wp/v2/posts`` and ``/wp/v2/posts/ID``, ``GET /wp/v2/users/me``. Collections take
``page``, ``per_page`` (1-100), ``search``, ``after``, ``before``, ``post``, ``parent``,
``author``, ``order`` and ``orderby`` and send ``X-WP-Total``, ``X-WP-TotalPages`` and
``Link`` headers. Errors are ``{"code", "message", "data": {"status"}}``. Authentication is
HTTP Basic with a user's Application Password (spaces optional), as in WordPress 5.6+.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import unicodedata
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from . import blog_feeds as feeds
from .api import Request, Response
from .blog_data import BlogPost, BlogUser
from .blog_state import BlogView, BlogWorld, CommentRec

ORDERBY = ("date", "date_gmt", "id", "include", "post", "parent", "type")


def wp_error(status: int, code: str, message: str, **data: Any) -> Response:
    return Response.json({"code": code, "message": message, "data": {"status": status, **data}},
                         status)


def _invalid(name: str, why: str) -> Response:
    return wp_error(400, "rest_invalid_param", f"Invalid parameter(s): {name}",
                    params={name: why})


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c)).casefold()


def _when(value: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _ints(request: Request, name: str) -> list[int] | None:
    values = request.params.get(name, []) + request.params.get(f"{name}[]", [])
    out: list[int] = []
    for value in values:
        for part in value.split(","):
            if part.strip():
                if not part.strip().isdigit():
                    raise ValueError(name)
                out.append(int(part))
    return out if values else None


def _text_of(html: str) -> str:
    import re

    return re.sub(r"<[^>]*>", " ", html)


class WordPressRest:
    """Request -> Response for one sandbox WordPress blog."""

    def __init__(self, world: BlogWorld, base_url: Callable[[], str]) -> None:
        self.world = world
        self.base_url = base_url

    def _user(self, request: Request, view: BlogView) -> BlogUser | Response | None:
        header = request.headers.get("authorization", "")
        if not header.lower().startswith("basic "):
            return None
        try:
            user, _, password = base64.b64decode(header[6:].strip(), validate=True) \
                .decode("utf-8").partition(":")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            return wp_error(401, "invalid_username",
                            "Unknown username. Check again or try your email address.")
        found = view.user(user)
        if found is None:
            return wp_error(401, "invalid_username",
                            "Unknown username. Check again or try your email address.")
        if "".join(password.split()) != "".join(found.app_password.split()):
            return wp_error(401, "incorrect_password",
                            "The provided password is an invalid application password.")
        return found

    def handle(self, request: Request, name: str, route: str) -> Response:
        view = self.world.view(name)
        if view is None:
            return wp_error(404, "rest_no_route", "No route was found matching the URL and "
                            "request method.")
        user = self._user(request, view)
        if isinstance(user, Response):
            return user
        route = route.rstrip("/") or "/"
        with self.world.lock:
            if route == "/" and request.method == "GET":
                return self._index(view)
            if route == "/wp/v2/comments" and request.method == "GET":
                return self._comments(request, view, user)
            if route == "/wp/v2/comments" and request.method == "POST":
                return self._create(request, view, user)
            parts = route.split("/")
            if len(parts) == 5 and parts[4].isdigit() and request.method == "GET":
                if parts[3] == "comments":
                    found = view.comment(parts[4])
                    if found is None:
                        return wp_error(404, "rest_comment_invalid_id", "Invalid comment ID.")
                    return Response.json(self._comment_json(view, found))
                if parts[3] == "posts":
                    post = view.post(parts[4])
                    if post is None:
                        return wp_error(404, "rest_post_invalid_id", "Invalid post ID.")
                    return Response.json(self._fields(request, self._post_json(view, post)))
            if route == "/wp/v2/posts" and request.method == "GET":
                items = [self._fields(request, self._post_json(view, p))
                         for p, _ in sorted(view.posts, key=lambda i: i[1], reverse=True)]
                return Response(200, json.dumps(items, ensure_ascii=False).encode(),
                                headers={"X-WP-Total": str(len(items)), "X-WP-TotalPages": "1"})
            if route == "/wp/v2/users/me" and request.method == "GET":
                if user is None:
                    return wp_error(401, "rest_not_logged_in",
                                    "You are not currently logged in.")
                return Response.json(self._user_json(view, user))
        return wp_error(404, "rest_no_route", "No route was found matching the URL and request "
                        "method.")

    # -- shapes ------------------------------------------------------------------------------

    def _home(self, view: BlogView) -> str:
        return feeds.base(view, self.base_url())

    def _index(self, view: BlogView) -> Response:
        home = self._home(view)
        return Response.json({
            "name": view.blog.title, "description": view.blog.description, "url": home,
            "home": home, "gmt_offset": view.blog.utc_offset_minutes / 60,
            "timezone_string": "Europe/Madrid", "namespaces": ["oembed/1.0", "wp/v2"],
            "authentication": {"application-passwords": {"endpoints": {
                "authorization": f"{home}/wp-admin/authorize-application.php"}}},
            "routes": {"/wp/v2/comments": {"methods": ["GET", "POST"]}},
        })

    def _local(self, view: BlogView, moment: datetime) -> str:
        local = moment + timedelta(minutes=view.blog.utc_offset_minutes)
        return local.strftime("%Y-%m-%dT%H:%M:%S")

    def _comment_json(self, view: BlogView, c: CommentRec, edit: bool = False
                      ) -> dict[str, Any]:
        home = self._home(view)
        gravatar = f"https://secure.gravatar.com/avatar/{c.email_hash}?s={{}}&d=mm&r=g"
        data: dict[str, Any] = {
            "id": int(c.id), "post": int(c.post.id), "parent": int(c.parent.id) if c.parent
            else 0, "author": c.user_id, "author_name": c.name, "author_url": c.url,
            "date": self._local(view, c.date), "date_gmt": c.date.strftime("%Y-%m-%dT%H:%M:%S"),
            "content": {"rendered": c.html}, "link": feeds.comment_guid(view, self.base_url(),
                                                                        c),
            "status": "approved", "type": "comment",
            "author_avatar_urls": {size: gravatar.format(size) for size in ("24", "48", "96")},
            "meta": [],
            "_links": {"self": [{"href": f"{home}/wp-json/wp/v2/comments/{c.id}"}],
                       "collection": [{"href": f"{home}/wp-json/wp/v2/comments"}],
                       "up": [{"embeddable": True, "post_type": "post",
                               "href": f"{home}/wp-json/wp/v2/posts/{c.post.id}"}]},
        }
        if edit:
            data["author_email"] = ""
            data["author_ip"] = "127.0.0.1"
            data["author_user_agent"] = ""
            data["content"]["raw"] = c.html
        return data

    def _post_json(self, view: BlogView, post: BlogPost) -> dict[str, Any]:
        date = view.post_date(post)
        link = feeds.post_link(view, self.base_url(), post, date)
        return {
            "id": int(post.id), "date": self._local(view, date),
            "date_gmt": date.strftime("%Y-%m-%dT%H:%M:%S"),
            "guid": {"rendered": feeds.post_guid(view, self.base_url(), post)},
            "modified": self._local(view, date), "modified_gmt": date.strftime(
                "%Y-%m-%dT%H:%M:%S"), "slug": post.slug, "status": "publish", "type": "post",
            "link": link, "title": {"rendered": post.title},
            "content": {"rendered": post.html, "protected": False},
            "excerpt": {"rendered": post.html[:300], "protected": False},
            "author": post.author, "featured_media": 0,
            "comment_status": "open" if post.comments_open else "closed",
            "ping_status": "closed", "sticky": False, "template": "", "format": "standard",
            "meta": [], "categories": [1], "tags": [],
        }

    def _user_json(self, view: BlogView, user: BlogUser) -> dict[str, Any]:
        home = self._home(view)
        return {"id": user.id, "name": user.name, "url": home, "description": "",
                "link": f"{home}/author/{user.slug}/", "slug": user.slug,
                "avatar_urls": {}, "meta": []}

    @staticmethod
    def _fields(request: Request, data: dict[str, Any]) -> dict[str, Any]:
        wanted = request.param("_fields")
        if not wanted:
            return data
        names = {n.strip() for n in wanted.split(",") if n.strip()}
        return {k: v for k, v in data.items() if k in names}

    # -- collections -------------------------------------------------------------------------

    def _comments(self, request: Request, view: BlogView, user: BlogUser | None) -> Response:
        try:
            per_page = int(request.param("per_page") or 10)
            page = int(request.param("page") or 1)
        except ValueError:
            return _invalid("per_page", "per_page is not of type integer.")
        if not 1 <= per_page <= 100:
            return _invalid("per_page", "per_page must be between 1 (inclusive) and 100 "
                            "(inclusive)")
        if page < 1:
            return _invalid("page", "page must be greater than or equal to 1")
        order = request.param("order") or "desc"
        orderby = request.param("orderby") or "date_gmt"
        if order not in ("asc", "desc"):
            return _invalid("order", "order is not one of asc and desc.")
        if orderby not in ORDERBY:
            return _invalid("orderby", f"orderby is not one of {', '.join(ORDERBY)}.")
        try:
            posts, parents, authors = (_ints(request, "post"), _ints(request, "parent"),
                                       _ints(request, "author"))
        except ValueError as exc:
            return _invalid(str(exc), f"{exc} is not of type array of integers.")
        if authors is not None and user is None:
            return wp_error(401, "rest_forbidden_param", "Query parameter not permitted: author")
        items = list(view.comments)
        for name in ("after", "before"):
            value = request.param(name)
            if value is None:
                continue
            moment = _when(value)
            if moment is None:
                return _invalid(name, "Invalid date.")
            items = [c for c in items if (c.date > moment if name == "after" else c.date < moment)]
        if posts is not None:
            items = [c for c in items if int(c.post.id) in posts]
        if parents is not None:
            items = [c for c in items if (int(c.parent.id) if c.parent else 0) in parents]
        if authors is not None:
            items = [c for c in items if c.user_id in authors]
        search = _fold(request.param("search") or "")
        if search:
            items = [c for c in items if search in _fold(f"{c.name} {c.url} {_text_of(c.html)}")]
        key = {"post": lambda c: (int(c.post.id), c.date), "parent": lambda c: (
            int(c.parent.id) if c.parent else 0, c.date), "id": lambda c: (int(c.id),)}.get(
            orderby, lambda c: (c.date, int(c.id)))
        items.sort(key=key, reverse=order == "desc")
        total = len(items)
        pages = math.ceil(total / per_page) if total else 0
        chosen = items[(page - 1) * per_page: page * per_page]
        body = json.dumps([self._comment_json(view, c) for c in chosen], ensure_ascii=False)
        headers = {"X-WP-Total": str(total), "X-WP-TotalPages": str(pages)}
        links = []
        query = {k: v[-1] for k, v in request.params.items() if k != "page"}
        here = f"{self._home(view)}/wp-json/wp/v2/comments"
        if page > 1:
            links.append(f"<{here}?{urlencode({**query, 'page': min(page - 1, max(pages, 1))})}>"
                         "; rel=\"prev\"")
        if pages > page:
            links.append(f"<{here}?{urlencode({**query, 'page': page + 1})}>; rel=\"next\"")
        if links:
            headers["Link"] = ", ".join(links)
        return Response(200, body.encode("utf-8"), headers=headers)

    def _create(self, request: Request, view: BlogView, user: BlogUser | None) -> Response:
        if user is None:
            return wp_error(401, "rest_comment_login_required",
                            "Sorry, you must be logged in to comment.")
        try:
            data = request.form()
        except Exception:
            return wp_error(400, "rest_invalid_json", "Invalid JSON body passed.")
        post_id = data.get("post")
        post = view.post(str(post_id)) if isinstance(post_id, int | str) and post_id else None
        if post is None:
            return wp_error(403, "rest_comment_invalid_post_id",
                            "Sorry, you are not allowed to create this comment without a post.")
        if not post.comments_open:
            return wp_error(403, "rest_comment_closed",
                            "Sorry, comments are closed for this item.")
        parent_id = data.get("parent", 0)
        parent = None
        if parent_id not in (0, "0", None, ""):
            parent = view.comment(str(parent_id))
            if parent is None or parent.post.key != post.key:
                return _invalid("parent", "Invalid comment ID.")
        content = data.get("content")
        if isinstance(content, dict):
            content = content.get("raw")
        if not isinstance(content, str) or not content.strip():
            return wp_error(400, "rest_comment_content_invalid", "Invalid comment content.")
        for c in view.comments_on(post):
            if c.user_id == user.id and c.html.strip() == _rendered(content).strip():
                return wp_error(409, "comment_duplicate", "Duplicate comment detected; it "
                                "looks as though you’ve already said that!")
        rec = self.world.add_reply(view, user, post, parent, _rendered(content))
        response = Response.json(self._comment_json(view, rec, edit=True), 201)
        response.headers["Location"] = f"{self._home(view)}/wp-json/wp/v2/comments/{rec.id}"
        return response


def _rendered(content: str) -> str:
    """What wpautop makes of a comment: paragraphs and line breaks."""
    paragraphs = [p.strip() for p in content.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "".join("<p>" + p.replace("\n", "<br />\n") + "</p>\n" for p in paragraphs)
