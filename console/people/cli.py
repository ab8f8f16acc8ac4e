"""The ``posventa customers`` command: list, show, link, unlink, merge, unmerge, suggest...

``register(subparsers)`` adds it to the main parser. Each action prints what it did;
``merge`` prints what will move and asks first (``--yes`` skips the question). A bad id
or an impossible request is one ``posventa: <message>`` line on stderr and exit code 1.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import Any, Protocol, TextIO

from console.people.portrait import Portrait, Tally
from console.people.records import PeopleError, Person, Suggestion
from console.people.service import PeopleService
from console.store.db import Store

EXIT_FAILED = 1


class Settings(Protocol):
    """What ``customers`` reads of the workspace's settings."""

    @property
    def agent_name(self) -> str: ...


class Workspace(Protocol):
    """What ``customers`` uses of the open workspace: its store and settings."""

    @property
    def store(self) -> Store: ...

    @property
    def settings(self) -> Settings: ...


class Console(Protocol):
    """What ``customers`` uses of a running console."""

    @property
    def workspace(self) -> Workspace: ...

    def close(self) -> None: ...


def register(subparsers: Any) -> None:
    """Adds ``customers`` to an argparse subparsers object."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "customers", help="customers across channels: link, merge, suggestions, notes",
        description="One person, every account: link authors into customers, merge and "
                    "unmerge, see suggestions, notes, tags and VIP.")
    parser.add_argument("--agent", metavar="NAME",
                        help="act as this agent (default: agent_name from the settings)")
    sub = parser.add_subparsers(dest="people_action", required=True, metavar="ACTION")
    listing = sub.add_parser("list", help="customers, VIP first (or those matching --search)")
    listing.add_argument("--search", metavar="TEXT", help="name or handle, accents ignored")
    listing.add_argument("--limit", type=int, default=50)
    show = sub.add_parser("show", help="one customer: accounts, figures, cases, notes, history")
    show.add_argument("id", type=int, nargs="?", help="customer id")
    show.add_argument("--author", type=int, metavar="ID", help="the person behind an author")
    show.add_argument("--history", type=int, default=10, metavar="N",
                      help="how many history entries to print (default 10)")
    link = sub.add_parser("link", help="put authors under one customer (new or --to)")
    link.add_argument("authors", type=int, nargs="+", metavar="AUTHOR_ID")
    link.add_argument("--to", type=int, metavar="CUSTOMER_ID", help="an existing customer")
    link.add_argument("--name", help="the customer's name (default: the fullest display name)")
    sub.add_parser("unlink", help="take an author out of its customer"
                   ).add_argument("author", type=int, metavar="AUTHOR_ID")
    merge = sub.add_parser("merge", help="merge MERGED into SURVIVOR (shows what moves first)")
    merge.add_argument("survivor", type=int, metavar="SURVIVOR_ID")
    merge.add_argument("merged", type=int, metavar="MERGED_ID")
    merge.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    sub.add_parser("unmerge", help="undo a merge exactly"
                   ).add_argument("record", type=int, metavar="MERGE_ID")
    merges = sub.add_parser("merges", help="the merge history (ids for unmerge)")
    merges.add_argument("--customer", type=int, metavar="ID")
    suggest = sub.add_parser("suggest", help="who may be the same person, with reasons")
    suggest.add_argument("author", type=int, nargs="?", metavar="AUTHOR_ID",
                         help="one author (default: the authors who wrote most recently)")
    answer = suggest.add_mutually_exclusive_group()
    answer.add_argument("--accept", type=int, metavar="OTHER_ID", help="link the two")
    answer.add_argument("--reject", type=int, metavar="OTHER_ID",
                        help="never suggest the two again")
    suggest.add_argument("--limit", type=int, default=10)
    note = sub.add_parser("note", help="add, edit or delete an internal note")
    note.add_argument("customer", type=int, nargs="?", metavar="CUSTOMER_ID")
    note.add_argument("--author", type=int, metavar="ID", help="a note on a lone author")
    note.add_argument("--text", help="the note ('-' reads stdin)")
    note.add_argument("--edit", type=int, metavar="NOTE_ID")
    note.add_argument("--delete", type=int, metavar="NOTE_ID")
    tag = sub.add_parser("tag", help="tag a customer (or --remove the tags)")
    tag.add_argument("customer", type=int, metavar="CUSTOMER_ID")
    tag.add_argument("tags", nargs="+", metavar="TAG")
    tag.add_argument("--remove", action="store_true")
    vip = sub.add_parser("vip", help="mark a customer VIP (on) or not (off)")
    vip.add_argument("customer", type=int, metavar="CUSTOMER_ID")
    vip.add_argument("state", choices=["on", "off"])
    rename = sub.add_parser("rename", help="change a customer's name")
    rename.add_argument("customer", type=int, metavar="CUSTOMER_ID")
    rename.add_argument("name")
    parser.set_defaults(func=run_customers)


def _agent(args: argparse.Namespace, configured: str) -> str:
    if getattr(args, "agent", None):
        return str(args.agent).strip()
    if configured.strip():
        return configured.strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def run_customers(args: argparse.Namespace, open_console: Callable[[], Console],
                  out: TextIO | None = None, ask: Any = None) -> int:
    out = out or sys.stdout
    rt = open_console()
    workspace = rt.workspace
    try:
        service = PeopleService(workspace.store, _agent(args, workspace.settings.agent_name))
        handler = ACTIONS[args.people_action]
        return int(handler(service, args, out, ask or input))
    except PeopleError as exc:
        print(f"posventa: {exc}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        rt.close()


def _when(moment: Any) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else "never"


def _list(service: PeopleService, args: argparse.Namespace, out: TextIO, _ask: Any) -> int:
    found = service.customers(args.search or "", args.limit)
    if not found:
        print("no customers match" if args.search else
              "no customers yet: posventa customers link AUTHOR_ID [AUTHOR_ID...]", file=out)
    for c in found:
        tags = f"\t[{', '.join(c.tags)}]" if c.tags else ""
        print(f"{c.id}\t{'★ ' if c.vip else ''}{c.name}\t{', '.join(c.accounts) or '-'}{tags}",
              file=out)
    return 0


def print_person(found: Person, out: TextIO) -> None:
    title = (f"customer {found.customer_id}: {found.name}" if found.customer_id is not None
             else f"author {found.authors[0].id} (no customer): {found.name}")
    print(title + ("  ★ VIP" if found.vip else ""), file=out)
    for a in found.authors:
        print(f"  [{a.id}] {a.channel} @{a.handle}  {a.followers} followers  {a.url}", file=out)
        bio = " ".join(a.bio.split())
        if bio:
            print(f"      {bio[:200]}", file=out)
    if found.tags:
        print("  tags: " + ", ".join(found.tags), file=out)
    s = found.stats
    wait = "no answers yet"
    if s.average_first_answer is not None:
        minutes = int(s.average_first_answer.total_seconds() // 60)
        wait = f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"
    print(f"  first post {_when(s.first_seen)} · last contact {_when(s.last_contact)} · "
          f"{s.mentions} post(s), {s.complaints} complaint(s) · average first answer {wait}",
          file=out)
    for case in found.open_cases:
        print(f"  case #{case.id} {case.status} · {case.channel} · {case.subject[:80]}",
              file=out)
    for note in found.notes:
        print(f"  note {note.id} by {note.agent or '?'} {_when(note.created_at)}: "
              f"{' '.join(note.body.split())[:200]}", file=out)


def _tallies(items: tuple[Tally, ...]) -> str:
    return ", ".join(f"{t.name} {t.count}" for t in items)


def print_portrait(portrait: Portrait, out: TextIO) -> None:
    """Reach, communities, topics and mood, each with what it is counted from."""
    posts = (f"their newest {portrait.posts_counted} of {portrait.posts_stored} posts"
             if portrait.posts_counted < portrait.posts_stored
             else f"their {portrait.posts_counted} stored post(s)")
    print(f"  reach, as each network reports it, from {posts}:", file=out)
    for r in portrait.reach:
        followers = f"{r.followers} followers" if r.followers is not None else "no follower count"
        figures = [f"{label} {value}" for label, value in (
            ("views", r.views), ("score", r.score), ("shares", r.shares), ("likes", r.likes),
            ("replies", r.replies)) if value is not None]
        reached = (f"{', '.join(figures)} from {r.reported} of {r.posts} post(s)"
                   if figures and r.reported else f"no reach reported ({r.posts} post(s))")
        print(f"    {r.channel}: {followers}; {reached}", file=out)
    places = [f"{title} {_tallies(items)}" for title, items in (
        ("hashtags", portrait.hashtags), ("Mastodon servers", portrait.instances),
        ("subreddits", portrait.subreddits), ("blogs", portrait.blogs)) if items]
    print(f"  communities: {'; '.join(places) or 'none found'}", file=out)
    print(f"  watch terms, posts naming each: {_tallies(portrait.terms) or 'none'}; "
          f"complaint reasons: {_tallies(portrait.reasons) or 'none'}", file=out)
    mood = "; ".join(f"{p.start:%Y-%m-%d}: {p.negative} negative, {p.neutral} neutral, "
                     f"{p.positive} positive" for p in portrait.mood[-12:])
    print(f"  mood per {portrait.mood_unit}: {mood or 'no analysed posts'}", file=out)


def _show(service: PeopleService, args: argparse.Namespace, out: TextIO, _ask: Any) -> int:
    if args.author is not None:
        found = service.person_for_author(args.author)
        if found is None:
            raise PeopleError(f"There is no author {args.author}.")
    elif args.id is not None:
        found = service.person(args.id)
    else:
        raise PeopleError("Give a customer id, or --author ID.")
    print_person(found, out)
    print_portrait(service.portrait(found), out)
    items = service.history(found.author_ids, found.customer_id, None, args.history)
    if items:
        print("  history (newest first):", file=out)
    for item in items:
        text = " ".join(item.text.split())[:100]
        print(f"    {_when(item.created_at)} {item.kind:<7} {item.channel or '-':<9} "
              f"{item.who[:20]:<20} {text}", file=out)
    return 0


def _link(service: PeopleService, args: argparse.Namespace, out: TextIO, _ask: Any) -> int:
    result = service.link(args.authors, args.to, args.name)
    found = service.person(result.customer_id)
    verb = "created" if result.created else "updated"
    print(f"{verb} customer {result.customer_id} “{found.name}”: linked "
          f"{len(result.attached)} author(s); it has {len(found.authors)} account(s): "
          + ", ".join(f"{a.channel} @{a.handle}" for a in found.authors), file=out)
    return 0


def _unlink(service: PeopleService, args: argparse.Namespace, out: TextIO, _ask: Any) -> int:
    customer_id = service.unlink(args.author)
    print(f"unlinked author {args.author} from customer {customer_id}; they will not be "
          "suggested together again", file=out)
    return 0


def _merge(service: PeopleService, args: argparse.Namespace, out: TextIO, ask: Any) -> int:
    preview = service.merge_preview(args.survivor, args.merged)
    for line in preview.lines():
        print(line, file=out)
    if not args.yes:
        try:
            answer = ask("Merge? [y/N] ")
        except EOFError:
            answer = ""
        if answer.strip().lower() not in ("y", "yes", "s", "si", "sí"):
            print("nothing changed (add --yes to merge without asking)", file=out)
            return EXIT_FAILED
    record = service.merge(args.survivor, args.merged)
    print(f"merged customer {args.merged} into {args.survivor} (merge #{record}; "
          f"undo with: posventa customers unmerge {record})", file=out)
    return 0


def _unmerge(service: PeopleService, args: argparse.Namespace, out: TextIO, _ask: Any) -> int:
    info = service.unmerge(args.record)
    print(f"undid merge #{info.id}: customer {info.merged_id} “{info.merged_name}” is back "
          f"with its {info.authors} account(s) and {info.notes} note(s)", file=out)
    return 0


def _merges(service: PeopleService, args: argparse.Namespace, out: TextIO, _ask: Any) -> int:
    found = service.merges(args.customer)
    if not found:
        print("no merges yet", file=out)
    for m in found:
        state = f"undone {_when(m.undone_at)}" if m.undone_at else "in force"
        print(f"#{m.id}\t{_when(m.created_at)}\t{m.merged_id} “{m.merged_name}” -> "
              f"{m.survivor_id}\t{m.authors} account(s), {m.notes} note(s)\t"
              f"{m.agent or '?'}\t{state}", file=out)
    return 0


def _print_suggestion(s: Suggestion, out: TextIO) -> None:
    other = s.other
    who = f"{other.channel} @{other.handle}" if other else f"author {s.other_id}"
    owner = f" (customer {s.other_customer_id})" if s.other_customer_id else ""
    print(f"{s.author_id} ~ {s.other_id}\t{s.confidence:.2f}\t{who}{owner}\t"
          f"{s.reasons_text}", file=out)


def _suggest(service: PeopleService, args: argparse.Namespace, out: TextIO, _ask: Any) -> int:
    if args.accept is not None or args.reject is not None:
        if args.author is None:
            raise PeopleError("Say which author: posventa customers suggest AUTHOR_ID "
                              "--accept OTHER_ID.")
        other = args.accept if args.accept is not None else args.reject
        pair = service.explain(args.author, other)
        if pair is None:
            raise PeopleError(f"There is no pair of authors {args.author} and {other}.")
        if args.reject is not None:
            service.reject(pair)
            print(f"rejected: authors {args.author} and {other} will not be suggested "
                  "together again", file=out)
            return 0
        result = service.accept(pair)
        print(f"linked authors {args.author} and {other} as customer {result.customer_id}"
              + (" (new)" if result.created else ""), file=out)
        return 0
    found = (service.suggestions(args.author, args.limit) if args.author is not None
             else service.recent_suggestions(args.limit))
    if not found:
        print("no suggestions", file=out)
    for s in found:
        _print_suggestion(s, out)
    return 0


def _note(service: PeopleService, args: argparse.Namespace, out: TextIO, _ask: Any) -> int:
    text = sys.stdin.read() if args.text == "-" else args.text
    if args.delete is not None:
        note = service.delete_note(args.delete)
        print(f"deleted note {note.id}", file=out)
    elif args.edit is not None:
        note = service.edit_note(args.edit, text or "")
        print(f"edited note {note.id}", file=out)
    else:
        if args.customer is None and args.author is None:
            raise PeopleError("Give a customer id, or --author ID for a lone author.")
        if args.customer is not None and args.author is not None:
            raise PeopleError("A note belongs to one customer or to one author, not both.")
        note = service.add_note(text or "", args.customer, args.author)
        target = (f"customer {note.customer_id}" if note.customer_id is not None
                  else f"author {note.author_id}")
        print(f"added note {note.id} to {target} as {note.agent or '?'}", file=out)
    return 0


def _tag(service: PeopleService, args: argparse.Namespace, out: TextIO, _ask: Any) -> int:
    if args.remove:
        done = service.remove_tags(args.customer, args.tags)
        print(f"removed from customer {args.customer}: {', '.join(done) or 'nothing'}",
              file=out)
    else:
        done = service.add_tags(args.customer, args.tags)
        print(f"tagged customer {args.customer}: {', '.join(done) or 'already tagged'}",
              file=out)
    return 0


def _vip(service: PeopleService, args: argparse.Namespace, out: TextIO, _ask: Any) -> int:
    service.set_vip(args.customer, args.state == "on")
    print(f"customer {args.customer} is {'now' if args.state == 'on' else 'no longer'} VIP",
          file=out)
    return 0


def _rename(service: PeopleService, args: argparse.Namespace, out: TextIO, _ask: Any) -> int:
    name = service.rename(args.customer, args.name)
    print(f"customer {args.customer} is now “{name}”", file=out)
    return 0


ACTIONS = {
    "list": _list, "show": _show, "link": _link, "unlink": _unlink, "merge": _merge,
    "unmerge": _unmerge, "merges": _merges, "suggest": _suggest, "note": _note, "tag": _tag,
    "vip": _vip, "rename": _rename,
}
