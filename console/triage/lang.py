"""Language of a post: es, en or other, offline.

py3langid (restricted to a handful of European languages so short posts are not read as
Tagalog or Malay, and run a page of posts at a time: langid_pages.py) gives probabilities;
cheap cues, the function words of Spanish and English plus Spanish-only characters, fix
what short posts get wrong. The network's own language tag is a hint: it tips a close
call, it never overrides clear evidence.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence

from .langid_pages import PageIdentifier, ranked
from .text import Prepared, word_set

LANGID_LANGS = ["es", "en", "pt", "fr", "it", "de", "ca"]

# Function words and chat words; words shared by both languages ("me", "no", "a") are left out.
ES_WORDS = word_set(
    "de la que el en y los se del las un por con una su para es al lo como mas pero sus "
    "le ya fue este ha si porque esta son entre cuando muy sin sobre ser tiene tambien "
    "hasta hay donde han quien estan desde todo nos todos uno les ni contra otros ese eso "
    "habia ante ellos esto antes algunos unos yo otro otras otra el tanto esa estos mucho "
    "nada muchos cual sea poco ella estar estas estaba estamos algo mi mis tu tus te ti "
    "esos esas estoy llevo sigo hace hola gracias porfa ayer hoy nunca ningun ninguna aun "
    "todavia pedido dias semanas mes meses dinero cuenta compra tienda llego llega ahora "
    "siempre bien mal solo tengo tienen quiero puedo nadie jaja vez veces buenas dia "
    "porque ustedes usted alguien"
)
EN_WORDS = word_set(
    "the and to of i is it you that my for this was with on have be are your but they "
    "what so at just get all do can if from been still has will an or would about there "
    "why how when again their them we our order waiting thanks please hours days week "
    "weeks it's its im ive dont cant wont didnt doesnt isnt never nobody anyone someone "
    "since yet got out back now today yesterday who had not any one really very guys am "
    "does did were wait service worst awful great love thank support customer help "
    "delivery package refund charged broken waiting amazing awesome best good bad nice "
    "fix received shipping"
)
_ES_CHARS = re.compile("[ñ¿¡áéíóúÑÁÉÍÓÚ]")


class LanguageGuesser:
    """Detects es/en/other; the langid model is loaded on first use, once per process."""

    _lock = threading.Lock()
    _identifier: PageIdentifier | None = None

    @classmethod
    def _langid(cls) -> PageIdentifier:
        if cls._identifier is None:
            with cls._lock:
                if cls._identifier is None:
                    from py3langid.langid import MODEL_FILE, LanguageIdentifier

                    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
                    ident.set_languages(LANGID_LANGS)
                    cls._identifier = PageIdentifier(ident)
        return cls._identifier

    def detect(self, prep: Prepared, hint: str | None = None) -> str:
        """es, en or other for a prepared post; ``hint`` is the network's language tag."""
        return self.detect_many([prep], [hint])[0]

    def detect_many(self, preps: Sequence[Prepared], hints: Sequence[str | None]) -> list[str]:
        """``detect`` for a page of posts, langid run once for all of them."""
        bodies = [" ".join(prep.words) for prep in preps if prep.words]
        scores = iter(ranked(self._langid(), bodies) if bodies else [])
        return [_decide(prep, (hint or "").lower()[:2] or None,
                        next(scores) if prep.words else {})
                for prep, hint in zip(preps, hints, strict=True)]


def _decide(prep: Prepared, hint: str | None, scores: dict[str, float]) -> str:
    """The language from langid's probabilities, the function words and the hint."""
    words = prep.words
    if not words:
        return hint if hint in ("es", "en") else "other"
    es = sum(1 for w in words if w in ES_WORDS)
    en = sum(1 for w in words if w in EN_WORDS)
    if _ES_CHARS.search(prep.clean):
        es += 1
    n = len(words)
    from .sentiment import spanish_lexicon

    lex = spanish_lexicon()
    es_lex = sum(1 for w in words if w in lex.words or w in lex.phrases)
    trust = min(1.0, n / 6.0)  # langid is unreliable on two or three words
    p_es, p_en = trust * scores.get("es", 0.0), trust * scores.get("en", 0.0)
    p_other = trust * max(0.0, 1.0 - scores.get("es", 0.0) - scores.get("en", 0.0))
    root = max(1.0, n**0.5)
    score_es = p_es + (0.35 * min(es, 3) + 0.2 * min(es_lex, 2)) / root
    score_en = p_en + 0.35 * min(en, 3) / root
    # A post with Spanish or English evidence is "other" only when langid is sure.
    score_other = p_other if p_other >= 0.6 * trust or es + en + es_lex == 0 else p_other - 0.4
    if hint == "es":
        score_es += 0.3
    elif hint == "en":
        score_en += 0.3
    elif hint:
        score_other += 0.3
    best = max(score_es, score_en, score_other)
    if best == score_es:
        return "es"
    if best == score_en:
        return "en"
    return "other"
