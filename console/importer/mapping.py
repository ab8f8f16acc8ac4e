"""Which CSV column holds which field of a mention, guessed from headers in Spanish or English."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from console.i18n import QT_TRANSLATE_NOOP, translate

# field -> (label for people, required); labels are translated where shown (field_label).
FIELDS: dict[str, tuple[str, bool]] = {
    "text": (QT_TRANSLATE_NOOP("CsvImport", "Text"), True),
    "author": (QT_TRANSLATE_NOOP("CsvImport", "Author handle"), True),
    "author_name": (QT_TRANSLATE_NOOP("CsvImport", "Author name"), False),
    "channel": (QT_TRANSLATE_NOOP("CsvImport", "Channel"), False),
    "created_at": (QT_TRANSLATE_NOOP("CsvImport", "Date and time"), True),
    "remote_id": (QT_TRANSLATE_NOOP("CsvImport", "Post id"), False),
    "in_reply_to": (QT_TRANSLATE_NOOP("CsvImport", "In reply to (post id)"), False),
    "url": (QT_TRANSLATE_NOOP("CsvImport", "Link"), False),
    "status": (QT_TRANSLATE_NOOP("CsvImport", "Status"), False),
}


def field_label(name: str) -> str:
    """A field's name for people, in the console's language."""
    known = FIELDS.get(name)
    return translate("CsvImport", known[0]) if known else name

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

    def missing(self) -> list[str]:
        """The required fields no column was chosen for."""
        return [n for n, (_label, required) in FIELDS.items()
                if required and n not in self.columns]

    def validate(self, header: Iterable[str]) -> None:
        known = set(header)
        for name, column in self.columns.items():
            if name not in FIELDS:
                raise MappingProblem(translate(
                    "CsvImport", "unknown field {field}; use one of {fields}").format(
                    field=repr(name), fields=", ".join(FIELDS)))
            if column not in known:
                raise MappingProblem(translate(
                    "CsvImport", "the file has no column {column} (for {field}); its columns "
                    "are {columns}").format(column=repr(column), field=name,
                                            columns=", ".join(sorted(known))))
        missing = self.missing()
        if missing:
            raise MappingProblem(translate("CsvImport", "choose a column for {fields}").format(
                fields=", ".join(missing)))
        if not self.default_channel.strip() and "channel" not in self.columns:
            raise MappingProblem(translate("CsvImport",
                                           "choose a channel column or a channel name"))


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
