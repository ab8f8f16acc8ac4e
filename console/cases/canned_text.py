"""The text side of canned replies: variables, filling them, stacking several bodies.

A body holds variables as ``{word}`` (``{nombre}``, ``{agente}``, ``{numero_pedido}`` or any
other word); ``{{`` and ``}}`` stand for literal braces. Anything else (a lone brace, an
emoticon like ``:-{``) is plain text. Nothing here touches the database.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from console.trust.unicode import shown

# {{ and }} first, so "{{nombre}}" is the literal text "{nombre}", never a variable.
_TOKEN = re.compile(r"\{\{|\}\}|\{(\w{1,40})\}")

KNOWN = ("nombre", "agente", "numero_pedido")
# English spellings a team may prefer in its English replies.
ALIASES = {"name": "nombre", "agent": "agente", "order_number": "numero_pedido"}

_MARKUP = re.compile(r"<[^>]{0,200}>")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# An order number near a word that says so: "pedido 48213", "order #A-1234", "nº 5521".
_ORDER = re.compile(
    r"(?:pedido|orden|compra|order|n[º°o]\.?)\s*(?:n[º°o]\.?\s*|n[úu]mero\s*|number\s*|#\s*|:\s*)?"
    r"([A-Z]{0,3}-?\d{4,12})\b",
    re.IGNORECASE,
)
_HASH_NUMBER = re.compile(r"#([A-Z]{0,3}-?\d{4,12})\b")


def variables(body: str) -> list[str]:
    """The variables a body uses, each once, in order of first use."""
    seen: list[str] = []
    for match in _TOKEN.finditer(body):
        name = match.group(1)
        if name and name not in seen:
            seen.append(name)
    return seen


def missing(body: str, values: Mapping[str, str]) -> list[str]:
    """Variables of `body` without a (non-blank) value."""
    return [name for name in variables(body) if not lookup(values, name)]


def lookup(values: Mapping[str, str], name: str) -> str:
    value = values.get(name)
    if value is None and name in ALIASES:
        value = values.get(ALIASES[name])
    return (value or "").strip()


def fill(body: str, values: Mapping[str, str]) -> str:
    """The body with every variable that has a value replaced, and braces unescaped.

    A variable without a value stays as ``{name}`` so the agent sees what is left to fill.
    """

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        value = lookup(values, match.group(1))
        return value if value else token

    return _TOKEN.sub(replace, body)


def escape(text: str) -> str:
    """Plain text made safe to put into a body (braces doubled)."""
    return text.replace("{", "{{").replace("}", "}}")


def _paragraphs(body: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", body.strip()) if p.strip()]


def stack(bodies: Iterable[str]) -> str:
    """Several bodies as one reply: paragraphs separated by a blank line.

    Stacked answers often share a greeting and a sign-off: a later body's first paragraph
    equal to the first body's is dropped, and a sign-off shared with the next body is kept
    only at the very end, so "Hola {nombre}, ... Un saludo" twice reads as one message.
    """
    pieces = [_paragraphs(b) for b in bodies]
    pieces = [p for p in pieces if p]
    if not pieces:
        return ""
    greeting = pieces[0][0]
    out: list[list[str]] = []
    for index, paras in enumerate(pieces):
        paras = list(paras)
        if index > 0 and len(paras) > 1 and paras[0] == greeting:
            paras = paras[1:]
        nxt = pieces[index + 1] if index + 1 < len(pieces) else None
        if nxt is not None and len(paras) > 1 and len(nxt) > 1 and paras[-1] == nxt[-1]:
            paras = paras[:-1]
        out.append(paras)
    return "\n\n".join(p for paras in out for p in paras)


def first_name(display_name: str, handle: str = "") -> str:
    """How to greet someone: the first word of their display name, else their handle."""
    # Hidden and direction-changing characters never reach a reply (console/trust/unicode.py).
    cleaned = _MARKUP.sub(" ", shown(unicodedata.normalize("NFC", display_name or ""), 400))
    match = _WORD.search(cleaned)
    if match:
        return match.group(0).rstrip(".-'’")[:40]
    user = shown(handle or "", 400).lstrip("@").split("@")[0]
    return user[:40]


def order_number(texts: Iterable[str]) -> str:
    """The first order number mentioned in `texts` (searched in the order given), or ""."""
    for text in texts:
        for pattern in (_ORDER, _HASH_NUMBER):
            match = pattern.search(text or "")
            if match:
                return match.group(1).upper()
    return ""


def fold(text: str) -> str:
    """Lower case without accents, for matching what an agent types."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
