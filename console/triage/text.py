"""Turning a raw post into what the scorers read: clean text, folded text and tokens.

Folding is what makes matching accent-insensitive and typo-tolerant at no cost: lower case,
accents stripped, apostrophes dropped, letters repeated three or more times collapsed
("muuuy" -> "muy"), and a few chat spellings expanded ("q" -> "que", "u" -> "you").
The tokenizer is a single tweet-aware regular expression (URLs, handles, hashtags,
emoticons, emoji, words, numbers), about ten times faster than nltk's TweetTokenizer,
which matters at thousands of posts a second.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

# Work is capped so a 1 MB post costs the same as a long one.
MAX_RAW_CHARS = 20_000
MAX_CHARS = 3_000

_TAG = re.compile(r"<[^<>]{0,500}>")
_SPACE = re.compile(r"\s+")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_HANDLE = re.compile(r"(?<!\w)@\w+")
_HASHTAG = re.compile(r"(?<!\w)#(\w+)")
_REPEAT3 = re.compile(r"(.)\1{2,}")
_LAUGH = re.compile(r"\b([jh])[aeiou](?:\1[aeiou])+\1?\b|\bj[sk]j[sjk]*\b|\blo+l\b")
_EMOJI_MOD = re.compile("[\ufe0f\u200d\U0001f3fb-\U0001f3ff]")

_EMOTICON = (
    r"(?<![\w:/])(?:[<>]?[:;=][\-o*']?[()\[\]dDpP/\\|*3@]+|[xX][dD]+|</?3|[)(][\-o']?[:;=]|D:)"
    r"(?![\w/])"
)
_EMOJI = "[\U0001f000-\U0001faff\u2600-\u27bf\u2b50\u2b55\u231a-\u23ff\u2190-\u21ff\u2764\u2665]"
_TOKEN = re.compile(
    r"(?:https?://|www\.)\S+"  # url
    r"|(?<!\w)[@#]\w+"  # handle or hashtag
    rf"|{_EMOTICON}"
    rf"|{_EMOJI}"
    r"|\d+(?:[.,:/]\d+)*%?"  # number
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*"  # word
    r"|\.\.+|…|[!?¿¡]+|[.,;:$+%]",
    re.IGNORECASE,
)
_EMOJI_RE = re.compile(_EMOJI)
_EMOTICON_RE = re.compile(_EMOTICON)
_CAMEL = re.compile(r"[A-ZÁÉÍÓÚÑ]?[a-záéíóúñü]+|[A-ZÁÉÍÓÚÑ]+(?![a-z])|\d+")

_ACCENTS = str.maketrans(
    "áéíóúüàèìòùâêîôûäëïöñçÁÉÍÓÚÜÀÈÌÒÙÂÊÎÔÛÄËÏÖÑÇ’`´",
    "aeiouuaeiouaeiouaeioncAEIOUUAEIOUAEIOUAEIONC'''",
)

SLANG = {
    # Spanish chat spellings
    "q": "que",
    "k": "que",
    "ke": "que",
    "xq": "porque",
    "pq": "porque",
    "porq": "porque",
    "xk": "porque",
    "tb": "tambien",
    "tmb": "tambien",
    "tbn": "tambien",
    "x": "por",
    "d": "de",
    "pa": "para",
    "dnd": "donde",
    "xfa": "por favor",
    "porfis": "porfa",
    "nd": "nada",
    "npi": "ni idea",
    "sq": "es que",
    "bn": "bien",
    "mña": "manana",
    # English chat spellings
    "u": "you",
    "ur": "your",
    "r": "are",
    "pls": "please",
    "plz": "please",
    "thx": "thanks",
    "thnx": "thanks",
    "ppl": "people",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "idk": "i dont know",
    "rn": "right now",
    "tho": "though",
    "srsly": "seriously",
    "hrs": "hours",
    "mins": "minutes",
    "wks": "weeks",
    "yr": "year",
}
_SLANG_RE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, SLANG), key=len, reverse=True)) + r")\b"
)


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string."""
    return frozenset(text.split())


