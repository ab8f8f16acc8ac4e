"""Every CSV Posventa writes shows hostile text as text: a spreadsheet never runs a cell.

A customer's post or display name such as ``=HYPERLINK("http://evil","click")`` would
otherwise become a live formula in the agent's spreadsheet (OWASP "CSV injection").
"""

from __future__ import annotations

import csv
from datetime import datetime

from console.app.runtime import Runtime
from console.feed.queries import FeedFilter
from console.reports.exporting import ViewExporter
from console.reports.figures import Table
from console.reports.service import write_table_csv
from tests.reports.conftest import add_mention

EVERYTHING = FeedFilter(include_spam=True, include_irrelevant=True)
FORMULAS = ['=HYPERLINK("http://evil.example","click")', "+1+1", "-2+3", "@SUM(A1:A9)",
            "\t=1+1", "\r=1+1"]


def _rows(path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


def test_feed_csv_writes_formulas_as_text(report_rt: Runtime, tmp_path) -> None:
    for n, formula in enumerate(FORMULAS, 60):
        add_mention(report_rt, n, "mastodon", datetime(2026, 3, 3, 8, n - 60), "negative",
                    0.9, "delivery", None, text=formula, name=formula)
    target = tmp_path / "view.csv"
    ViewExporter(report_rt.workspace.store).export(EVERYTHING, "csv", target)
    rows = _rows(target)
    header = rows[0]
    texts = [row[header.index("text")] for row in rows[1:]]
    names = {row[header.index("author_display_name")] for row in rows[1:]}
    assert [t for t in texts if t.startswith("'")] == ["'" + f for f in FORMULAS]
    assert "'" + FORMULAS[-1] in names  # the author's latest name, also made text
    assert "mensaje 1" in texts and "Cliente bluesky" in names  # ordinary text untouched
    for row in rows[1:]:
        assert not any(cell.startswith(("=", "+", "@", "\t", "\r")) for cell in row)


def test_feed_csv_keeps_negative_numbers_as_numbers(report_rt: Runtime, tmp_path) -> None:
    db = report_rt.workspace.store.db
    with report_rt.workspace.store.write():
        db.execute_sql("UPDATE mention SET sentiment = -0.75")
    target = tmp_path / "view.csv"
    ViewExporter(report_rt.workspace.store).export(EVERYTHING, "csv", target)
    rows = _rows(target)
    column = rows[0].index("sentiment")
    assert {row[column] for row in rows[1:]} == {"-0.75"}


def test_report_csv_writes_formulas_as_text(tmp_path) -> None:
    table = Table("reasons", "Top complaint reasons", ("reason", "mentions", "change"),
                  [(formula, 3, -2) for formula in FORMULAS] + [("delivery", 2, -1.5)])
    target = write_table_csv(table, tmp_path / "reasons.csv")
    rows = _rows(target)
    assert rows[0] == ["reason", "mentions", "change"]
    assert [row[0] for row in rows[1:-1]] == ["'" + formula for formula in FORMULAS]
    assert rows[-1] == ["delivery", "2", "-1.5"]  # numbers stay numbers, negative or not
    assert all(row[2] == "-2" for row in rows[1:-1])
