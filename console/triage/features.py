"""Features of a post for the nltk classifiers: stems, negation scope, cues and lexicon.

Words are stemmed with nltk's Snowball stemmers (Spanish or English by the post's
language; cached, since the same words recur). Words within three words after a negator
get a ``not_`` prefix so "no funciona" and "funciona" are different evidence. Cue and
lexicon signals enter as features too, so the classifier learns how much to trust them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .text import Prepared, word_set

NEGATORS = word_set(
    "no ni nunca jamas nadie nada sin tampoco ningun ninguna not never no nobody nothing "
    "without neither nor dont doesnt didnt cant cannot wont isnt arent wasnt havent hasnt "
    "couldnt wouldnt shouldnt"
)
# Function words carry no complaint or sentiment of their own; on a small training set they
# only teach the classifier its templates, so they are left out of the word features.
FUNCTION_WORDS = word_set(
    "de la el en y que a los las un una unos unas mi mis me te se lo le les por con para "
    "es al del su sus ya o u e yo tu nos este esta esto ese esa eso hay ha he han fue son "
    "era muy mas pero como cuando donde porque pues asi hoy ahora tengo tiene voy va otra "
    "otro vez the a an and or to of in on at for from by with my me i im ive you your it "
    "its is are was were be been am this that these those there here just so now then got "
    "get have has had do does did will would can could our we they them he she his her "
    "their what when who how why which as if about again still today"
)
_TIME_UNITS = word_set(
    "dias dia semanas semana meses mes horas hora days day weeks week months month hours "
    "hour minutos minutes"
)
_stemmers: dict[str, Any] = {}
_stem_cache: dict[tuple[str, str], str] = {}


def stem(word: str, lang: str) -> str:
    """Snowball stem of a folded word for es/en (other languages keep the word)."""
    key = (lang, word)
    cached = _stem_cache.get(key)
    if cached is not None:
        return cached
    if lang in ("es", "en") and len(word) > 3:
        stemmer = _stemmers.get(lang)
        if stemmer is None:
            from nltk.stem.snowball import SnowballStemmer

            stemmer = SnowballStemmer("spanish" if lang == "es" else "english")
            _stemmers[lang] = stemmer
        result = stemmer.stem(word)
    else:
        result = word
    if len(_stem_cache) > 200_000:
        _stem_cache.clear()
    _stem_cache[key] = result
    return result


def stems(prep: Prepared, lang: str) -> list[str]:
    """Stems of the post's words, in order."""
    return [stem(w, lang) for w in prep.words]


@dataclass(frozen=True, slots=True)
class Signals:
    """Rule-based readings of a post that the classifiers also see as features."""

    lexicon: float  # squashed lexicon sentiment, [-1, 1]
    cues: dict[str, float]  # strongest weight per complaint reason ("none" is negative)
    sarcastic: bool
    waiting: bool  # a number followed by a time unit ("3 semanas", "10 days")


def has_wait(prep: Prepared) -> bool:
    """True when the post counts time: "3 semanas", "10 days", "dos horas"."""
    tokens = prep.tokens
    for i in range(len(tokens) - 1):
        if tokens[i + 1] in _TIME_UNITS and (tokens[i].isdigit() or tokens[i] in _SMALL_NUMBERS):
            return True
    return False


_SMALL_NUMBERS = word_set(
    "dos tres cuatro cinco seis siete ocho diez quince two three four five six seven "
    "eight ten several varios varias"
)


def featurize(prep: Prepared, lang: str, signals: Signals) -> dict[str, bool]:
    """The binary feature set of one post (only present features are listed)."""
    feats: dict[str, bool] = {f"lang={lang}": True}
    negate = 0
    for word in prep.words:
        if word in NEGATORS:
            negate = 3
            feats["w=" + word] = True
            continue
        if word in FUNCTION_WORDS or len(word) < 2:
            continue
        s = stem(word, lang)
        if negate:
            feats["w=not_" + s] = True
            negate -= 1
        else:
            feats["w=" + s] = True
    for sym in prep.emoji:
        feats[f"e={sym}"] = True
    for reason, weight in signals.cues.items():
        if weight >= 0.75:
            feats[f"cue={reason}"] = True
            feats["cue=strong"] = True
        elif weight > 0:
            feats[f"cue~{reason}"] = True
        elif weight < 0:
            feats["cue=against"] = True
    lex = signals.lexicon
    if lex <= -0.5:
        feats["lex=very_negative"] = True
    if lex <= -0.15:
        feats["lex=negative"] = True
    elif lex >= 0.15:
        feats["lex=positive"] = True
    else:
        feats["lex=flat"] = True
    if lex >= 0.5:
        feats["lex=very_positive"] = True
    if signals.sarcastic:
        feats["sarcasm"] = True
    if signals.waiting:
        feats["wait"] = True
    if prep.questions:
        feats["question"] = True
    if prep.exclamations >= 2:
        feats["exclaim"] = True
    return feats
