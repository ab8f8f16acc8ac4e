"""Which CSV column holds which field of a mention, guessed from headers in Spanish or English."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

# field -> (label for people, required)
FIELDS: dict[str, tuple[str, bool]] = {
    "text": ("Text", True),
    "author": ("Author handle", True),
    "author_name": ("Author name", False),
    "channel": ("Channel", False),
    "created_at": ("Date and time", True),
    "remote_id": ("Post id", False),
    "in_reply_to": ("In reply to (post id)", False),
    "url": ("Link", False),
    "status": ("Status", False),
}

# Normalised header words (no accents, lower case) that name each field, best first.
_GUESSES: dict[str, tuple[str, ...]] = {
    "text": ("text", "texto", "mensaje", "message", "contenido", "content", "comentario",
             "comment", "body", "cuerpo", "post", "tweet"),
    "author": ("author handle", "handle", "usuario", "user", "username", "autor", "author",
               "cuenta", "account", "screen name"),
    "author_name": ("author name", "nombre", "name", "display name", "nombre autor",
                    "nombre del autor", "cliente", "customer"),
    "channel": ("channel", "canal", "red", "network", "red social", "plataforma", "platform",
                "source", "fuente"),
    "created_at": ("created at", "created_at", "fecha", "date", "fecha y hora", "datetime",
                   "timestamp", "hora", "time", "publicado", "published"),
    "remote_id": ("id", "post id", "remote id", "message id", "id mensaje", "id del mensaje",
                  "identificador"),
    "in_reply_to": ("in reply to", "in_reply_to", "reply to", "en respuesta a", "respuesta a",
                    "parent", "padre", "thread", "hilo", "conversation", "conversacion"),
    "url": ("url", "link", "enlace", "permalink"),
    "status": ("status", "estado", "state"),
}


class MappingProblem(ValueError):
    """The column mapping cannot work with this file; the message says why."""


def normalise(header: str) -> str:
    plain = unicodedata.normalize("NFKD", header).encode("ascii", "ignore").decode()
    return " ".join(plain.lower().replace("_", " ").replace("-", " ").split())


@dataclass(frozen=True)
class ColumnMapping:
    """field name -> CSV column; plus the channel to use when no column names it."""

    columns: dict[str, str] = field(default_factory=dict)
    default_channel: str = "import"

    def validate(self, header: Iterable[str]) -> None:
        known = set(header)
        for name, column in self.columns.items():
            if name not in FIELDS:
                raise MappingProblem(f"unknown field {name!r}; use one of {', '.join(FIELDS)}")
            if column not in known:
                raise MappingProblem(f"the file has no column {column!r} (for {name}); its "
                                     f"columns are {', '.join(sorted(known))}")
        missing = [n for n, (_label, required) in FIELDS.items()
                   if required and n not in self.columns]
        if missing:
            raise MappingProblem(f"choose a column for {', '.join(missing)}")
        if not self.default_channel.strip() and "channel" not in self.columns:
            raise MappingProblem("choose a channel column or a channel name")


def guess(header: Iterable[str]) -> dict[str, str]:
    """A likely mapping from header names; each column is used once, exact names first."""
    columns = list(header)
    normalised = {c: normalise(c) for c in columns}
    chosen: dict[str, str] = {}
    used: set[str] = set()
    for exact in (True, False):
        for name, words in _GUESSES.items():
            if name in chosen:
                continue
            for word in words:
                match = next((c for c in columns if c not in used and (
                    normalised[c] == word if exact else word in normalised[c].split()
                    or normalised[c].startswith(word + " "))), None)
                if match is not None:
                    chosen[name] = match
                    used.add(match)
                    break
    return chosen


def parse_pairs(pairs: Iterable[str], header: Iterable[str]) -> dict[str, str]:
    """`field=Column` strings from the command line over the guessed mapping."""
    mapping = guess(header)
    for pair in pairs:
        name, sep, column = pair.partition("=")
        if not sep or not name.strip():
            raise MappingProblem(f"{pair!r} is not field=Column (e.g. text=Mensaje)")
        if column.strip():
            mapping[name.strip()] = column.strip()
        else:
            mapping.pop(name.strip(), None)  # "field=" unmaps a wrong guess
    return mapping


def describe(mapping: Mapping[str, str]) -> str:
    return ", ".join(f"{n}={c}" for n, c in mapping.items())
