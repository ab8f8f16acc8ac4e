"""Spotting impersonators: authors whose handle or name imitates one of the brand's accounts.

An attacker answers an unhappy customer as "@ventaIia" (a capital i for the l) or as
"Ventaliа Atención al Cliente" (a Cyrillic а) and asks for card numbers. Both are folded
here to a *skeleton*: look-alike letters of the Latin, Cyrillic and Greek alphabets and
look-alike digits become one letter, hidden characters, accents, case, separators and
doubled letters go. An author whose skeleton matches a brand account's, or who pairs the
brand's name with a word like "support", and is not that account, is a possible
impersonator; :func:`check` says why in one sentence the agent can read.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

# Look-alikes to the Latin letter they imitate (lower case; capitals are folded first,
# except the few capitals that imitate another lower-case letter, listed here).
_CAPITALS = {
    "I": "l", "Ι": "l", "І": "l", "Ӏ": "l", "|": "l", "ǀ": "l", "ℓ": "l",
}  # fmt: skip
_LETTERS = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "e", "һ": "h", "н": "h", "і": "i", "ї": "i",
    "ј": "j", "к": "k", "м": "m", "о": "o", "р": "p", "с": "c", "ѕ": "s", "т": "t",
    "у": "y", "ў": "y", "х": "x", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ь": "b", "ɡ": "g",
    "п": "n", "г": "r", "ӏ": "l",
    # Greek
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "μ": "u", "ν": "v",
    "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "γ": "y", "ζ": "z",
    "ϲ": "c", "ϳ": "j",
    # Latin extensions and symbols
    "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŀ": "l", "ſ": "s", "ƅ": "b",
    "ɑ": "a", "ɩ": "i", "ʋ": "v", "ꞵ": "b", "@": "a", "$": "s",
    # Digits
    "0": "o", "1": "l", "2": "z", "3": "e", "4": "a", "5": "s", "6": "b", "7": "t",
    "8": "b", "9": "g",
}  # fmt: skip
# Letter pairs that read as one letter at a glance.
_PAIRS = (("rn", "m"), ("vv", "w"), ("cl", "d"))
# Words that turn "<brand>" into "<brand> the official help desk".
_ROLE_WORDS = (
    "support", "soporte", "suporte", "help", "helpdesk", "ayuda", "staff", "team", "equipo",
    "oficial", "official", "care", "atencion", "cliente", "clientes", "customer",
    "service", "servicio", "servicios", "info", "contact", "contacto", "verified",
    "verificado", "admin", "hq", "reembolso", "refund", "refunds",
)  # fmt: skip
_MIN_LENGTH = 4  # shorter skeletons match too much by chance
# Characters of a handle or a name looked at: an impersonator must read as the brand at a
# glance, so the start is what counts, and folding a name of a million characters froze
# the window. Names are stored capped below this (console.trust.unicode.NAME_LIMIT).
LOOKED_AT = 600
_QUOTED = 80  # characters of a name quoted in a reason


def _visible(text: str) -> str:
    """``text`` in NFKC without format and control characters (zero-width, RTL marks)."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if unicodedata.category(ch) not in {"Cf", "Cc"})


def _fold_char(ch: str) -> str:
    if ch in _CAPITALS:
        return _CAPITALS[ch]
    low = _LETTERS.get(ch.lower(), ch.lower())
    base = "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))
    # i, l, I, 1 and | are one stroke at a glance: all of them fold to l.
    return "".join(_LETTERS.get(c, c) for c in base).replace("i", "l")


def skeleton(text: str) -> str:
    """The folded form two look-alike names share (``"VentaIia"`` -> ``"ventalia"``)."""
    folded = "".join(_fold_char(ch) for ch in _visible(text))
    folded = "".join(ch for ch in folded if ch.isalnum())
    for pair, single in _PAIRS:
        folded = folded.replace(pair, single)
    return re.sub(r"(.)\1+", r"\1", folded)


def _words(text: str) -> list[str]:
    """Skeletons of the words of ``text``, in order, without short filler ("de", "al")."""
    folded = "".join(_fold_char(ch) if ch.isalnum() else " " for ch in _visible(text))
    return [key for word in folded.split() if len(key := skeleton(word)) > 2]


