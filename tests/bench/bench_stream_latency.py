"""Live latency: from the sandbox publishing a mention to the engine reporting it stored.

The clock starts when the sandbox makes the status visible (its publish hook) and stops
when the engine emits MentionsAdded for it (stored, triaged, cursor saved). Beside it, in
the same run, the same posts reach a polling-only account after its next pull.

Run: python tests/bench/bench_stream_latency.py [posts]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from console.app.runtime import open_runtime  # noqa: E402
from console.sandbox import SandboxServer  # noqa: E402
from console.store import accounts  # noqa: E402
from console.sync.events import MentionsAdded  # noqa: E402

SCRIPT = ROOT / "tests" / "channels" / "fixtures" / "mini_script.json"
TEXTS = ("@ventalia mi pedido {n} no llegó", "@ventalia me cobraron dos veces ({n})",
         "@ventalia the parcel {n} arrived broken", "@ventalia ¿alguien atiende? #{n}")


def measure(posts: int, streaming: bool, interval: float = 3.0) -> list[float]:
    """Seconds from publication to MentionsAdded for ``posts`` new mentions."""
    sandbox = SandboxServer(SCRIPT, speed=0.0001, release_all=True).start()
    if not streaming:
        sandbox.inject_fault("/api/v1/streaming", 404, count=0)  # a server that only polls
    runtime = open_runtime(Path(tempfile.mkdtemp(prefix="posventa-bench-")) / "ws",
                           memory_secrets=True)
    published: dict[str, float] = {}
    arrived: dict[str, float] = {}
    done = threading.Event()
    sandbox.state.listeners.append(lambda s, n: published.setdefault(s.id, time.monotonic()))

    def hear(event: object) -> None:
        if isinstance(event, MentionsAdded):
            now = time.monotonic()
            for mention_id in event.ids:
                detail = runtime.profile.mention(mention_id)
                if detail is not None and detail.remote_id in published:
                    arrived.setdefault(detail.remote_id, now)
            if len(arrived) >= posts:
                done.set()

    try:
        account = accounts.add_account(runtime.workspace.store, "mastodon", sandbox.url)
        runtime.workspace.secrets.set(account.id, "token", "bench-token")
        runtime.workspace.settings.sync_interval = interval
        runtime.engine.start()
        deadline = time.monotonic() + 30
        while not (runtime.engine.statuses() and (
                not streaming or runtime.engine.live.is_live(account.id))):
            if time.monotonic() > deadline:
                raise SystemExit("the account never synced")
            time.sleep(0.05)
        time.sleep(0.5)
        published.clear()
        runtime.engine.listen(hear)
        for n in range(posts):
            sandbox.add_post(("lucia", "marta", "pedro")[n % 3], TEXTS[n % len(TEXTS)].format(n=n))
            time.sleep(0.2)
        done.wait(interval * 3 + 10)
    finally:
        runtime.close()
        sandbox.stop()
    return [arrived[k] - published[k] for k in published if k in arrived]


def summary(name: str, values: list[float], expected: int) -> None:
    ordered = sorted(values)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)] if ordered else float("nan")
    median = statistics.median(ordered) if ordered else float("nan")
    print(f"{name}: {len(values)}/{expected} arrived; median {median * 1000:.0f} ms, "
          f"p95 {p95 * 1000:.0f} ms, max {max(ordered, default=float('nan')) * 1000:.0f} ms")


def main() -> None:
    posts = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    summary("streaming (SSE)", measure(posts, streaming=True), posts)
    summary("polling every 3 s", measure(posts, streaming=False), posts)


if __name__ == "__main__":
    main()
