"""How a backup is described to the board: moment, reason, size and what it holds."""

from __future__ import annotations

import datetime as dt

from verenigingsbeheer.db.backup_info import Contents
from verenigingsbeheer.db.backups import BackupFile
from verenigingsbeheer.i18n import N_, _, ngettext
from verenigingsbeheer.i18n.formatting import format_date, format_number
from verenigingsbeheer.services.backups import reason_label

# The counts in a backup, by the keys db.backup_info uses, in the order shown.
COUNT_LABELS = (
    ("leden", N_("Current members")),
    ("oud-leden", N_("Former members")),
    ("personen", N_("Persons")),
    ("secties", N_("Sections")),
    ("bestuursfuncties", N_("Board functions")),
)


def when_text(moment: dt.datetime, style: str = "long") -> str:
    """ "7 maart 2026, 10:15" (long) or "07-03-2026, 10:15" (short, for lists)."""
    return _("{date}, {time}").format(
        date=format_date(moment.date(), style), time=f"{moment:%H:%M}"
    )


def size_text(size: int) -> str:
    if size < 1_000_000:
        return _("{n} kB").format(n=format_number(max(1, round(size / 1000))))
    return _("{n} MB").format(n=format_number(round(size / 1_000_000, 1)))


def count_lines(contents: Contents) -> list[tuple[str, str]]:
    """(label, number) for every count the backup has."""
    return [
        (_(label), format_number(contents.counts[key]))
        for key, label in COUNT_LABELS
        if key in contents.counts
    ]


def summary_fields(backup: BackupFile, contents: Contents) -> dict[str, str]:
    """{when}, {reason}, {name}, {members} and {former} for a question about a backup."""
    current = contents.counts.get("leden", 0)
    former = contents.counts.get("oud-leden", 0)
    return {
        "when": when_text(backup.made_at),
        "reason": reason_label(backup.reason),
        "name": contents.association,
        "members": ngettext("{n} current member", "{n} current members", current).format(
            n=format_number(current)
        ),
        "former": ngettext("{n} former member", "{n} former members", former).format(
            n=format_number(former)
        ),
    }
