"""The ``posventa rules`` command: list, add, remove, move, enable, test and run the rules.

``register(subparsers)`` adds the command; every action prints what it did, and bad input
is one line on stderr with exit code 1.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TextIO

from console.errors import InvalidInput, WorkspaceError
from console.trust.storage import os_problem

from .rules import ACTIONS, CONDITIONS, Rule
from .service import RuleService, as_sentence


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Adds ``rules`` and its actions to an argparse subparsers object."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "rules", help="the team's automation rules (run on every new mention, in order)",
        description="Rules run in order on every new mention: when the conditions hold, "
                    "the actions tag it, set its priority, assign it, hide it as spam, "
                    "mark it not relevant or close it.")
    sub = parser.add_subparsers(dest="rules_action", required=True, metavar="ACTION")
    sub.add_parser("list", help="the rules, in the order they run")
    add = sub.add_parser(
        "add", help="add a rule",
        epilog=f"conditions: {', '.join(CONDITIONS)}.  actions: {', '.join(ACTIONS)}.  "
               "Example: posventa rules add Legal --if keyword=abogado,profeco "
               "--then tag=legal --then set_priority=95")
    add.add_argument("name")
    add.add_argument("--if", dest="conditions", action="append", default=[],
                     metavar="KIND=VALUE", help="a condition (repeatable)")
    add.add_argument("--unless", dest="negated", action="append", default=[],
                     metavar="KIND=VALUE", help="a condition that must not hold (repeatable)")
    add.add_argument("--any", action="store_true",
                     help="fire when any condition holds (default: all of them)")
    add.add_argument("--then", dest="actions", action="append", default=[],
                     metavar="ACTION[=VALUE]", help="an action (repeatable)")
    add.add_argument("--stop", action="store_true", help="no later rule runs when this fires")
    add.add_argument("--position", type=int, help="where in the list (1 is first)")
    add.add_argument("--disabled", action="store_true", help="store it switched off")
    for name, text in (("remove", "remove a rule"), ("enable", "switch a rule on"),
                       ("disable", "switch a rule off")):
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("rule", help="the rule's id or name")
    move = sub.add_parser("move", help="move a rule to another place in the order")
    move.add_argument("rule", help="the rule's id or name")
    move.add_argument("position", type=int, help="1 is first")
    test = sub.add_parser("test", help="show which rules would fire on a text")
    test.add_argument("text")
    test.add_argument("--lang", help="language hint (es, en)")
    test.add_argument("--followers", type=int, default=0)
    test.add_argument("--source", default="mention",
                      choices=["mention", "keyword", "hashtag", "direct", "comment"])
    test.add_argument("--channel", default="mastodon")
    test.add_argument("--author", default="", help="the author's handle")
    sub.add_parser("apply", help="run the rules again on the open mentions")
    export = sub.add_parser("export", help="write the rules as JSON")
    export.add_argument("file", nargs="?", type=Path, help="default: standard output")
    imp = sub.add_parser("import", help="read rules from a JSON file (as export writes)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--append", action="store_true",
                     help="add them after the current rules instead of replacing them")
    parser.set_defaults(func=run_rules)
    return parser


def parse_pair(text: str, kind: str) -> tuple[str, str]:
    """"keyword=abogado" -> ("keyword", "abogado"); InvalidInput when malformed."""
    name, sep, value = text.partition("=")
    if not name.strip() or (kind == "condition" and not sep):
        raise InvalidInput(f"Write each {kind} as KIND=VALUE, like keyword=reembolso "
                           f"(got {text!r}).")
    return name.strip(), value.strip()


def rule_from_args(args: argparse.Namespace) -> dict[str, Any]:
    """The rule the ``add`` options describe, as a dict for the store to check."""
    conditions = [{"kind": k, "value": v, "negate": False}
                  for k, v in (parse_pair(c, "condition") for c in args.conditions)]
    conditions += [{"kind": k, "value": v, "negate": True}
                   for k, v in (parse_pair(c, "condition") for c in args.negated)]
    actions = [{"kind": k, "value": v} for k, v in (parse_pair(a, "action") for a in args.actions)]
    return {"name": args.name, "match": "any" if args.any else "all", "stop": args.stop,
            "enabled": not args.disabled, "conditions": conditions, "actions": actions}


def describe(position: int, rule_id: int, rule: Rule) -> str:
    state = "" if rule.enabled else "  [off]"
    return f"{position}. [{rule_id}] {rule.name}{state}: {rule.describe()}"


def progress_bar(label: str, out: TextIO | None = None) -> Callable[[int, int, list[int]], None]:
    """A terminal progress bar (only when stderr is a terminal)."""
    stream = out or sys.stderr

    def show(done: int, total: int, _changed: list[int]) -> None:
        if stream.isatty():
            width = 30
            filled = int(width * done / max(total, 1))
            stream.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] "
                         f"{done:,}/{total:,}")
            stream.flush()
            if done >= total:
                stream.write("\n")

    return show


class Console(Protocol):
    """What ``rules`` uses of a running console."""

    rules: RuleService

    def close(self) -> None: ...


def run_rules(args: argparse.Namespace, open_console: Callable[[], Console]) -> int:
    """Handles ``posventa rules ...``; 0 when done, 1 on bad input."""
    try:
        rt = open_console()
        try:
            return _act(rt.rules, args)
        finally:
            rt.close()
    except (InvalidInput, WorkspaceError) as exc:
        print(f"posventa rules: {exc}", file=sys.stderr)
        return 1


def _act(rules: RuleService, args: argparse.Namespace) -> int:
    action = args.rules_action
    if action == "list":
        listed = rules.rules()
        if not listed:
            print("no rules yet: posventa rules add NAME --if KIND=VALUE --then ACTION=VALUE")
        for stored in listed:
            print(describe(stored.position, stored.id, stored.rule))
    elif action == "add":
        if not args.actions:
            raise InvalidInput("A rule needs at least one --then ACTION[=VALUE].")
        stored = rules.add(rule_from_args(args), args.position)
        print(f"added {describe(stored.position, stored.id, stored.rule)}")
    elif action == "remove":
        gone = rules.remove(rules.find(args.rule).id)
        print(f"removed rule {gone.id} ({gone.rule.name})")
    elif action in ("enable", "disable"):
        stored = rules.set_enabled(rules.find(args.rule).id, action == "enable")
        state = "on" if stored.rule.enabled else "off"
        print(f"rule {stored.id} ({stored.rule.name}) is now {state}")
    elif action == "move":
        stored = rules.move(rules.find(args.rule).id, args.position)
        print(f"moved rule {stored.id} ({stored.rule.name}) to position {stored.position}")
    elif action == "test":
        _test(rules, args)
    elif action == "apply":
        report = rules.apply(progress_bar("applying rules"))
        print(f"ran the rules on {report.scored:,} open mentions; {len(report.changed):,} "
              "changed (assign actions only run on new mentions)")
    elif action == "export":
        text = json.dumps(rules.export(), ensure_ascii=False, indent=2) + "\n"
        if args.file:
            _write_private(args.file, text)
            print(f"wrote {len(rules.rules())} rules to {args.file}")
        else:
            sys.stdout.write(text)
    elif action == "import":
        _import(rules, args)
    return 0


def _write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole, readable by the user only (the rules name customers'
    words and authors): a temp file beside it (made 0600), then renamed into place."""
    target = path.expanduser()
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".posventa-rules-")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise InvalidInput(os_problem(exc, "write the rules to", target)) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _test(rules: RuleService, args: argparse.Namespace) -> None:
    result = rules.test(args.text, lang=args.lang, followers=args.followers, source=args.source,
                        channel=args.channel, author=args.author)
    labels, outcome = result.labels, result.outcome
    print(f"labels: {labels.lang}, {labels.sentiment_label} ({labels.sentiment:+.2f}), "
          f"complaint {labels.complaint:.2f}, priority {labels.priority}")
    if not outcome.fired:
        print("no rule fires")
        return
    print(f"fires: {' · '.join(outcome.fired)}")
    effects = [f"tag {t}" for t in outcome.tags]
    if outcome.priority is not None:
        effects.append(f"priority {outcome.priority}")
    if outcome.assignee:
        effects.append(f"assign {outcome.assignee}")
    effects += [name for flag, name in ((outcome.spam, "hide as spam"),
                                        (outcome.not_relevant, "not relevant"),
                                        (outcome.closed, "close")) if flag]
    print(f"then: {', '.join(effects) or 'nothing'}")


def _import(rules: RuleService, args: argparse.Namespace) -> None:
    try:
        data = json.loads(args.file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InvalidInput(f"There is no file {args.file}.") from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise InvalidInput(as_sentence(f"{args.file} is not JSON: {exc}")) from None
    rules.import_rules(data, replace=not args.append)
    verb = "appended" if args.append else "imported"
    print(f"{verb} {len(data)} rules from {args.file}; {len(rules.rules())} rules in all")
