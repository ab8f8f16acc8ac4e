"""Writes resources/triage/train.jsonl: the training posts of the triage classifiers.

Every fragment below was written for Posventa. Posts are built from a core sentence per
label and language plus random openings, closings, emoji and typing habits (no accents,
repeated letters, lower case, chat spellings), so the classifier sees the same meaning in
many shapes. The seed is fixed: running it twice writes the same file.
Run: python resources/triage/make_train.py
"""

from __future__ import annotations

import json
import random
import unicodedata
from pathlib import Path

from train_fragments import BRANDS, CLOSERS, CORES, EXTRA, OPENERS

OUT = Path(__file__).with_name("train.jsonl")
PER_CORE = {"complaint": 3, "negative": 2, "positive": 2, "neutral": 2, "sarcasm": 3}


def strip_accents(text: str) -> str:
    return (
        "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
        .replace("¿", "")
        .replace("¡", "")
    )


def stretch(text: str, rnd: random.Random) -> str:
    words = text.split()
    if not words:
        return text
    i = rnd.randrange(len(words))
    w = words[i]
    vowels = [k for k, c in enumerate(w) if c in "aeiouAEIOU"]
    if vowels:
        k = vowels[-1]
        words[i] = w[: k + 1] + w[k] * rnd.randint(2, 4) + w[k + 1 :]
    return " ".join(words)


def decorate(core: str, lang: str, kind: str, rnd: random.Random) -> str:
    brand = rnd.choice(BRANDS[lang])
    text = core.replace("{b}", brand).replace(
        "{n}", str(rnd.choice([2, 3, 4, 5, 6, 8, 10, 12, 15, 20]))
    )
    if "{b}" not in core and rnd.random() < 0.6:
        text = f"{brand} {text}" if rnd.random() < 0.5 else f"{text} {brand}"
    if rnd.random() < 0.35:
        text = rnd.choice(OPENERS[lang][kind]) + " " + text
    if rnd.random() < 0.45:
        text = text + " " + rnd.choice(CLOSERS[lang][kind])
    r = rnd.random()
    if r < 0.25:
        text = strip_accents(text)
    elif r < 0.35:
        text = text.lower()
    if rnd.random() < 0.15:
        text = stretch(text, rnd)
    if rnd.random() < 0.1 and kind == "complaint":
        text = text.upper() if len(text) < 60 else text
    return text.strip()


def main() -> None:
    rnd = random.Random(20240604)
    rows: list[dict[str, object]] = []
    seen: set[str] = set()
    for (lang, kind, reason), cores in CORES.items():
        for core in cores:
            for _ in range(PER_CORE[kind]):
                text = decorate(core, lang, kind, rnd)
                if text in seen:
                    continue
                seen.add(text)
                complaint = kind in ("complaint", "sarcasm")
                label = {"positive": "positive", "neutral": "neutral"}.get(kind, "negative")
                rows.append(
                    {
                        "text": text,
                        "lang": lang,
                        "sentiment_label": label,
                        "is_complaint": complaint,
                        "reason": reason if complaint else "none",
                    }
                )
    for lang, sentiment, complaint, reason, text in EXTRA:
        rows.append(
            {
                "text": text,
                "lang": lang,
                "sentiment_label": sentiment,
                "is_complaint": complaint,
                "reason": reason,
            }
        )
    rnd.shuffle(rows)
    with OUT.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} training posts written to {OUT}")


if __name__ == "__main__":
    main()
