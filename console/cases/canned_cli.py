"""The ``posventa canned`` command: the team's canned replies from the terminal.

``register(subparsers)`` adds it to the main parser. Problems end as one
``posventa: <message>`` line on stderr and exit code 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any, Protocol

from console.cases.canned import Canned, CannedError, CannedService
from console.cases.canned_text import stack

EXIT_FAILED = 1


class Mentions(Protocol):
    """Looking a mention up (the console's profile service)."""

    def mention(self, mention_id: int) -> object | None: ...


class Console(Protocol):
    """What this command uses of a running console."""

    canned: CannedService

    @property
    def profile(self) -> Mentions: ...

    def close(self) -> None: ...


def register(subparsers: Any) -> None:
    """Adds ``canned`` (list, show, add, edit, remove, seed, render) to a subparsers object."""
    canned: argparse.ArgumentParser = subparsers.add_parser(
        "canned", help="canned replies (saved answers with variables)",
        description="Saved answers with variables such as {nombre}, {agente} and "
                    "{numero_pedido}; write {{ and }} for literal braces.")
    sub = canned.add_subparsers(dest="canned_action", required=True)
    lst = sub.add_parser("list", help="list canned replies")
    lst.add_argument("--lang", help="only this language (and language-neutral ones)")
    lst.add_argument("--search", help="match shortcut or name")
    show = sub.add_parser("show", help="print one canned reply")
    show.add_argument("ref", metavar="SHORTCUT|ID")
    add = sub.add_parser("add", help="add a canned reply")
    add.add_argument("--name", required=True)
    add.add_argument("--shortcut", required=True, help="typed as /SHORTCUT in the composer")
    add.add_argument("--lang", default="", help="language code, e.g. es")
    add.add_argument("--body", required=True, help="the text ('-' reads stdin)")
    edit = sub.add_parser("edit", help="change a canned reply")
    edit.add_argument("ref", metavar="SHORTCUT|ID")
    edit.add_argument("--name")
    edit.add_argument("--shortcut")
    edit.add_argument("--lang")
    edit.add_argument("--body", help="the new text ('-' reads stdin)")
    rm = sub.add_parser("remove", help="delete a canned reply")
    rm.add_argument("ref", metavar="SHORTCUT|ID")
    seed = sub.add_parser("seed", help="load the starter library (es, en)")
    seed.add_argument("--force", action="store_true",
                      help="also add starter replies missing from a library in use")
    render = sub.add_parser("render", help="print the reply as it would be posted")
    render.add_argument("refs", nargs="+", metavar="SHORTCUT",
                        help="one or more (stacked into one reply)")
    render.add_argument("--var", action="append", default=[], metavar="NAME=VALUE",
                        help="a variable's value (repeatable)")
    render.add_argument("--mention", type=int, metavar="ID",
                        help="fill nombre and numero_pedido from this mention")
    canned.set_defaults(func=run_canned)


def _body(value: str) -> str:
    return sys.stdin.read() if value == "-" else value


def _find(rt: Console, ref: str) -> Canned:
    item = rt.canned.get(ref)
    if item is None:
        raise CannedError(f"there is no canned reply {ref!r} (see: posventa canned list)")
    return item


def _vars(pairs: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise CannedError(f"--var {pair!r} is not NAME=VALUE")
        values[name.strip()] = value
    return values


def _run(rt: Console, args: argparse.Namespace) -> int:
    action = args.canned_action
    service = rt.canned
    if action == "list":
        items = service.search(args.search, args.lang) if args.search else service.entries(
            args.lang)
        if not items:
            print("no canned replies: posventa canned add --name ... --shortcut ... --body ...")
        for item in items:
            print(f"{item.id}\t/{item.shortcut}\t{item.lang or '-'}\t{item.name}")
    elif action == "show":
        item = _find(rt, args.ref)
        print(f"/{item.shortcut}  {item.name}  [{item.lang or 'any language'}]")
        if item.variables:
            print("variables: " + ", ".join("{" + v + "}" for v in item.variables))
        print()
        print(item.body)
    elif action == "add":
        item = service.add(args.name, args.shortcut, _body(args.body), args.lang)
        print(f"added /{item.shortcut} (id {item.id})")
    elif action == "edit":
        item = _find(rt, args.ref)
        changes = {"name": args.name, "shortcut": args.shortcut, "lang": args.lang,
                   "body": _body(args.body) if args.body is not None else None}
        if all(v is None for v in changes.values()):
            raise CannedError("nothing to change: give --name, --shortcut, --lang or --body")
        item = service.update(item.id, **changes)
        print(f"saved /{item.shortcut} (id {item.id})")
    elif action == "remove":
        item = _find(rt, args.ref)
        service.remove(item.id)
        print(f"removed /{item.shortcut}")
    elif action == "seed":
        print(f"added {service.seed(force=args.force)} starter canned replies")
    elif action == "render":
        body = stack(_find(rt, ref).body for ref in args.refs)
        if args.mention is not None and rt.profile.mention(args.mention) is None:
            raise CannedError(f"there is no mention {args.mention}")
        rendered = service.render(body, args.mention, _vars(args.var))
        print(rendered.text)
        if rendered.missing:
            names = " ".join(f"--var {n}=..." for n in rendered.missing)
            raise CannedError(f"no value for {', '.join(rendered.missing)}: add {names}")
    return 0


def run_canned(args: argparse.Namespace, open_console: Callable[[], Console]) -> int:

    rt = open_console()
    try:
        return _run(rt, args)
    except CannedError as exc:
        print(f"posventa: {exc}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        rt.close()
