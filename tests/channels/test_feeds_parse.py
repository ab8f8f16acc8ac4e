"""The feed parser on its own: authors without e-mail, hostile links, malformed feeds, and a
fuzz run (anything but a clear FeedInvalid is a bug)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.channels.feeds.parse import (
    FeedInvalid,
    blogger_comments_url,
    blogger_kind,
    parse_feed,
)

URL = "https://blog.example/feed/"

RSS = b"""<?xml version="1.0"?>
<rss version="2.0" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
     xmlns:slash="http://purl.org/rss/1.0/modules/slash/">
<channel><title>Blog</title><link>https://blog.example/</link><language>en-GB</language>
<item><title>Hello</title><link>/hello/</link><guid isPermaLink="false">42</guid>
<author>jane@example.org (Jane Roe)</author><pubDate>Tue, 02 Jun 2026 10:00:00 +0000</pubDate>
<description>&lt;p&gt;Hi &lt;a href="javascript:alert(1)"&gt;there&lt;/a&gt;&lt;/p&gt;</description>
<wfw:commentRss>https://blog.example/hello/feed/</wfw:commentRss><slash:comments>3</slash:comments>
</item></channel></rss>"""


def test_rss_entry_fields_and_no_email_kept():
    parsed = parse_feed(RSS, URL)
    assert parsed.version == "rss20" and parsed.lang == "en" and not parsed.is_comments
    entry = parsed.entries[0]
    assert entry.id == "42" and entry.link == "https://blog.example/hello/"
    assert entry.author.name == "Jane Roe" and len(entry.author.email_hash) == 64
    assert "jane@" not in repr(entry)
    assert entry.replies_url == "https://blog.example/hello/feed/" and entry.comment_count == 3
    assert "javascript" not in entry.html
    assert entry.published is not None and entry.published.isoformat().startswith("2026-06-02")


def test_blogger_noreply_address_is_no_identity():
    atom = (b"<feed xmlns='http://www.w3.org/2005/Atom'><id>tag:blogger.com,1999:blog-1</id>"
            b"<title>t</title><entry><id>tag:blogger.com,1999:blog-1.post-2</id><title>x"
            b"</title><author><name>Ana</name><email>noreply@blogger.com</email></author>"
            b"<content type='html'>hola</content></entry></feed>")
    parsed = parse_feed(atom, "https://x.blogspot.com/feeds/posts/default")
    assert parsed.is_blogger and parsed.entries[0].author.email_hash == ""


def test_blogger_address_shapes():
    assert blogger_kind("https://n.blogspot.com/feeds/posts/default") == "posts"
    assert blogger_kind("https://n.blogspot.com/feeds/comments/default") == "comments"
    assert blogger_kind("https://n.blogspot.com/feeds/123/comments/default") == "comments"
    assert blogger_kind("https://blog.example/feed/") is None
    assert blogger_comments_url("https://n.blogspot.com/feeds/posts/default?alt=rss") == \
        "https://n.blogspot.com/feeds/comments/default?alt=rss"


def test_malformed_feed_keeps_what_it_can_and_says_what_was_wrong():
    broken = RSS.replace(b"</item>", b"</item><item><title>Second & broken</title>"
                                     b"<guid>43</guid></item>")
    parsed = parse_feed(broken, URL)
    assert parsed.problem and "line" in parsed.problem
    assert [e.title for e in parsed.entries] == ["Hello", "Second & broken"]


def test_not_a_feed_is_a_clear_error():
    for body in (b"", b"   ", b'{"id": "1", "broken', b"<html><body>hello</body></html>"):
        try:
            parse_feed(body, URL)
        except FeedInvalid as exc:
            assert str(exc).startswith("Feed blog.example:")
        else:
            raise AssertionError(f"{body!r} was taken for a feed")


def test_entries_without_any_id_or_link_are_skipped():
    atom = (b"<feed xmlns='http://www.w3.org/2005/Atom'><title>t</title>"
            b"<entry><title>no id</title></entry><entry><id>urn:x:1</id></entry></feed>")
    assert [e.id for e in parse_feed(atom, URL).entries] == ["urn:x:1"]


XML_BITS = st.sampled_from([
    "<rss version='2.0'>", "<channel>", "<item>", "</item>", "<title>", "</title>", "<guid>",
    "</guid>", "<link>", "</link>", "<feed xmlns='http://www.w3.org/2005/Atom'>", "<entry>",
    "</entry>", "<id>", "</id>", "<author><name>", "</name><email>a@b</email></author>",
    "<thr:in-reply-to ref='", "'/>", "<link rel='replies' href='", "<content type='html'>",
    "&lt;script&gt;", "&amp;", "&bogus;", "<![CDATA[", "]]>", "javascript:", "<?xml ", "\x00",
    "\ufeff", "é", "\u202e", "<pubDate>", "Tue, 99 Foo 2026", "</pubDate>", "<published>",
    "9999-99-99T99:99:99Z", "</published>", "<slash:comments>-7", "</slash:comments>",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(XML_BITS, st.text(max_size=20)), max_size=40),
       st.sampled_from(["", "application/rss+xml", "text/html; charset=latin-1"]))
def test_fuzz_structured(parts, content_type):
    body = "".join(parts).encode("utf-8", "surrogatepass")
    try:
        parsed = parse_feed(body, URL, content_type)
    except FeedInvalid:
        return
    for entry in parsed.entries:
        assert entry.id and isinstance(entry.html, str)
        assert not entry.link or entry.link.startswith(("http://", "https://"))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_fuzz_bytes(body):
    try:
        parsed = parse_feed(body, URL)
    except FeedInvalid:
        return
    assert all(entry.id for entry in parsed.entries)
