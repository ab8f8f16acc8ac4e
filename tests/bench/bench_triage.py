"""Triage throughput: the full triage and VADER alone on the same texts, in one run.

Run: python tests/bench/bench_triage.py [repeats]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from console.triage import TriageInput, Triager  # noqa: E402
from console.triage.sentiment import EnglishScorer  # noqa: E402


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    lines = (ROOT / "resources" / "triage" / "eval.jsonl").read_text(encoding="utf-8")
    texts = [json.loads(line)["text"] for line in lines.splitlines() if line.strip()] * repeats
    triager = Triager()
    triager.warm_up()
    vader = EnglishScorer.analyzer()
    items = [TriageInput(text=t) for t in texts]

    start = time.perf_counter()
    for item in items:
        triager.score(item)
    full = len(items) / (time.perf_counter() - start)

    start = time.perf_counter()
    for text in texts:
        vader.polarity_scores(text)
    alone = len(texts) / (time.perf_counter() - start)

    print(f"posts: {len(texts)}")
    print(f"full triage: {full:,.0f} posts/s")
    print(f"VADER alone: {alone:,.0f} posts/s")
    print(f"ratio (full / VADER): {full / alone:.2f}")


if __name__ == "__main__":
    main()
