"""An account form's error sits under the field it is about, and the field takes the
focus back: the agent does not hunt for the sentence below the button."""

from __future__ import annotations

from console.ui.feed_form import FeedForm


def test_the_add_account_error_appears_under_the_address(runtime, qtbot):
    form = FeedForm(runtime.accounts)
    qtbot.addWidget(form)
    form.resize(560, 360)
    form.show()
    qtbot.waitExposed(form)
    form.url.setText("ftp://example.org/feed")
    form.add.click()
    qtbot.waitUntil(lambda: not form.busy() and form.add.isEnabled(), timeout=20000)
    assert form.message.text() and form.message.isVisible()
    message, address, name = (w.geometry() for w in (form.message, form.url, form.name))
    assert address.bottom() < message.top() and message.bottom() < name.top()
    assert form.url.hasFocus() and form.url.text() == "ftp://example.org/feed"
    assert runtime.accounts.list() == []


def test_the_export_cases_outcome_is_shown_whole(qtbot):
    from console.ui.casefile_dialogs import ExportCasesDialog
    from tests.ui.fit import cut_texts

    dialog = ExportCasesDialog(12, "")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.say("Saved 12 cases and 40 mentions to "
               "posventa-cases-of-the-whole-team-for-the-december-review.posventa-cases.")
    qtbot.wait(10)
    assert not cut_texts(dialog)
