"""The profile panel shows the whole customer: accounts, figures, notes, cases, suggestions,
and runs the customer actions (link, VIP, tags, notes, merge, unmerge) through dialogs."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QDialog, QLabel

from console.channels.base import ProfileField
from console.store.timeutil import to_db
from console.ui.customer_dialogs import (
    LinkCustomerDialog,
    MergeDialog,
    MergeHistoryDialog,
    TextDialog,
)
from console.ui.profile_panel import ProfileController, ProfilePanel
from tests.builders import BASE_TIME, make_author, make_post

LUCIA = make_author(1, handle="lucia_mendez@mastodon.example", display_name="Lucía Méndez",
                    followers=412, bio="Profe de primaria en Valencia.",
                    url="https://mastodon.example/@lucia_mendez",
                    fields=(ProfileField("Web", "https://luciamendez.example", True),))
LUCIA_SKY = make_author(2, channel="bluesky", handle="luciamendez.bsky.social",
                        display_name="lucia mendez", followers=540,
                        url="https://bsky.app/profile/luciamendez.bsky.social",
                        bio="Aquí vengo a quejarme. luciamendez.example")
LUCIA_BLOG = make_author(3, channel="feed", handle="Lucía M.", display_name="Lucía M.",
                         url="javascript:alert(1)")
HOSTILE = make_author(9, handle="soporte@spam.example",
                      display_name="<b>Soporte</b> <img src=x> <script>alert(1)</script>",
                      bio="<a href='file:///etc/passwd'>click</a>")


@pytest.fixture
def panel(runtime, qtbot):
    view = ProfilePanel()
    controller = ProfileController(view, runtime.profile, runtime.people, view)
    opened: list[QUrl] = []
    controller.open_url = opened.append
    controller.confirm = lambda _question: True
    controller.opened = opened
    qtbot.addWidget(view)
    view.resize(400, 900)
    view.show()
    return controller


def ids_of(runtime, *authors) -> list[int]:
    db = runtime.workspace.store.db
    return [int(db.execute_sql("SELECT id FROM author WHERE channel = ? AND remote_id = ?",
                               (a.channel, a.remote_id)).fetchone()[0]) for a in authors]


def shot(qtbot, widget, path: str) -> None:
    """Let the layouts settle, then save what the agent would see."""
    qtbot.wait(30)
    widget.grab().save(path)


def wait_suggestions(qtbot, controller) -> None:
    qtbot.waitUntil(lambda: controller.suggestions_loaded, timeout=10000)


def test_customer_with_every_account_figures_and_history(runtime, store_posts, panel, qtbot):
    ids = store_posts([
        make_post(1, "@ventalia mi pedido 51907 no llega, fatal servicio", author=LUCIA),
        make_post(2, "sigo esperando, ventalia, qué desastre", author=LUCIA_SKY,
                  channel="bluesky", created_at=BASE_TIME + timedelta(days=1)),
        make_post(3, "gracias por la ayuda, todo resuelto", author=LUCIA_BLOG, channel="feed",
                  created_at=BASE_TIME + timedelta(days=2)),
    ])
    a, b, c = ids_of(runtime, LUCIA, LUCIA_SKY, LUCIA_BLOG)
    customer = runtime.people.link([a, b, c]).customer_id
    runtime.people.add_tags(customer, ["reembolso"])
    runtime.people.set_vip(customer, True)
    runtime.people.add_note("Prefiere que la llamen por la tarde.", customer_id=customer)
    db = runtime.workspace.store.db
    with runtime.workspace.store.write():
        db.execute_sql('INSERT INTO "case" (status, priority, created_at, updated_at, channel, '
                       "author_id, subject) VALUES ('open', 60, ?, ?, 'bluesky', ?, "
                       "'Pedido 51907 sin entregar')", (to_db(BASE_TIME), to_db(BASE_TIME), b))
    panel.show_author(b)
    view = panel.panel
    assert view.name.text() == "Lucía Méndez"  # the customer's name, not this account's
    assert view.handle.text() == "@luciamendez.bsky.social"
    assert view.vip_badge.isVisible() and view.vip.isChecked()
    assert view.customer_line.text() == f"Customer #{customer} · 3 account(s) on bluesky, " \
                                        "feed, mastodon"
    assert view.network.text() == "bluesky (this account), feed, mastodon"
    assert view.seen.text() == "3 post(s) stored: bluesky 1, feed 1, mastodon 1"
    qtbot.waitUntil(lambda: panel.portrait_loaded, timeout=10000)
    assert view.followers.text() == ("Followers, as each network reports them: bluesky 540 · "
                                     "mastodon 412\nNo follower count on feed.")
    assert view.tags.text() == "Tags: reembolso"
    assert "2 complaint(s)" in view.figures.text()
    assert view.figures.text().count("First post") == 1
    # Three posts in one week: said in words, no chart of a single mark.
    assert not view.portrait.marks.isVisibleTo(view)
    assert "3 post(s), per week:" in view.portrait.mood_text.text()
    assert len(view.accounts.rows) == 3
    links = {b.text(): b.isEnabled() for b in view.accounts.link_buttons}
    assert links["https://mastodon.example/@lucia_mendez"] is True
    assert links["javascript:alert(1)"] is False
    next(b for b in view.accounts.link_buttons if "bsky.app" in b.text()).click()
    assert [u.toString() for u in panel.opened] == [
        "https://bsky.app/profile/luciamendez.bsky.social"]
    assert panel.notes.rowCount() == 1 and "llamen" in panel.notes.index(0, 0).data()
    cases = [panel.cases.index(r, 0).data() for r in range(panel.cases.rowCount())]
    assert any("Pedido 51907 sin entregar" in text for text in cases)  # cases of any account
    with runtime.workspace.store.write():
        db.execute_sql('UPDATE mention SET case_id = (SELECT max(id) FROM "case") WHERE id = ?',
                       (ids[1],))
    panel.show_author(b)
    row = next(r for r in range(panel.cases.rowCount())
               if "Pedido 51907 sin entregar" in panel.cases.index(r, 0).data())
    with qtbot.waitSignal(panel.mentionRequested) as opened:
        view.cases.activated.emit(panel.cases.index(row, 0))  # opening a case shows its post
    assert opened.args == [ids[1]]
    history = panel.timeline
    kinds = [history.item_at(r).kind for r in range(history.rowCount())]
    assert kinds.count("mention") == 3 and kinds.count("note") == 1
    channels = {history.item_at(r).channel for r in range(history.rowCount())
                if history.item_at(r).kind == "mention"}
    assert channels == {"mastodon", "bluesky", "feed"}
    assert "gracias por la ayuda" in history.index(1, 0).data()  # newest post after the note
    view.tabs.setCurrentIndex(1)
    shot(qtbot, view, "/tmp/profile-customer.png")
    assert ids


def test_hostile_display_names_render_as_text(runtime, store_posts, panel, qtbot):
    store_posts([make_post(1, "<b>hola</b> ventalia", author=HOSTILE),
                 make_post(2, "hola ventalia", author=LUCIA)])
    hostile, lucia = ids_of(runtime, HOSTILE, LUCIA)
    customer = runtime.people.link([hostile, lucia]).customer_id
    runtime.people.rename(customer, "<i>VIP</i> <a href='https://x.example'>staff</a>")
    panel.show_author(hostile)
    view = panel.panel
    assert view.name.text() == "<i>VIP</i> <a href='https://x.example'>staff</a>"
    assert view.handle.text() == "@soporte@spam.example"
    assert view.bio.text() == "<a href='file:///etc/passwd'>click</a>"
    for label in view.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.accessibleName()
    texts = [label.text() for label in view.accounts.findChildren(QLabel)]
    assert "<b>Soporte</b> <img src=x> <script>alert(1)</script>" in texts
    tip = view.accounts.link_buttons[0].toolTip()
    assert "<script>" not in tip and "<img" not in tip
    view.tabs.setCurrentIndex(1)
    shot(qtbot, view, "/tmp/profile-hostile.png")


def test_suggestions_accept_and_reject_in_one_click(runtime, store_posts, panel, qtbot):
    stranger = make_author(5, handle="lucia_m2@toot.example", display_name="Lucía Méndez",
                           bio="también luciamendez.example")
    store_posts([make_post(1, "hola ventalia", author=LUCIA),
                 make_post(2, "hola ventalia", author=LUCIA_SKY, channel="bluesky"),
                 make_post(3, "hola ventalia", author=stranger)])
    a, b, s = ids_of(runtime, LUCIA, LUCIA_SKY, stranger)
    panel.show_author(a)
    wait_suggestions(qtbot, panel)
    section = panel.panel.suggestions
    assert {x.other_id for x in panel.suggestions} == {b, s}
    assert len(section.accept_buttons) == 2
    reasons = [label.text() for label in section.findChildren(QLabel)]
    assert any("same display name" in t for t in reasons)
    panel.panel.tabs.setCurrentIndex(4)
    shot(qtbot, panel.panel, "/tmp/profile-suggestions.png")
    reject = section.reject_buttons[[x.other_id for x in panel.suggestions].index(s)]
    reject.click()
    wait_suggestions(qtbot, panel)
    assert [x.other_id for x in panel.suggestions] == [b]
    section.accept_buttons[0].click()
    assert runtime.people.customer_of(a) == runtime.people.customer_of(b) is not None
    assert panel.person.customer_id == runtime.people.customer_of(a)
    wait_suggestions(qtbot, panel)
    assert panel.suggestions == []  # the rejected one stays rejected


def test_link_dialog_searches_customers_by_name_or_handle(runtime, store_posts, panel, qtbot):
    store_posts([make_post(1, "hola ventalia", author=LUCIA),
                 make_post(2, "hola ventalia", author=LUCIA_SKY, channel="bluesky"),
                 make_post(3, "hola ventalia", author=LUCIA_BLOG, channel="feed")])
    a, b, c = ids_of(runtime, LUCIA, LUCIA_SKY, LUCIA_BLOG)
    customer = runtime.people.link([a, b], name="Lucía Méndez").customer_id
    panel.show_author(c)
    panel.actions.open_link_dialog()
    dialog = panel.actions.dialog
    assert isinstance(dialog, LinkCustomerDialog) and dialog.isVisible()
    dialog.search.query.setText("LUCIAMENDEZ.bsky")
    dialog.search.run_search()
    assert dialog.search.model.rowCount() == 1
    assert dialog.search.model.index(0, 0).data().startswith(f"#{customer} Lucía Méndez")
    shot(qtbot, dialog, "/tmp/profile-link-dialog.png")
    dialog.link_button.click()
    assert runtime.people.customer_of(c) == customer
    assert panel.person.customer_id == customer and len(panel.panel.accounts.rows) == 3
    # Unlink from the accounts tab; the pair is then never suggested again.
    panel.panel.accounts.unlink_buttons[-1].click()
    assert runtime.people.customer_of(c) is None


def test_notes_vip_tags_and_rename_through_dialogs(runtime, store_posts, panel, qtbot):
    store_posts([make_post(1, "hola ventalia", author=LUCIA)])
    (a,) = ids_of(runtime, LUCIA)
    runtime.people.agent = "ana"
    panel.show_author(a)
    assert not panel.panel.vip.isEnabled()  # a lone author: link first
    panel.panel.add_note.click()
    dialog = panel.actions.dialog
    assert isinstance(dialog, TextDialog)
    dialog.editor.setPlainText("Escribe siempre de noche.")
    dialog.accept()
    assert panel.notes.rowCount() == 1 and "ana" in panel.notes.index(0, 0).data()
    panel.actions.create_customer()
    customer = runtime.people.customer_of(a)
    assert customer is not None and panel.panel.vip.isEnabled()
    assert panel.notes.rowCount() == 1  # the author's note stays with them
    panel.panel.vip.click()
    assert runtime.people.person(customer).vip
    panel.panel.tags_button.click()
    panel.actions.dialog.editor.setText("Reembolso, valencia")
    panel.actions.dialog.accept()
    assert runtime.people.person(customer).tags == ("reembolso", "valencia")
    panel.panel.notes.setCurrentIndex(panel.notes.index(0, 0))
    panel.panel.edit_note.click()
    panel.actions.dialog.editor.setPlainText("Escribe de noche; llamar a las 17.")
    panel.actions.dialog.accept()
    assert "llamar a las 17" in panel.notes.index(0, 0).data()
    assert "edited" in panel.notes.index(0, 0).data()
    panel.panel.delete_note.click()
    assert panel.notes.rowCount() == 0
    panel.actions.rename()
    panel.actions.dialog.editor.setText("   ")
    panel.actions.dialog.accept()
    assert panel.panel.error.isVisible() and "empty" in panel.panel.error.text()


def test_merge_dialog_previews_then_unmerge_from_history(runtime, store_posts, panel, qtbot):
    store_posts([make_post(1, "hola ventalia", author=LUCIA),
                 make_post(2, "hola ventalia", author=LUCIA_SKY, channel="bluesky")])
    a, b = ids_of(runtime, LUCIA, LUCIA_SKY)
    first = runtime.people.link([a], name="Lucía Méndez").customer_id
    second = runtime.people.link([b], name="lucia (bluesky)").customer_id
    runtime.people.add_tags(second, ["reembolso"])
    panel.show_author(a)
    panel.actions.open_merge_dialog()
    dialog = panel.actions.dialog
    assert isinstance(dialog, MergeDialog)
    dialog.search.query.setText("bluesky")
    dialog.search.run_search()
    preview = dialog.preview_text.toPlainText()
    assert "lucia (bluesky)" in preview and "bluesky @luciamendez.bsky.social" in preview
    assert "Tags added: reembolso" in preview
    shot(qtbot, dialog, "/tmp/profile-merge-dialog.png")
    assert runtime.people.customer_of(b) == second  # nothing moved before confirming
    dialog.merge_button.click()
    assert runtime.people.customer_of(b) == first
    assert len(panel.panel.accounts.rows) == 2
    panel.actions.open_merge_history()
    history = panel.actions.dialog
    assert isinstance(history, MergeHistoryDialog) and history.model.rowCount() == 1
    history.undo_button.click()
    assert "is back" in history.message.text()
    history.done(QDialog.DialogCode.Rejected)
    assert runtime.people.customer_of(b) == second
    assert len(panel.panel.accounts.rows) == 1


def test_selecting_a_mention_shows_the_whole_customer(runtime, store_posts, build, qtbot):
    ids = store_posts([
        make_post(1, "@ventalia mi pedido 51907 no llega", author=LUCIA),
        make_post(2, "51907: sigo esperando, ventalia", author=LUCIA_SKY, channel="bluesky"),
        make_post(3, "otra persona, otro tema", author=make_author(8))])
    a, b = ids_of(runtime, LUCIA, LUCIA_SKY)
    runtime.people.link([a, b])
    console = build()
    console.window.show()
    console.feed.select_mention(ids[0])
    panel = console.window.profile
    assert panel.name.text() == "Lucía Méndez" and len(panel.accounts.rows) == 2
    history = console.profile.timeline
    assert {history.item_at(r).channel for r in range(history.rowCount())} == {"mastodon",
                                                                                "bluesky"}
    messages: list[str] = []
    console.profile.message.connect(messages.append)
    console.profile.mentionRequested.connect(lambda m: messages.append(f"mention {m}"))
    row = next(r for r in range(history.rowCount()) if history.item_at(r).channel == "bluesky")
    panel.history.activated.emit(history.index(row, 0))
    assert messages == [f"mention {ids[1]}"]
    qtbot.wait(50)
    console.window.grab().save("/tmp/main-window-customer.png")
