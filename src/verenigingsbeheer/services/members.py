"""Member lists and counts as plain rows, for the pages, the CLI and the reports."""

from __future__ import annotations

import datetime as dt
import gc
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import String, and_, case, cast, func, or_, select
from sqlalchemy.orm import Session

from verenigingsbeheer.db.models import (
    BoardFunction,
    Consent,
    Member,
    MembershipPeriod,
    MembershipType,
    Person,
    Section,
)
from verenigingsbeheer.domain.person import PersonName, fold


@dataclass(slots=True)
class MemberRow:
    """One line of the member list: plain values, no ORM object. Treat it as read-only
    (not frozen only because frozen dataclasses are slow to build by the ten thousand)."""

    member_id: int
    member_number: int
    name: PersonName
    section: str
    email: str
    phone: str
    member_since: dt.date | None
    member_until: dt.date | None
    functions: str
    current: bool = True
    membership_type: str = ""
    date_of_birth: dt.date | None = None
    street: str = ""
    house_number: str = ""
    house_number_addition: str = ""
    postcode: str = ""
    town: str = ""
    country: str = "NL"
    iban: str = ""
    has_mandate: bool = False
    ooievaarspas: bool = False
    household_id: int | None = None
    # The kinds of consent given ("photos", "newsletter", "alumni").
    consents: frozenset[str] = frozenset()

    @property
    def photo_consent(self) -> bool:
        return "photos" in self.consents

    @property
    def newsletter_consent(self) -> bool:
        return "newsletter" in self.consents

    @property
    def address(self) -> str:
        """ "Spui 70 A": street, number and addition as on an envelope."""
        number = " ".join(p for p in (self.house_number, self.house_number_addition) if p)
        return " ".join(p for p in (self.street, number) if p)

    @property
    def search_text(self) -> str:
        """What the member page's search looks in: lower case, accents removed."""
        text = (
            f"{self.section} {self.member_number} {self.name.first_name} "
            f"{self.name.tussenvoegsel} {self.name.last_name} {self.email} {self.phone} "
            f"{self.street} {self.house_number}{self.house_number_addition} {self.postcode} "
            f"{self.postcode.replace(' ', '')} {self.town}"
        ).lower()
        return text if text.isascii() else fold(text)

    @property
    def is_board(self) -> bool:
        return bool(self.functions)

    def is_current(self, on: dt.date) -> bool:
        """Kept for callers that pass the day; the row knows it for the day it was read."""
        return self.current


@dataclass(frozen=True, slots=True)
class BoardRow:
    member_id: int
    title: str
    name: PersonName
    since: dt.date
    committee: str = ""  # empty for the board itself


def _current_period(on: dt.date):
    return and_(
        MembershipPeriod.start_date <= on,
        or_(MembershipPeriod.end_date.is_(None), MembershipPeriod.end_date >= on),
    )


