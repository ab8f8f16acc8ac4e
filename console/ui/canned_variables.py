"""The small dialog that asks for the variables a reply needs and nobody knows yet."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from console.i18n import QT_TRANSLATE_NOOP
from console.ui import labels

# What the well-known variables mean, shown beside their fields.
HINTS = {
    "nombre": QT_TRANSLATE_NOOP("VariablesDialog", "the customer's first name"),
    "agente": QT_TRANSLATE_NOOP("VariablesDialog", "your name as the customer sees it"),
    "numero_pedido": QT_TRANSLATE_NOOP("VariablesDialog", "the order number"),
}


class VariablesDialog(QDialog):
    """One field per variable without a value; OK fills them, Cancel inserts nothing."""

    def __init__(self, names: list[str], action: str = "", parent: QWidget | None = None,
                 ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fill in the reply"))
        self.fields: dict[str, QLineEdit] = {}
        intro = labels.plain_label(self.tr(
            "These variables have no value for this conversation yet:"), wrap=True)
        form = QFormLayout()
        for name in names:
            edit = QLineEdit()
            edit.setAccessibleName(name)
            hint = HINTS.get(name)
            edit.setPlaceholderText(self.tr(hint) if hint else "")
            label = labels.plain_label("{" + name + "}")
            label.setBuddy(edit)
            form.addRow(label, edit)
            self.fields[name] = edit
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(action or self.tr("Insert"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)
        for edit in self.fields.values():
            edit.textChanged.connect(self._check)
        self._check()
        if self.fields:
            next(iter(self.fields.values())).setFocus()

    def values(self) -> dict[str, str]:
        return {name: edit.text().strip() for name, edit in self.fields.items()}

    def _check(self) -> None:
        self.ok.setEnabled(all(v for v in self.values().values()))