def strip_markup(text: str) -> str:
    """Removes HTML tags and entities left by feeds and web pages; caps the length."""
    if len(text) > MAX_RAW_CHARS:
        text = text[:MAX_RAW_CHARS]
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    text = _SPACE.sub(" ", text).strip()
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
    return text


def fold(text: str) -> str:
    """Lower case, no accents, no apostrophes, long letter runs collapsed, slang expanded."""
    text = text.lower().translate(_ACCENTS).replace("'", "")
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    text = _REPEAT3.sub(r"\1", text)
    if "j" in text or "h" in text or "l" in text:
        text = _LAUGH.sub("jaja", text)
    return _SLANG_RE.sub(lambda m: SLANG[m.group(1)], text)


def fold_word(word: str) -> str:
    """Folds one word or phrase without slang expansion (used for lexicon entries)."""
    word = word.lower().translate(_ACCENTS).replace("'", "")
    return _REPEAT3.sub(r"\1", word)


_token_cache: dict[str, tuple[str, ...]] = {}


def fold_token(token: str) -> tuple[str, ...]:
    """Folds one word token (cached: the same words come back in every post)."""
    cached = _token_cache.get(token)
    if cached is None:
        cached = tuple(fold(token).split())
        if len(_token_cache) > 200_000:
            _token_cache.clear()
        _token_cache[token] = cached
    return cached


@dataclass(frozen=True, slots=True)
class Prepared:
    """A post ready for scoring.

    ``clean`` keeps case and accents (VADER and language id read it); ``folded`` is the
    matching form with URLs and handles removed; ``words`` are folded word tokens in order
    (hashtag bodies split into words); ``emoji`` are emoji and emoticons in order.
    """

    clean: str
    folded: str
    words: tuple[str, ...]
    emoji: tuple[str, ...]
    tokens: tuple[str, ...]
    urls: int
    handles: int
    hashtags: int
    exclamations: int
    questions: int
    caps_words: int


def prepare(raw: str) -> Prepared:
    """Cleans, folds and tokenizes a raw post (HTML or plain text) in one pass."""
    clean = strip_markup(raw or "")
    found = _TOKEN.findall(clean)
    words: list[str] = []
    emoji: list[str] = []
    tokens: list[str] = []
    urls = handles = hashtags = caps = 0
    for tok in found:
        first = tok[0]
        if first == "@":
            handles += 1
            continue
        if first in "hHwW" and _URL.match(tok):
            urls += 1
            continue
        if first == "#":
            hashtags += 1
            for part in _CAMEL.findall(tok[1:]):
                for piece in fold_token(part):
                    words.append(piece)
                    tokens.append(piece)
            continue
        if _EMOJI_RE.match(tok) or (tok[0] in ":;=<>xX)(D" and _EMOTICON_RE.fullmatch(tok)):
            sym = _EMOJI_MOD.sub("", tok)
            if sym:
                emoji.append(sym)
                tokens.append(sym)
            continue
        if tok.isalpha() or "'" in tok or "’" in tok:
            if len(tok) > 2 and tok.isupper():
                caps += 1
            for piece in fold_token(tok):
                words.append(piece)
                tokens.append(piece)
            continue
        tokens.append(tok.lower())
    body = _HANDLE.sub(" ", _URL.sub(" ", clean))
    if hashtags:
        body = _HASHTAG.sub(lambda m: " ".join(_CAMEL.findall(m.group(1))), body)
    folded = fold(_EMOJI_MOD.sub("", body))
    return Prepared(
        clean=clean,
        folded=folded,
        words=tuple(words),
        emoji=tuple(emoji),
        tokens=tuple(tokens),
        urls=urls,
        handles=handles,
        hashtags=hashtags,
        exclamations=clean.count("!"),
        questions=clean.count("?"),
        caps_words=caps,
    )
