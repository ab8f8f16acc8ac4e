"""Cue tables: phrase patterns with a label and a weight, matched on folded text.

The tables live in ``resources/lexicons/*_cues.tsv`` (format documented in each file and in
``resources/lexicons/README.md``). Each pattern is one regular expression; a table indexes
its patterns by the words they need (``CueTable``), so a post only runs the few that can
match it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from console.resources import resource_path

from .text import fold_word

_JOIN = r"[\W_]+"
_GAP = r"(?:[\W_]+\w+){0,3}[\W_]+"


@dataclass(frozen=True, slots=True)
class Cue:
    """One pattern of a table: its language, label (reason, kind...) and weight."""

    lang: str
    label: str
    weight: float
    pattern: str


@dataclass(frozen=True, slots=True)
class CueHit:
    """A cue found in a post."""

    label: str
    weight: float
    lang: str
    text: str


def _alt_regex(alt: str) -> str:
    if alt == "#":
        return r"\d+"
    if "_" in alt:
        return _JOIN.join(_alt_regex(w) for w in alt.split("_") if w)
    alt = fold_word(alt)
    prefix = alt.endswith("*") and len(alt) > 1
    core = alt[:-1] if prefix else alt
    body = re.escape(core) + (r"\w*" if prefix else "")
    if core[:1].isalnum():
        body = r"\b" + body
    if core[-1:].isalnum() and not prefix:
        body += r"\b"
    return body


def _word_regex(word: str) -> str:
    alts = [_alt_regex(alt) for alt in word.split("|")]
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def compile_pattern(pattern: str) -> str:
    """Turns a table pattern into a regular expression (no capturing groups).

    ``a|b`` chooses one word; ``a_b|c`` chooses the phrase "a b" or "c"; ``~`` allows up
    to three words in between; ``word*`` is a prefix; ``#`` is any number.
    """
    parts: list[str] = []
    pending_gap = False
    for word in pattern.split():
        if word == "~":
            pending_gap = True
            continue
        if parts:
            parts.append(_GAP if pending_gap else _JOIN)
        pending_gap = False
        parts.append(_word_regex(word))
    return "".join(parts)


_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"\d+")
_TextIndex = tuple[frozenset[str], dict[str, list[int]]]
_indexed: dict[str, _TextIndex] = {}
_INDEXED_TEXTS = 256  # a page of posts (every table reads each post of a page once or twice)


def _read(folded: str) -> _TextIndex:
    """Index keys of a text, and where each key's words start; kept for the texts of the
    last page or so, since every table reads the same posts."""
    known = _indexed.get(folded)
    if known is not None:
        return known
    starts: dict[str, list[int]] = {}
    for word in _WORD.finditer(folded):
        starts.setdefault(word.group()[:3], []).append(word.start())
    keys = set(starts)
    if _DIGIT.search(folded):
        keys.add("#")
        # A number (``\d+``) can start a match only where a run of digits starts: from
        # inside a run it meets what follows the run just as from its first digit.
        starts["#"] = [run.start() for run in _DIGITS.finditer(folded)]
    if len(_indexed) >= _INDEXED_TEXTS:
        _indexed.clear()
    found = _indexed[folded] = (frozenset(keys), starts)
    return found


def _anchors(pattern: str) -> set[str] | None:
    """Keys (first three letters of each possible first word) a text must contain for the
    pattern to match; None when the pattern can start with a number or a symbol."""
    first = pattern.split()[0]
    keys: set[str] = set()
    for alt in first.split("|"):
        if alt == "#":
            keys.add("#")
            continue
        run = _WORD.match(fold_word(alt).replace("_", " "))
        if run is None:
            return None
        keys.add(run.group()[:3])
    return keys


def _starts_at_words(pattern: str) -> bool:
    """Whether every match of the pattern starts where a word of the text starts with one
    of its anchor keys (or a run of digits, for a number ``#``), so it can be tried there
    alone instead of scanned for: its first word is letters, digits or a number (not a
    symbol) and no prefix shorter than three letters ("no*" also starts "nothing", whose
    key is "not")."""
    for alt in pattern.split()[0].split("|"):
        if alt == "#":
            continue
        folded = fold_word(alt).replace("_", " ")
        run = _WORD.match(folded)
        if run is None or (len(run.group()) < 3 and folded[len(run.group()):][:1] == "*"):
            return False
    return True


def _word_keys(word: str) -> frozenset[str] | None:
    """Keys one of which a text must contain for this word of a pattern to match, or None
    when the word cannot say (a prefix under three letters, a symbol)."""
    keys: set[str] = set()
    for alt in word.split("|"):
        if alt == "#":
            keys.add("#")
            continue
        folded = fold_word(alt).replace("_", " ")
        run = _WORD.match(folded)
        if run is None:
            return None
        first = run.group()
        # "no*" also matches "nothing", whose key is "not": too short a prefix to say.
        if len(first) < 3 and folded[len(first):len(first) + 1] == "*":
            return None
        keys.add(first[:3])
    return frozenset(keys)


def _needs(pattern: str) -> tuple[frozenset[str], ...]:
    """For every word of the pattern after the first, the keys one of which must be in a
    text for the pattern to match (a word boundary starts every word of a match)."""
    needs = []
    for word in pattern.split()[1:]:
        if word == "~":
            continue
        keys = _word_keys(word)
        if keys is not None:
            needs.append(keys)
    return tuple(needs)


class CueTable:
    """A compiled cue table; ``find`` returns the cues present in folded text.

    Each pattern is indexed by the first letters of the words it can start with, so a post
    is only tried against the few patterns whose first word it contains; of those, a
    pattern one of whose other words the post lacks is not run either. A pattern that can
    only start at such a word is matched at those words' positions rather than scanned
    along the whole text (the same matches, found in a fraction of the time).
    """

    def __init__(self, cues: list[Cue]) -> None:
        self.cues = cues
        self._regex = [re.compile(compile_pattern(c.pattern)) for c in cues]
        self._needs = [_needs(c.pattern) for c in cues]
        # The keys a pattern's matches start at, when they can only start at one.
        self._start_keys = [
            frozenset(_anchors(c.pattern) or ()) if _starts_at_words(c.pattern) else None
            for c in cues]
        self._anchored: dict[str, dict[str, list[int]]] = {}
        self._always: dict[str, list[int]] = {}
        for i, cue in enumerate(cues):
            keys = _anchors(cue.pattern)
            if keys is None:
                self._always.setdefault(cue.lang, []).append(i)
                continue
            table = self._anchored.setdefault(cue.lang, {})
            for key in keys:
                table.setdefault(key, []).append(i)
        # Per language, the keys some pattern starts with: a post's keys are intersected
        # with them in one set operation instead of looked up one by one.
        self._starts = {lang: frozenset(table) for lang, table in self._anchored.items()}

    @classmethod
    def from_file(cls, path: Path) -> CueTable:
        """Reads ``lang<TAB>label<TAB>weight<TAB>pattern`` lines (# starts a comment line)."""
        cues: list[Cue] = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 4:
                raise ValueError(f"{path.name}:{number}: expected 4 tab-separated fields")
            lang, label, weight, pattern = (f.strip() for f in fields)
            cues.append(Cue(lang, label, float(weight), pattern))
        return cls(cues)

    def _lacks(self, keys: frozenset[str], i: int) -> bool:
        # A plain loop: any() over a generator costs more than the regex it saves here.
        for need in self._needs[i]:  # noqa: SIM110
            if keys.isdisjoint(need):
                return True
        return False

    def find(self, folded: str, langs: tuple[str, ...]) -> list[CueHit]:
        """All cue matches for the given languages ("*" cues always apply)."""
        keys, word_starts = _read(folded)
        hits: list[CueHit] = []
        for lang in (*langs, "*"):
            chosen: set[int] = set(self._always.get(lang, ()))
            starts = self._starts.get(lang)
            if starts:
                table = self._anchored[lang]
                for key in keys & starts:
                    chosen.update(table[key])
            for i in sorted(chosen):
                if self._lacks(keys, i):
                    continue  # a word the pattern needs is not in the post: no match
                cue, regex, start_keys = self.cues[i], self._regex[i], self._start_keys[i]
                if start_keys is None:
                    found = [m.group() for m in regex.finditer(folded)]
                else:
                    found = _matches_at(regex, folded, start_keys & keys, word_starts)
                hits.extend(CueHit(cue.label, cue.weight, lang, text) for text in found)
        return hits


def _matches_at(regex: re.Pattern[str], folded: str, start_keys: frozenset[str],
                word_starts: dict[str, list[int]]) -> list[str]:
    """What ``regex.finditer`` finds, trying only the positions where the matches can
    start (the words whose keys are ``start_keys``, all in the text): left to right, none
    overlapping the one before."""
    if len(start_keys) == 1:
        positions = word_starts[next(iter(start_keys))]  # in order already
    else:
        positions = sorted(p for key in start_keys for p in word_starts.get(key, ()))
    found = []
    end = 0
    for position in positions:
        if position < end:
            continue
        m = regex.match(folded, position)
        if m is not None:
            found.append(m.group())
            end = m.end()
    return found


@cache
def cue_table(name: str) -> CueTable:
    """A table from ``resources/lexicons/<name>.tsv``, loaded once per process."""
    return CueTable.from_file(resource_path("lexicons", f"{name}.tsv"))


def best_per_label(hits: list[CueHit], primary: str | None = None) -> dict[str, float]:
    """Strongest weight per label; cues of a language other than ``primary`` count 80%."""
    best: dict[str, float] = {}
    for hit in hits:
        weight = hit.weight if primary is None or hit.lang in (primary, "*") else hit.weight * 0.8
        old = best.get(hit.label)
        if old is None or abs(weight) > abs(old):
            best[hit.label] = weight
    return best
