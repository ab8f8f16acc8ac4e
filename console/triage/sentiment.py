"""Lexicon sentiment: the project's Spanish lexicon, VADER for English, emoji for both.

Spanish is scored from ``resources/lexicons/es_sentiment.tsv`` and ``es_modifiers.tsv``:
multi-word phrases first, then words (prefix entries, "-ísimo" and "súper-" forms, doubled
letters), each scaled by negators ("no me gusta", "nada contento", "ni", "nunca"),
intensifiers ("muy", "súper", "demasiado") and diminishers ("un poco"); words after
"pero" weigh more. English uses VADER through nltk: its lexicon is copied once from the
installed vaderSentiment package (MIT) into a cache folder put on ``nltk.data.path``,
because nltk cannot download it here and refuses absolute paths. Emoji and emoticons come
from ``emoji.tsv``. Sums are squashed to [-1, 1] with x / sqrt(x² + 15), as VADER does.
Sarcasm markers are found here too; the caller flips the score when they apply.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import tempfile
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from console.resources import resource_path

from .cues import best_per_label, cue_table
from .text import Prepared, fold_word

ALPHA = 15.0
VADER_RESOURCE = "sentiment/vader_lexicon/vader_lexicon.txt"


def squash(total: float) -> float:
    """Maps an unbounded sum of valences to (-1, 1)."""
    return total / math.sqrt(total * total + ALPHA)


def unsquash(score: float) -> float:
    """The sum a squashed score came from (inverse of ``squash``)."""
    score = max(-0.999, min(0.999, score))
    return score * math.sqrt(ALPHA / (1.0 - score * score))


@dataclass(frozen=True)
class SpanishLexicon:
    """The Spanish valence table and modifiers, folded for matching."""

    words: dict[str, float]
    prefixes: dict[str, float]
    phrases: dict[str, list[tuple[tuple[str, ...], float]]]
    modifiers: dict[tuple[str, ...], tuple[str, float]]
    emoji: dict[str, float]


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in resource_path("lexicons", name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append([f.strip() for f in line.split("\t")])
    return rows


@cache
def spanish_lexicon() -> SpanishLexicon:
    """Loads the Spanish lexicon, modifiers and emoji table once per process."""
    words: dict[str, float] = {}
    prefixes: dict[str, float] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], float]]] = {}
    for term, value in _rows("es_sentiment.tsv"):
        folded = fold_word(term)
        parts = tuple(folded.split())
        if len(parts) > 1:
            phrases.setdefault(parts[0], []).append((parts, float(value)))
        elif folded.endswith("*"):
            prefixes[folded[:-1]] = float(value)
        else:
            words[folded] = float(value)
    for entries in phrases.values():
        entries.sort(key=lambda e: -len(e[0]))
    modifiers = {
        tuple(fold_word(term).split()): (kind, float(value))
        for kind, term, value in _rows("es_modifiers.tsv")
    }
    emoji = {sym: float(value) for sym, value in _rows("emoji.tsv")}
    return SpanishLexicon(words, prefixes, phrases, modifiers, emoji)


_SUPER = ("super", "requete", "re", "archi", "ultra")
_ABLE = re.compile(r"bilisim[oa]s?$")
_word_cache: dict[str, tuple[float, bool]] = {}


def _lookup(lex: SpanishLexicon, word: str) -> float:
    value = lex.words.get(word)
    if value is not None:
        return value
    for size in range(len(word) - 1, 3, -1):
        value = lex.prefixes.get(word[:size])
        if value is not None:
            return value
    return 0.0


def word_valence(word: str) -> tuple[float, bool]:
    """Valence of one folded Spanish word and whether a form change intensified it."""
    cached = _word_cache.get(word)
    if cached is not None:
        return cached
    lex = spanish_lexicon()
    result = (_lookup(lex, word), False)
    if not result[0] and len(word) > 4:
        if "isim" in word:
            for base in (word.replace("isim", "", 1), _ABLE.sub("ble", word)):
                value = _lookup(lex, base)
                if value:
                    result = (value, True)
                    break
        if not result[0]:
            for pre in _SUPER:
                if word.startswith(pre) and len(word) - len(pre) > 3:
                    value = _lookup(lex, word[len(pre) :])
                    if value:
                        result = (value, True)
                        break
        if not result[0]:
            single = "".join(c for i, c in enumerate(word) if i == 0 or c != word[i - 1])
            if single != word:
                result = (_lookup(lex, single), False)
    if len(_word_cache) > 100_000:
        _word_cache.clear()
    _word_cache[word] = result
    return result


def _modifier(words: tuple[str, ...], end: int, lex: SpanishLexicon) -> tuple[str, float, int]:
    """The modifier ending just before ``end`` (two-word ones first) and its length."""
    if end >= 2:
        hit = lex.modifiers.get((words[end - 2], words[end - 1]))
        if hit:
            return hit[0], hit[1], 2
    if end >= 1:
        hit = lex.modifiers.get((words[end - 1],))
        if hit:
            return hit[0], hit[1], 1
    return "", 1.0, 1


def spanish_score(prep: Prepared) -> float:
    """Squashed valence of a Spanish post, emoji included."""
    lex = spanish_lexicon()
    words = prep.words
    n = len(words)
    valences: list[float] = []
    contrast_at = -1
    i = 0
    while i < n:
        word = words[i]
        value = 0.0
        length = 1
        boosted = False
        for parts, phrase_value in lex.phrases.get(word, ()):
            if tuple(words[i : i + len(parts)]) == parts:
                value, length = phrase_value, len(parts)
                break
        if not value:
            kind = lex.modifiers.get((word,), ("", 0.0))[0]
            if kind == "contrast":
                contrast_at = len(valences)
            elif not kind:
                value, boosted = word_valence(word)
        if value:
            scale = 1.3 if boosted else 1.0
            end = i
            negated = False
            steps = 0
            while end > 0 and steps < 3:
                kind, factor, used = _modifier(words, end, lex)
                if kind == "negator" and not negated:
                    scale *= factor
                    negated = True
                elif kind in ("intensifier", "diminisher") and steps < 2:
                    scale *= factor
                elif kind == "contrast":
                    break
                end -= used
                steps += 1
            valences.append(value * scale)
        i += length
    if contrast_at >= 0:
        valences = [v * (0.5 if k < contrast_at else 1.5) for k, v in enumerate(valences)]
    total = sum(valences) + emoji_sum(prep)
    return squash(_emphasis(total, prep))


def emoji_sum(prep: Prepared) -> float:
    """Summed valence of the post's emoji and emoticons (repeats count less)."""
    table = spanish_lexicon().emoji
    total = 0.0
    seen: dict[str, int] = {}
    for sym in prep.emoji:
        value = table.get(sym) or table.get(sym[:1], 0.0)
        count = seen.get(sym, 0)
        seen[sym] = count + 1
        total += value * (1.0 if count == 0 else 0.3)
    return total


