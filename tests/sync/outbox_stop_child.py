"""A console process that sends the outbox and stops dead at a chosen point of the send.

``python outbox_stop_child.py WORKSPACE ACCOUNT_ID TOKEN STOP_AT`` where STOP_AT is one of
``queued`` (before the outbox pass), ``checked`` (after the pre-send re-read of the
thread), ``sending`` (state committed, request not made), ``received`` (the network
answered, the database not yet told), ``sent`` (state committed as sent) or ``none``
(finish the pass). At the stop it prints ``stopped`` and waits to be killed.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from console.app.runtime import open_runtime
from console.channels.mastodon.channel import MastodonChannel
from console.replies import outbox


def stop_here() -> None:
    print("stopped", flush=True)
    while True:
        time.sleep(60)


def after(real: Callable[..., Any]) -> Callable[..., Any]:
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        stop_here()
        return result
    return wrapped


def main() -> None:
    workspace, account_id, token, stop_at = sys.argv[1], int(sys.argv[2]), sys.argv[3], \
        sys.argv[4]
    rt = open_runtime(Path(workspace), memory_secrets=True)
    rt.workspace.secrets.set(account_id, "token", token)
    if stop_at == "checked":
        MastodonChannel.brand_replies_since = after(  # type: ignore[method-assign]
            MastodonChannel.brand_replies_since)
    elif stop_at == "sending":
        outbox.mark_sending = after(outbox.mark_sending)
    elif stop_at == "received":
        MastodonChannel.send_reply = after(MastodonChannel.send_reply)  # type: ignore[method-assign]
    elif stop_at == "sent":
        outbox.mark_sent = after(outbox.mark_sent)
    print("ready", flush=True)
    if stop_at == "queued":
        stop_here()
    rt.engine.flush_outbox()
    print("done", flush=True)
    rt.close()


if __name__ == "__main__":
    main()
