"""The sync engine: pulls every account on a schedule and sends the outbox, off the GUI thread.

Each account is pulled by a worker of its own pool slot, so a slow or failing account
never holds up the others. Results are reported through plain callbacks (`listen`);
`console/ui/` turns them into queued Qt signals. The CLI uses the same engine blocking
(`sync_once`).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from console.accounts import queries as accounts
from console.accounts.queries import AccountInfo
from console.accounts.secrets import AccountSecrets, WorkspaceSecrets
from console.channels.base import (
    AuthError,
    Channel,
    ChannelError,
    PullResult,
    RateLimited,
    RemotePost,
    ReplyRules,
    Secrets,
    SkippedItem,
    WatchSpec,
    readable,
)
from console.channels.networks import open_channel
from console.errors import BackupError, StoreError
from console.i18n import translate
from console.replies import outbox
from console.store.db import Store, StoreCorrupt, check_integrity
from console.store.timeutil import utcnow
from console.sync.events import (
    AccountStatus,
    Event,
    MentionsAdded,
    MentionsChanged,
    OutboxChanged,
)
from console.sync.ingest import IngestResult, ingest, skipped_text
from console.sync.live import LiveStreams, StreamKey, forward_cursor
from console.sync.no_token import no_token_sentence
from console.sync.outbox import may_send, send_one
from console.sync.pull_lease import PullLease
from console.sync.team_watch import ChangeSource, StoreResolver, TeamWatch, parts_for
from console.triage import Triager
from console.trust.sender_lock import SenderLock

if TYPE_CHECKING:
    from console.channels.mastodon.stream import StreamEvent

log = logging.getLogger(__name__)

ChannelFactory = Callable[[AccountInfo, Secrets], Channel]
MAX_BACKOFF = 300.0
SENDER_WAIT = 10.0  # seconds `sync_once` waits for another console's outbox pass
LEASE_RETRY = 5.0  # seconds between asking for an account another console pulls
LEASE_CHECK = 5.0  # seconds between checks that this console's pull leases still hold
HAND_OVER_AFTER = 3  # failed pulls in a row after which another console may pull instead


def open_account_channel(account: AccountInfo, secrets: Secrets) -> Channel:
    """The channel of a kept account, opened by its network (tests pass their own)."""
    return open_channel(account.for_channel(), secrets)


@dataclass
class SyncReport:
    """What one pull of one account did."""

    account_id: int
    label: str
    added: int = 0
    seen_again: int = 0
    error: str = ""
    skipped: list[SkippedItem] = field(default_factory=list)  # items it could not read
    elsewhere: bool = False  # another console pulls this account (not an error)


def elsewhere_text() -> str:
    """What an account another console pulls shows instead of its sync state."""
    return translate("Sync", "pulled by another console")


def new_text(count: int) -> str:
    """How many new mentions a pull brought, for the status bar ("1 new", "12 new")."""
    if count == 1:
        return translate("Sync", "1 new")
    return translate("Sync", "{n} new").format(n=count)


class SyncSettings(Protocol):
    """The workspace settings the engine reads (console/app/settings.py `Settings`)."""

    sync_interval: float
    outbox_delay: float
    backups_kept: int


class Engine:
    """Runs pulls and the outbox. Thread-safe; `start()` for the GUI, `sync_once()` for the CLI.

    `keep_backup(path)`, when given, makes the daily automatic backup of a sound database
    (the app layer owns backups); it raises `BackupError` when it cannot.

    Other consoles on the same database: `team_changes` is where their changes are read
    (console/sync/team_watch.py) and `leases` decides which console pulls each account
    (console/sync/pull_lease.py); by default both follow the store's backend.
    """

    def __init__(self, store: Store, secrets: WorkspaceSecrets, triager: Triager,
                 settings: SyncSettings, channel_factory: ChannelFactory = open_account_channel,
                 keep_backup: Callable[[Path], object] | None = None,
                 team_changes: ChangeSource | None = None,
                 leases: PullLease | None = None) -> None:
        self.store = store
        self._keep_backup = keep_backup
        self.secrets = secrets
        self.triager = triager
        self.settings = settings
        self._factory = channel_factory
        self._channels: dict[int, Channel] = {}
        self._channels_lock = threading.Lock()
        self._listeners: list[Callable[[Event], None]] = []
        self._statuses: dict[int, AccountStatus] = {}
        self._next_poll: dict[int, float] = {}
        self._failures: dict[int, int] = {}
        self._running: dict[int, Future[SyncReport]] = {}
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._outbox_wake = threading.Event()
        self._threads: list[threading.Thread] = []
        self._pool: ThreadPoolExecutor | None = None
        # Two consoles on one workspace: only one sends at a time (see trust/sender_lock).
        self._sender = SenderLock.for_database(store.path)
        # Live streams (see console/sync/live.py): the routes they cover are not polled.
        self.live = LiveStreams(self)
        self._ingest_locks: dict[int, threading.Lock] = {}
        self._needs_sign_in: set[int] = set()
        self._streams_checked = 0.0
        self._status_lock = threading.RLock()
        source, lease = parts_for(store)  # (nothing connects before it is used)
        self.leases: PullLease = leases or lease
        source = team_changes or source
        self.team_watch = (TeamWatch(source, StoreResolver(store), self._heard)
                           if source is not None else None)
        self._leases_checked = 0.0

    # --- events ---------------------------------------------------------------------------

    def listen(self, callback: Callable[[Event], None]) -> None:
        """Call `callback(event)` for every event (from engine threads)."""
        self._listeners.append(callback)

    def _emit(self, event: Event) -> None:
        for callback in list(self._listeners):
            try:
                callback(event)
            except Exception:  # a listener's bug must not stop the sync
                log.exception("event listener failed")

    def _heard(self, event: Event) -> None:
        """Another console's change: shown like this console's own; a reply it queued is
        sent at once by the console holding the token (this one, if it has it)."""
        if isinstance(event, OutboxChanged) and event.state == "queued":
            self._outbox_wake.set()
        self._emit(event)

    def _status(self, account: AccountInfo, state: str, message: str = "") -> None:
        # One at a time: a stream connecting while a pull reports must not leave a stale
        # "polling" as the last word (each live/polling change reports again after it).
        with self._status_lock:
            mode = "live" if self.live.is_live(account.id) else "polling"
            # The handle in a label came from the server: no bidi or control characters.
            status = AccountStatus(account.id, readable(account.label), state, message, mode)
            self._statuses[account.id] = status
            self._emit(status)

    def report_workspace(self, message: str) -> None:
        """A workspace-wide problem the agent must see (account 0 of the status bar)."""
        status = AccountStatus(0, translate("Sync", "workspace"), "error", message)
        with self._status_lock:
            self._statuses[0] = status
        self._emit(status)

    def statuses(self) -> list[AccountStatus]:
        return list(self._statuses.values())

    # --- channels -------------------------------------------------------------------------

    def channel_for(self, account_id: int) -> Channel:
        with self._channels_lock:
            channel = self._channels.get(account_id)
            if channel is None:
                account = accounts.get_account(self.store, account_id)
                if account is None:
                    raise ChannelError(translate("Sync", "account {id} no longer exists")
                                       .format(id=account_id))
                secrets = AccountSecrets(self.secrets, account_id)
                channel = self._factory(account, secrets)
                if secrets.missing:
                    channel.close()
                    raise AuthError(self._no_credential(account))
                self._channels[account_id] = channel
            return channel

    def _no_credential(self, account: AccountInfo) -> str:
        return no_token_sentence(
            f"@{account.handle}" if account.handle else account.label,
            demo=bool(getattr(self.settings, "demo", False)),
            team=getattr(self.store, "backend", "sqlite") == "postgresql",
            session_only=bool(self.secrets.warning))

    def forget_channel(self, account_id: int) -> None:
        """Drop a cached channel (after a new token, or removing the account)."""
        self.live.stop_account(account_id)
        self.leases.release(account_id)  # taken again by the next pull, if still free
        self._needs_sign_in.discard(account_id)
        with self._channels_lock:
            channel = self._channels.pop(account_id, None)
        if channel is not None:
            channel.close()

    def reply_rules(self, account_id: int | None, visibility: str) -> ReplyRules:
        """What a reply through this account may be, without touching the network."""
        account = accounts.get_account(self.store, account_id) if account_id else None
        if account is None:
            return ReplyRules("characters", 0, can_reply=False, reason=translate(
                "Sync", "This mention has no account to reply from."))
        limit = int(account.settings.get("max_characters", 500))
        keep = visibility if visibility in ("direct", "private", "unlisted") else "public"
        return ReplyRules("characters", limit, visibility=keep)

    # --- pulling --------------------------------------------------------------------------

    def sync_account(self, account_id: int) -> SyncReport:
        """Pull one account now (blocking): mentions, then every active watch."""
        self._refuse_if_damaged()
        account = accounts.get_account(self.store, account_id)
        if account is None:
            return SyncReport(account_id, f"account {account_id}", error="account removed")
        report = SyncReport(account.id, readable(account.label))
        self._status(account, "syncing")
        channel: Channel | None = None
        try:
            channel = self.channel_for(account.id)  # no token here: "sign in again"
            if not self.leases.try_hold(account.id):
                return self._pulled_elsewhere(account, report)
            if "max_characters" not in account.settings:
                info = channel.instance_info()
                me = channel.verify()
                accounts.update_account(self.store, account.id, handle=me.handle,
                                        display_name=me.display_name, remote_id=me.remote_id,
                                        settings={"max_characters": info.max_characters,
                                                  "instance": info.title})
                account = accounts.get_account(self.store, account.id) or account
                report.label = readable(account.label)
            live = self.live.live_routes(account.id)  # streamed routes need no poll
            try:
                for name, pull in self._pulls(channel):
                    if name in live:
                        continue
                    result = pull(accounts.get_cursor(account.id, name))
                    stored = self._store(account, name, result.posts, result.cursor,
                                         result.skipped)
                    report.added += len(stored.added)
                    report.seen_again += len(stored.changed)
                    report.skipped.extend(stored.skipped)
            finally:
                self._keep_channel_settings(account, channel)
        except AuthError as exc:
            report.error = str(exc)
            self._needs_sign_in.add(account.id)
            self.leases.release(account.id)  # a console whose token works pulls it meanwhile
            self._status(account, "auth", report.error)
            self._next_poll[account.id] = float("inf")  # until the agent signs in again
            return report
        except RateLimited as exc:
            report.error = str(exc)
            self._status(account, "rate_limited", report.error)
            self._next_poll[account.id] = time.monotonic() + max(exc.retry_after, 1.0)
            return report
        except StoreCorrupt as exc:  # the whole workspace stops, not just this account
            self._status(account, "error", str(exc))
            self.report_workspace(str(exc))
            raise
        except (ChannelError, StoreError) as exc:  # StoreError: disk full, read-only, busy
            report.error = str(exc)
            failures = self._failures.get(account.id, 0) + 1
            self._failures[account.id] = failures
            retryable = getattr(exc, "retryable", False)
            if failures >= HAND_OVER_AFTER:  # maybe only this console cannot reach it
                self.leases.release(account.id)
            self._status(account, "offline" if retryable else "error", report.error)
            delay = min(self.settings.sync_interval * 2 ** (failures - 1), MAX_BACKOFF)
            self._next_poll[account.id] = time.monotonic() + delay
            return report
        except Exception as exc:  # a fault no channel foresaw must not stop the other accounts
            if self._closed_under(account.id, channel):
                # The engine is stopping, or the account's secrets changed and its channel
                # was replaced: this pass was cut short, nothing went wrong; the next one runs.
                log.info("sync of account %s cut short: its channel was closed", account.id)
                self._status(account, "idle")
                return report
            log.exception("sync of account %s failed", account.id)
            report.error = translate(
                "Sync", "the sync stopped on an unexpected error ({error}); it will be tried "
                "again").format(error=type(exc).__name__)
            failures = self._failures.get(account.id, 0) + 1
            self._failures[account.id] = failures
            self._status(account, "error", report.error)
            delay = min(self.settings.sync_interval * 2 ** (failures - 1), MAX_BACKOFF)
            self._next_poll[account.id] = time.monotonic() + delay
            return report
        self._failures.pop(account.id, None)
        skips = skipped_text(report.skipped)  # one bad item is named, never a stop
        note = getattr(channel, "status_note", None)  # X: posts read this month, budget
        extra = [text for text in (skips, note() if callable(note) else "") if text]
        self._status(account, "ok", "; ".join([new_text(report.added), *extra]))
        self._next_poll[account.id] = time.monotonic() + self.settings.sync_interval
        return report

    def _pulled_elsewhere(self, account: AccountInfo, report: SyncReport) -> SyncReport:
        """Another console holds the account's lease: leave it to that one, ask again soon
        (a holder that stopped or died hands over within seconds)."""
        report.elsewhere = True
        self.live.stop_account(account.id)
        self._failures.pop(account.id, None)
        self._status(account, "elsewhere")  # the state says it all: elsewhere_text()
        self._next_poll[account.id] = time.monotonic() + LEASE_RETRY
        return report

    def _closed_under(self, account_id: int, channel: Channel | None) -> bool:
        """Whether the channel a sync was using was closed by the engine meanwhile."""
        if channel is None:
            return False
        with self._channels_lock:
            current = self._channels.get(account_id)
        return self._stop.is_set() or current is not channel

    def _keep_channel_settings(self, account: AccountInfo, channel: Channel) -> None:
        """Merge what the channel keeps in its account's settings (X: the posts it read this
        month), after every pull, whether it ended well or not."""
        changed = getattr(channel, "account_settings", None)
        settings = changed() if callable(changed) else None
        if settings:
            try:
                accounts.update_account(self.store, account.id, settings=settings)
            except StoreError:
                log.warning("the settings of account %s could not be kept", account.id)

    def _pulls(self, channel: Channel) -> list[tuple[str, Callable[[str | None], PullResult]]]:
        """Every route of an account and the pull that reads it since a cursor."""
        pulls: list[tuple[str, Callable[[str | None], PullResult]]] = [
            ("mentions", channel.pull_mentions)]
        conversations = getattr(channel, "pull_conversations", None)
        if callable(conversations):
            pulls.append(("conversations", conversations))
        for watch in accounts.list_watches(self.store, active_only=True):
            spec = WatchSpec(watch.id, watch.term, watch.kind, watch.lang, watch.exclude)
            pulls.append((f"watch:{watch.id}", partial(channel.pull_watch, spec)))
        return pulls

    def _store(self, account: AccountInfo, name: str, posts: list[RemotePost],
               cursor: str | None, skipped: list[SkippedItem] | None = None) -> IngestResult:
        """Ingest what one route brought; one writer per account, cursors only move forward."""
        lock = self._ingest_locks.setdefault(account.id, threading.Lock())
        with lock:
            cursor = forward_cursor(accounts.get_cursor(account.id, name), cursor)
            stored = ingest(self.store, self.triager, account.id, posts, name, cursor,
                            account.handle, account.remote_id, skipped=skipped or ())
        if stored.added:
            self._emit(MentionsAdded(tuple(stored.added)))
        if stored.changed:
            self._emit(MentionsChanged(tuple(stored.changed)))
        return stored

    # --- streaming (hooks of LiveStreams) --------------------------------------------------

    def catch_up(self, account_id: int, route: str) -> None:
        """Read one route with REST from its saved cursor (a stream just (re)connected)."""
        account = accounts.get_account(self.store, account_id)
        if account is None:
            return
        for name, pull in self._pulls(self.channel_for(account_id)):
            if name == route:
                result = pull(accounts.get_cursor(account_id, name))
                self._store(account, name, result.posts, result.cursor, result.skipped)

    def store_event(self, account_id: int, event: StreamEvent) -> None:
        """Store one streamed post and move its route's cursor."""
        account = accounts.get_account(self.store, account_id)
        if account is not None:
            self._store(account, event.route, [event.post] if event.post else [], event.cursor)

    def stream_failed(self, account_id: int, error: ChannelError) -> None:
        """A stream's token was rejected: the account waits for the agent to sign in."""
        account = accounts.get_account(self.store, account_id)
        self._needs_sign_in.add(account_id)
        self.leases.release(account_id)
        self._next_poll[account_id] = float("inf")
        if account is not None:
            self._status(account, "auth", str(error))

    def live_changed(self, account_id: int) -> None:
        """The account's user stream connected or dropped: report live versus polling."""
        account = accounts.get_account(self.store, account_id)
        if account is None:
            return
        with self._status_lock:
            before = self._statuses.get(account_id)
            state = before.state if before is not None else "ok"
            if state == "syncing":
                state = "ok"
            self._status(account, state, before.message if before is not None else "")

    def _wanted_streams(self) -> dict[StreamKey, Any]:
        """The streams every verified, enabled account should have open now."""
        watches = [WatchSpec(w.id, w.term, w.kind, w.lang, w.exclude)
                   for w in accounts.list_watches(self.store, active_only=True)]
        wanted: dict[StreamKey, Any] = {}
        for account in accounts.list_accounts(self.store):
            if (not account.enabled or not account.remote_id
                    or account.id in self._needs_sign_in or not self.leases.holds(account.id)):
                continue
            try:
                channel = self.channel_for(account.id)
            except ChannelError:
                continue
            specs = getattr(channel, "stream_specs", None)
            for spec in specs(watches) if callable(specs) else ():
                wanted[StreamKey(account.id, spec.route)] = spec
        return wanted

    def sync_once(self, keep_leases: bool = False) -> list[SyncReport]:
        """Pull every enabled account once and send the outbox (blocking); `keep_leases`:
        this console passes again soon, and keeps pulling its accounts meanwhile."""
        reports = [self.sync_account(a.id) for a in accounts.list_accounts(self.store) if a.enabled]
        if not self._threads and not keep_leases:  # a one-off pass leaves them to others
            for report in reports:
                self.leases.release(report.account_id)
        self.flush_outbox(wait=SENDER_WAIT)
        return reports

    # --- outbox ---------------------------------------------------------------------------

    def flush_outbox(self, now: datetime | None = None, wait: float = 0.0) -> dict[str, int]:
        """Send every reply due by `now`; returns the outbox counts after.

        When another console on this workspace is sending (for `wait` seconds), this pass
        sends nothing: that console sends every due reply, whoever queued it.
        """
        self._refuse_if_damaged()
        with self._sender.hold(wait) as mine:
            for reply in outbox.due_replies(now) if mine else ():
                if self._stop.is_set():
                    break
                if not may_send(self.store, reply, self.channel_for):
                    continue
                state = send_one(self.store, reply, self.channel_for)
                after = next((r for r in outbox.replies_for(reply.mention_id)
                              if r.id == reply.id), None)
                self._emit(OutboxChanged(outbox.counts(), reply.id, reply.mention_id, state,
                                         after.error if after else ""))
                if state == "sent":
                    self._emit(MentionsChanged((reply.mention_id,)))
        return outbox.counts()

    def _refuse_if_damaged(self) -> None:
        """A database found damaged takes nothing more: the pass stops (StoreCorrupt)."""
        if self.store.damaged:
            error = self.store.mark_damaged(self.store.damaged)
            self.report_workspace(str(error))
            raise error

    def wake_outbox(self) -> None:
        """A reply was queued: send it as soon as it is due."""
        self._emit(OutboxChanged(outbox.counts()))
        self._outbox_wake.set()

    def wake(self) -> None:
        """Pull every account now (e.g. the agent pressed Refresh or signed in again)."""
        for account_id in list(self._next_poll):
            self._next_poll[account_id] = 0.0
        self._wake.set()

    # --- background -----------------------------------------------------------------------

    def start(self) -> None:
        if self._threads:
            return
        self._stop.clear()
        self._pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="posventa-pull")
        # Load triage's language model and lexicons now, off the GUI thread, and read
        # every page of the database once (too slow to do before the window opens).
        self._pool.submit(self.triager.warm_up)
        self._pool.submit(self._check_database)
        for target, name in ((self._schedule_loop, "posventa-sync"),
                             (self._outbox_loop, "posventa-outbox")):
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)
        if self.team_watch is not None:
            self.team_watch.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        self._outbox_wake.set()
        self.live.stop()
        if self.team_watch is not None:
            self.team_watch.stop()
        for thread in self._threads:
            thread.join(timeout)
        self._threads.clear()
        self.leases.close()  # another console takes the accounts over
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        with self._channels_lock:
            channels, self._channels = list(self._channels.values()), {}
        for channel in channels:
            channel.close()

    def _check_database(self) -> None:
        path = self.store.path
        if not isinstance(path, Path):
            return
        problem = check_integrity(path, thorough=True)
        if problem is not None:
            log.error("database integrity check failed: %s", problem)
            self.store.mark_damaged(problem)  # nothing more is written to it
            self._emit(AccountStatus(0, translate("Sync", "workspace"), "error", translate(
                "Sync", "the workspace database is damaged ({problem}); restore a backup")
                .format(problem=problem)))
            return
        # Only a sound database is worth keeping: the daily automatic backup.
        if self._keep_backup is None:
            return
        try:
            self._keep_backup(path)
        except BackupError as exc:
            log.warning("automatic backup failed: %s", exc)
            self._emit(AccountStatus(0, translate("Sync", "workspace"), "error", translate(
                "Sync", "automatic backup failed: {error}").format(error=exc)))

    def _schedule_loop(self) -> None:
        while not self._stop.is_set():
            now = time.monotonic()
            if now - self._leases_checked >= LEASE_CHECK:
                self._leases_checked = now
                self.leases.verify()  # a lost lease stops its streams at the next reconcile
            if now - self._streams_checked >= 1.0:
                self._streams_checked = now
                try:
                    self.live.reconcile(self._wanted_streams())
                except Exception:  # e.g. the database is busy: try again next round
                    log.exception("could not update the live streams")
            for account in [] if self.store.damaged else accounts.list_accounts(self.store):
                if not account.enabled or self._pool is None:
                    continue
                running = self._running.get(account.id)
                if running is not None and not running.done():
                    continue
                if self._next_poll.get(account.id, 0.0) <= now:
                    self._next_poll[account.id] = now + self.settings.sync_interval
                    self._running[account.id] = self._pool.submit(self.sync_account, account.id)
            self._wake.wait(0.5)
            self._wake.clear()

    def _outbox_loop(self) -> None:
        while not self._stop.is_set():
            try:
                if not self.store.damaged:  # a damaged file takes no "sending" or "sent"
                    self.flush_outbox()
            except Exception:
                log.exception("outbox pass failed")
            due = outbox.next_due_at()
            wait = 2.0
            if due is not None:
                wait = min(max((due - utcnow()).total_seconds(), 0.05), 2.0)
            self._outbox_wake.wait(wait)
            self._outbox_wake.clear()

