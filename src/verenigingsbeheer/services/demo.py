"""A realistic demo association: a Hague mixed choir with members, voice parts and a board.

Deterministic for a given seed and date, so screenshots and tests are repeatable.
Later areas add their season's data here as they land.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from sqlalchemy import insert

from verenigingsbeheer.db.database import Database
from verenigingsbeheer.db.models import BoardFunction, Member, MembershipPeriod, Person, Section
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
        with database.transaction() as session:
            _fill(session, rng, members, today)
    except BaseException:
        database.close()
        path.unlink(missing_ok=True)
        raise
    return database


def _fill(session, rng: random.Random, current: int, today: dt.date) -> None:
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
    if persons:
        session.execute(insert(Person), persons)
        session.execute(insert(Member), member_rows)
        session.execute(insert(MembershipPeriod), periods)

    joined = {period["member_id"]: period["start_date"] for period in periods}
    board_members = rng.sample(range(1, current + 1), k=min(len(BOARD), current))
    for title, member_id in zip(BOARD, board_members, strict=False):
        elected = dt.date(today.year - rng.randint(0, 4), 1, 1)
        session.add(
            BoardFunction(
                member_id=member_id, title=title, start_date=max(elected, joined[member_id])
            )
        )


def _ascii(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.replace("ı", "i").replace("ş", "s").encode("ascii", "ignore").decode()
