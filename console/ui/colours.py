"""The meaning colours (complaint red, warning amber, positive green...) in a light and a
dark variant, switched with the palette so text keeps at least 4.5:1 contrast (WCAG AA)
on both. Colour is never the only signal: every marker also has a word or a symbol.

The shared `QColor` objects in :mod:`console.ui.labels` and :mod:`console.ui.case_text`
are updated in place, so code that reads them when it paints follows a theme change.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

# name: (light variant, dark variant)
VARIANTS: dict[str, tuple[str, str]] = {
    "complaint": ("#b3261e", "#ff8a80"),
    "negative": ("#9a4f00", "#ffb74d"),
    "positive": ("#1e7a34", "#81c995"),
    "neutral": ("#5f6368", "#bdc1c6"),
    "reply": ("#1a5fb4", "#8ab4f8"),
    "breached": ("#b3261e", "#ff8a80"),
    "soon": ("#9a4f00", "#ffb74d"),
    "met": ("#1e7a34", "#81c995"),
}


def _shared() -> dict[str, QColor]:
    from console.ui import case_text, labels

    return {
        "complaint": labels.COMPLAINT_COLOUR, "negative": labels.NEGATIVE_COLOUR,
        "positive": labels.POSITIVE_COLOUR, "neutral": labels.NEUTRAL_COLOUR,
        "reply": labels.REPLY_COLOUR, "breached": case_text.BREACHED_COLOUR,
        "soon": case_text.SOON_COLOUR, "met": case_text.MET_COLOUR,
    }


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def adapt(palette: QPalette) -> None:
    """Point the shared meaning colours at the variant readable on `palette`."""
    index = 1 if is_dark(palette) else 0
    for name, colour in _shared().items():
        colour.setRgba(QColor(VARIANTS[name][index]).rgba())


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(one: QColor, other: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
