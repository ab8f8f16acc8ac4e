"""Open benchmark: time from process start to the first painted feed row.

Run: python tests/bench/bench_open.py [--mentions 1000000] [--runs 3]
Measures a workspace holding N mentions and, in the same run, one holding 200 (the
baseline), each in a fresh process; prints the medians and their ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from console.app.runtime import open_runtime  # noqa: E402
from tests.bench.seed import seed  # noqa: E402


def workspace(folder: Path, n: int) -> Path:
    rt = open_runtime(folder, memory_secrets=True)
    db = rt.workspace.db_path
    rt.close()
    took = seed(db, n)
    print(f"seed: {n:,} mentions in {took:.1f} s")
    return folder


def measure(folder: Path, runs: int) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, str(Path(__file__).with_name("open_child.py")),
                              str(folder)], capture_output=True, text=True, env=env,
                             timeout=120, check=True)
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        small = workspace(Path(tmp) / "small", 200)
        big = workspace(Path(tmp) / "big", args.mentions)
        base = measure(small, args.runs)
        full = measure(big, args.runs)
    print(f"open: first painted feed row with 200 mentions: {base * 1000:.0f} ms (baseline)")
    print(f"open: first painted feed row with {args.mentions:,} mentions: {full * 1000:.0f} ms")
    print(f"open: ratio {full / base:.2f}")


if __name__ == "__main__":
    main()
