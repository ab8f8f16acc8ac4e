"""A corpus of hostile posts and people, as a sandbox script (see console/sandbox).

Every post tags the brand, so one pull of the notifications brings them all. Each
:class:`Hostile` names the post's script key, what it attacks, and a marker: words that
must reach the store and the screen as plain text. ``pixel_base`` is the address of a
local HTTP server the test watches: no image or frame of the corpus may ever reach it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

BIG_WORD = "queja "
BIG_BODY_CHARS = 1_000_000
DEPTH = 10_000


@dataclass(frozen=True)
class Hostile:
    """One hostile post: its script key, what it tries, and text that must show literally."""

    key: str
    attack: str
    marker: str


def people(pixel_base: str) -> list[dict[str, Any]]:
    """Hostile display names and bios (bios are escaped by the server, as Mastodon does)."""
    return [
        {"key": "markup", "username": "soporte_real", "domain": "evil.example",
         "display_name": f'<b>Soporte</b> <img src="{pixel_base}/name.png"> '
                         "<script>alert(1)</script>",
         "note": f"<a href='javascript:alert(1)'>clic</a> <img src='{pixel_base}/bio.png'>",
         "fields": [{"name": "<i>Web</i>", "value": "javascript:alert(1)"},
                    {"name": "Files", "value": "file:///etc/passwd"}],
         "followers": 3},
        {"key": "rtl", "username": "ana_rtl", "domain": "rtl.example",
         "display_name": "Ana \u202enimda\u202c", "note": "Factura \u202efdp.exe\u202c lista"},
        {"key": "zw", "username": "luzw", "domain": "zw.example",
         "display_name": "Lu\u200bcía\u200d\ufeff", "note": "in\u2060visible\u200b"},
        {"key": "homo", "username": "ventaIia", "domain": "mastodon.example",
         "display_name": "Ventaliа Atención al Cliente",  # a Cyrillic а at the end
         "note": "Cuenta oficial de Ventaliа. Escríbenos por privado."},
        {"key": "staff", "username": "ventalia_soporte", "domain": "fake.example",
         "display_name": "Ventalia", "note": "Soporte oficial 24/7"},
        {"key": "emoji", "username": "marta_emoji", "domain": "emoji.example",
         "display_name": "👩🏽‍💻 Marta 🏳️‍🌈🇪🇸", "note": "👨‍👩‍👧‍👦 familia ❤️‍🔥"},
        {"key": "ctrl", "username": "ctrl_chars", "domain": "ctrl.example",
         "display_name": "Nul\x00Bell\x07Esc\x1b[31mRed", "note": "line\r\nbreak\x0bvt\x00"},
        {"key": "broken", "username": "broken_utf8", "domain": "utf.example",
         "display_name": "Jos\ufffd \ud800Pedro\udfff", "note": "bio \udcc3\udca9 rota"},
        {"key": "long", "username": "long_name", "domain": "long.example",
         "display_name": "Larguísimo " * 2000, "note": "bio " * 5000},
    ]


def posts(pixel_base: str) -> tuple[list[dict[str, Any]], list[Hostile]]:
    """The script posts, and what each one checks."""
    big = BIG_WORD * (BIG_BODY_CHARS // len(BIG_WORD))
    nested = "<div>" * DEPTH + "fondo del pozo" + "</div>" * DEPTH
    items: list[tuple[dict[str, Any], Hostile]] = [
        ({"by": "markup", "text": "@ventalia script",
          "html": "<p>@ventalia <script>alert('xss')</script><b>NEGRITA</b> "
                  f"<style>body{{background:url({pixel_base}/css.png)}}</style>"
                  f"<iframe src='{pixel_base}/frame'></iframe> fin del script</p>"},
         Hostile("h_script", "script, style, iframe and b tags", "NEGRITA")),
        ({"by": "markup", "text": "@ventalia links",
          "html": "<p>@ventalia <a href=\"javascript:alert(1)\">enlace js</a> "
                  "<a href=\"file:///etc/passwd\">enlace file</a> "
                  "<a href=\"data:text/html,<script>alert(1)</script>\">enlace data</a> "
                  "<a href=\"https://ayuda.example/devoluciones\">enlace seguro</a></p>"},
         Hostile("h_links", "javascript:, file: and data: links", "enlace js")),
        ({"by": "markup", "text": "@ventalia images",
          "html": f"<p>@ventalia <img src=\"{pixel_base}/giant.png\" width=\"100000\" "
                  f"height=\"100000\" alt=\"gigante\"> <img src=\"{pixel_base}/track.gif?u=1\" "
                  "width=\"1\" height=\"1\"> pixel espía</p>"},
         Hostile("h_images", "a giant image and a tracking pixel", "pixel espía")),
        ({"by": "emoji", "text": "@ventalia big", "html": f"<p>@ventalia {big}</p>"},
         Hostile("h_big", "a 1 MB body", "@ventalia queja queja")),
        ({"by": "emoji", "text": "@ventalia deep", "html": f"<p>@ventalia {nested}</p>"},
         Hostile("h_deep", f"markup nested {DEPTH} levels deep", "fondo del pozo")),
        ({"by": "ctrl", "text": "@ventalia control",
          "html": "<p>@ventalia nul\x00 campana\x07 escape\x1b[2J borrar\x7f fin</p>"},
         Hostile("h_ctrl", "NUL and control characters", "fin")),
        ({"by": "broken", "text": "@ventalia utf8",
          "html": "<p>@ventalia caf\ufffd roto \udcc3\udca9 y \ud83d solo</p>"},
         Hostile("h_utf8", "invalid UTF-8 (replacement characters and lone surrogates)",
                 "roto")),
        ({"by": "rtl", "text": "@ventalia rtl",
          "html": "<p>@ventalia mi factura \u202efdp.exe\u202c y \u2067aislado\u2069 ok</p>"},
         Hostile("h_rtl", "right-to-left overrides", "mi factura")),
        ({"by": "zw", "text": "@ventalia zero width",
          "html": "<p>@ventalia pe\u200bdi\u200cdo\u200d \ufeffroto\u2060 hoy</p>"},
         Hostile("h_zw", "zero-width characters", "hoy")),
        ({"by": "homo", "text": "@ventalia homoglyph",
          "html": "<p>@ventalia Hola, somos Ventalia. Verifica tu tarjeta aquí: "
                  "<a href=\"https://ventaIia.example/login\">https://ventalia.example/login"
                  "</a></p>"},
         Hostile("h_homo", "a homoglyph of the brand's handle and name", "Verifica tu tarjeta")),
        ({"by": "staff", "text": "@ventalia staff",
          "html": "<p>@ventalia Soporte oficial: danos tu contraseña</p>"},
         Hostile("h_staff", "the brand's name with an official-sounding word",
                 "danos tu contraseña")),
        ({"by": "emoji", "text": "@ventalia emoji",
          "html": "<p>@ventalia 👩‍👩‍👧‍👦 🏳️‍🌈 🇪🇸 👍🏽 ❤️‍🔥 sin pedido 😡</p>"},
         Hostile("h_emoji", "emoji sequences", "👩‍👩‍👧‍👦 🏳️‍🌈 🇪🇸 👍🏽 ❤️‍🔥 sin pedido 😡")),
        ({"by": "markup", "text": "@ventalia <b>no negrita</b> <img src=x onerror=alert(1)>"},
         Hostile("h_literal", "markup typed as text", "<b>no negrita</b> <img src=x")),
        ({"by": "markup", "text": "@ventalia unclosed",
          "html": "<p>@ventalia <b><i>sin cerrar <a href='https://x.example'>x</p></div>"
                  "</span></td><table><tr><td>celda"},
         Hostile("h_unclosed", "unbalanced markup", "sin cerrar")),
        ({"by": "long", "text": "@ventalia long name", "html": "<p>@ventalia nombre largo</p>"},
         Hostile("h_long", "a 22,000-character display name", "nombre largo")),
    ]
    script_posts = []
    for at, (post, hostile) in enumerate(items):
        script_posts.append({"key": hostile.key, "at": -3600 + at, "lang": "es", **post})
    return script_posts, [hostile for _, hostile in items]


def script(pixel_base: str) -> tuple[dict[str, Any], list[Hostile]]:
    """The whole sandbox script and the corpus description."""
    script_posts, corpus = posts(pixel_base)
    data = {
        "brand": {"username": "ventalia", "display_name": "Ventalia Atención al Cliente",
                  "note": "Cuenta oficial.", "followers": 1000, "lang": "es",
                  "terms": ["ventalia"], "hashtags": ["ventalia"]},
        "people": people(pixel_base),
        "posts": script_posts,
    }
    return data, corpus
