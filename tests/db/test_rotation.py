"""Rotation: the newest of each day, ISO week and month, the last 48 hours, nothing else's."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

from verenigingsbeheer.db import backups
from verenigingsbeheer.db.rotation import RotationPolicy, to_keep

NOW = dt.datetime(2026, 3, 7, 12, 0)


def test_daily_weekly_monthly_and_everything_recent():
    # Four backups a day for 500 days.
    moments = [NOW - dt.timedelta(hours=6 * i) for i in range(4 * 500)]
    kept = sorted((moments[i] for i in to_keep(moments, NOW, RotationPolicy())), reverse=True)
    recent = [m for m in kept if m >= NOW - dt.timedelta(hours=48)]
    assert len(recent) == 9  # every 6 hours, both ends included
    older = [m for m in kept if m < NOW - dt.timedelta(hours=48)]
    assert len({m.date() for m in older}) == len(older)  # one a day at most
    # The 7 newest days (3 of them inside the 48 hours), 4 ISO weeks and 12 months.
    newest_days = sorted({m.date() for m in moments}, reverse=True)[:7]
    assert set(newest_days) <= {m.date() for m in kept}
    newest_weeks = sorted({m.isocalendar()[:2] for m in moments}, reverse=True)[:4]
    assert set(newest_weeks) <= {m.isocalendar()[:2] for m in kept}
    months = {(m.year, m.month) for m in kept}
    assert len(months) == 12 and min(months) == (2025, 4)
    assert max(kept) == NOW
    # Each month's backup is its newest: the last one of the month's last day.
    assert dt.datetime(2025, 4, 30, 18) in kept and dt.datetime(2025, 4, 30, 12) not in kept


def test_the_newest_of_each_period_is_the_one_kept():
    moments = [dt.datetime(2026, 1, d, h) for d in range(1, 29) for h in (8, 20)]
    kept = {moments[i] for i in to_keep(moments, NOW, RotationPolicy(daily=0, weekly=0, monthly=1))}
    assert kept == {dt.datetime(2026, 1, 28, 20)}
    kept = {moments[i] for i in to_keep(moments, NOW, RotationPolicy(daily=2, weekly=0, monthly=0))}
    assert kept == {dt.datetime(2026, 1, 28, 20), dt.datetime(2026, 1, 27, 20)}


def test_nothing_of_the_last_48_hours_is_deleted_and_the_newest_always_stays():
    policy = RotationPolicy(daily=0, weekly=0, monthly=0)
    moments = [NOW - dt.timedelta(minutes=10 * i) for i in range(200)]
    kept = to_keep(moments, NOW, policy)
    assert {i for i, m in enumerate(moments) if m >= NOW - dt.timedelta(hours=48)} <= kept
    old = [NOW - dt.timedelta(days=400)]
    assert to_keep(old, NOW, policy) == {0}


def test_rotation_deletes_only_this_associations_own_backups(demo_path: Path, tmp_path: Path):
    folder = tmp_path / "kopieen"
    days = [NOW - dt.timedelta(days=d) for d in range(0, 60)]
    ours = [backups.make_backup(demo_path, folder, "bij-openen", now=m) for m in days]
    # Another association whose file has the same name, in the same folder.
    other = tmp_path / "ander" / demo_path.name
    other.parent.mkdir()
    shutil.copy(demo_path, other)
    with sqlite3.connect(other) as db:
        db.execute("UPDATE association SET file_uid = '11111111-2222-4333-8444-555555555555'")
    theirs = [backups.make_backup(other, folder, "bij-openen", now=m) for m in days]
    # Files that are not ours, one even named like our backups.
    foreign = [folder / "boodschappen.txt", folder / "koor-kopie.sqlite"]
    for path in foreign:
        path.write_text("niet van ons")
    uid = backups.file_uid_of(demo_path)
    forged = folder / f"koor-{backups.tag_of(uid)}-20250101-120000-handmatig.sqlite"
    shutil.copy(theirs[-1], forged)  # our tag in the name, another file_uid inside
    damaged = folder / f"koor-{backups.tag_of(uid)}-20250102-120000-handmatig.sqlite"
    damaged.write_bytes(b"kapot")

    deleted = backups.rotate(folder, uid, RotationPolicy(), NOW)

    assert deleted and set(deleted) <= set(ours)
    left = sorted(backups.parse(p).made_at.date() for p in ours if p.exists())
    # 7 days (the 48 hours inside them), ISO weeks to Feb 15, and Feb and Jan's last days.
    expected = [dt.date(2026, 3, d) for d in range(1, 8)]
    expected += [dt.date(2026, 1, 31), dt.date(2026, 2, 15), dt.date(2026, 2, 22)]
    expected.append(dt.date(2026, 2, 28))
    assert left == sorted(expected)
    assert all(p.exists() for p in theirs + foreign + [forged, damaged])
