"""Another console on the same workspace, as a real process, driven by lines on stdin.

Arguments: the workspace, the account id, its token ("-": this console has none).
Commands: ``sync`` (pull every account once, print what it stored), ``claim CASE`` (claim
a case as agent "otra"), ``reply MENTION TEXT`` (queue a reply), ``hold`` (start the
engine, print "holding" once it pulls the account), ``stop`` (stop the engine), ``quit``.
Each answer is one line on stdout.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from console.app.runtime import open_runtime


def main() -> None:
    workspace, account_id, token = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    rt = open_runtime(Path(workspace), memory_secrets=True)
    if token != "-":
        rt.workspace.secrets.set(account_id, "token", token)
    rt.cases.agent = "otra"
    print("ready", flush=True)
    for line in sys.stdin:
        command, *args = line.split()
        if command == "sync":
            reports = rt.engine.sync_once()
            print(json.dumps({"added": sum(r.added for r in reports),
                              "elsewhere": any(r.elsewhere for r in reports)}), flush=True)
        elif command == "claim":
            claim = rt.cases.claim(int(args[0]))
            print(json.dumps([claim.won, claim.claimed_by]), flush=True)
        elif command == "reply":
            reply = rt.replies.send(int(args[0]), " ".join(args[1:]), delay=0)
            print(json.dumps([reply.id, reply.state]), flush=True)
        elif command == "hold":
            rt.engine.start()
            deadline = time.monotonic() + 30
            while not rt.engine.leases.holds(account_id) and time.monotonic() < deadline:
                time.sleep(0.05)
            print("holding" if rt.engine.leases.holds(account_id) else "not holding",
                  flush=True)
        elif command == "stop":
            rt.engine.stop()
            print("stopped", flush=True)
        elif command == "quit":
            break
    rt.close()


if __name__ == "__main__":
    main()
