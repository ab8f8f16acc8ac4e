"""File > Export view…: the dialog exports the feed's filter off the GUI thread."""

from __future__ import annotations

from console.app.runtime import Runtime
from console.feed.queries import FeedFilter
from console.reports.exporting import ViewExporter
from console.ui.export_dialog import ExportController, ExportDialog


def test_export_dialog_writes_the_chosen_format(report_rt: Runtime, qtbot, tmp_path) -> None:
    dialog = ExportDialog()
    qtbot.addWidget(dialog)
    controller = ExportController(dialog, ViewExporter(report_rt.workspace.store),
                                  FeedFilter(channels=("mastodon",), search="mensaje"))
    dialog.show()
    dialog.path.setText(str(tmp_path / "vista.csv"))
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    assert dialog.path.text().endswith("vista.html")
    with qtbot.waitSignal(controller.finished, timeout=10000) as blocker:
        dialog.export_button.click()
    assert blocker.args == [5]
    assert "mensaje 5" in (tmp_path / "vista.html").read_text(encoding="utf-8")
    assert "Exported 5 mentions" in dialog.status.text()
    dialog.grab().save("/tmp/export_dialog.png")
    dialog.path.setText(str(tmp_path / "no-such-folder" / "x.csv"))
    dialog.export_button.click()
    assert "does not exist" in dialog.status.text()
