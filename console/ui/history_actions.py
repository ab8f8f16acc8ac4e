"""Wires File > Export view…, File > Import CSV… and View > Reports… to their dialogs."""

from __future__ import annotations

from typing import Any

from console.app.runtime import Runtime
from console.reports.exporting import ViewExporter
from console.reports.service import ReportService


def install_history_actions(window: Any, runtime: Runtime, feed: Any) -> None:
    """Connect the three menu actions of `window` (a MainWindow) for `runtime`."""
    from console.ui.export_dialog import open_export
    from console.ui.import_dialog import open_import
    from console.ui.reports_view import open_reports

    store = runtime.workspace.store

    def imported(_result: object) -> None:
        feed.apply_filter()  # show the imported history in the feed

    window.export_view_action.triggered.connect(
        lambda: open_export(window, ViewExporter(store), feed.current_filter()))
    window.import_csv_action.triggered.connect(
        lambda: open_import(window, runtime.csv_import, imported))
    window.reports_action.triggered.connect(lambda: open_reports(window, ReportService(store)))
