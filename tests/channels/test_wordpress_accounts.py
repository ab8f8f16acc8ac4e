"""WordPress and feed accounts end to end: adding them (service and CLI), syncing through the
engine, replying through the outbox, faults, and the password never reaching the disk."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.channels.base import AuthError, MalformedResponse, NetworkError, ServerError
from console.errors import InvalidInput
from console.sandbox import SandboxServer
from console.store.models import Mention

PASSWORD = "Sbx1 Vent 2026 Demo Blog Pass"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def blogs() -> Iterator[SandboxServer]:
    with SandboxServer(speed=0.0001) as server:
        server.advance(500)
        yield server


def add_site(runtime, blogs, password: str = PASSWORD):
    return runtime.accounts.add("wordpress", site_url=f"{blogs.url}/blog/ventalia/",
                                username="ventalia", app_password=password)


def test_add_wordpress_keeps_the_password_in_the_keyring_only(runtime, blogs):
    account = add_site(runtime, blogs)
    assert (account.kind, account.handle) == ("wordpress", "ventalia")
    assert account.settings["username"] == "ventalia"
    assert account.settings["max_characters"] == 65525
    assert account.remote_id == f"{blogs.url}/blog/ventalia/?author=1"
    secrets = runtime.workspace.secrets
    assert secrets.get(account.id, "app_password") == PASSWORD.replace(" ", "")
    runtime.engine.sync_once()
    runtime.workspace.store.db.execute_sql("PRAGMA wal_checkpoint(FULL)")
    folder = runtime.workspace.path
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for secret in (PASSWORD, PASSWORD.replace(" ", "")):
                assert secret.encode() not in data, path


def test_add_wordpress_refuses_a_wrong_password_and_keeps_nothing(runtime, blogs):
    with pytest.raises(AuthError, match="application password was rejected; re-enter it"):
        add_site(runtime, blogs, "nope nope nope")
    assert runtime.accounts.list() == []
    with pytest.raises(InvalidInput, match="application password is empty"):
        add_site(runtime, blogs, "   ")
    with pytest.raises(InvalidInput, match="unencrypted"):
        runtime.accounts.add("wordpress", site_url="http://blog.example", username="ventalia",
                             app_password=PASSWORD)


def test_sync_then_reply_through_the_outbox(runtime, blogs):
    account = add_site(runtime, blogs)
    report = runtime.engine.sync_account(account.id)
    assert report.error == "" and report.added == 5
    bea = Mention.get(Mention.text.contains("lote 23-B"))
    assert bea.channel == "wordpress" and bea.source == "comment"
    rules = runtime.replies.rules(bea.id)
    assert rules.can_reply and not rules.manual and rules.limit == 65525
    runtime.replies.send(bea.id, "Beatriz, no lo uses más: te escribimos por correo hoy.",
                         delay=0)
    runtime.engine.flush_outbox()
    [reply] = runtime.replies.replies(bea.id)
    assert reply.state == "sent", reply.error
    received = blogs.blog.world.view("ventalia").received
    assert received[-1]["content"].startswith("<p>Beatriz, no lo uses más")
    assert reply.remote_id.endswith(f"#comment-{received[-1]['id']}")
    # The brand's reply comes back in the next pull and is not a mention.
    assert runtime.engine.sync_account(account.id).added == 0


def test_a_rejected_password_stops_polling_with_a_clear_status(runtime, blogs):
    account = add_site(runtime, blogs)
    runtime.workspace.secrets.set(account.id, "app_password", "changed on the site")
    runtime.engine.forget_channel(account.id)
    report = runtime.engine.sync_account(account.id)
    assert report.error.endswith("the application password was rejected; re-enter it")
    assert report.error.startswith("WordPress @ventalia (")
    [status] = [s for s in runtime.engine.statuses() if s.account_id == account.id]
    assert status.state in ("auth", "error")  # polling stops until the agent acts


@pytest.mark.parametrize(("fault", "error", "text"), [
    ({"status": 500, "count": 0}, ServerError, r"the site failed \(500\)"),
    ({"kind": "malformed"}, MalformedResponse, "not JSON"),
    ({"kind": "truncated"}, NetworkError, "broke off"),
    ({"status": 404}, Exception, "does not exist"),
    ({"status": 429, "retry_after": 900}, Exception, "try again in 15 minutes"),
])
def test_rest_faults(blogs, fault, error, text):
    from console.channels.wordpress.channel import WordPressChannel

    chan = WordPressChannel(f"{blogs.url}/blog/ventalia", "ventalia", PASSWORD,
                            sleep=lambda s: None, timeout=5.0, max_wait=5.0)
    blogs.inject_fault("/blog/ventalia/wp-json/wp/v2/comments", **fault)
    with pytest.raises(error, match=text):
        chan.pull_mentions(None)


def test_feed_account_replies_are_recorded_by_hand(runtime, blogs):
    account = runtime.accounts.add("feed", url=f"{blogs.url}/blog/pablo/feeds/posts/default")
    assert account.kind == "feed" and account.display_name == "Pablo Reseñas Tech"
    from console.accounts import queries as accounts

    accounts.add_watch(runtime.workspace.store, "ventalia")
    assert runtime.engine.sync_account(account.id).added > 0
    bea = Mention.get(Mention.text.contains("el mío echó humo"))
    rules = runtime.replies.rules(bea.id)
    assert rules.manual and "Blogger" in rules.reason
    with pytest.raises(InvalidInput):
        runtime.replies.send(bea.id, "Hola Bea", delay=0)
    with pytest.raises(InvalidInput, match="already an account"):
        runtime.accounts.add("feed", url=f"{blogs.url}/blog/pablo/feeds/posts/default")


def test_a_feed_already_kept_is_refused_before_the_network_is_asked(runtime):
    """The feed's server is down (nothing listens on port 9): the duplicate is said, not
    the network error."""
    from console.accounts import queries as accounts

    url = "http://127.0.0.1:9/feed.xml"
    accounts.add_account(runtime.workspace.store, "feed", url, settings={"feed_url": url})
    with pytest.raises(InvalidInput, match="already an account"):
        runtime.accounts.add("feed", url=url)
    assert len(runtime.accounts.list()) == 1


def test_add_feed_rejects_what_is_not_a_feed(runtime, blogs):
    with pytest.raises(MalformedResponse, match="does not give an RSS or Atom feed"):
        runtime.accounts.add("feed", url=f"{blogs.url}/blog/ventalia/brisa-torre-consejos-verano/")
    with pytest.raises(InvalidInput, match="not a web address"):
        runtime.accounts.add("feed", url="ftp://example.org/feed")
    assert runtime.accounts.list() == []


def run(ws: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), POSVENTA_WORKSPACE=str(ws),
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    return subprocess.run([sys.executable, "-m", "console", *args], input=stdin, text=True,
                          capture_output=True, env=env, timeout=60)


def test_cli_adds_feed_and_wordpress_accounts(tmp_path, blogs):
    ws = tmp_path / "ws"
    added = run(ws, "accounts", "add", "feed", "--url",
                f"{blogs.url}/blog/pablo/feeds/posts/default")
    assert added.returncode == 0, added.stderr
    assert "Pablo Reseñas Tech" in added.stdout
    site = run(ws, "accounts", "add", "wordpress", "--site", f"{blogs.url}/blog/ventalia",
               "--user", "ventalia", "--password-stdin", stdin=PASSWORD + "\n")
    assert site.returncode == 0, site.stderr
    assert "wordpress @ventalia" in site.stdout
    assert PASSWORD not in site.stdout + site.stderr
    wrong = run(ws, "accounts", "add", "wordpress", "--site", f"{blogs.url}/blog/ventalia",
                "--user", "ventalia", "--password-stdin", stdin="bad\n")
    assert wrong.returncode != 0 and "Traceback" not in wrong.stderr
    assert "application password was rejected; re-enter it" in wrong.stderr
    from console.app.runtime import open_runtime

    rt = open_runtime(ws, memory_secrets=True)
    try:
        assert sorted(a.kind for a in rt.accounts.list()) == ["feed", "wordpress"]
    finally:
        rt.close()


def test_demo_shows_the_blogs_and_beas_story(tmp_path):
    from console.app.runtime import open_demo

    rt = open_demo(tmp_path / "demo", speed=0.001)
    try:
        kinds = {a.kind: a for a in rt.accounts.list()}
        assert {"feed", "wordpress"} <= set(kinds)
        rt.sandbox.advance(500)
        for account in (kinds["feed"], kinds["wordpress"]):
            report = rt.engine.sync_account(account.id)
            assert report.error == "" and report.added > 0
        bea = Mention.select().where(Mention.text.contains("lote 23-B")).order_by(Mention.id)
        assert {m.channel for m in bea} == {"feed", "wordpress"}
        # On the sandbox clock the blog comment (330) comes before her Mastodon post (449).
        view = rt.sandbox.blog.world.view("ventalia")
        assert view.by_key["vc05"].person_key == "bea"
    finally:
        rt.close()
