"""Search on the team database (unaccent + trigram regex) finds exactly what SQLite's FTS5
finds for the same posts: the feed search box and the people searches."""

from __future__ import annotations

from pathlib import Path

from console.accounts import queries as accounts
from console.app.runtime import open_runtime
from console.feed import queries as feed
from console.feed.queries import FeedFilter
from console.people.queries import profiles
from console.sync.ingest import ingest
from tests.builders import make_author, make_post
from tests.team_db import write_team_settings

TEXTS = [
    "Quiero la devolución de mi dinero YA",
    "¿Cuándo llega el envío del pedido 48213?",
    "La cancelación no funciona, cancelé dos veces",
    "Atención al cliente: pésima. Devolveré el producto",
    "me encanta el nuevo catálogo de otoño",
    "Refund please, order #48213 never arrived",
    "El ENVIO gratis es mentira; pagué 4,95",
    "Ñandú y pingüino: los peluches llegaron rotos",
    "e-mail de confirmación sin recibir (pedido 77120)",
    "cancel my subscription, cancelling now",
]
NAMES = ["Ana Pérez", "José Núñez", "Lucía Méndez", "Ömer Çelik", "Zoë O'Brien"]
QUERIES = ["devolucion", "DEVOLUCIÓN", "devol", "envio", "envío pedido", "cancel", "cancelacion",
           "48213", "pinguino", "nandu", "perez", "nunez lu", "mail", "confirmacion pedido",
           "catalogo otoño", "refund", "4", "xyz", "o brien", "celik"]


def _results(folder: Path) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    rt = open_runtime(folder, memory_secrets=True)
    try:
        store = rt.workspace.store
        account = accounts.add_account(store, "mastodon", "http://127.0.0.1:9")
        posts = [make_post(n, text, author=make_author(n % len(NAMES),
                                                      display_name=NAMES[n % len(NAMES)]))
                 for n, text in enumerate(TEXTS, 1)]
        ingest(store, rt.triager, account.id, posts, None, None)
        found = {q: [r.text for r in feed.feed_page(store.db, FeedFilter(search=q))]
                 for q in QUERIES}
        named = {}
        for term in ("perez", "Núñez", "luc", "celik", "o brien"):
            ids = profiles.authors_named(store.db, term, prefix=True, limit=50)
            named[term] = sorted(str(store.db.execute_sql(
                "SELECT display_name FROM author WHERE id = ?", (i,)).fetchone()[0])
                for i in ids)
        return found, named
    finally:
        rt.close()


def test_search_finds_the_same_posts_on_both_backends(tmp_path, team_url):
    on_sqlite = _results(tmp_path / "local")
    write_team_settings(tmp_path / "team", team_url)
    on_postgres = _results(tmp_path / "team")
    assert on_sqlite[0]["devolucion"] == ["Quiero la devolución de mi dinero YA"]
    assert on_sqlite[0]["xyz"] == []
    assert len(on_sqlite[0]["devol"]) == 2 and len(on_sqlite[0]["cancel"]) == 2
    assert on_sqlite[1]["perez"] == ["Ana Pérez"]
    assert on_postgres[0] == on_sqlite[0]
    assert on_postgres[1] == on_sqlite[1]
