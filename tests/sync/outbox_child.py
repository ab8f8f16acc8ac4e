"""A console process that sends the outbox once; the kill tests `kill -9` it mid-send."""

from __future__ import annotations

import sys
from pathlib import Path

from console.app.runtime import open_runtime


def main() -> None:
    workspace, account_id, token = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    rt = open_runtime(Path(workspace), memory_secrets=True)
    rt.workspace.secrets.set(account_id, "token", token)
    print("ready", flush=True)
    rt.engine.flush_outbox()
    print("done", flush=True)
    rt.close()


if __name__ == "__main__":
    main()
