"""The ``posventa reply`` and ``posventa outbox`` commands: queue a reply; see, undo, retry or
discard replies waiting to leave.

``register(subparsers)`` adds them to the main parser. Problems end as one
``posventa: <message>`` line on stderr and exit code 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any, Protocol

from console.errors import InvalidInput
from console.replies.outbox import OutboxError, ReplyInfo
from console.replies.service import ReplyService
from console.store.models import REPLY_STATES

EXIT_FAILED = 1


class DelaySetting(Protocol):
    """The undo-send delay of the workspace settings."""

    outbox_delay: float


class Workspace(Protocol):
    """What ``outbox delay`` uses of the workspace: its settings, and saving them."""

    @property
    def settings(self) -> DelaySetting: ...

    def save_settings(self) -> None: ...


class Console(Protocol):
    """What these commands use of a running console."""

    replies: ReplyService

    @property
    def workspace(self) -> Workspace: ...

    def close(self) -> None: ...


def register(subparsers: Any) -> None:
    """Adds ``reply`` and ``outbox`` (list, cancel, retry, discard, delay) to a subparsers
    object."""
    reply = subparsers.add_parser("reply", help="queue a reply to a mention")
    reply.add_argument("mention_id", type=int)
    reply.add_argument("--text", required=True, help="the reply ('-' reads stdin)")
    reply.add_argument("--private", action="store_true",
                       help="continue in private: send it as a direct message to the author "
                       "(where the network allows it, e.g. Bluesky)")
    reply.set_defaults(func=cmd_reply)

    box: argparse.ArgumentParser = subparsers.add_parser(
        "outbox", help="replies waiting to leave, sent or failed",
        description="The outbox: every reply is stored before it is sent, with a state "
                    "(queued, sending, sent, failed).")
    sub = box.add_subparsers(dest="outbox_action", required=True)
    lst = sub.add_parser("list", help="list replies, newest first")
    lst.add_argument("--state", action="append",
                     choices=[s for s in REPLY_STATES if s != "draft"])
    lst.add_argument("--limit", type=int, default=50)
    cancel = sub.add_parser("cancel", help="pull a queued reply back to a draft (undo send)")
    cancel.add_argument("id", type=int)
    retry = sub.add_parser("retry", help="queue a failed or held reply again")
    retry.add_argument("id", type=int)
    retry.add_argument("--text", help="corrected text ('-' reads stdin)")
    retry.add_argument("--anyway", action="store_true",
                       help="send a held reply although the brand already replied")
    discard = sub.add_parser("discard", help="drop a failed or held reply")
    discard.add_argument("id", type=int)
    delay = sub.add_parser("delay", help="show or set the undo-send delay in seconds")
    delay.add_argument("seconds", nargs="?", type=float)
    box.set_defaults(func=run_outbox)


def describe(reply: ReplyInfo) -> str:
    when = (reply.sent_at or reply.created_at).astimezone().strftime("%Y-%m-%d %H:%M")
    text = " ".join(reply.text.split())[:70]
    state = "held" if reply.held else reply.state
    line = f"{reply.id}\t{when}\t{state}\tmention {reply.mention_id}\t{text}"
    if reply.state == "failed" and reply.error:
        line += f"\n\twhy: {reply.error}"
    elif reply.error:
        line += f"\n\tlast problem: {reply.error}"
    return line


def _run(rt: Console, args: argparse.Namespace) -> int:
    action = args.outbox_action
    replies = rt.replies
    if action == "list":
        items = replies.outbox(tuple(args.state or ()), args.limit)
        if not items:
            print("the outbox is empty")
        for reply in items:
            print(describe(reply))
    elif action == "cancel":
        if not replies.cancel(args.id):
            current = replies.reply(args.id)
            state = current.state if current else "missing"
            raise OutboxError(f"reply {args.id} is {state}: only a queued reply can be pulled "
                              "back")
        print(f"reply {args.id} is a draft again (nothing was sent)")
    elif action == "retry":
        text = sys.stdin.read() if args.text == "-" else args.text
        reply = replies.retry(args.id, text, send_anyway=args.anyway)
        print(f"reply {reply.id} queued again; the next sync sends it")
    elif action == "discard":
        if not replies.discard(args.id):
            raise OutboxError(f"reply {args.id} is not a failed reply")
        print(f"discarded reply {args.id}")
    elif action == "delay":
        settings = rt.workspace.settings
        if args.seconds is not None:
            if not 0 <= args.seconds <= 120:
                raise OutboxError("the delay must be between 0 and 120 seconds")
            settings.outbox_delay = args.seconds
            rt.workspace.save_settings()
        print(f"replies wait {settings.outbox_delay:g} s in the outbox before they leave")
    return 0


def cmd_reply(args: argparse.Namespace, open_console: Callable[[], Console]) -> int:
    rt = open_console()
    try:
        text = sys.stdin.read() if args.text == "-" else args.text
        reply = rt.replies.send(args.mention_id, text, delay=0,
                                private=getattr(args, "private", False))
        print(f"reply {reply.id} queued for mention {args.mention_id} "
              f"({reply.visibility}); the next sync sends it")
        return 0
    finally:
        rt.close()


def run_outbox(args: argparse.Namespace, open_console: Callable[[], Console]) -> int:
    rt = open_console()
    try:
        return _run(rt, args)
    except (OutboxError, InvalidInput) as exc:
        print(f"posventa: {exc}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        rt.close()
