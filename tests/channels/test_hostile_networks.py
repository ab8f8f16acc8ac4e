"""Every network's client against the hostile server over real sockets (issue 19): the same
limits hold for Bluesky, WordPress, feeds and Mastodon's streaming as for Mastodon's REST
(see test_hostile_server.py), and what servers ask us to wait is read the same way.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from console.channels.base import (
    ChannelError,
    MalformedResponse,
    NetworkError,
    RateLimited,
    StaticSecrets,
    readable,
)
from console.channels.bluesky.channel import BlueskyChannel
from console.channels.feeds.channel import FeedChannel
from console.channels.limits import decode_json
from console.channels.mastodon.channel import MastodonChannel
from console.channels.mastodon.stream import StreamSpec, StreamStop, run_stream
from console.channels.retry import reset_wait, retry_after, server_wait, wait_text
from console.channels.wordpress.channel import WordPressChannel
from tests.channels.hostile_server import EVIL, HostileServer

DEADLINE = 1.5
HIDDEN = ("\u202e", "\u2066", "\u200b", "\x1b", "\x00", "\r", "\n")


def _bluesky(url: str) -> Callable[[], object]:
    channel = BlueskyChannel(url, "marca.test", StaticSecrets({"app_password": "pw"}),
                             timeout=5.0, max_wait=1.0, deadline=DEADLINE)
    return channel.verify


def _wordpress(url: str) -> Callable[[], object]:
    channel = WordPressChannel(url, "marca", "pw", timeout=5.0, max_wait=1.0, deadline=DEADLINE)
    return lambda: channel.pull_mentions(None)


def _feed(url: str) -> Callable[[], object]:
    channel = FeedChannel(f"{url}/feed.xml", every_comment=True, timeout=5.0, max_wait=1.0,
                          deadline=DEADLINE)
    return lambda: channel.pull_mentions(None)


def _mastodon(url: str) -> Callable[[], object]:
    channel = MastodonChannel(url, "token", timeout=5.0, max_wait=1.0, deadline=DEADLINE)
    return lambda: channel.pull_mentions(None)


JSON_NETWORKS = {"bluesky": _bluesky, "wordpress": _wordpress, "mastodon": _mastodon}
ALL_NETWORKS = {**JSON_NETWORKS, "feed": _feed}


def _fails(mode: str, opener: Callable[[str], Callable[[], object]], **server: object
           ) -> tuple[ChannelError, float, HostileServer]:
    with HostileServer(mode, **server) as hostile:  # type: ignore[arg-type]
        call = opener(hostile.url)
        started = time.monotonic()
        with pytest.raises(ChannelError) as caught:
            call()
        took = time.monotonic() - started
        time.sleep(0.1)
    assert not any(ch in str(caught.value) for ch in HIDDEN), repr(str(caught.value))
    return caught.value, took, hostile


@pytest.mark.parametrize("network", sorted(JSON_NETWORKS))
def test_deep_json_is_malformed_for_every_network(network) -> None:
    error, took, _ = _fails("deep", JSON_NETWORKS[network])
    assert isinstance(error, MalformedResponse) and "nested more than 100" in str(error)
    assert took < 5


@pytest.mark.parametrize("network", sorted(ALL_NETWORKS))
def test_endless_body_stops_at_the_cap_for_every_network(network) -> None:
    error, took, hostile = _fails("endless", ALL_NETWORKS[network])
    cap = 10 if network == "feed" else 8
    assert isinstance(error, MalformedResponse) and f"larger than {cap} MB" in str(error)
    assert hostile.sent < (cap + 16) * 1_000_000 and took < 10


@pytest.mark.parametrize("mode", ["drip_headers", "drip_body"])
@pytest.mark.parametrize("network", sorted(ALL_NETWORKS))
def test_slow_drip_ends_at_the_deadline_for_every_network(network, mode) -> None:
    error, took, _ = _fails(mode, ALL_NETWORKS[network], drip=0.2)
    assert isinstance(error, NetworkError) and "in time" in str(error)
    assert took < DEADLINE + 2, took


@pytest.mark.parametrize("network", sorted(ALL_NETWORKS))
def test_huge_retry_after_is_a_day_for_every_network(network) -> None:
    error, _, _ = _fails("retry_after", ALL_NETWORKS[network], header="1e400")
    assert isinstance(error, RateLimited) and error.retry_after == 24 * 3600
    assert "try again in 24 hours" in str(error)


@pytest.mark.parametrize("network", sorted(ALL_NETWORKS))
def test_error_text_from_the_server_is_cleaned_for_every_network(network) -> None:
    _fails("bidi", ALL_NETWORKS[network])  # the check is in _fails


def test_a_stream_that_drips_its_headers_ends_at_its_opening_deadline() -> None:
    with HostileServer("drip_headers", drip=0.2) as hostile:
        channel = MastodonChannel(hostile.url, "token", timeout=5.0, deadline=DEADLINE)
        started = time.monotonic()
        with pytest.raises(NetworkError, match="in time"):
            run_stream(channel, StreamSpec.user(), lambda event: None, stop=StreamStop(),
                       opening=1.0)
        took = time.monotonic() - started
    assert took < DEADLINE + 1.0 + 2, took  # instance_info's deadline, then the opening's


# -- what servers ask us to wait -------------------------------------------------------------

NOW = 1_700_000_000.0


@pytest.mark.parametrize("value, wait", [
    ("120", 120.0), ("-5", 0.0), ("1e400", 86400.0), ("inf", 86400.0), ("nan", None),
    ("soon", None), ("", None),
    (format_datetime(datetime.fromtimestamp(NOW, UTC) + timedelta(minutes=5), usegmt=True),
     300.0),
    (format_datetime(datetime.fromtimestamp(NOW, UTC) + timedelta(days=400), usegmt=True),
     86400.0),
])
def test_retry_after_reads_seconds_and_dates_and_stays_sane(value, wait) -> None:
    assert retry_after(value, NOW) == wait


def test_rate_limit_resets_read_moments_counts_and_epochs() -> None:
    iso = datetime.fromtimestamp(NOW + 90, UTC).isoformat()
    assert reset_wait(iso, NOW) == pytest.approx(90)
    assert reset_wait(str(NOW + 60), NOW) == pytest.approx(60)  # epoch seconds
    assert reset_wait("45", NOW) == 45  # a count of seconds (X, Reddit)
    assert reset_wait("45", NOW, epoch=True) == 0.0  # Bluesky's are always moments
    assert reset_wait("9e999", NOW) == 86400.0
    assert reset_wait("NaN", NOW) is None
    assert server_wait({"X-RateLimit-Reset": iso}, NOW) == pytest.approx(90)
    assert server_wait({"Retry-After": "nan", "X-RateLimit-Reset": "30"}, NOW) == 30


@pytest.mark.parametrize("seconds, said", [
    (0, "in 1 second"), (1, "in 1 second"), (40, "in 40 seconds"), (89, "in 89 seconds"),
    (90, "in 2 minutes"), (180, "in 3 minutes"), (3599, "in 60 minutes"),
    (7200, "in 2 hours"), (float("inf"), "in 24 hours"), (251605882250, "in 24 hours"),
])
def test_waits_are_said_as_people_say_them(seconds, said) -> None:
    assert wait_text(seconds) == said


def test_readable_drops_controls_and_bidi_and_keeps_the_words() -> None:
    assert readable(EVIL) == "refundtxt.exe [31m red isolate nul second line"
    assert readable("x" * 500, 20) == "x" * 19 + "…"
    assert readable("lone \ud800 surrogate") == "lone \ufffd surrogate"


def test_decode_json_keeps_ordinary_nesting() -> None:
    nested = b"[" * 100 + b"]" * 100
    assert decode_json(nested, "X") is not None
    with pytest.raises(MalformedResponse, match="nested"):
        decode_json(b"[" * 101 + b"]" * 101, "X")
    text = b'{"a": "' + b"[" * 60 + b'\\"]"}'  # brackets inside a string never count
    assert decode_json(text, "X", max_depth=1) == {"a": "[" * 60 + '"]'}
