"""A realistic demo association: a Hague mixed choir with members, voice parts and a board.

Deterministic for a given seed and date, so screenshots and tests are repeatable.
Later areas add their season's data here as they land (activities: `demo_activities`;
rooms, bookings and rent: `demo_rooms`; volunteers, their hours and allowances:
`demo_volunteers`).
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from sqlalchemy import insert, select

from verenigingsbeheer.db import audit
from verenigingsbeheer.db.database import Database
from verenigingsbeheer.db.models import (
    Association,
    BoardFunction,
    Consent,
    Household,
    Member,
    MembershipPeriod,
    MembershipType,
    Person,
    Section,
)
from verenigingsbeheer.db.opening import create_database
from verenigingsbeheer.domain import activities as rules
from verenigingsbeheer.domain.association import AssociationDetails
from verenigingsbeheer.services import demo_activities, demo_rooms, demo_volunteers
from verenigingsbeheer.services import demo_names as names

VOICE_PARTS = ("Sopraan 1", "Sopraan 2", "Alt 1", "Alt 2", "Tenor", "Bas")
# Rough shares of a mixed choir: more women than men, fewest tenors.
VOICE_WEIGHTS = (16, 14, 16, 14, 11, 15)
BOARD = (
    "Voorzitter",
    "Secretaris",
    "Penningmeester",
    "Algemeen bestuurslid",
    "Algemeen bestuurslid",
)

DEMO_ASSOCIATION = AssociationDetails(
    name="Haags Gemengd Koor Residentie Cantorij",
    street="Prinsegracht",
    house_number="12",
    postcode="2512 GA",
    town="Den Haag",
    country="NL",
    kvk_number="40412345",
    iban="NL91ABNA0417164300",
    creditor_id="NL79ZZZ999999990000",
    financial_year_start_month=1,
)


def create_demo(
    path: Path, *, members: int = 40, seed: int = 1, today: dt.date | None = None
) -> Database:
    """Create the demo file at `path` (which must not exist) with `members` current members."""
    if members < 0:
        raise ValueError("members must not be negative")
    today = today or dt.date.today()
    rng = random.Random(seed)
    database = create_database(path, DEMO_ASSOCIATION)
    try:
        # Generated data, not anybody's changes: kept out of the audit log.
        with database.transaction() as session, audit.suspended(session):
            _fill(session, rng, seed, members, today)
    except BaseException:
        database.close()
        path.unlink(missing_ok=True)
        raise
    return database


def _fill(session, rng: random.Random, seed: int, current: int, today: dt.date) -> None:
    section_ids = []
    for order, part in enumerate(VOICE_PARTS):
        section = Section(name=part, sort_order=order)
        session.add(section)
        session.flush()
        section_ids.append(section.id)

    former = max(1, current // 8) if current else 0
    persons, member_rows, periods = [], [], []
    for index in range(current + former):
        number = index + 1
        part = rng.choices(range(len(VOICE_PARTS)), weights=VOICE_WEIGHTS)[0]
        female = part < 4
        first = rng.choice(names.FIRST_NAMES_F if female else names.FIRST_NAMES_M)
        tussen = rng.choice(names.TUSSENVOEGSELS)
        last = rng.choice(names.LAST_NAMES)
        email = _email(
            first,
            tussen,
            last,
            rng.choice(
                ("ziggo.nl", "kpnmail.nl", "gmail.com", "hetnet.nl", "xs4all.nl", "outlook.com")
            ),
        )
        persons.append(
            {
                "id": number,
                "first_name": first,
                "tussenvoegsel": tussen,
                "last_name": last,
                "initials": first[0] + ".",
                "email": email,
                "phone": f"06-{rng.randint(10000000, 99999999)}",
            }
        )
        member_rows.append(
            {
                "id": number,
                "person_id": number,
                "member_number": number,
                "section_id": section_ids[part],
                "notes": "",
            }
        )
        since = today - dt.timedelta(days=rng.randint(30, 365 * 25))
        if index < current:
            periods.append(
                {"member_id": number, "start_date": since, "end_date": None, "end_reason": ""}
            )
        else:
            left = min(today - dt.timedelta(days=rng.randint(1, 700)), today - dt.timedelta(days=1))
            since = min(since, left)
            periods.append(
                {
                    "member_id": number,
                    "start_date": since,
                    "end_date": left,
                    "end_reason": rng.choice(
                        ("Verhuisd", "Stoppen met zingen", "Gezondheid", "Te druk")
                    ),
                }
            )
    households, consents, children = _enrich(
        session,
        random.Random(f"{seed}-details"),
        random.Random(f"{seed}-households"),
        persons,
        member_rows,
        periods,
        today,
    )
    if persons:
        # NULL written as NULL: otherwise the ORM splits the rows into a batch for every
        # run of the same missing values, thousands of small statements for 10,000 members.
        for model, rows in ((Household, households), (Person, persons), (Member, member_rows),
                            (MembershipPeriod, periods), (Consent, consents)):  # fmt: skip
            if rows:
                session.execute(insert(model).execution_options(render_nulls=True), rows)
        session.execute(select(Association)).scalar_one().last_member_number = len(member_rows)

    joined = {period["member_id"]: period["start_date"] for period in periods}
    adults = [number for number in range(1, current + 1) if number not in children]
    board_members = rng.sample(adults, k=min(len(BOARD), len(adults)))
    seats = []
    for title, member_id in zip(BOARD, board_members, strict=False):
        elected = dt.date(today.year - rng.randint(0, 4), 1, 1)
        start = max(elected, joined[member_id])
        session.add(BoardFunction(member_id=member_id, title=title, start_date=start))
        seats.append(demo_volunteers.BoardSeat(title, member_id, start))  # person id = member id
    # After the members, who are written with their own ids: the venues' contacts are
    # persons too.
    rooms = demo_rooms.add_venues(session)
    # A stream of its own, so the members stay what they were for the same seed.
    season = [
        demo_activities.DemoMember(
            member["id"], member["section_id"], period["start_date"], period["end_date"]
        )
        for member, period in zip(member_rows, periods, strict=True)
    ]
    demo_activities.add_season(
        session,
        random.Random(f"{seed}-activities"),
        today,
        season,
        dict(zip(VOICE_PARTS, section_ids, strict=True)),
        rooms,
    )
    start = rules.season_of(today)[0]
    demo_rooms.add_bookings(session, start, rooms)
    demo_rooms.settle_rent(session, random.Random(f"{seed}-rent"), today)
    helpers = [
        demo_volunteers.DemoPerson(person["id"], person["date_of_birth"], period["start_date"])
        for person, period in zip(persons, periods, strict=True)
        if period["end_date"] is None
    ]
    demo_volunteers.add_volunteering(
        session, random.Random(f"{seed}-volunteers"), today, helpers, seats
    )


BANKS = ("ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ")
TOWNS = ("Den Haag",)  # the streets are Hague streets


def _iban(rng: random.Random) -> str:
    from stdnum import iban

    bban = rng.choice(BANKS) + f"{rng.randint(0, 9_999_999_999):010d}"
    return f"NL{iban.calc_check_digits('NL00' + bban)}{bban}"


def _enrich(
    session,
    rng: random.Random,
    household_rng: random.Random,
    persons,
    member_rows,
    periods,
    today: dt.date,
) -> tuple[list[dict], list[dict], set[int]]:
    """Addresses, birth dates, bank details, passes, consents and a few households.

    A separate random stream, so names stay the same as in earlier versions of the demo.
    """
    types = {row.name: row.id for row in session.execute(select(MembershipType)).scalars()}
    for person, member, period in zip(persons, member_rows, periods, strict=True):
        member.update(
            household_id=None, pays_for_household=False, mandate_reference="",
            mandate_signed_on=None, ooievaarspas=False, ooievaarspas_number="",
            ooievaarspas_valid_until=None, emergency_contact="",
        )  # fmt: skip
        age = rng.choice((rng.randint(14, 25), rng.randint(26, 85), rng.randint(26, 85)))
        born = today.replace(year=today.year - age, month=1, day=1) + dt.timedelta(
            days=rng.randint(0, 364)
        )
        born = min(born, today)
        _join_after_birth(period, born, today)
        # Households are made afterwards (`_households`); this draw once decided on them
        # at random and stays, so every other detail is what it was for the same seed.
        rng.random()
        person.update(
            street=rng.choice(names.STREETS),
            house_number=str(rng.randint(1, 400)),
            house_number_addition=rng.choice(("",) * 6 + ("a", "b", "A", "II", "bis")),
            postcode=f"{rng.choice(names.POSTCODE_DIGITS)} "
            + "".join(rng.choice("ABCDEGHJKLMNPRSTVWXZ") for _ in range(2)),
            town=rng.choice(TOWNS),
        )
        person.update(date_of_birth=born, country="NL")
        if age < 18:
            kind = "Jeugdlid"
        elif age < 26 and rng.random() < 0.6:
            kind = "Studentlid"
        else:
            kind = "Erelid" if rng.random() < 0.01 else "Lid"
        member["membership_type_id"] = types.get(kind)
        member["iban"] = _iban(rng) if rng.random() < 0.92 else ""
        if member["iban"] and rng.random() < 0.85:
            member["mandate_reference"] = f"HGK-{member['member_number']:05d}"
            member["mandate_signed_on"] = max(period["start_date"], born + dt.timedelta(days=1))
        if rng.random() < 0.08:
            member["ooievaarspas"] = True
            member["ooievaarspas_number"] = str(rng.randint(10_000_000, 99_999_999))
            member["ooievaarspas_valid_until"] = dt.date(today.year, 12, 31)
    current = sum(1 for period in periods if period["end_date"] is None)
    households, parents = _households(
        household_rng, persons, member_rows, periods, current, today, types
    )
    consents = []
    for person, member in zip(persons, member_rows, strict=True):
        for kind, share in (("photos", 0.7), ("newsletter", 0.85)):
            if rng.random() < share:
                given = max(
                    person["date_of_birth"], today - dt.timedelta(days=rng.randint(1, 3000))
                )
                parent = ""
                if (given - person["date_of_birth"]).days < 16 * 365.25:
                    parent = parents.get(member["id"], f"ouder van {person['first_name']}")
                consents.append(
                    {
                        "member_id": member["id"],
                        "kind": kind,
                        "given_on": given,
                        "given_by_parent": parent,
                    }
                )
    return households, consents, set(parents)


SURNAME = ("tussenvoegsel", "last_name")
ADDRESS = ("street", "house_number", "house_number_addition", "postcode", "town")


def _households(
    rng: random.Random, persons, member_rows, periods, current: int, today: dt.date, types
) -> tuple[list[dict], dict[int, str]]:
    """A few households among the current members, also in the smallest demo.

    In turn a couple and a parent with a child: the second takes the first's surname and
    address, and the first pays. Partners are adults of about the same age; a child is
    10 to 15, a youth member without bank details of its own. The second result maps
    each child's member id to the parent, who gives the child's consents.
    """
    pairs = list(range(0, current - 1, 2))  # members 1+2, 3+4, ...: nobody in two pairs
    chosen = sorted(rng.sample(pairs, k=min(len(pairs), max(2, current // 12))))
    households, parents = [], {}
    for number, first in enumerate(chosen, start=1):
        head = (persons[first], member_rows[first], periods[first])
        other = (persons[first + 1], member_rows[first + 1], periods[first + 1])
        head_born = head[0]["date_of_birth"]
        if number % 2:  # a couple
            if _age(head_born, today) < 25:
                head_born = head_born.replace(year=today.year - rng.randint(30, 70))
                _set_born(head, head_born, today, types)
            _set_born(other, head_born + dt.timedelta(days=rng.randint(-6 * 365, 6 * 365)),
                      today, types)  # fmt: skip
        else:  # a parent and a child
            born = today - dt.timedelta(days=round(365.25 * rng.randint(10, 15)) + 100)
            if (born - head_born).days < 24 * 365:
                _set_born(head, born.replace(year=born.year - rng.randint(26, 40)), today, types)
            _set_born(other, born, today, types)
            other[1].update(iban="", mandate_reference="", mandate_signed_on=None)
            adult = head[0]
            parents[other[1]["id"]] = " ".join(
                part for part in (adult["first_name"], *(adult[k] for k in SURNAME)) if part
            )
        person = other[0]
        person.update({key: head[0][key] for key in (*SURNAME, *ADDRESS)})
        person["email"] = _email(
            person["first_name"], person["tussenvoegsel"], person["last_name"],
            person["email"].split("@")[1],
        )  # fmt: skip
        households.append({"id": number, "name": head[0]["last_name"]})
        head[1].update(household_id=number, pays_for_household=True)
        other[1].update(household_id=number, pays_for_household=False)
    return households, parents


def _age(born: dt.date, today: dt.date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _set_born(who, born: dt.date, today: dt.date, types) -> None:
    """A new birth date for (person, member, period), and what depends on it."""
    person, member, period = who
    born = min(born, today)
    person["date_of_birth"] = born
    age, kind = _age(born, today), member["membership_type_id"]
    if kind != types.get("Erelid"):
        if age < 18:
            member["membership_type_id"] = types.get("Jeugdlid")
        elif kind == types.get("Jeugdlid") or (kind == types.get("Studentlid") and age >= 26):
            member["membership_type_id"] = types.get("Lid")
    _join_after_birth(period, born, today)
    if member["mandate_signed_on"] is not None:
        member["mandate_signed_on"] = max(member["mandate_signed_on"], period["start_date"])


def _join_after_birth(period, born: dt.date, today: dt.date) -> None:
    """Nobody joins before the age of eight."""
    earliest = born + dt.timedelta(days=2922)  # eight years
    if period["start_date"] < earliest:
        period["start_date"] = min(earliest, period["end_date"] or today)


def _email(first: str, tussen: str, last: str, domain: str) -> str:
    local = ".".join(p for p in (first, tussen.replace(" ", "").replace("'", ""), last) if p)
    return _ascii(local.lower().replace(" ", "")) + "@" + domain


def _ascii(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.replace("ı", "i").replace("ş", "s").encode("ascii", "ignore").decode()
