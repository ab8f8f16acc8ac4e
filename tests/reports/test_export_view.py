"""Exporting a feed view: printable HTML (hostile text escaped), CSV, JSON lines and PDF."""

from __future__ import annotations

import json
from datetime import datetime

from console.__main__ import main  # the program: it lends the export Qt's PDF writer
from console.app.runtime import Runtime
from console.feed.queries import FeedFilter
from console.reports.exporting import ViewExporter
from tests.reports.conftest import add_mention

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> & <b>STAFF</b>'
EVERYTHING = FeedFilter(include_spam=True, include_irrelevant=True)


def test_html_escapes_hostile_text_and_groups_threads(report_rt: Runtime, tmp_path) -> None:
    add_mention(report_rt, 50, "mastodon", datetime(2026, 3, 3, 8), "negative", 0.9,
                "delivery", None, text=HOSTILE, name='<a href="file:///etc">VERIFIED</a>')
    target = tmp_path / "view.html"
    n = ViewExporter(report_rt.workspace.store).export(EVERYTHING, "html", target)
    page = target.read_text(encoding="utf-8")
    assert n == 8
    assert "<script>" not in page and "<img" not in page and "<b>STAFF" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert 'href="file:' not in page and "&lt;a href=&quot;file:///etc&quot;&gt;" in page
    assert page.count('class="thread"') == 8  # one conversation per root post
    assert "Lo revisamos ahora mismo" in page  # the brand's sent reply under its post


def test_csv_and_jsonl_follow_the_filter(report_rt: Runtime, tmp_path) -> None:
    exporter = ViewExporter(report_rt.workspace.store)
    only = FeedFilter(channels=("bluesky",))
    assert exporter.count(only) == 2
    n = exporter.export(only, "jsonl", tmp_path / "v.jsonl")
    lines = (tmp_path / "v.jsonl").read_text(encoding="utf-8").splitlines()
    assert n == 2 and {json.loads(line)["channel"] for line in lines} == {"bluesky"}
    exporter.export(only, "csv", tmp_path / "v.csv")
    assert (tmp_path / "v.csv").read_text(encoding="utf-8").count("bluesky") >= 2


def test_pdf_export_writes_a_pdf(report_rt: Runtime, tmp_path, qapp) -> None:
    from console.ui.export_dialog import write_pdf

    target = tmp_path / "view.pdf"
    n = ViewExporter(report_rt.workspace.store).export(EVERYTHING, "pdf", target, pdf=write_pdf)
    assert n == 7
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1000


def test_cli_exports_html_and_pdf(report_rt: Runtime, tmp_path, capsys) -> None:
    ws = str(report_rt.workspace.path)
    report_rt.close()
    assert main(["--workspace", ws, "export", "--format", "html", "-o",
                 str(tmp_path / "a.html")]) == 0
    assert "mensaje 4" in (tmp_path / "a.html").read_text(encoding="utf-8")
    assert main(["--workspace", ws, "export", "--format", "pdf", "-o",
                 str(tmp_path / "a.pdf")]) == 0
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")
    assert main(["--workspace", ws, "export", "--format", "pdf"]) == 1
    assert "needs a file" in capsys.readouterr().err
