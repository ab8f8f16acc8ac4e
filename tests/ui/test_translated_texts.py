"""Texts of the accounts, profile, reports and import screens reach the agent translated:
the account forms' shared message keeps its own context, the Qt-free sentences (channel
errors, import rejections, link reasons, report columns) follow the installed language
while the CLI keeps English, and data widgets are marked as data."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from console import i18n
from console.accounts import queries as accounts
from console.channels.base import ChannelError
from console.channels.bluesky.account import SignInInvalid, check_sign_in
from console.channels.feeds.channel import check_feed_url
from console.importer.mapping import ColumnMapping, field_label
from console.people import evidence
from console.reports.figures import column_title
from console.ui.labels import DATA


def marked(context: str, source: str) -> str:
    return f"<{context}> {source}"


class Marking(QTranslator):
    """Marks every message of the given contexts, so a test sees which context was asked."""

    def __init__(self, contexts: set[str]) -> None:
        super().__init__()
        self.contexts = contexts

    def translate(self, context, source, disambiguation=None, n=-1):
        return marked(context, source) if context in self.contexts else None

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def marking(qapp) -> Iterator[Callable[..., None]]:
    installed: list[QTranslator] = []

    def install(*contexts: str) -> None:
        translator = Marking(set(contexts))
        QCoreApplication.installTranslator(translator)
        installed.append(translator)
        i18n.install(lambda c, t, d=None, n=-1: QCoreApplication.translate(c, t, d, n))

    yield install
    for translator in installed:
        QCoreApplication.removeTranslator(translator)
    i18n.install(None)


@pytest.mark.parametrize("form_name", ["FeedForm", "WordPressForm", "BlueskyForm"])
def test_account_forms_say_added_in_the_base_class_context(form_name, runtime, qtbot,
                                                           marking) -> None:
    from console.ui import bluesky_form, feed_form

    form_class = getattr(feed_form, form_name, None) or getattr(bluesky_form, form_name)
    form = form_class(runtime.accounts)
    qtbot.addWidget(form)
    account = accounts.add_account(runtime.workspace.store, "feed", "https://blog.example",
                                   handle="blog.example")
    marking("AccountForm")
    form._on_added(account)
    assert form.message.text().startswith("<AccountForm> Added ")
    assert "blog.example" in form.message.text()


def test_qt_free_sentences_follow_the_installed_language(marking) -> None:
    with pytest.raises(SignInInvalid) as english:
        check_sign_in("", "x", "")
    assert str(english.value) == "The Bluesky handle is empty; type it like marca.bsky.social."
    assert column_title("avg_first_response_min") == "avg first response"

    marking("Channels", "ReportColumns", "CsvImport", "PeopleReasons")
    with pytest.raises(SignInInvalid) as shown:
        check_sign_in("", "x", "")
    assert str(shown.value) == marked("Channels", "The Bluesky handle is empty; type it like "
                                      "marca.bsky.social.")
    with pytest.raises(ChannelError, match=r"^<Channels> <Channels> an empty address is not"):
        check_feed_url("")  # the sentence and the word put into it are both translated
    assert column_title("avg_first_response_min") == marked("ReportColumns",
                                                            "avg first response")
    assert column_title("unknown_column") == "unknown column"
    assert field_label("created_at") == marked("CsvImport", "Date and time")
    assert ColumnMapping({"text": "Texto"}).missing() == ["author", "created_at"]
    reason = evidence.order_reason("123456")
    assert reason.text == marked("PeopleReasons",
                                 "both wrote about order or case number {number}").format(
        number="123456")


def test_profile_marks_user_data_and_translates_its_words(runtime, store_posts, qtbot,
                                                          marking) -> None:
    from console.ui.profile_panel import ProfileController, ProfilePanel
    from tests.builders import make_author, make_post

    author = make_author(7, handle="marta@social.example", display_name="Marta Ruiz",
                         bio="Clienta desde 2019")
    store_posts([make_post(1, "hola ventalia, mi pedido no llega", author=author)])
    marking("ProfileController", "Labels", "AccountsSection")
    panel = ProfilePanel()
    qtbot.addWidget(panel)
    controller = ProfileController(panel, runtime.profile, runtime.people)
    author_id = runtime.workspace.store.db.execute_sql(
        "SELECT id FROM author WHERE handle = ?", ("marta@social.example",)).fetchone()[0]
    controller.show_author(author_id)
    for widget in (panel.name, panel.handle, panel.bio, panel.link):
        assert widget.property(DATA), widget.accessibleName()
    assert not panel.network.property(DATA) and not panel.seen.property(DATA)
    assert panel.network.text() == "<Labels> mastodon"
    assert panel.seen.text().startswith("<ProfileController> 1 post(s) stored")
    facts = [row.findChildren(type(panel.network))[0].text() for row in panel.accounts.rows]
    assert facts and facts[0].startswith("<Labels> mastodon · <AccountsSection> ")
