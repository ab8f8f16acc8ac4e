"""A console that syncs one account over and over; the kill test `kill -9`s it at random."""

from __future__ import annotations

import sys
from pathlib import Path

from console.app.runtime import open_runtime


def main() -> None:
    workspace, account_id = sys.argv[1], int(sys.argv[2])
    rt = open_runtime(Path(workspace), memory_secrets=True)
    rt.workspace.secrets.set(account_id, "token", "t")
    print("ready", flush=True)
    while True:
        for report in rt.engine.sync_once():
            if report.error:
                print(f"error {report.error}", flush=True)
            else:
                print(f"synced {report.added}", flush=True)


if __name__ == "__main__":
    main()
