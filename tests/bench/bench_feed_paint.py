"""Feed painting benchmark: the two-line cards against plain one-line cells, same run.

Run: QT_QPA_PLATFORM=offscreen python tests/bench/bench_feed_paint.py [--mentions 20000]
Paints the visible feed of a 1366x768 window `--frames` times with the card delegate,
then with Qt's plain delegate on the same rows (the baseline), and prints ms per frame
and their ratio; then times the search count ("N results") on the same workspace.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QStyledItemDelegate  # noqa: E402

from console.app.runtime import open_runtime  # noqa: E402
from console.feed.queries import FeedFilter  # noqa: E402
from console.ui.app import application, build_console  # noqa: E402
from console.ui.feed_model import TEXT  # noqa: E402
from tests.bench.seed import seed  # noqa: E402


def frame_ms(table, frames: int) -> float:
    viewport = table.viewport()
    viewport.grab()  # warm up: fonts, glyph caches
    start = time.perf_counter()
    for _ in range(frames):
        viewport.grab()
    return (time.perf_counter() - start) * 1000 / frames


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mentions", type=int, default=20_000)
    parser.add_argument("--frames", type=int, default=50)
    args = parser.parse_args()
    app = application("en")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "ws"
        rt = open_runtime(folder, memory_secrets=True)
        db = rt.workspace.db_path
        rt.close()
        print(f"seed: {args.mentions:,} mentions in {seed(db, args.mentions):.1f} s")
        rt = open_runtime(folder, memory_secrets=True)
        console = build_console(rt)
        console.window.resize(1366, 740)
        console.window.show()
        app.processEvents()
        table = console.window.feed.table
        rows = table.rowAt(table.viewport().height() - 1) - table.rowAt(0) + 1
        cards = frame_ms(table, args.frames)
        table.setItemDelegateForColumn(TEXT, QStyledItemDelegate(table))
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        app.processEvents()
        plain_rows = table.rowAt(table.viewport().height() - 1) - table.rowAt(0) + 1
        plain = frame_ms(table, args.frames)
        print(f"paint: plain one-line cells: {plain:.2f} ms per frame, {plain_rows} rows "
              "(baseline)")
        print(f"paint: two-line cards: {cards:.2f} ms per frame, {rows} rows")
        print(f"paint: ratio {cards / plain:.2f} per frame, "
              f"{(cards / rows) / (plain / plain_rows):.2f} per row")
        for term in ("pedido", "zzzz"):
            flt = FeedFilter(search=term)
            start = time.perf_counter()
            found = rt.feed.count_upto(flt, 10_001)
            counted = (time.perf_counter() - start) * 1000
            start = time.perf_counter()
            rt.feed.page(flt, None, 200)
            paged = (time.perf_counter() - start) * 1000
            print(f"search '{term}': count {found:,} in {counted:.1f} ms; first page "
                  f"{paged:.1f} ms (baseline); ratio {counted / max(paged, 0.01):.2f}")
        console.bridge.close()
        console.window.close()
        rt.close()


if __name__ == "__main__":
    main()
