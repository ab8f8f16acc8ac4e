"""The demo: every network the console speaks has an account on the sandbox, and one sync
of each brings mentions with no error (one story told across them)."""

from __future__ import annotations

from pathlib import Path

from console.app.runtime import open_demo
from console.channels.networks import KINDS


def test_the_demo_syncs_every_network_on_the_sandbox(tmp_path: Path) -> None:
    rt = open_demo(tmp_path / "ws", speed=10)
    try:
        reports = rt.engine.sync_once()
        again = rt.engine.sync_once()  # the same connections, asked again
    finally:
        rt.close()
    by_label = {r.label: r for r in reports}
    assert all(r.error == "" for r in reports + again), [
        (r.label, r.error) for r in reports + again if r.error]
    assert {label.split(" ", 1)[0] for label in by_label} == set(KINDS)
    assert all(r.added > 0 for r in reports), {r.label: r.added for r in reports}