def _emphasis(total: float, prep: Prepared) -> float:
    if not total:
        return total
    sign = 1.0 if total > 0 else -1.0
    total += sign * 0.25 * min(prep.exclamations, 3)
    if prep.caps_words >= 2:
        total *= 1.15
    return total


class EnglishScorer:
    """VADER from nltk with the vaderSentiment lexicon, set up lazily and once."""

    _lock = threading.Lock()
    _analyzer: Any = None

    @classmethod
    def analyzer(cls) -> Any:
        if cls._analyzer is None:
            with cls._lock:
                if cls._analyzer is None:
                    cls._analyzer = _load_vader()
        return cls._analyzer

    def score(self, prep: Prepared) -> float:
        """VADER's compound score with emoji added, in [-1, 1]."""
        compound = float(self.analyzer().polarity_scores(prep.clean)["compound"])
        extra = emoji_sum(prep)
        return squash(unsquash(compound) + extra) if extra else compound


def vader_cache_dir() -> Path:
    """Where the VADER lexicon copy lives (``POSVENTA_NLTK_DATA`` overrides)."""
    override = os.environ.get("POSVENTA_NLTK_DATA")
    if override:
        return Path(override)
    try:
        from platformdirs import user_cache_dir

        return Path(user_cache_dir("posventa")) / "nltk_data"
    except Exception:  # platformdirs missing or no home: fall back to the temp dir
        return Path(tempfile.gettempdir()) / "posventa-nltk_data"


def _load_vader() -> Any:
    import nltk
    import vaderSentiment
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    from . import vader_tokens

    vader_tokens.install()  # the same words, split several times faster
    source = Path(vaderSentiment.__file__).resolve().parent / "vader_lexicon.txt"
    root = vader_cache_dir()
    target = root / VADER_RESOURCE
    try:
        if not target.exists() or target.stat().st_size != source.stat().st_size:
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(f".{os.getpid()}.part")
            shutil.copyfile(source, partial)
            os.replace(partial, target)
    except OSError:
        root = Path(tempfile.mkdtemp(prefix="posventa-nltk-"))
        target = root / VADER_RESOURCE
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    if str(root) not in nltk.data.path:
        nltk.data.path.insert(0, str(root))
    return SentimentIntensityAnalyzer(lexicon_file=VADER_RESOURCE)


@dataclass(frozen=True, slots=True)
class Sarcasm:
    """Sarcasm markers found in a post: the strongest strong and weak weights."""

    strong: float
    weak: float

    def applies(self, complaint_cue: float, negative_context: bool) -> bool:
        """Strong markers count alone; weak ones need a complaint cue or negative context."""
        return self.strong >= 0.8 or (
            self.weak >= 0.6 and (complaint_cue >= 0.5 or negative_context)
        )


def find_sarcasm(prep: Prepared, langs: tuple[str, ...], primary: str) -> Sarcasm:
    """The sarcasm markers present, per strength."""
    best = best_per_label(cue_table("sarcasm_cues").find(prep.folded, langs), primary)
    return Sarcasm(best.get("strong", 0.0), best.get("weak", 0.0))