_ROLE_SKELETONS = frozenset(skeleton(word) for word in _ROLE_WORDS)


@dataclass(frozen=True)
class BrandIdentity:
    """One of the brand's own accounts: who may legitimately use the brand's name."""

    channel: str
    handle: str  # e.g. "ventalia" (local to ``host``) or "ventalia@host"
    display_name: str
    remote_id: str = ""
    host: str = ""

    @property
    def username(self) -> str:
        return self.handle.lstrip("@").split("@", 1)[0]


@dataclass(frozen=True)
class Lookalike:
    """Why an author looks like one of the brand's accounts without being it."""

    brand: BrandIdentity
    reason: str  # one sentence, e.g. "the handle @ventaIia imitates @ventalia (I for l)"

    @property
    def warning(self) -> str:
        return f"Possible impersonator: {self.reason}."


def _is_brand(brand: BrandIdentity, channel: str, remote_id: str, handle: str) -> bool:
    if channel != brand.channel:
        return False
    if brand.remote_id and remote_id == brand.remote_id:
        return True
    own = {brand.handle.lower().lstrip("@")}
    if brand.host:
        own.add(f"{brand.username}@{brand.host}".lower())
    return handle.lower().lstrip("@") in own


def _char_name(ch: str) -> str:
    name = unicodedata.name(ch, "").lower()
    if not name:
        return f"U+{ord(ch):04X}"
    for script in ("cyrillic", "greek", "latin"):
        if name.startswith(script + " "):
            rest = name[len(script) + 1:].replace("small letter ", "").replace(
                "capital letter ", "capital ")
            return f"{script.capitalize()} {rest}"
    return name


def _show(ch: str) -> str:
    if ch.isascii() and ch.isalnum():
        if ch.isupper():
            return f"capital {ch}"
        return ch if not ch.isdigit() else f"the digit {ch}"
    return f"{ch} ({_char_name(ch)})"


def _differences(candidate: str, original: str) -> str:
    """A short note on what was swapped, e.g. "I for l", or "" when nothing is clear."""
    shown = _visible(candidate)
    notes: list[str] = []
    if len(shown) != len(candidate.strip()):
        notes.append("hidden characters")
    if len(shown) == len(original) and shown.lower() != original.lower():
        for got, want in zip(shown, original, strict=True):
            if got.lower() != want.lower() and len(notes) < 3:
                notes.append(f"{_show(got)} for {want}")
    elif any(not ch.isascii() for ch in shown):
        odd = [ch for ch in shown if ch.isalpha() and not ch.isascii()
               and _fold_char(ch) != unicodedata.normalize("NFKD", ch.lower())[:1]]
        notes.extend(f"{_show(ch)}" for ch in dict.fromkeys(odd))
    return ", ".join(notes[:3])


def _quote(text: str) -> str:
    """A name as a reason quotes it: stripped, and cut when long."""
    text = text.strip()
    return text if len(text) <= _QUOTED else text[: _QUOTED - 1] + "…"


def _explain(what: str, candidate: str, brand_text: str, brand_shown: str) -> str:
    note = _differences(candidate, brand_text)
    reason = f"the {what} “{_quote(candidate)}” imitates the brand's {brand_shown}"
    return f"{reason} ({note})" if note else reason


def _brand_beside_role(words: list[str], brand_key: str) -> bool:
    """Whether the brand's name stands right next to a word like "support"."""
    for i, word in enumerate(words):
        if word == brand_key:
            beside = words[max(i - 1, 0):i] + words[i + 1:i + 2]
            if any(other in _ROLE_SKELETONS for other in beside):
                return True
    return False


def _check_handle(brand: BrandIdentity, handle: str, username: str, server: str,
                  user_key: str) -> Lookalike | None:
    brand_user = skeleton(brand.username)
    at_brand = f"@{brand.username}"
    if len(brand_user) < _MIN_LENGTH:
        return None
    if user_key == brand_user:
        if username == brand.username and server:
            return Lookalike(brand, f"the handle @{handle} copies the brand's {at_brand} "
                                    f"on another server ({server})")
        return Lookalike(brand, _explain("handle", "@" + username, at_brand, at_brand))
    for role in _ROLE_SKELETONS:
        if user_key in (brand_user + role, role + brand_user):
            return Lookalike(brand, f"the handle @{username} pairs the brand's name "
                                    "with an official-sounding word")
    return None


