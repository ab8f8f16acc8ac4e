"""The sandbox blogs over HTTP: feeds (with ETag and Last-Modified), pages and WordPress REST.

Paths (``NAME`` is a blog of ``blog.json``):

* WordPress blog: ``/blog/NAME/feed/`` (RSS), ``/blog/NAME/feed/atom/``,
  ``/blog/NAME/comments/feed/``, ``/blog/NAME/SLUG/feed/`` (RSS comments),
  ``/blog/NAME/SLUG/feed/atom/`` (Atom comments), ``/blog/NAME/SLUG/`` (the page),
  ``/blog/NAME/?p=ID`` (redirects to the page) and the REST API under
  ``/blog/NAME/wp-json/`` (also ``/wp-json/`` for the first WordPress blog).
* Blogger blog: ``/blog/NAME/feeds/posts/default`` (``?alt=rss`` for RSS),
  ``/blog/NAME/feeds/comments/default``, ``/blog/NAME/feeds/POSTID/comments/default`` and
  the post pages ``/blog/NAME/YYYY/MM/SLUG.html``.

Feeds answer ``If-None-Match`` / ``If-Modified-Since`` with 304. The REST side lives in
``blog_rest``.
"""

from __future__ import annotations

import hashlib
import html as htmllib
import re
from collections.abc import Callable
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from . import blog_feeds as feeds
from .api import Request, Response
from .blog_rest import WordPressRest, wp_error
from .blog_state import BlogView, BlogWorld

RSS = "application/rss+xml; charset=UTF-8"
ATOM = "application/atom+xml; charset=UTF-8"
_BLOG = re.compile(r"^/blog/(?P<name>[A-Za-z0-9_-]+)(?P<rest>/.*)?$")


def conditional(request: Request, body: str, updated: datetime, content_type: str) -> Response:
    """200 with ETag and Last-Modified, or 304 when the client already has this version."""
    data = body.encode("utf-8")
    etag = '"' + hashlib.sha1(data).hexdigest()[:20] + '"'
    headers = {"ETag": etag, "Last-Modified": feeds.rfc822(updated)}
    match = request.headers.get("if-none-match")
    if match is not None:
        tags = {t.strip() for t in match.split(",")}
        if etag in tags or "*" in tags or f"W/{etag}" in tags:
            return Response(304, b"", content_type, headers)
    else:
        since = request.headers.get("if-modified-since")
        if since:
            try:
                moment = parsedate_to_datetime(since)
            except (TypeError, ValueError, IndexError):
                moment = None
            if moment is not None and moment.tzinfo is not None and \
                    int(updated.timestamp()) <= int(moment.timestamp()):
                return Response(304, b"", content_type, headers)
    return Response(200, data, content_type, headers)


