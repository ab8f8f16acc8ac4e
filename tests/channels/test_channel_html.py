"""Untrusted HTML to plain text and to an allow-listed fragment."""

from __future__ import annotations

import time

from console.channels.html import sanitize, to_plain_text

MASTODON = (
    '<p><span class="h-card" translate="no"><a href="https://m.example/@ana" class="u-url '
    'mention">@<span>ana</span></a></span> mira <a href="https://www.example.com/a/very/long/'
    'path/indeed/yes" rel="nofollow noopener" target="_blank"><span class="invisible">https://'
    'www.</span><span class="ellipsis">example.com/a/very/long/path/</span><span class="invisible'
    '">indeed/yes</span></a></p><p>dos<br />tres &amp; &lt;b&gt; &quot;x&quot;</p>'
)


def test_mastodon_content_to_text() -> None:
    assert to_plain_text(MASTODON) == (
        '@ana mira https://www.example.com/a/very/long/path/indeed/yes\n\ndos\ntres & <b> "x"'
    )


def test_hostile_input_to_text() -> None:
    hostile = "<p>Hola<script>alert(1)</script><style>p{}</style><img src=x onerror=y>!</p>"
    assert to_plain_text(hostile) == "Hola!"
    assert to_plain_text("") == "" and to_plain_text(None) == ""  # type: ignore[arg-type]
    assert to_plain_text("<p>unclosed <b>bold") == "unclosed bold"
    assert to_plain_text("a\x00b\x07c") == "abc"
    assert to_plain_text("<<<>>>&&&;;<!-- x") is not None


def test_huge_and_deep_input_is_bounded() -> None:
    started = time.monotonic()
    deep = "<div>" * 200_000 + "x" + "</div>" * 200_000
    assert len(to_plain_text(deep)) <= 50_000
    huge = "<p>" + "palabra " * 500_000 + "</p>"
    assert len(to_plain_text(huge)) <= 50_000
    assert sanitize(deep).startswith("<p>")
    assert len(sanitize(huge)) < 300_000
    assert time.monotonic() - started < 5


def test_sanitize_keeps_structure_and_drops_danger() -> None:
    dirty = (
        '<p onclick="x()">Hola <script>alert(1)</script><a href="javascript:alert(2)">js</a>'
        '<a href="https://ok.example/x" target="_blank" style="color:red">ok</a>'
        '<a href="file:///etc/passwd">file</a><a href="/relative">rel</a>'
        '<img src="http://track.example/p.gif" width="20000"><iframe src="x"></iframe>'
        '<span class="invisible evil">https://</span><b>b</b><em>e</em></p>'
        "<ul><li>uno</li></ul><blockquote>cita</blockquote><pre><code>x</code></pre>"
    )
    clean = sanitize(dirty)
    for bad in (
        "script",
        "alert",
        "javascript",
        "onclick",
        "img",
        "iframe",
        "file:",
        "style",
        "evil",
        "/relative",
        "track.example",
    ):
        assert bad not in clean, bad
    assert '<a href="https://ok.example/x" rel="noopener noreferrer nofollow">ok</a>' in clean
    assert '<span class="invisible">https://</span>' in clean
    for good in (
        "<b>b</b>",
        "<em>e</em>",
        "<ul><li>uno</li></ul>",
        "<blockquote>cita",
        "<pre><code>x</code></pre>",
    ):
        assert good in clean
    assert sanitize("") == ""
    assert sanitize(MASTODON).count("<p>") == 2
