"""Which backups to keep: the newest of each recent day, ISO week and month.

Pure date arithmetic, so tests give it any clock. Everything of the last 48 hours is
kept as well, so a backup made just before an import is never deleted right after it,
and the newest backup is always kept whatever the numbers say.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

MAX_KEEP = 1000


@dataclass(frozen=True)
class RotationPolicy:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12
    recent_hours: int = 48


def _day(moment: dt.datetime) -> Hashable:
    return moment.date()


def _week(moment: dt.datetime) -> Hashable:
    year, week, _weekday = moment.isocalendar()
    return year, week


def _month(moment: dt.datetime) -> Hashable:
    return moment.year, moment.month


def to_keep(moments: Sequence[dt.datetime], now: dt.datetime, policy: RotationPolicy) -> set[int]:
    """The indexes into `moments` of the backups to keep.

    For each rule the backups are walked newest first and one is kept per period (day,
    ISO week, month) until the rule's number of periods is reached: "7 daily" is the
    newest backup of each of the 7 most recent days that have one.
    """
    order = sorted(range(len(moments)), key=lambda i: moments[i], reverse=True)
    keep: set[int] = set(order[:1])
    recent = now - dt.timedelta(hours=policy.recent_hours)
    keep |= {i for i in order if moments[i] >= recent}
    rules: tuple[tuple[int, Callable[[dt.datetime], Hashable]], ...] = (
        (policy.daily, _day),
        (policy.weekly, _week),
        (policy.monthly, _month),
    )
    for count, period_of in rules:
        seen: list[Hashable] = []
        for i in order:
            if len(seen) >= count:
                break
            period = period_of(moments[i])
            if period not in seen:
                seen.append(period)
                keep.add(i)
    return keep
