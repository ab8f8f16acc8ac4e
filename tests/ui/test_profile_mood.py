"""The profile's mood over time: fewer than three weeks are said in words (a chart of one
mark says nothing); from three on, a row of labelled marks, one per week."""

from __future__ import annotations

from datetime import timedelta

from tests.builders import BASE_TIME, make_author, make_post
from tests.ui.test_profile_portrait import open_panel


def test_mood_in_words_below_three_periods_and_marks_from_three(runtime, store_posts, qtbot):
    author = make_author(4, display_name="Rocío Fuentes")
    ids = store_posts([make_post(1, "gracias ventalia, todo perfecto, encantada", author=author),
                       make_post(2, "pedido perdido, fatal, qué desastre", author=author,
                                 created_at=BASE_TIME + timedelta(days=1))])
    author_id = runtime.workspace.store.db.execute_sql(
        "SELECT author_id FROM mention WHERE id = ?", (ids[0],)).fetchone()[0]
    view, _controller = open_panel(runtime, qtbot, author_id)
    mood = view.portrait
    assert not mood.marks.isVisibleTo(view)  # two days: no chart of one or two marks
    lines = mood.mood_text.text().splitlines()
    assert lines[0] == "Sentiment triage gave 2 post(s), per week:"
    assert [line.split(":")[0] for line in lines[1:]] == ["week of 26 Oct", "week of 2 Nov"]
    store_posts([make_post(10 + week, "sigo sin noticias del pedido", author=author,
                           created_at=BASE_TIME + timedelta(weeks=week)) for week in (1, 2, 3)])
    view2, _ = open_panel(runtime, qtbot, author_id)
    marks = view2.portrait.marks
    assert marks.isVisibleTo(view2) and len(marks.periods) == 4  # 8 Nov: week of 2 Nov
    assert sum(p.count for p in marks.periods) == 5
    assert "week of" not in view2.portrait.mood_text.text()
    assert marks.accessibleDescription().count("negative") == 4
    assert view2.portrait.mood.summary.text() == "week of 16 Nov: mostly negative"
    qtbot.wait(20)
    view2.portrait.grab().save("/tmp/profile-mood.png")


def test_figures_that_cannot_be_counted_say_so_in_one_sentence(runtime, store_posts, qtbot):
    ids = store_posts([make_post(1, "hola ventalia", author=make_author(6))])
    author_id = runtime.workspace.store.db.execute_sql(
        "SELECT author_id FROM mention WHERE id = ?", (ids[0],)).fetchone()[0]

    def broken(_person, _limit=0):
        raise RuntimeError("disk I/O error in /home/ana/secret")

    runtime.people.portrait = broken
    view, _controller = open_panel(runtime, qtbot, author_id)
    assert view.portrait.followers.text() == (
        "Could not count this person's figures: unexpected RuntimeError.")
    assert view.name.text() == "User 6"  # the rest of the profile is there
