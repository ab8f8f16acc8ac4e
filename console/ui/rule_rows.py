"""The rows of the rule editor: one condition (not, kind, value) or one action (kind,
value), with the names and example values each kind shows, in the console's language."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QToolButton, QWidget

from console.i18n import QT_TRANSLATE_NOOP
from console.triage.rules import ACTIONS, CONDITIONS


def rule_word(text: str) -> str:
    """A name from the tables below (marked with `N_`), in the console's language."""
    return QCoreApplication.translate("RulesDialog", text) if text else ""


CONDITION_NAMES = {
    "keyword": QT_TRANSLATE_NOOP("RulesDialog", "has any of the words"),
    "phrase": QT_TRANSLATE_NOOP("RulesDialog", "has the phrase"),
    "language": QT_TRANSLATE_NOOP("RulesDialog", "language is"),
    "channel": QT_TRANSLATE_NOOP("RulesDialog", "channel is"),
    "source": QT_TRANSLATE_NOOP("RulesDialog", "found as"),
    "followers_at_least": QT_TRANSLATE_NOOP("RulesDialog", "followers at least"),
    "author_in": QT_TRANSLATE_NOOP("RulesDialog", "author is one of (VIP list)"),
    "complaint_at_least": QT_TRANSLATE_NOOP("RulesDialog", "complaint at least"),
    "sentiment_at_most": QT_TRANSLATE_NOOP("RulesDialog", "sentiment at most"),
    "vip": QT_TRANSLATE_NOOP("RulesDialog", "customer is marked VIP"),
}
# Example values: words are translated, stored values (sources, channels) are not.
CONDITION_HINTS = {
    "keyword": QT_TRANSLATE_NOOP("RulesDialog", "refund, broken"),
    "phrase": QT_TRANSLATE_NOOP("RulesDialog", "I will cancel"),
    "language": "es, en", "channel": "mastodon, bluesky",
    "source": "mention, keyword, hashtag, direct",
    "followers_at_least": "10000", "author_in": "@ana, bob@social.example",
    "complaint_at_least": "0.8", "sentiment_at_most": "-0.5", "vip": "",
}
ACTION_NAMES = {
    "tag": QT_TRANSLATE_NOOP("RulesDialog", "tag with"),
    "set_priority": QT_TRANSLATE_NOOP("RulesDialog", "set priority to"),
    "assign": QT_TRANSLATE_NOOP("RulesDialog", "assign to"),
    "hide_spam": QT_TRANSLATE_NOOP("RulesDialog", "hide as spam"),
    "mark_not_relevant": QT_TRANSLATE_NOOP("RulesDialog", "mark not relevant"),
    "close": QT_TRANSLATE_NOOP("RulesDialog", "close"),
}
ACTION_HINTS = {
    "tag": QT_TRANSLATE_NOOP("RulesDialog", "legal"),
    "set_priority": QT_TRANSLATE_NOOP("RulesDialog", "0 to 100"),
    "assign": QT_TRANSLATE_NOOP("RulesDialog", "agent name"),
}


class ConditionRow(QWidget):
    """One condition: kind, value, "not", remove."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Condition"))
        for kind in CONDITIONS:
            self.kind.addItem(rule_word(CONDITION_NAMES[kind]), kind)
        self.value = QLineEdit()
        self.value.setAccessibleName(self.tr("Condition value"))
        self.negate = QCheckBox(self.tr("not"))
        self.negate.setToolTip(self.tr("The rule needs this condition to be false"))
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setAccessibleName(self.tr("Remove condition"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.negate)
        row.addWidget(self.kind)
        row.addWidget(self.value, 1)
        row.addWidget(self.remove)
        self.kind.currentIndexChanged.connect(self._hint)
        self._hint()

    def _hint(self) -> None:
        kind = str(self.kind.currentData())
        self.value.setPlaceholderText(rule_word(CONDITION_HINTS.get(kind, "")))
        self.value.setEnabled(kind != "vip")

    def data(self) -> dict[str, Any]:
        return {"kind": str(self.kind.currentData()), "value": self.value.text().strip(),
                "negate": self.negate.isChecked()}


class ActionRow(QWidget):
    """One action: kind, value, remove."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Action"))
        for kind in ACTIONS:
            self.kind.addItem(rule_word(ACTION_NAMES[kind]), kind)
        self.value = QLineEdit()
        self.value.setAccessibleName(self.tr("Action value"))
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setAccessibleName(self.tr("Remove action"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.kind)
        row.addWidget(self.value, 1)
        row.addWidget(self.remove)
        self.kind.currentIndexChanged.connect(self._hint)
        self._hint()

    def _hint(self) -> None:
        kind = str(self.kind.currentData())
        self.value.setPlaceholderText(rule_word(ACTION_HINTS.get(kind, "")))
        self.value.setEnabled(kind in ACTION_HINTS)

    def data(self) -> dict[str, Any]:
        kind = str(self.kind.currentData())
        return {"kind": kind, "value": self.value.text().strip() if kind in ACTION_HINTS else ""}