def list_members(session: Session, on: dt.date, *, include_former: bool = False) -> list[MemberRow]:
    """Every member, sorted as a Dutch list (tussenvoegsel ignored).

    `member_since` is the first day ever joined, `member_until` the end of the latest
    period (None while it runs); `current` tells whether a period covers `on`.

    Built for speed (the member page opens on 10,000 members): periods, functions and
    category names come as separate small lookups, all rows are fetched at once, and
    only the non-ASCII names go through the slower Unicode folding.
    """
    with bulk_allocation():
        connection = session.connection()
        periods = _period_summaries(connection, on)
        titles = _current_titles(connection, on)
        consents = _consent_kinds(connection)
        section_names = dict(connection.execute(select(Section.id, Section.name)).all())
        type_names = dict(connection.execute(select(MembershipType.id, MembershipType.name)).all())
        query = select(
            Member.id, Member.member_number, Person.first_name, Person.tussenvoegsel,
            Person.last_name, Person.initials, Member.section_id, Member.membership_type_id,
            Person.email, Person.phone, _raw(Person.date_of_birth), Person.street,
            Person.house_number, Person.house_number_addition, Person.postcode, Person.town,
            Person.country, Member.iban, Member.mandate_reference != "", Member.ooievaarspas,
            Member.household_id,
        ).join(Person, Person.id == Member.person_id)  # fmt: skip
        not_a_member = (None, None, False)
        from_iso = dt.date.fromisoformat
        rows: list[MemberRow] = []
        keys: list[str] = []
        append = rows.append
        # Positional and unpacked: this loop runs 10,000 times when the member page opens.
        for (member_id, number, first, tussen, last, initials, section_id, type_id, email,
             phone, born, street, house, addition, postcode, town, country, iban, mandate,
             has_pass, household) in connection.execute(query).all():  # fmt: skip
            since, until, current = periods.get(member_id, not_a_member)
            if not (current or include_former):
                continue
            name = PersonName(first, last, tussen, initials)
            section = section_names.get(section_id, "")
            # PersonName.sort_key as one string ("\x01" sorts before any letter, so
            # "Berg" still comes before "Bergen"): quicker to sort than tuples.
            key = f"{last}\x01{first}\x01{tussen}"
            key = key.lower() if key.isascii() else "\x01".join(name.sort_key)
            keys.append(key)
            append(MemberRow(
                member_id, number, name, section, email, phone, since, until,
                titles.get(member_id, ""), current, type_names.get(type_id, ""),
                from_iso(born) if born else None, street, house, addition, postcode, town,
                country, iban,
                bool(mandate), bool(has_pass), household, consents.get(member_id, _NONE),
            ))  # fmt: skip
        order = sorted(range(len(keys)), key=keys.__getitem__)
        return [rows[number] for number in order]


def _period_summaries(connection, on: dt.date) -> dict[int, tuple[dt.date, dt.date | None, bool]]:
    """member id -> (first day ever, end of the latest period or None, current on `on`)."""
    covers = case((_current_period(on), 1), else_=0)
    query = select(
        MembershipPeriod.member_id,
        _raw(MembershipPeriod.start_date),
        _raw(MembershipPeriod.end_date),
        covers,
    )
    texts: dict[int, tuple[str, str | None, bool]] = {}
    for member_id, start, end, current in connection.execute(query).all():
        seen = texts.get(member_id)
        if seen is None:
            texts[member_id] = (start, end, bool(current))
            continue
        until = None if seen[1] is None or end is None else max(seen[1], end)
        texts[member_id] = (min(seen[0], start), until, seen[2] or bool(current))
    from_iso = dt.date.fromisoformat
    return {
        member_id: (from_iso(start), from_iso(end) if end else None, current)
        for member_id, (start, end, current) in texts.items()
    }


_NONE: frozenset[str] = frozenset()


def _consent_kinds(connection) -> dict[int, frozenset[str]]:
    """member id -> the kinds of consent given."""
    kinds: dict[int, set[str]] = {}
    for member_id, kind in connection.execute(select(Consent.member_id, Consent.kind)).all():
        kinds.setdefault(member_id, set()).add(kind)
    return {member_id: frozenset(given) for member_id, given in kinds.items()}


def _current_titles(connection, on: dt.date) -> dict[int, str]:
    """member id -> "Penningmeester, Voorzitter (Muziekcommissie)": functions held on `on`."""
    query = (
        select(BoardFunction.member_id, BoardFunction.title, BoardFunction.committee)
        .where(
            BoardFunction.start_date <= on,
            or_(BoardFunction.end_date.is_(None), BoardFunction.end_date >= on),
        )
        .order_by(BoardFunction.id)
    )
    titles: dict[int, str] = {}
    for member_id, title, committee in connection.execute(query):
        text = function_label(title, committee)
        titles[member_id] = f"{titles[member_id]}, {text}" if member_id in titles else text
    return titles


def function_label(title: str, committee: str) -> str:
    """ "Voorzitter" on the board, "Voorzitter (Muziekcommissie)" in a committee."""
    return f"{title} ({committee})" if committee else title


def _raw(column):
    """A date column as ISO text ("2026-03-07"), parsed by `date.fromisoformat`: faster
    than SQLAlchemy's per-value processor, and the same on SQLite and PostgreSQL."""
    return cast(column, String)


