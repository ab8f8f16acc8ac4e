"""Triage throughput: the full triage and VADER alone on the same texts, in one run; then
retraining on 1,000 corrections (without and with reasons named) and scoring with what
was learned.

The full triage is timed one post at a time (``score``) and a page of 40 at a time
(``score_many``, the ingest path). Rates are posts per CPU second of this process
(``time.process_time``): the machine the figures come from is shared, and CPU time is what
"one core" means; the wall-clock rate of the full triage is printed too.

Run: python tests/bench/bench_triage.py [repeats]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from console.triage import Correction, TriageInput, Triager  # noqa: E402
from console.triage.sentiment import EnglishScorer  # noqa: E402
from console.triage.vader_tokens import stock  # noqa: E402


def _rate(triager: Triager, items: list[TriageInput]) -> tuple[float, float]:
    """Posts per CPU second and per wall-clock second."""
    wall, cpu = time.perf_counter(), time.process_time()
    for item in items:
        triager.score(item)
    return len(items) / (time.process_time() - cpu), len(items) / (time.perf_counter() - wall)


def _page_rate(triager: Triager, items: list[TriageInput], page: int = 40) -> float:
    """Posts per CPU second scored a page at a time (``score_many``, as ingest does)."""
    cpu = time.process_time()
    for start in range(0, len(items), page):
        triager.score_many(items[start:start + page])
    return len(items) / (time.process_time() - cpu)


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    lines = (ROOT / "resources" / "triage" / "eval.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in lines.splitlines() if line.strip()]
    texts = [row["text"] for row in rows] * repeats
    triager = Triager()
    triager.warm_up()
    vader = EnglishScorer.analyzer()
    items = [TriageInput(text=t) for t in texts]

    full, full_wall = _rate(triager, items)
    paged = _page_rate(triager, items)
    with stock():  # VADER as nltk ships it, not with triage's faster split
        start = time.process_time()
        for text in texts:
            vader.polarity_scores(text)
        alone = len(texts) / (time.process_time() - start)

    print(f"posts: {len(texts)}")
    print(f"full triage, one post at a time: {full:,.0f} posts/s "
          f"(wall clock: {full_wall:,.0f} posts/s)")
    print(f"full triage, pages of 40 (score_many): {paged:,.0f} posts/s")
    print(f"VADER alone (nltk's, as shipped): {alone:,.0f} posts/s")
    print(f"ratio (one at a time / VADER): {full / alone:.2f}")
    print(f"ratio (pages / VADER): {paged / alone:.2f}")

    # A team's corrections: the labels of these posts, with a word changed so they are not
    # all near-duplicates of what is scored next.
    corrections = []
    for n, row in enumerate(rows * 2):
        text = f"{row['text']} #{n}"
        corrections.append(Correction(text, "is_complaint", bool(row["is_complaint"])))
        if len(corrections) % 2:
            corrections.append(Correction(text, "sentiment_label", row["sentiment_label"]))
    corrections = corrections[:1000]
    team = Triager()
    start = time.process_time()
    team.learn(corrections)
    print(f"retrain on {len(corrections):,} corrections: {time.process_time() - start:.2f} s")
    print(f"triage with a team's model: {_rate(team, items)[0]:,.0f} posts/s one at a time, "
          f"{_page_rate(team, items):,.0f} posts/s in pages of 40")

    # The same with a reason named on every other complaint: the reason's Naive Bayes
    # table (the only one still trained) learns from those, with the shipped posts.
    named = []
    for n, row in enumerate(rows * 2):
        text = f"{row['text']} #{n}"
        if row["is_complaint"] and row.get("reason") and n % 2:
            named.append(Correction(text, "reason", row["reason"]))
        else:
            named.append(Correction(text, "is_complaint", bool(row["is_complaint"])))
        if len(named) % 2:
            named.append(Correction(text, "sentiment_label", row["sentiment_label"]))
    named = named[:1000]
    reasons = sum(c.field == "reason" for c in named)
    start = time.process_time()
    Triager().learn(named)
    print(f"retrain on {len(named):,} corrections, {reasons} naming a reason: "
          f"{time.process_time() - start:.2f} s")


if __name__ == "__main__":
    main()
