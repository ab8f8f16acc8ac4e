"""What untrusted text looks like once shown: invisible characters and direction overrides
dropped, joiners kept where they build an emoji or join letters (console.trust.unicode)."""

from __future__ import annotations

import pytest

from console.trust.unicode import shown

EMOJI = [
    "👨\u200d👩\u200d👧\u200d👦",  # family
    "🏳\ufe0f\u200d🌈",  # rainbow flag
    "🏴\u200d☠\ufe0f",  # pirate flag
    "👩\u200d⚕\ufe0f",  # health worker
    "🧑🏽\u200d💻",  # technologist, skin tone
    "🐈\u200d⬛",  # black cat
]


@pytest.mark.parametrize("hidden", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff",
                                    "\u202e", "\u202a", "\u2066", "\x1b", "\x00"])
def test_hidden_characters_are_dropped(hidden: str) -> None:
    assert shown(f"Venta{hidden}lia{hidden}") == "Ventalia"
    assert shown(f"{hidden}{hidden}=cmd") == "=cmd"


@pytest.mark.parametrize("sequence", EMOJI)
def test_zero_width_joiner_is_kept_inside_emoji(sequence: str) -> None:
    assert shown(f"hola {sequence}!") == f"hola {sequence}!"
    assert shown(f"{sequence}\u200b") == sequence


def test_joiners_stay_between_letters_that_use_them() -> None:
    persian = "می\u200cخواهم"  # ZWNJ keeps "mi" apart from the verb
    sinhala = "ශ්\u200dරී"  # ZWJ builds the "shri" ligature
    assert shown(persian) == persian and shown(sinhala) == sinhala
    assert shown("😀\u200d\u200d\u200d😀") == "😀😀"  # a run of joiners joins nothing
    assert shown("a\u200db 😀\u200da") == "ab 😀a"


def test_lines_tabs_and_text_are_kept_and_limits_apply() -> None:
    assert shown("línea 1\n\tlínea 2") == "línea 1\n\tlínea 2"
    assert shown("\ud800x") == "\ufffdx"
    assert shown("abcdef", 4) == "abc…"
    assert len(shown("\u200b" * 1_000_000 + "Ana", 50)) <= 50