@contextmanager
def bulk_allocation() -> Iterator[None]:
    """Pause the cyclic garbage collector while ten thousand rows are built: the rows hold
    no cycles, and a full collection in the middle would cost more than building them."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _as_date(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value  # type: ignore[return-value]
    return dt.date.fromisoformat(str(value))


def count_current(session: Session, on: dt.date) -> int:
    query = select(func.count(func.distinct(MembershipPeriod.member_id))).where(_current_period(on))
    return int(session.execute(query).scalar_one())


def count_former(session: Session, on: dt.date) -> int:
    total = int(session.execute(select(func.count(Member.id))).scalar_one())
    return total - count_current(session, on)


def current_per_section(session: Session, on: dt.date) -> list[tuple[str, int]]:
    """(section, current members) in the section's own order; members without one last."""
    current = select(MembershipPeriod.member_id).where(_current_period(on))
    query = (
        select(Section.name, Section.sort_order, func.count(Member.id))
        .select_from(Member)
        .outerjoin(Section, Section.id == Member.section_id)
        .where(Member.id.in_(current))
        .group_by(Section.id)
        .order_by(func.coalesce(Section.sort_order, 1_000_000), Section.name)
    )
    return [(name or "", int(count)) for name, _order, count in session.execute(query)]


def current_board(session: Session, on: dt.date) -> list[BoardRow]:
    """The board on `on` (committees not included), in the order the functions were made."""
    return [row for row in current_functions(session, on) if not row.committee]


def current_functions(session: Session, on: dt.date) -> list[BoardRow]:
    """Board and committee functions held on `on`: the board first, then each committee
    in alphabetical order; within each, in the order the functions were made."""
    query = (
        select(
            BoardFunction.member_id,
            BoardFunction.title,
            BoardFunction.start_date,
            BoardFunction.committee,
            Person.first_name,
            Person.tussenvoegsel,
            Person.last_name,
        )
        .join(Member, Member.id == BoardFunction.member_id)
        .join(Person, Person.id == Member.person_id)
        .where(
            BoardFunction.start_date <= on,
            or_(BoardFunction.end_date.is_(None), BoardFunction.end_date >= on),
        )
        .order_by(BoardFunction.committee != "", func.lower(BoardFunction.committee))
        .order_by(BoardFunction.id)
    )
    return [
        BoardRow(
            row.member_id,
            row.title,
            PersonName(row.first_name, row.last_name, row.tussenvoegsel),
            row.start_date,
            row.committee,
        )
        for row in session.execute(query)
    ]


def committee_names(session: Session) -> list[str]:
    """Every committee name used so far, for the choice in the member form."""
    query = (
        select(BoardFunction.committee)
        .where(BoardFunction.committee != "")
        .distinct()
        .order_by(func.lower(BoardFunction.committee))
    )
    return list(session.execute(query).scalars())


def tally_current(
    rows: Iterable[MemberRow], field: str, order: Sequence[str]
) -> list[tuple[str, int]]:
    """(section or type, current members) from rows already read, in the categories' own
    order and those without one last: the same figures as `current_per_section` and
    `current_per_type`, without asking the database again."""
    counts = Counter(getattr(row, field) for row in rows if row.current)
    position = {name: number for number, name in enumerate(order)}
    ranked = sorted(counts, key=lambda name: (name == "", position.get(name, len(order)), name))
    return [(name, counts[name]) for name in ranked]


def current_per_type(session: Session, on: dt.date) -> list[tuple[str, int]]:
    """(membership type, current members) in the types' own order; no type last."""
    current = select(MembershipPeriod.member_id).where(_current_period(on))
    query = (
        select(MembershipType.name, func.count(Member.id))
        .select_from(Member)
        .outerjoin(MembershipType, MembershipType.id == Member.membership_type_id)
        .where(Member.id.in_(current))
        .group_by(MembershipType.id)
        .order_by(func.coalesce(MembershipType.sort_order, 1_000_000), MembershipType.name)
    )
    return [(name or "", int(count)) for name, count in session.execute(query)]
