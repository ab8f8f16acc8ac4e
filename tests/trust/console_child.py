"""A second console on a workspace, for the two-consoles tests.

``python console_child.py WORKSPACE ACCOUNT_ID send``: prints ``ready``, waits for a line
on stdin, then runs outbox passes (as the window's outbox thread does) until nothing is
queued or sending, and prints ``done``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from console.app.runtime import open_runtime


def main() -> None:
    workspace, account_id = sys.argv[1], int(sys.argv[2])
    rt = open_runtime(Path(workspace), memory_secrets=True)
    rt.workspace.secrets.set(account_id, "token", "second-console-token")
    print("ready", flush=True)
    sys.stdin.readline()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        counts = rt.engine.flush_outbox()
        if counts["queued"] == 0 and counts["sending"] == 0:
            break
        time.sleep(0.05)
    print("done", flush=True)
    rt.close()


if __name__ == "__main__":
    main()
