"""Rebuilds resources/triage/base-model.json (the reason table) and linear-model.npz (the
sentiment and complaint tables), the shipped triage model.

Run after editing train.jsonl or any file in resources/lexicons/ (a test fails while the
shipped model is stale; at run time a stale model is retrained in memory, which costs
about a second at start-up):
    python resources/triage/build_model.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from console.triage.learn import write_base_model

if __name__ == "__main__":
    print(f"wrote {write_base_model()}")
