"""The network descriptors: one per kind, each reachable from the CLI and the accounts
dialog, and the one check of a typed web address every network words in its own way."""

from __future__ import annotations

import pytest

from console.accounts.cli import ADD
from console.channels.base import ChannelError, ReplyRules
from console.channels.mastodon.network import check_instance_url
from console.channels.networks import KINDS, NETWORKS, find, network, post_reply_rules
from console.channels.urls import is_loopback, web_address, with_scheme
from console.errors import InvalidInput


def test_every_kind_has_one_descriptor_and_a_command():
    assert KINDS == ("mastodon", "bluesky", "feed", "wordpress", "x", "reddit")
    assert [n.kind for n in NETWORKS] == list(KINDS)
    assert set(ADD) == set(KINDS)  # `posventa accounts add <kind>` for every network
    assert all(network(kind) is find(kind) for kind in KINDS)
    assert find("myspace") is None
    with pytest.raises(ChannelError, match="not supported"):
        network("myspace")


def test_post_rules_come_from_the_network_of_the_post():
    rules = ReplyRules("characters", 500)
    assert post_reply_rules("mastodon", dict, rules) is rules
    assert post_reply_rules("nowhere", dict, rules) is rules
    assert post_reply_rules("bluesky", dict, rules).unit == "graphemes"
    assert post_reply_rules("feed", lambda: {"feed": "https://blog.example/feed/"}, rules).manual


@pytest.mark.parametrize("host, loopback", [
    ("localhost", True), ("api.localhost", True), ("127.0.0.1", True), ("[::1]", True),
    ("127.8.9.10", True), ("LOCALHOST", True), ("example.org", False), ("10.0.0.1", False),
    ("localhost.example.org", False),
])
def test_loopback_is_this_machine_only(host, loopback):
    assert is_loopback(host) is loopback


def test_a_web_address_taken_apart():
    assert with_scheme("mastodon.social") == "https://mastodon.social"
    assert with_scheme("http://x") == "http://x" and with_scheme("") == ""
    address = web_address("https://user:pw@Blog.Example:8443/a/b/?q=1#f")
    assert address is not None
    assert (address.host, address.credentials, address.extras) == ("blog.example", True, True)
    assert address.base == "https://user:pw@Blog.Example:8443/a/b"
    for bad in ("javascript:alert(1)", "mailto:a@b.c", "/relative", "https://", "ftp://x/",
                "https://host:port/"):
        assert web_address(bad) is None, bad
    plain = web_address("http://blog.example")
    assert plain is not None and plain.plain_http
    local = web_address("http://127.0.0.1:8080/")
    assert local is not None and not local.plain_http


def test_instance_url_messages_stay_as_they_were():
    assert check_instance_url(" mastodon.social/ ") == "https://mastodon.social"
    assert check_instance_url("http://127.0.0.1:9") == "http://127.0.0.1:9"
    with pytest.raises(InvalidInput, match="an empty address is not a web address"):
        check_instance_url("")
    with pytest.raises(InvalidInput, match="only allowed for this machine"):
        check_instance_url("http://mastodon.social")
