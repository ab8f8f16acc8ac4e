"""Canned replies: the team's library of saved answers, and filling one in for a mention.

Each canned reply has a name, a unique shortcut (typed as ``/shortcut`` in the composer),
a language and a body with variables (see :mod:`console.cases.canned_text`). The library
lives in the workspace database, so every console of a team shares it. A small starter
library in Spanish and English is loaded the first time the library is used empty. The
statements are in :mod:`console.cases.queries`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Protocol

from peewee import IntegrityError

from console.cases import canned_text, queries
from console.i18n import translate
from console.mentions import queries as mentions
from console.resources import resource_path
from console.store.db import Store
from console.store.models import CannedReply
from console.store.timeutil import from_db, utcnow

SHORTCUT = re.compile(r"^[\w-]{1,40}$")
SEEDED_KEY = "canned_seeded"


class CannedError(ValueError):
    """A canned reply cannot be saved or found; the message says why."""


@dataclass(frozen=True)
class Canned:
    """One canned reply as the composer and the CLI see it."""

    id: int
    name: str
    shortcut: str
    lang: str
    body: str
    created_at: datetime
    updated_at: datetime

    @property
    def variables(self) -> list[str]:
        return canned_text.variables(self.body)


@dataclass(frozen=True)
class Rendered:
    """A body filled for one mention: the text, and the variables still without a value."""

    text: str
    missing: list[str]
    values: dict[str, str] = field(default_factory=dict)


def _info(row: CannedReply) -> Canned:
    created, updated = from_db(row.created_at), from_db(row.updated_at)
    assert created is not None and updated is not None
    return Canned(row.id, row.name, row.shortcut, row.lang, row.body, created, updated)


def clean_shortcut(shortcut: str) -> str:
    value = (shortcut or "").strip().lstrip("/").casefold()
    if not SHORTCUT.match(value):
        raise CannedError(translate("Canned", "“{shortcut}” is not a usable shortcut: use "
                                              "letters, digits, - or _ (up to 40), without "
                                              "spaces").format(shortcut=shortcut))
    return value


def _checked(name: str, body: str, lang: str) -> tuple[str, str, str]:
    name, lang = (name or "").strip(), (lang or "").strip().casefold()
    if not name:
        raise CannedError(translate("Canned", "a canned reply needs a name"))
    if not (body or "").strip():
        raise CannedError(translate("Canned", "a canned reply needs a body"))
    if len(lang) > 16:
        raise CannedError(translate("Canned", "“{lang}” is not a language code (like es or en)")
                          .format(lang=lang))
    return name[:255], body.strip("\n"), lang


# --- the library ------------------------------------------------------------------------------

def list_canned(lang: str | None = None) -> list[Canned]:
    return [_info(r) for r in queries.canned_rows(lang)]


def get_canned(ref: int | str) -> Canned | None:
    """By id, or by shortcut (with or without the slash)."""
    if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
        row = queries.canned_by_id(int(ref))
        if row is not None:
            return _info(row)
    if isinstance(ref, str):
        row = queries.canned_by_shortcut(ref.strip().lstrip("/").casefold())
        return _info(row) if row else None
    return None


def add_canned(store: Store, name: str, shortcut: str, body: str, lang: str = "") -> Canned:
    name, body, lang = _checked(name, body, lang)
    short = clean_shortcut(shortcut)
    now = utcnow()
    with store.write():
        taken = queries.canned_by_shortcut(short)
        if taken is not None:
            raise CannedError(translate("Canned", "the shortcut /{shortcut} is already used by "
                                                  "“{name}”").format(shortcut=short,
                                                                     name=taken.name))
        try:
            row = queries.insert_canned(name, short, lang, body, now)
        except IntegrityError:
            raise CannedError(translate("Canned", "the shortcut /{shortcut} is already used")
                              .format(shortcut=short)) from None
    return _info(row)


def update_canned(store: Store, canned_id: int, *, name: str | None = None,
                  shortcut: str | None = None, body: str | None = None,
                  lang: str | None = None) -> Canned:
    with store.write():
        row = queries.canned_by_id(canned_id)
        if row is None:
            raise CannedError(translate("Canned", "there is no canned reply {id}").format(
                id=canned_id))
        new_name, new_body, new_lang = _checked(
            row.name if name is None else name, row.body if body is None else body,
            row.lang if lang is None else lang)
        short = row.shortcut if shortcut is None else clean_shortcut(shortcut)
        taken = queries.canned_by_shortcut(short, except_id=canned_id)
        if taken is not None:
            raise CannedError(translate("Canned", "the shortcut /{shortcut} is already used by "
                                                  "“{name}”").format(shortcut=short,
                                                                     name=taken.name))
        queries.save_canned(row, new_name, short, new_body, new_lang, utcnow())
    return _info(row)


def remove_canned(store: Store, canned_id: int) -> bool:
    with store.write():
        return queries.delete_canned(canned_id)


def search_canned(query: str, lang: str | None = None, limit: int = 50,
                  prefer: str = "") -> list[Canned]:
    """Best matches first: shortcut prefix, then name word prefix, then anywhere. With
    `prefer` (the post's language), replies in that language come first, then those for
    any language, then the others (each group best match first)."""
    prefer = prefer.strip().casefold()
    wanted = canned_text.fold(query.strip().lstrip("/"))
    ranked: list[tuple[int, str, Canned]] = []
    for item in list_canned():
        if lang and item.lang not in (lang, ""):
            continue
        short, name = item.shortcut, canned_text.fold(item.name)
        if not wanted or short.startswith(wanted):
            rank = 0
        elif any(w.startswith(wanted) for w in name.split()):
            rank = 1
        elif wanted in short or wanted in name or wanted == item.lang:
            rank = 2
        else:
            continue
        ranked.append((rank, short, item))

    def fit(item: Canned) -> int:
        if not prefer:
            return 0
        return 0 if item.lang == prefer else 1 if not item.lang else 2

    ranked.sort(key=lambda t: (fit(t[2]), t[0], t[1]))
    return [item for _, _, item in ranked[:limit]]


def starter_library(path: Path | None = None) -> list[dict[str, str]]:
    data = json.loads((path or resource_path("canned", "starter.json")).read_text("utf-8"))
    return [dict(r) for r in data["replies"]]


def seed(store: Store, force: bool = False) -> int:
    """Load the starter library: once into an empty library, or (force) whatever is missing.

    Returns how many were added. After the first seeding an emptied library stays empty.
    """
    with store.write():
        done = queries.library_seeded(SEEDED_KEY)
        if not force and (done or not queries.library_empty()):
            return 0
        now = utcnow()
        added = 0
        for item in starter_library():
            if queries.canned_by_shortcut(item["shortcut"]) is None:
                queries.insert_canned(item["name"], item["shortcut"], item.get("lang", ""),
                                      item["body"], now)
                added += 1
        queries.mark_library_seeded(SEEDED_KEY, now)
    return added


# --- the service the composer and the CLI call ---------------------------------------------

class AgentSettings(Protocol):
    """The workspace setting canned replies read (console/app/settings.py `Settings`)."""

    agent_name: str  # fills {agente}; read on every use, so a change shows at once


class CannedService:
    """The canned-reply library, and the values of its variables for one mention."""

    def __init__(self, store: Store, settings: AgentSettings) -> None:
        self.store = store
        self.settings = settings
        self._seed_checked = False

    def _ensure_seeded(self) -> None:
        if not self._seed_checked:
            seed(self.store)
            self._seed_checked = True

    def entries(self, lang: str | None = None) -> list[Canned]:
        self._ensure_seeded()
        return list_canned(lang)

    def search(self, query: str, lang: str | None = None, limit: int = 50,
               prefer: str = "") -> list[Canned]:
        """Matching replies; those in the `prefer` language (the post's) first."""
        self._ensure_seeded()
        return search_canned(query, lang, limit, prefer)

    def get(self, ref: int | str) -> Canned | None:
        self._ensure_seeded()
        return get_canned(ref)

    def add(self, name: str, shortcut: str, body: str, lang: str = "") -> Canned:
        self._ensure_seeded()
        return add_canned(self.store, name, shortcut, body, lang)

    def update(self, canned_id: int, **changes: str | None) -> Canned:
        return update_canned(self.store, canned_id, **changes)

    def remove(self, canned_id: int) -> bool:
        return remove_canned(self.store, canned_id)

    def seed(self, force: bool = False) -> int:
        self._seed_checked = True
        return seed(self.store, force)

    def values_for(self, mention_id: int | None) -> dict[str, str]:
        """What the known variables are for a mention: nombre, agente, numero_pedido."""
        values = {"agente": self.settings.agent_name.strip()}
        detail = mentions.mention_detail(mention_id) if mention_id else None
        if detail is None:
            return values
        values["nombre"] = canned_text.first_name(detail.author.display_name,
                                                  detail.author.handle)
        root = detail.thread_root or detail.remote_id
        thread = [d for d in mentions.thread(detail.channel, root, detail.server)
                  if d.id != detail.id]
        # The mention itself first, then the customer's own posts newest first, then the rest.
        thread.sort(key=lambda d: (d.author.id != detail.author.id, -d.created_at.timestamp()))
        values["numero_pedido"] = canned_text.order_number(
            [detail.text, *(d.text for d in thread)])
        return {k: v for k, v in values.items() if v}

    def render(self, body: str, mention_id: int | None = None,
               extra: dict[str, str] | None = None) -> Rendered:
        """Fill `body` for a mention; `extra` values (typed by the agent) win."""
        values = {**self.values_for(mention_id), **{k: v for k, v in (extra or {}).items()
                                                     if v.strip()}}
        return Rendered(canned_text.fill(body, values), canned_text.missing(body, values),
                        values)
