"""`posventa report` prints the figures and writes one CSV per figure."""

from __future__ import annotations

import csv

from console.app.cli.main import main
from console.app.runtime import Runtime


def test_report_prints_and_writes_csv(report_rt: Runtime, tmp_path, capsys) -> None:
    ws = str(report_rt.workspace.path)
    report_rt.close()
    out_dir = tmp_path / "csv"
    out_dir.mkdir()
    code = main(["--workspace", ws, "report", "--since", "2026-03-02", "--until", "2026-03-08",
                 "--zone", "UTC",
                 "--csv", str(out_dir)])
    assert code == 0
    text = capsys.readouterr().out
    assert "Top complaint reasons" in text and "delivery  2" in text
    files = sorted(p.name for p in out_dir.iterdir())
    assert "reasons_2026-03-02_2026-03-08.csv" in files and len(files) == 5
    with open(out_dir / "sla_agent_2026-03-02_2026-03-08.csv", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[1][:4] == ["lucia", "2", "2", "75.0"]


def test_report_rejects_bad_dates(runtime: Runtime, capsys) -> None:
    code = main(["--workspace", str(runtime.workspace.path), "report", "--since", "ayer"])
    assert code == 1
    assert "is not a date" in capsys.readouterr().err


def test_report_counts_the_teams_days(report_rt: Runtime, capsys) -> None:
    """Without --zone the days are the team's (Europe/Madrid by default, UTC+1 in March):
    mention 3, written at 23:59 UTC on the 2nd, belongs to the 3rd."""
    ws = str(report_rt.workspace.path)
    report_rt.close()
    assert main(["--workspace", ws, "report", "--since", "2026-03-02", "--until",
                 "2026-03-08"]) == 0
    text = capsys.readouterr().out
    assert "days in Europe/Madrid" in text
    assert "2026-03-03  bluesky   1" in text
    assert main(["--workspace", ws, "report", "--zone", "Mars/Olympus"]) == 1
    assert "unknown time zone 'Mars/Olympus'" in capsys.readouterr().err