def _check_name(brand: BrandIdentity, display_name: str, name_key: str,
                name_words: list[str]) -> Lookalike | None:
    brand_user = skeleton(brand.username)
    shown = " ".join(_visible(display_name).split())
    for target in (brand.display_name, brand.username):
        key = skeleton(target)
        if len(key) < _MIN_LENGTH or name_key != key:
            continue
        if shown.casefold() == target.strip().casefold():
            return Lookalike(brand, f"the name “{_quote(shown)}” is the brand's own name")
        return Lookalike(brand, _explain("name", display_name, target, f"“{target}”"))
    if len(brand_user) >= _MIN_LENGTH and _brand_beside_role(name_words, brand_user):
        return Lookalike(brand, f"the name “{_quote(shown)}” presents itself as the brand's "
                                f"@{brand.username}")
    return None


def check(channel: str, remote_id: str, handle: str, display_name: str,
          brands: Iterable[BrandIdentity]) -> Lookalike | None:
    """Whether this author imitates one of ``brands`` (and is not one of them)."""
    brands = list(brands)
    handle, display_name = handle[:LOOKED_AT], display_name[:LOOKED_AT]
    if any(_is_brand(b, channel, remote_id, handle) for b in brands):
        return None
    username = handle.lstrip("@").split("@", 1)[0]
    server = handle.lstrip("@").split("@", 1)[1] if "@" in handle.lstrip("@") else ""
    user_key, name_key = skeleton(username), skeleton(display_name)
    name_words = _words(display_name)
    for brand in brands:
        found = _check_handle(brand, handle, username, server, user_key) or _check_name(
            brand, display_name, name_key, name_words)
        if found is not None:
            return found
    return None


def brands_from_accounts(accounts: Iterable[object]) -> list[BrandIdentity]:
    """Brand identities from stored accounts (anything with kind, handle, display_name,
    remote_id and base_url, e.g. ``AccountInfo``)."""
    found = []
    for account in accounts:
        handle = str(getattr(account, "handle", "") or "")
        if not handle:
            continue
        base_url = str(getattr(account, "base_url", "") or "")
        host = base_url.split("://", 1)[-1].split("/", 1)[0].lower()
        found.append(BrandIdentity(
            channel=str(getattr(account, "kind", "")), handle=handle,
            display_name=str(getattr(account, "display_name", "") or ""),
            remote_id=str(getattr(account, "remote_id", "") or ""), host=host))
    return found


class LookalikeCheck:
    """Checks authors against the brand accounts of a workspace, for the panels and the CLI.

    ``list_accounts`` returns the stored accounts (e.g. ``AccountService.list``); they are
    read again at most every ``ttl`` seconds, so a thread of fifty posts costs one read.
    """

    def __init__(self, list_accounts: Callable[[], Iterable[object]], ttl: float = 5.0) -> None:
        self._list_accounts = list_accounts
        self._ttl = ttl
        self._brands: list[BrandIdentity] = []
        self._read_at = float("-inf")

    def brands(self) -> list[BrandIdentity]:
        now = time.monotonic()
        if now - self._read_at > self._ttl:
            self._brands = brands_from_accounts(self._list_accounts())
            self._read_at = now
        return self._brands

    def forget(self) -> None:
        """Read the accounts again next time (one was added or removed)."""
        self._read_at = float("-inf")

    def check(self, channel: str, remote_id: str, handle: str,
              display_name: str) -> Lookalike | None:
        return check(channel, remote_id, handle, display_name, self.brands())

    def warning(self, channel: str, remote_id: str, handle: str, display_name: str) -> str:
        """The one-sentence warning for this author, or "" when they imitate no one."""
        found = self.check(channel, remote_id, handle, display_name)
        return found.warning if found else ""
