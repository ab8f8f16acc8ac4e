"""Putting a console together: workspace, triage, engine and services (no Qt here).

`open_runtime` is what both the CLI and the GUI start from. In demo mode it also starts
the built-in sandbox network on 127.0.0.1 and connects a demo account to it.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from console.services import AccountService, FeedService, ProfileService, ReplyService
from console.store import accounts
from console.sync.engine import Engine
from console.triage import Triager
from console.workspace import Workspace, WorkspaceError

DEMO_WATCHES = ("ventalia", "bentalia", "ventaila", "brisa", "#ventalia", "#ventaliafail")
DEMO_TOKEN = "sandbox-demo-token"  # the sandbox accepts any token; this is no secret


@dataclass
class Runtime:
    """Everything a running console holds. Hand each widget only the service it needs."""

    workspace: Workspace
    engine: Engine
    triager: Triager
    feed: FeedService
    profile: ProfileService
    replies: ReplyService
    accounts: AccountService
    sandbox: Any = None  # the SandboxServer of a demo
    extras: dict[str, Any] = field(default_factory=dict)

    def close(self) -> None:
        self.engine.stop()
        if self.sandbox is not None:
            self.sandbox.stop()
        self.workspace.close()


def open_runtime(path: Path, *, memory_secrets: bool = False) -> Runtime:
    workspace = Workspace(path, memory_secrets=memory_secrets)
    triager = Triager(workspace.path)
    engine = Engine(workspace.store, workspace.secrets, triager, workspace.settings)
    agent = workspace.settings.agent_name
    return Runtime(
        workspace=workspace, engine=engine, triager=triager,
        feed=FeedService(workspace.store), profile=ProfileService(workspace.store),
        replies=ReplyService(workspace.store, engine, agent),
        accounts=AccountService(workspace.store, workspace.secrets, engine),
    )


def open_demo(path: Path | None = None, *, speed: float = 10.0, port: int = 0) -> Runtime:
    """A fresh demo workspace wired to a sandbox started in this process."""
    from console.channels.sandbox import SandboxServer

    folder = path or Path(tempfile.mkdtemp(prefix="posventa-demo-"))
    runtime = open_runtime(folder, memory_secrets=True)
    sandbox = SandboxServer(port=port, speed=speed)
    sandbox.start()
    runtime.sandbox = sandbox
    settings = runtime.workspace.settings
    settings.demo, settings.sync_interval = True, 3.0
    if not settings.agent_name:
        settings.agent_name = "demo"
    runtime.workspace.save_settings()
    if accounts.list_accounts(runtime.workspace.store):
        runtime.close()
        raise WorkspaceError(f"the demo needs a new, empty folder; {folder} already has accounts")
    account = accounts.add_account(runtime.workspace.store, "mastodon", sandbox.url)
    runtime.workspace.secrets.set(account.id, "token", DEMO_TOKEN)
    for term in DEMO_WATCHES:
        accounts.add_watch(runtime.workspace.store, term)
    return runtime
