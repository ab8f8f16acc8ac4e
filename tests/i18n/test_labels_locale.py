"""Feed values in the agent's language and locale: Spanish month names and digit grouping
from QLocale, and the enumeration labels (status, source, channel, priority, sentiment)
through the installed translator, with English back once it is removed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from console.ui import labels, sync_status

SPANISH = {  # a few messages as the Spanish catalogue has them
    ("Labels", "new"): "nueva",
    ("Labels", "replied"): "respondida",
    ("Labels", "keyword"): "palabra clave",
    ("Labels", "hashtag"): "hashtag",
    ("Labels", "feed"): "fuente RSS",
    ("Labels", "urgent"): "urgente",
    ("Labels", "negative"): "negativo",
    ("Labels", "neutral"): "neutro",
    ("Labels", "sent"): "enviada",
    ("Labels", "{n} min ago"): "hace {n} min",
    ("Labels", "▼ complaint {score}"): "▼ queja {score}",
    ("Labels", "Public reply: anyone can see it."): "Respuesta pública: cualquiera puede verla.",
    ("SyncStatus", "Outbox: {queued} queued · {sending} sending · {failed} failed"):
        "Bandeja de salida: {queued} en cola · {sending} enviando · {failed} con error",
    ("SyncStatus", "polling"): "por sondeo",
}


class TableTranslator(QTranslator):
    """Translates from a small in-memory table (an empty answer: not translated)."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        return SPANISH.get((context, source), "")

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def spanish_locale(qapp) -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale("es_ES"))
    try:
        yield
    finally:
        QLocale.setDefault(before)


@pytest.fixture
def spanish(qapp, spanish_locale) -> Iterator[None]:
    translator = TableTranslator()
    QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)


NOON = datetime(2020, 11, 22, 12, 3, tzinfo=UTC)  # a year ago or more: the date is shown


def test_dates_use_spanish_month_names(spanish_locale):
    assert "nov" in labels.full_time(NOON) and "Nov" not in labels.full_time(NOON)
    assert "2020" in labels.full_time(NOON)
    assert labels.when(NOON).endswith("nov 2020")


def test_numbers_use_the_locale_grouping(spanish_locale):
    assert labels.count_text(1_234_567) == "1.234.567"
    QLocale.setDefault(QLocale("en_US"))
    assert labels.count_text(1_234_567) == "1,234,567"


def test_enumerations_are_spanish_with_the_translator(spanish):
    assert labels.status_label("new") == "nueva"
    assert labels.source_label("keyword") == "palabra clave"
    assert labels.channel_label("feed") == "fuente RSS"
    assert labels.priority_label("urgent") == "urgente"
    assert labels.sentiment_label("negative") == "negativo"
    assert labels.reply_state_label("sent") == "enviada"
    assert labels.sources_text("keyword,hashtag") == "palabra clave, hashtag"
    assert labels.sentiment_marker(0.82, "negative") == "▼ queja 0,82"
    assert labels.sentiment_marker(0.1, "neutral") == "neutro"
    now = datetime.now(UTC)
    assert labels.when(now - timedelta(minutes=5), now) == "hace 5 min"
    assert labels.visibility_note("public") == "Respuesta pública: cualquiera puede verla."
    assert labels.status_label("archived") == "archived"  # unknown values show as stored


def test_status_bar_words_are_spanish_with_the_translator(spanish):
    assert sync_status.outbox_text({"queued": 12000, "failed": 1}) == \
        "Bandeja de salida: 12.000 en cola · 0 enviando · 1 con error"
    assert sync_status.account_label("feed @blog") == "fuente RSS @blog"
    assert sync_status.mode_word("polling") == "por sondeo"


def test_english_without_a_translator(qapp):
    assert [labels.status_label(s) for s in ("new", "replied")] == ["new", "replied"]
    assert labels.channel_label("feed") == "feed"
    assert labels.priority_label("low") == "low"
    assert labels.sentiment_marker(0.82, "") == "▼ complaint 0.82"
    assert sync_status.outbox_text({}) == "Outbox: 0 queued · 0 sending · 0 failed"
