"""List the text a tour of the console shows that did not go through the translators.

    python -m tests.i18n.report [pseudo|es|en] [--shots DIR] [--only NAME] [--theme dark]
                                [--size 1366x768]

In "pseudo" every translated string is bracketed ⟦…⟧, so English words outside brackets
are untranslated UI text (or user data in a widget not marked with `mark_data`). In "es"
it lists text still equal to an English source string that has a Spanish translation
(a context mismatch). `--shots` saves a PNG of each screen.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("language", nargs="?", default="pseudo")
    parser.add_argument("--shots", type=Path)
    parser.add_argument("--only", default="")
    parser.add_argument("--theme", choices=("system", "light", "dark"), default="light")
    parser.add_argument("--size", default="1400x900", help="the main window's size, WxH")
    args = parser.parse_args()
    os.environ["POSVENTA_LANGUAGE"] = args.language
    from console.ui.app import application, build_console
    from console.ui.settings_dialog import apply_theme
    from tests.i18n.screens import account_names, demo_runtime, tour
    from tests.i18n.walk import all_texts, problems

    application()
    apply_theme(args.theme)
    runtime = demo_runtime(Path(tempfile.mkdtemp()) / "ws")
    built = build_console(runtime)
    width, height = (int(n) for n in args.size.lower().split("x"))
    built.window.resize(width, height)
    built.window.show()
    found: dict[tuple[str, str], str] = {}
    data = account_names(runtime)

    def visit(label: str, root) -> None:
        if args.shots:
            args.shots.mkdir(parents=True, exist_ok=True)
            root.grab().save(str(args.shots / f"{label.replace(':', '-')}.png"))
        if args.only and args.only not in label:
            return
        for where, text in all_texts(root):
            if problems(text, args.language, data):
                found.setdefault((where, text[:120]), label)

    opened = tour(built, runtime, visit)
    print("visited:", ", ".join(opened))
    for (where, text), label in sorted(found.items(), key=lambda kv: kv[1]):
        print(f"{label:24} {where:40} {text!r}")
    print(f"{len(found)} problem(s)")
    runtime.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