class BlogApi:
    """Routes ``/blog/...`` and ``/wp-json/...`` requests to the sandbox blogs."""

    def __init__(self, world: BlogWorld, base_url: Callable[[], str]) -> None:
        self.world = world
        self.base_url = base_url
        self.rest = WordPressRest(world, base_url)

    @staticmethod
    def handles(path: str) -> bool:
        return path.startswith(("/blog/", "/wp-json"))

    def handle(self, request: Request) -> Response:
        path = request.path
        if path.startswith("/wp-json"):
            first = next((v.blog.name for v in self.world.views.values()
                          if v.blog.kind == "wordpress"), None)
            if first is None:
                return wp_error(404, "rest_no_route", "No route was found matching the URL "
                                "and request method.")
            return self.rest.handle(request, first, path[len("/wp-json"):])
        match = _BLOG.match(path)
        view = self.world.view(match["name"]) if match else None
        if match is None or view is None:
            return Response.page("<h1>Not found</h1>", 404)
        rest = match["rest"] or "/"
        if rest.startswith("/wp-json") and view.blog.kind == "wordpress":
            return self.rest.handle(request, view.blog.name, rest[len("/wp-json"):])
        if request.method not in ("GET", "HEAD"):
            return Response.page("<h1>Method not allowed</h1>", 405)
        if view.blog.kind == "blogger":
            return self._blogger(request, view, rest)
        return self._wordpress(request, view, rest)

    def _wordpress(self, request: Request, view: BlogView, rest: str) -> Response:
        url = self.base_url()
        with self.world.lock:
            if rest == "/" and request.param("p"):
                post = view.post(request.param("p") or "")
                if post is None:
                    return Response.page("<h1>Not found</h1>", 404)
                link = feeds.post_link(view, url, post, view.post_date(post))
                return Response(301, b"", "text/html; charset=utf-8", {"Location": link})
            if rest == "/":
                return Response.page(self._home(view, url))
            if rest in ("/feed", "/feed/", "/feed/rss2/"):
                return conditional(request, *feeds.wp_rss_posts(view, url), RSS)
            if rest == "/feed/atom/":
                return conditional(request, *feeds.wp_atom_posts(view, url), ATOM)
            if rest in ("/comments/feed", "/comments/feed/"):
                return conditional(request, *feeds.wp_rss_comments(view, url, None), RSS)
            parts = [p for p in rest.split("/") if p]
            post = next((p for p, _ in view.posts if parts and p.slug == parts[0]), None)
            if post is None:
                return Response.page("<h1>Not found</h1>", 404)
            tail = parts[1:]
            if tail == []:
                return Response.page(self._page(view, url, post))
            if tail == ["feed"]:
                return conditional(request, *feeds.wp_rss_comments(view, url, post), RSS)
            if tail == ["feed", "atom"]:
                return conditional(request, *feeds.wp_atom_comments(view, url, post), ATOM)
        return Response.page("<h1>Not found</h1>", 404)

    def _blogger(self, request: Request, view: BlogView, rest: str) -> Response:
        url = self.base_url()
        with self.world.lock:
            if rest in ("/feeds/posts/default", "/feeds/posts/summary"):
                rss = request.param("alt") == "rss"
                return conditional(request, *feeds.blogger_posts(view, url, rss),
                                   RSS if rss else ATOM)
            if rest == "/feeds/comments/default":
                return conditional(request, *feeds.blogger_comments(view, url, None), ATOM)
            found = re.fullmatch(r"/feeds/(\d+)/comments/default", rest)
            if found:
                post = view.post(found.group(1))
                if post is None:
                    return Response.page("<h1>Not found</h1>", 404)
                return conditional(request, *feeds.blogger_comments(view, url, post), ATOM)
            page = re.fullmatch(r"/\d{4}/\d{2}/([a-z0-9-]+)\.html", rest)
            post = next((p for p, _ in view.posts if page and p.slug == page.group(1)), None)
            if post is not None:
                return Response.page(self._page(view, url, post))
            if rest == "/":
                return Response.page(self._home(view, url))
        return Response.page("<h1>Not found</h1>", 404)

    # -- pages (for "open in browser") -----------------------------------------------------

    @staticmethod
    def _home(view: BlogView, url: str) -> str:
        items = "".join(
            f"<li><a href=\"{htmllib.escape(feeds.post_link(view, url, p, d))}\">"
            f"{htmllib.escape(p.title)}</a></li>" for p, d in reversed(view.posts))
        return (f"<!doctype html><title>{htmllib.escape(view.blog.title)}</title>"
                f"<h1>{htmllib.escape(view.blog.title)}</h1><ul>{items}</ul>")

    @staticmethod
    def _page(view: BlogView, url: str, post: feeds.BlogPost) -> str:
        comments = "".join(
            f"<li id=\"comment-{c.id}\"><b>{htmllib.escape(c.name)}</b>: "
            f"{htmllib.escape(re.sub(r'<[^>]*>', ' ', c.html))}</li>"
            for c in view.comments_on(post))
        form = ("<p><i>Los comentarios están cerrados.</i></p>" if not post.comments_open
                else "<form id=\"comment-form\"><textarea></textarea><button>Publicar"
                     "</button></form>")
        return (f"<!doctype html><title>{htmllib.escape(post.title)}</title>"
                f"<h1>{htmllib.escape(post.title)}</h1>{post.html}"
                f"<h2 id=\"comments\">Comentarios</h2><ol>{comments}</ol>{form}")


def for_sandbox(state: Any, *, default_script: bool, release_all: bool = False,
                path: Path | None = None) -> BlogApi:
    """The blogs of ``blog.json`` on the sandbox clock (none for a custom script without
    ``path``: their comments are written by the default script's people)."""
    from console.resources import resource_path

    from .blog_data import load_blogs

    if path is None and not default_script:
        blogs = []
    else:
        blogs = load_blogs(path or Path(resource_path("sandbox", "blog.json")), state.script)
    world = BlogWorld(blogs, state.script, state.clock, state.start_wall, release_all)
    return BlogApi(world, lambda: str(state.base_url))
