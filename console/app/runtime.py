"""Putting a console together: workspace, triage, engine and services (no Qt here).

`open_runtime` is what both the CLI and the GUI start from. In demo mode it also starts
the built-in sandbox network on 127.0.0.1 and connects a demo account to it.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from console.accounts import queries as accounts
from console.accounts.service import AccountService
from console.app.backup import daily_backup_if_due
from console.app.workspace import Workspace, WorkspaceError
from console.cases.canned import CannedService
from console.cases.service import CaseService, default_agent
from console.feed.service import FeedService
from console.importer.service import CsvImportService
from console.mentions.service import ProfileService
from console.people.service import PeopleService
from console.replies.service import ReplyService
from console.sync.engine import Engine
from console.sync.ingest import ingest
from console.triage import Triager
from console.triage.service import RuleService, TriageService

DEMO_WATCHES = ("ventalia", "bentalia", "ventaila", "brisa", "#ventalia", "#ventaliafail")
DEMO_TOKEN = "sandbox-demo-token"  # the sandbox accepts any token; this is no secret
DEMO_BLUESKY_HANDLE = "ventalia.bsky.example"
DEMO_APP_PASSWORD = "demo-sand-boxx-pass"  # any app-password-shaped string opens the sandbox
DEMO_X_TOKEN = "sandbox-x-demo-token"  # the sandbox's X accepts it (console/sandbox/x_oauth.py)


@dataclass
class Runtime:
    """Everything a running console holds. Hand each widget only the service it needs."""

    workspace: Workspace
    engine: Engine
    triager: Triager
    triage_service: TriageService  # agents' corrections and what the model learned
    rules: RuleService  # the team's automation rules
    feed: FeedService
    profile: ProfileService
    replies: ReplyService
    accounts: AccountService
    canned: CannedService
    cases: CaseService
    people: PeopleService  # customers across channels: links, merges, suggestions
    csv_import: CsvImportService  # history from other tools, through the ingest path
    sandbox: Any = None  # the SandboxServer of a demo
    extras: dict[str, Any] = field(default_factory=dict)
    scratch: Path | None = None  # a folder made for this run only (a demo's): removed

    def close(self) -> None:
        self.engine.stop()
        if self.sandbox is not None:
            self.sandbox.stop()
        self.workspace.close()
        if self.scratch is not None:  # a demo leaves nothing behind in the temp folder
            shutil.rmtree(self.scratch, ignore_errors=True)
            self.scratch = None


def open_runtime(path: Path, *, memory_secrets: bool = False, verify: bool = False) -> Runtime:
    """A console on the workspace at ``path``; ``verify`` reads every page of the database
    first (see :class:`Workspace`)."""
    workspace = Workspace(path, memory_secrets=memory_secrets, verify=verify)
    triager = Triager(workspace.path)
    settings = workspace.settings
    # The team database is backed up on its server (pg_dump), not by each console.
    engine = Engine(workspace.store, workspace.secrets, triager, settings,
                    keep_backup=None if workspace.is_team else (
                        lambda path: daily_backup_if_due(path, keep=settings.backups_kept)))
    for notice in workspace.notices:  # the window shows them in its status bar
        engine.report_workspace(notice)
    agent = workspace.settings.agent_name
    triage_service = TriageService(workspace.store, triager, agent)
    triage_service.sync_model()  # learn what other consoles on this database taught it
    return Runtime(
        workspace=workspace, engine=engine, triager=triager,
        triage_service=triage_service, rules=RuleService(workspace.store, triager),
        feed=FeedService(workspace.store), profile=ProfileService(workspace.store),
        replies=ReplyService(workspace.store, engine, agent),
        accounts=AccountService(workspace.store, workspace.secrets, engine),
        canned=CannedService(workspace.store, workspace.settings),
        cases=CaseService(workspace.store, default_agent(agent)),
        people=PeopleService(workspace.store, default_agent(agent)),
        csv_import=CsvImportService(workspace.store, triager, ingest),
    )


def add_demo_blogs(workspace: Workspace, sandbox: Any) -> None:
    """The sandbox's blogs as demo accounts: Pablo's Blogger reviews (feed, watches) and
    Ventalia's own WordPress blog (every comment; replies with its Application Password)."""
    feed_url = f"{sandbox.url}/blog/pablo/feeds/posts/default"
    accounts.add_account(workspace.store, "feed", feed_url, settings={
        "feed_url": feed_url, "every_comment": False, "min_interval": 10.0})
    view = sandbox.blog.world.views["ventalia"]
    user = view.blog.users[0]
    site = accounts.add_account(workspace.store, "wordpress", f"{sandbox.url}/blog/ventalia",
                                settings={"username": user.slug, "every_comment": True})
    workspace.secrets.set(site.id, "app_password", user.app_password)


def add_demo_reddit(workspace: Workspace, sandbox: Any) -> None:
    """The sandbox's Reddit brand account, signed in with the sandbox's demo app."""
    world = sandbox.reddit.world
    api = f"{sandbox.url}/reddit"
    account = accounts.add_account(workspace.store, "reddit", api, handle=world.brand_name,
                                   settings={"client_id": next(iter(world.apps)),
                                             "auth_url": api})
    workspace.secrets.set(account.id, "refresh_token", world.demo_refresh_token)


def open_demo(path: Path | None = None, *, speed: float = 10.0, port: int = 0) -> Runtime:
    """A fresh demo workspace wired to a sandbox started in this process."""
    from console.sandbox import SandboxServer

    folder = path or Path(tempfile.mkdtemp(prefix="posventa-demo-"))
    runtime = open_runtime(folder, memory_secrets=True)
    if path is None:  # made here: gone when the demo closes; a folder given is kept
        runtime.scratch = folder
    sandbox = SandboxServer(port=port, speed=speed)
    sandbox.start()
    runtime.sandbox = sandbox
    settings = runtime.workspace.settings
    settings.demo, settings.sync_interval = True, 3.0
    if not settings.agent_name:
        settings.agent_name = "demo"
    runtime.cases.agent = settings.agent_name
    runtime.people.agent = settings.agent_name
    runtime.workspace.save_settings()
    if accounts.list_accounts(runtime.workspace.store):
        runtime.close()
        raise WorkspaceError(f"the demo needs a new, empty folder; {folder} already has accounts")
    account = accounts.add_account(runtime.workspace.store, "mastodon", sandbox.url)
    runtime.workspace.secrets.set(account.id, "token", DEMO_TOKEN)
    sky = accounts.add_account(runtime.workspace.store, "bluesky", sandbox.url,
                               handle=DEMO_BLUESKY_HANDLE)
    runtime.workspace.secrets.set(sky.id, "app_password", DEMO_APP_PASSWORD)
    x_account = accounts.add_account(runtime.workspace.store, "x", sandbox.url, handle="ventalia",
                                     settings={"x_read_budget": 0})
    runtime.workspace.secrets.set(x_account.id, "token", DEMO_X_TOKEN)
    add_demo_blogs(runtime.workspace, sandbox)
    add_demo_reddit(runtime.workspace, sandbox)
    for term in DEMO_WATCHES:
        accounts.add_watch(runtime.workspace.store, term)
    return runtime
