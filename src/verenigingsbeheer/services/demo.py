"""A realistic demo association: a Hague mixed choir with members, voice parts and a board.

Deterministic for a given seed and date, so screenshots and tests are repeatable.
Later areas add their season's data here as they land.
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
from verenigingsbeheer.domain.association import AssociationDetails
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
        local = ".".join(p for p in (first, tussen.replace(" ", "").replace("'", ""), last) if p)
        email = (
            _ascii(local.lower().replace(" ", ""))
            + "@"
            + rng.choice(
                ("ziggo.nl", "kpnmail.nl", "gmail.com", "hetnet.nl", "xs4all.nl", "outlook.com")
            )
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
    households, consents = _enrich(
        session, random.Random(f"{seed}-details"), persons, member_rows, periods, today
    )
    if persons:
        if households:
            session.execute(insert(Household), households)
        session.execute(insert(Person), persons)
        session.execute(insert(Member), member_rows)
        session.execute(insert(MembershipPeriod), periods)
        session.execute(insert(Consent), consents)
        session.execute(select(Association)).scalar_one().last_member_number = len(member_rows)

    joined = {period["member_id"]: period["start_date"] for period in periods}
    board_members = rng.sample(range(1, current + 1), k=min(len(BOARD), current))
    for title, member_id in zip(BOARD, board_members, strict=False):
        elected = dt.date(today.year - rng.randint(0, 4), 1, 1)
        session.add(
            BoardFunction(
                member_id=member_id, title=title, start_date=max(elected, joined[member_id])
            )
        )


BANKS = ("ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ")
TOWNS = ("Den Haag",)  # the streets are Hague streets


def _iban(rng: random.Random) -> str:
    from stdnum import iban

    bban = rng.choice(BANKS) + f"{rng.randint(0, 9_999_999_999):010d}"
    return f"NL{iban.calc_check_digits('NL00' + bban)}{bban}"


def _enrich(
    session, rng: random.Random, persons, member_rows, periods, today: dt.date
) -> tuple[list[dict], list[dict]]:
    """Addresses, birth dates, bank details, passes, consents and a few households.

    A separate random stream, so names stay the same as in earlier versions of the demo.
    """
    types = {row.name: row.id for row in session.execute(select(MembershipType)).scalars()}
    households: list[dict] = []
    previous = None
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
        if previous is not None and rng.random() < 0.06:  # shares the previous address
            for key in ("street", "house_number", "house_number_addition", "postcode", "town"):
                person[key] = previous[key]
            if previous["_household"] is None:
                households.append({"id": len(households) + 1, "name": previous["last_name"]})
                previous["_household"] = len(households)
                previous["_member"]["household_id"] = len(households)
                previous["_member"]["pays_for_household"] = True
            member["household_id"] = previous["_household"]
        else:
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
        person["_household"] = member.get("household_id")
        person["_member"] = member
        previous = person
    for person in persons:
        del person["_household"], person["_member"]
    consents = []
    for person, member in zip(persons, member_rows, strict=True):
        for kind, share in (("photos", 0.7), ("newsletter", 0.85)):
            if rng.random() < share:
                given = max(
                    person["date_of_birth"], today - dt.timedelta(days=rng.randint(1, 3000))
                )
                parent = ""
                if (given - person["date_of_birth"]).days < 16 * 365.25:
                    parent = f"ouder van {person['first_name']}"
                consents.append(
                    {
                        "member_id": member["id"],
                        "kind": kind,
                        "given_on": given,
                        "given_by_parent": parent,
                    }
                )
    return households, consents


def _ascii(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.replace("ı", "i").replace("ş", "s").encode("ascii", "ignore").decode()
