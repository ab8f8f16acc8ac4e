"""SLA arithmetic: due times in business hours, and how a clock reads right now.

A team works certain hours on each weekday in one time zone, minus holidays. A target
such as "first response within 1 hour" means one hour *of those hours*: a complaint that
arrives on Friday at 17:30 in a team open 09:00-18:00 is due on Monday at 09:30.

All arithmetic is done on aware UTC datetimes; opening hours are wall-clock times in the
team's zone, turned into UTC per calendar day, so a day on which the clocks change lasts
23 or 25 hours and every due time stays right across daylight-saving changes. A wall time
that does not exist (inside the spring-forward gap) counts as the moment just after it.
Overnight windows are not supported: use 00:00-24:00 for round-the-clock days.

"Waiting on customer" pauses the resolution clock: when the case leaves that state its
resolution due time moves later by the business time spent waiting (see
:func:`resume_after_pause`). The first-response clock never pauses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_DAYS = 3 * 366  # a target can never reach further than this many calendar days


class SlaError(ValueError):
    """An SLA setting cannot be used; the message says why."""


Window = tuple[int, int]  # minutes from local midnight: open, close (close <= 1440)


@dataclass(frozen=True)
class BusinessHours:
    """When the team works: one window per weekday (None: closed), a zone, holidays."""

    zone: str = "Europe/Madrid"
    week: tuple[Window | None, ...] = ((540, 1080),) * 5 + (None, None)
    holidays: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        try:
            ZoneInfo(self.zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise SlaError(f"{self.zone!r} is not a known time zone (e.g. Europe/Madrid)"
                           ) from None
        if len(self.week) != 7:
            raise SlaError("business hours need one entry per weekday")
        for window in self.week:
            if window is not None and not 0 <= window[0] < window[1] <= 1440:
                raise SlaError("a day's opening time must come before its closing time")
        if all(window is None for window in self.week):
            raise SlaError("business hours need at least one open day")

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.zone)

    def window(self, day: date) -> tuple[datetime, datetime] | None:
        """The open hours of one local calendar day, as aware UTC datetimes."""
        if day in self.holidays:
            return None
        hours = self.week[day.weekday()]
        if hours is None:
            return None
        midnight = datetime(day.year, day.month, day.day, tzinfo=self.tz)
        # Wall-clock arithmetic on purpose: 09:00 is 09:00 local whatever the offset.
        start = (midnight + timedelta(minutes=hours[0])).astimezone(UTC)
        end = (midnight + timedelta(minutes=hours[1])).astimezone(UTC)
        return start, end

    def local_day(self, moment: datetime) -> date:
        return moment.astimezone(self.tz).date()


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def add_business(start: datetime, seconds: float, hours: BusinessHours) -> datetime:
    """The moment `seconds` of business time after `start` (negative: before it)."""
    start = _utc(start)
    if seconds == 0:
        return start
    if seconds < 0:
        return _subtract_business(start, -seconds, hours)
    remaining = seconds
    day = hours.local_day(start)
    for _ in range(MAX_DAYS):
        window = hours.window(day)
        if window is not None:
            begin = max(window[0], start)
            if begin < window[1]:
                available = (window[1] - begin).total_seconds()
                if remaining <= available:
                    return begin + timedelta(seconds=remaining)
                remaining -= available
        day += timedelta(days=1)
    raise SlaError("the target reaches beyond three years of business hours")


# The cases a page of a pull opens all start when the page was stored, and fall in a few
# priority tiers: their due times are worked out once (the walk over days is pure).
_due = lru_cache(maxsize=1024)(add_business)


def _subtract_business(end: datetime, seconds: float, hours: BusinessHours) -> datetime:
    remaining = seconds
    day = hours.local_day(end)
    for _ in range(MAX_DAYS):
        window = hours.window(day)
        if window is not None:
            finish = min(window[1], end)
            if finish > window[0]:
                available = (finish - window[0]).total_seconds()
                if remaining <= available:
                    return finish - timedelta(seconds=remaining)
                remaining -= available
        day -= timedelta(days=1)
    raise SlaError("the target reaches beyond three years of business hours")


def business_seconds(start: datetime, end: datetime, hours: BusinessHours) -> float:
    """Business time between two moments (negative when `end` is before `start`)."""
    start, end = _utc(start), _utc(end)
    if end < start:
        return -business_seconds(end, start, hours)
    total = 0.0
    day, last = hours.local_day(start), hours.local_day(end)
    while day <= last:
        window = hours.window(day)
        if window is not None:
            begin, finish = max(window[0], start), min(window[1], end)
            if finish > begin:
                total += (finish - begin).total_seconds()
        day += timedelta(days=1)
    return total


# --- targets per priority ------------------------------------------------------------------

@dataclass(frozen=True)
class Target:
    """One priority tier: from which priority score it applies, and its two targets."""

    tier: str
    min_priority: int
    first_response: int  # business minutes
    resolution: int  # business minutes


DEFAULT_TARGETS = (
    Target("urgent", 80, 60, 8 * 60),
    Target("high", 60, 2 * 60, 16 * 60),
    Target("normal", 30, 4 * 60, 24 * 60),
    Target("low", 0, 8 * 60, 40 * 60),
)


@dataclass(frozen=True)
class SlaPolicy:
    """Business hours and per-priority targets: everything a due time depends on."""

    hours: BusinessHours = field(default_factory=BusinessHours)
    targets: tuple[Target, ...] = DEFAULT_TARGETS

    def target_for(self, priority: int) -> Target:
        """The tier of a priority score (0-100): the highest tier it reaches."""
        for target in sorted(self.targets, key=lambda t: t.min_priority, reverse=True):
            if priority >= target.min_priority:
                return target
        return min(self.targets, key=lambda t: t.min_priority)

    def first_response_due(self, start: datetime, priority: int) -> datetime:
        return _due(start, self.target_for(priority).first_response * 60, self.hours)

    def resolution_due(self, start: datetime, priority: int) -> datetime:
        return _due(start, self.target_for(priority).resolution * 60, self.hours)

    def retarget(self, due: datetime, old_priority: int, new_priority: int,
                 kind: str) -> datetime:
        """Move a due time by the difference between two tiers' targets (`kind`:
        first_response or resolution), keeping any pause already added to it."""
        old = getattr(self.target_for(old_priority), kind)
        new = getattr(self.target_for(new_priority), kind)
        return add_business(due, (new - old) * 60, self.hours)


def resume_after_pause(due: datetime, paused_at: datetime, resumed_at: datetime,
                       hours: BusinessHours) -> datetime:
    """The resolution due time after a "waiting on customer" pause.

    What was left on the clock when it paused (business time from `paused_at` to `due`,
    negative if it had already run out) is counted again from `resumed_at`.
    """
    left = business_seconds(paused_at, due, hours)
    if left <= 0:
        return _utc(due)  # already breached before the pause: the breach stands
    return add_business(resumed_at, left, hours)


# --- how a clock reads now -----------------------------------------------------------------

CLOCK_STATES = ("none", "running", "soon", "breached", "met", "late", "paused", "unanswered")


@dataclass(frozen=True)
class Clock:
    """One SLA clock as the agent sees it.

    state: none (no target), running, soon (inside the warning window), breached (due time
    passed, not done), met (done in time), late (done after the due time), paused,
    unanswered (the case was closed or resolved with no reply sent: its own outcome).
    left: time until the due time (negative once breached); None when done or paused.
    """

    kind: str  # first_response | resolution
    state: str
    due: datetime | None
    done_at: datetime | None = None
    left: timedelta | None = None

    @property
    def alarming(self) -> bool:
        return self.state in ("soon", "breached")


def read_clock(kind: str, due: datetime | None, done_at: datetime | None, now: datetime,
               warning: timedelta, paused: bool = False) -> Clock:
    """The state of one clock at `now`."""
    if due is None:
        return Clock(kind, "none", None, done_at)
    due = _utc(due)
    if done_at is not None:
        done_at = _utc(done_at)
        return Clock(kind, "met" if done_at <= due else "late", due, done_at)
    if paused:
        return Clock(kind, "paused", due)
    left = due - _utc(now)
    if left <= timedelta(0):
        return Clock(kind, "breached", due, None, left)
    return Clock(kind, "soon" if left <= warning else "running", due, None, left)


def span_text(span: timedelta, compact: bool = False) -> str:
    """A short duration: "45 min", "3 h 20 min", "2 d 4 h" (compact: "45m", "3h 20m", "2d 4h")."""
    minutes = int(abs(span).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours_, mins = divmod(rest, 60)
    d, h, m = ("d", "h", "m") if compact else (" d", " h", " min")
    if days:
        return f"{days}{d} {hours_}{h}" if hours_ else f"{days}{d}"
    if hours_:
        return f"{hours_}{h} {mins}{m}" if mins else f"{hours_}{h}"
    return f"{mins}{m}"
