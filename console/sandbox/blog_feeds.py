"""The sandbox blogs as feed documents, shaped like WordPress' and Blogger's own feeds.

WordPress: RSS 2.0 posts (``wfw:commentRss``, ``slash:comments``), Atom posts (``link
rel="replies"`` with ``thr:count``), RSS comment feeds (site-wide and per post) and Atom
comment feeds with ``thr:in-reply-to`` (RFC 4685). Comment ids are WordPress' comment GUIDs
(``{post link}#comment-{id}``), the same in every feed. Blogger: Atom posts and comments
feeds (``tag:blogger.com,1999:blog-{blog}.post-{id}`` ids, ``thr:in-reply-to`` on the post,
``link rel="related"`` to the parent comment) and the posts feed as RSS (``?alt=rss``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime
from xml.sax.saxutils import escape, quoteattr

from .blog_data import BlogPost
from .blog_state import BlogView, CommentRec

ATOM_NS = ('xmlns="http://www.w3.org/2005/Atom" '
           'xmlns:thr="http://purl.org/syndication/thread/1.0"')
RSS_NS = ('xmlns:content="http://purl.org/rss/1.0/modules/content/" '
          'xmlns:wfw="http://wellformedweb.org/CommentAPI/" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:atom="http://www.w3.org/2005/Atom" '
          'xmlns:slash="http://purl.org/rss/1.0/modules/slash/"')
BLOGGER_NS = ("xmlns='http://www.w3.org/2005/Atom' "
              "xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/' "
              "xmlns:gd='http://schemas.google.com/g/2005' "
              "xmlns:thr='http://purl.org/syndication/thread/1.0'")
NOREPLY = "noreply@blogger.com"


def _local(view: BlogView, moment: datetime) -> datetime:
    return moment.astimezone(timezone(timedelta(minutes=view.blog.utc_offset_minutes)))


def iso(view: BlogView, moment: datetime) -> str:
    return _local(view, moment).isoformat(timespec="seconds")


def rfc822(moment: datetime) -> str:
    return format_datetime(moment.astimezone(UTC), usegmt=True)


def x(text: str) -> str:
    return escape(text)


# -- addresses ---------------------------------------------------------------------------------


def base(view: BlogView, url: str) -> str:
    return f"{url}/blog/{view.blog.name}"


def post_link(view: BlogView, url: str, post: BlogPost, date: datetime) -> str:
    if view.blog.kind == "blogger":
        return f"{base(view, url)}/{date:%Y}/{date:%m}/{post.slug}.html"
    return f"{base(view, url)}/{post.slug}/"


def post_guid(view: BlogView, url: str, post: BlogPost) -> str:
    if view.blog.kind == "blogger":
        return f"tag:blogger.com,1999:blog-{view.blog.blog_id}.post-{post.id}"
    return f"{base(view, url)}/?p={post.id}"


def comment_guid(view: BlogView, url: str, comment: CommentRec) -> str:
    if view.blog.kind == "blogger":
        return f"tag:blogger.com,1999:blog-{view.blog.blog_id}.post-{comment.id}"
    post = comment.post
    return f"{post_link(view, url, post, view.post_date(post))}#comment-{comment.id}"


def newest(dates: Iterable[datetime], fallback: datetime) -> datetime:
    return max(dates, default=fallback)


# -- WordPress ---------------------------------------------------------------------------------


def wp_rss_posts(view: BlogView, url: str) -> tuple[str, datetime]:
    home = base(view, url)
    items = []
    for post, date in sorted(view.posts, key=lambda item: item[1], reverse=True):
        link = post_link(view, url, post, date)
        count = len(view.comments_on(post))
        categories = "".join(f"<category><![CDATA[{t}]]></category>" for t in post.tags)
        items.append(
            f"<item><title>{x(post.title)}</title><link>{x(link)}</link>"
            f"<comments>{x(link)}#comments</comments><dc:creator><![CDATA[{view.blog.title}]]>"
            f"</dc:creator><pubDate>{rfc822(date)}</pubDate>{categories}"
            f"<guid isPermaLink=\"false\">{x(post_guid(view, url, post))}</guid>"
            f"<description>{x(post.html[:300])}</description>"
            f"<content:encoded>{x(post.html)}</content:encoded>"
            f"<wfw:commentRss>{x(link)}feed/</wfw:commentRss>"
            f"<slash:comments>{count}</slash:comments></item>")
    updated = newest((d for _, d in view.posts), datetime.fromtimestamp(0, UTC))
    body = (f"<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" {RSS_NS}><channel>"
            f"<title>{x(view.blog.title)}</title><atom:link href={quoteattr(home + '/feed/')} "
            f"rel=\"self\" type=\"application/rss+xml\"/><link>{x(home)}</link>"
            f"<description>{x(view.blog.description)}</description>"
            f"<lastBuildDate>{rfc822(updated)}</lastBuildDate>"
            f"<language>{x(view.blog.language)}</language>{''.join(items)}</channel></rss>")
    return body, updated


def wp_atom_posts(view: BlogView, url: str) -> tuple[str, datetime]:
    home = base(view, url)
    entries = []
    for post, date in sorted(view.posts, key=lambda item: item[1], reverse=True):
        link = post_link(view, url, post, date)
        count = len(view.comments_on(post))
        entries.append(
            f"<entry><author><name>{x(view.blog.title)}</name><uri>{x(home)}</uri></author>"
            f"<title type=\"html\">{x(post.title)}</title>"
            f"<link rel=\"alternate\" type=\"text/html\" href={quoteattr(link)}/>"
            f"<id>{x(post_guid(view, url, post))}</id><updated>{iso(view, date)}</updated>"
            f"<published>{iso(view, date)}</published>"
            + "".join(f"<category term={quoteattr(t)}/>" for t in post.tags)
            + f"<summary type=\"html\">{x(post.html[:300])}</summary>"
            f"<content type=\"html\">{x(post.html)}</content>"
            f"<link rel=\"replies\" type=\"text/html\" href={quoteattr(link + '#comments')} "
            f"thr:count=\"{count}\"/><link rel=\"replies\" type=\"application/atom+xml\" "
            f"href={quoteattr(link + 'feed/atom/')} thr:count=\"{count}\"/>"
            f"<thr:total>{count}</thr:total></entry>")
    updated = newest((d for _, d in view.posts), datetime.fromtimestamp(0, UTC))
    body = (f"<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed {ATOM_NS} "
            f"xml:lang={quoteattr(view.blog.language)}><title type=\"text\">"
            f"{x(view.blog.title)}</title><subtitle type=\"text\">{x(view.blog.description)}"
            f"</subtitle><updated>{iso(view, updated)}</updated>"
            f"<link rel=\"alternate\" type=\"text/html\" href={quoteattr(home + '/')}/>"
            f"<id>{x(home)}/feed/atom/</id><link rel=\"self\" type=\"application/atom+xml\" "
            f"href={quoteattr(home + '/feed/atom/')}/>{''.join(entries)}</feed>")
    return body, updated


def wp_rss_comments(view: BlogView, url: str, post: BlogPost | None) -> tuple[str, datetime]:
    home = base(view, url)
    comments = view.comments_on(post) if post else list(view.comments)
    items = []
    for c in sorted(comments, key=lambda c: (c.date, int(c.id)), reverse=True):
        guid = comment_guid(view, url, c)
        title = (f"Por: {c.name}" if post else f"Comentario en {c.post.title} por {c.name}")
        items.append(
            f"<item><title>{x(title)}</title><link>{x(guid)}</link>"
            f"<dc:creator><![CDATA[{c.name}]]></dc:creator><pubDate>{rfc822(c.date)}</pubDate>"
            f"<guid isPermaLink=\"false\">{x(guid)}</guid>"
            f"<description>{x(c.html[:300])}</description>"
            f"<content:encoded>{x(c.html)}</content:encoded></item>")
    if post:
        link = post_link(view, url, post, view.post_date(post))
        title, self_link = f"Comentarios en: {post.title}", link + "feed/"
    else:
        title, link, self_link = (f"Comentarios para {view.blog.title}", home + "/",
                                  home + "/comments/feed/")
    fallback = view.post_date(post) if post else datetime.fromtimestamp(0, UTC)
    updated = newest((c.date for c in comments), fallback)
    body = (f"<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" {RSS_NS}><channel>"
            f"<title>{x(title)}</title><atom:link href={quoteattr(self_link)} rel=\"self\" "
            f"type=\"application/rss+xml\"/><link>{x(link)}</link>"
            f"<description>{x(view.blog.description)}</description>"
            f"<lastBuildDate>{rfc822(updated)}</lastBuildDate>"
            f"<language>{x(view.blog.language)}</language>{''.join(items)}</channel></rss>")
    return body, updated


def wp_atom_comments(view: BlogView, url: str, post: BlogPost) -> tuple[str, datetime]:
    link = post_link(view, url, post, view.post_date(post))
    entries = []
    comments = view.comments_on(post)
    for c in sorted(comments, key=lambda c: (c.date, int(c.id)), reverse=True):
        guid = comment_guid(view, url, c)
        if c.parent is not None:
            ref, href = comment_guid(view, url, c.parent), comment_guid(view, url, c.parent)
        else:
            ref, href = post_guid(view, url, post), link
        uri = f"<uri>{x(c.url)}</uri>" if c.url else ""
        entries.append(
            f"<entry><title>{x('Por: ' + c.name)}</title>"
            f"<link rel=\"alternate\" href={quoteattr(guid)} type=\"text/html\"/>"
            f"<author><name>{x(c.name)}</name>{uri}</author><id>{x(guid)}</id>"
            f"<updated>{iso(view, c.date)}</updated><published>{iso(view, c.date)}</published>"
            f"<thr:in-reply-to ref={quoteattr(ref)} href={quoteattr(href)} "
            f"type=\"text/html\"/><content type=\"html\" xml:base={quoteattr(guid)}>"
            f"{x(c.html)}</content></entry>")
    updated = newest((c.date for c in comments), view.post_date(post))
    body = (f"<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed {ATOM_NS} "
            f"xml:lang={quoteattr(view.blog.language)}><title type=\"text\">"
            f"{x('Comentarios en: ' + post.title)}</title><updated>{iso(view, updated)}</updated>"
            f"<link rel=\"alternate\" type=\"text/html\" href={quoteattr(link)}/>"
            f"<link rel=\"self\" type=\"application/atom+xml\" "
            f"href={quoteattr(link + 'feed/atom/')}/><id>{x(link)}feed/atom/</id>"
            f"{''.join(entries)}</feed>")
    return body, updated


# -- Blogger -----------------------------------------------------------------------------------


def _blogger_author(name: str, profile: str) -> str:
    return (f"<author><name>{x(name)}</name><uri>{x(profile)}</uri><email>{NOREPLY}</email>"
            "</author>")


def blogger_posts(view: BlogView, url: str, rss: bool = False) -> tuple[str, datetime]:
    home, blog = base(view, url), view.blog
    feed_url = f"{home}/feeds/posts/default"
    owner = next((c.profile for c in view.comments if c.person_key == blog.owner),
                 "https://www.blogger.com/profile/10000000000000000")
    posts = sorted(view.posts, key=lambda item: item[1], reverse=True)
    updated = newest((d for _, d in view.posts), datetime.fromtimestamp(0, UTC))
    if rss:
        items = "".join(
            f"<item><guid isPermaLink='false'>{x(post_guid(view, url, p))}</guid>"
            f"<pubDate>{rfc822(d)}</pubDate><atom:updated>{iso(view, d)}</atom:updated>"
            + "".join(f"<category domain='http://www.blogger.com/atom/ns#'>{x(t)}</category>"
                      for t in p.tags)
            + f"<title>{x(p.title)}</title><description>{x(p.html)}</description>"
            f"<link>{x(post_link(view, url, p, d))}</link><author>{NOREPLY} ({x(blog.title)})"
            f"</author><thr:total>{len(view.comments_on(p))}</thr:total></item>"
            for p, d in posts)
        body = (f"<?xml version='1.0' encoding='UTF-8'?><rss version='2.0' "
                f"xmlns:atom='http://www.w3.org/2005/Atom' "
                f"xmlns:thr='http://purl.org/syndication/thread/1.0'><channel>"
                f"<atom:id>tag:blogger.com,1999:blog-{blog.blog_id}</atom:id>"
                f"<lastBuildDate>{rfc822(updated)}</lastBuildDate><title>{x(blog.title)}</title>"
                f"<description>{x(blog.description)}</description><link>{x(home)}/</link>"
                f"<generator>Blogger</generator>{items}</channel></rss>")
        return body, updated
    entries = "".join(
        f"<entry><id>{x(post_guid(view, url, p))}</id><published>{iso(view, d)}</published>"
        f"<updated>{iso(view, d)}</updated>"
        + "".join(f"<category scheme='http://www.blogger.com/atom/ns#' term={quoteattr(t)}/>"
                  for t in p.tags)
        + f"<title type='text'>{x(p.title)}</title><content type='html'>{x(p.html)}</content>"
        f"<link rel='replies' type='application/atom+xml' "
        f"href={quoteattr(f'{home}/feeds/{p.id}/comments/default')} "
        f"title='Comentarios de la entrada'/><link rel='replies' type='text/html' "
        f"href={quoteattr(post_link(view, url, p, d) + '#comment-form')} "
        f"title={quoteattr(f'{len(view.comments_on(p))} comentarios')}/>"
        f"<link rel='self' type='application/atom+xml' href={quoteattr(f'{feed_url}/{p.id}')}/>"
        f"<link rel='alternate' type='text/html' href={quoteattr(post_link(view, url, p, d))} "
        f"title={quoteattr(p.title)}/>{_blogger_author(blog.title, owner)}"
        f"<thr:total>{len(view.comments_on(p))}</thr:total></entry>"
        for p, d in posts)
    body = (f"<?xml version='1.0' encoding='UTF-8'?><feed {BLOGGER_NS}>"
            f"<id>tag:blogger.com,1999:blog-{blog.blog_id}</id><updated>{iso(view, updated)}"
            f"</updated><title type='text'>{x(blog.title)}</title><subtitle type='html'>"
            f"{x(blog.description)}</subtitle><link rel='http://schemas.google.com/g/2005#feed' "
            f"type='application/atom+xml' href={quoteattr(feed_url)}/><link rel='self' "
            f"type='application/atom+xml' href={quoteattr(feed_url)}/><link rel='alternate' "
            f"type='text/html' href={quoteattr(home + '/')}/>{_blogger_author(blog.title, owner)}"
            f"<generator version='7.00' uri='http://www.blogger.com'>Blogger</generator>"
            f"<openSearch:totalResults>{len(posts)}</openSearch:totalResults>"
            f"<openSearch:startIndex>1</openSearch:startIndex>"
            f"<openSearch:itemsPerPage>25</openSearch:itemsPerPage>{entries}</feed>")
    return body, updated


def blogger_comments(view: BlogView, url: str, post: BlogPost | None) -> tuple[str, datetime]:
    home, blog = base(view, url), view.blog
    comments = view.comments_on(post) if post else list(view.comments)
    entries = []
    for c in sorted(comments, key=lambda c: (c.date, int(c.id)), reverse=True):
        date = view.post_date(c.post)
        link = post_link(view, url, c.post, date)
        feed = f"{home}/feeds/{c.post.id}/comments/default"
        related = (f"<link rel='related' type='application/atom+xml' "
                   f"href={quoteattr(f'{feed}/{c.parent.id}')}/>" if c.parent else "")
        ms = int(c.date.timestamp() * 1000)
        entries.append(
            f"<entry><id>{x(comment_guid(view, url, c))}</id><published>{iso(view, c.date)}"
            f"</published><updated>{iso(view, c.date)}</updated><title type='text'>"
            f"{x(c.html[:60])}</title><content type='html'>{x(c.html)}</content>"
            f"<link rel='self' type='application/atom+xml' href={quoteattr(f'{feed}/{c.id}')}/>"
            f"<link rel='alternate' type='text/html' "
            f"href={quoteattr(f'{link}?showComment={ms}#c{c.id}')} title=''/>{related}"
            f"{_blogger_author(c.name, c.profile)}<thr:in-reply-to "
            f"href={quoteattr(link)} ref={quoteattr(post_guid(view, url, c.post))} "
            f"source={quoteattr(f'{home}/feeds/posts/default/{c.post.id}')} "
            f"type='text/html'/></entry>")
    fallback = view.post_date(post) if post else datetime.fromtimestamp(0, UTC)
    updated = newest((c.date for c in comments), fallback)
    self_url = f"{home}/feeds/{post.id}/comments/default" if post else \
        f"{home}/feeds/comments/default"
    title = f"Comentarios de {post.title}" if post else f"{blog.title}"
    body = (f"<?xml version='1.0' encoding='UTF-8'?><feed {BLOGGER_NS}>"
            f"<id>tag:blogger.com,1999:blog-{blog.blog_id}"
            f"{'.post' + post.id + '..comments' if post else '.comments'}</id>"
            f"<updated>{iso(view, updated)}</updated><title type='text'>{x(title)}</title>"
            f"<link rel='self' type='application/atom+xml' href={quoteattr(self_url)}/>"
            f"<link rel='alternate' type='text/html' href={quoteattr(home + '/')}/>"
            f"<generator version='7.00' uri='http://www.blogger.com'>Blogger</generator>"
            f"<openSearch:totalResults>{len(comments)}</openSearch:totalResults>"
            f"{''.join(entries)}</feed>")
    return body, updated
