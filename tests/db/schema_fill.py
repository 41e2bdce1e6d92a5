"""Rows for every table of every schema revision, to test migrations with data present.

Each new migration adds a filler for its revision here; a test insists on it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


def fill_0001(path: Path, members: int = 30) -> None:
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO association (id, file_uid, name, street, house_number, postcode, town,"
            " country, kvk_number, iban, creditor_id, financial_year_start_month)"
            " VALUES (1, 'uid-1', 'Oud Koor', '', '', '', '', 'NL', '', '', '', 1)"
        )
        for n in range(1, members + 1):
            db.execute(
                "INSERT INTO persons (id, first_name, tussenvoegsel, last_name, initials, email,"
                " phone) VALUES (?, ?, 'van', ?, '', '', '')",
                (n, f"Voornaam{n}", f"Achternaam{n}"),
            )
            db.execute(
                "INSERT INTO members (id, person_id, member_number, notes) VALUES (?, ?, ?, '')",
                (n, n, 100 + n),
            )
            db.execute(
                "INSERT INTO membership_periods (member_id, start_date, end_date, end_reason)"
                " VALUES (?, '2001-09-01', '2005-06-30', 'verhuisd')",
                (n,),
            )
            db.execute(
                "INSERT INTO membership_periods (member_id, start_date, end_date, end_reason)"
                " VALUES (?, '2010-09-01', NULL, '')",
                (n,),
            )


def fill_0002(path: Path, members: int = 30) -> None:
    fill_0001(path, members)
    with sqlite3.connect(path) as db:
        for order, name in enumerate(("Sopraan", "Alt", "Tenor", "Bas")):
            db.execute(
                "INSERT INTO sections (id, name, sort_order) VALUES (?, ?, ?)",
                (order + 1, name, order),
            )
        db.execute("UPDATE members SET section_id = 1 + (id % 4)")
        for n in range(1, min(members, 5) + 1):
            db.execute(
                "INSERT INTO board_functions (member_id, title, start_date, end_date)"
                " VALUES (?, 'Bestuurslid', '2020-01-01', NULL)",
                (n,),
            )


def fill_0004(path: Path, members: int = 30) -> None:
    fill_0002(path, members)
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO households (id, name) VALUES (1, 'Familie Achternaam')")
        db.execute(
            "UPDATE members SET household_id = 1, membership_type_id = 1,"
            " iban = 'NL91ABNA0417164300', ooievaarspas = 1 WHERE id <= 2"
        )
        db.execute(
            "UPDATE persons SET street = 'Spui', house_number = '70', postcode = '2511 BT',"
            " town = 'Den Haag', date_of_birth = '1980-05-01'"
        )
        for n in range(1, members + 1):
            db.execute(
                "INSERT INTO consents (member_id, kind, given_on, given_by_parent)"
                " VALUES (?, 'photos', '2024-09-01', '')",
                (n,),
            )


def fill_0005(path: Path, members: int = 30) -> None:
    fill_0004(path, members)
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO audit_actions (id, at, who, kind, description, undoable, undoes_id)"
            " VALUES (1, '2026-01-05 10:00:00', 'secretaris', 'edit', '', 0, NULL)"
        )
        db.execute(
            "INSERT INTO audit_entries (action_id, table_name, row_id, operation, old_values,"
            " new_values, person_id) VALUES (1, 'persons', 1, 'update',"
            ' \'{"town": "Delft"}\', \'{"town": "Den Haag"}\', 1)'
        )


def fill_0006(path: Path, members: int = 30) -> None:
    fill_0005(path, members)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE association SET retention_years = 3")
        db.execute(
            "UPDATE persons SET anonymised_on = '2025-01-01', birth_year = 1980 WHERE id = 1"
        )
        db.execute("UPDATE processing_activities SET purpose = 'Eigen tekst' WHERE id = 1")


def fill_0007(path: Path, members: int = 30) -> None:
    fill_0006(path, members)
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO activity_series (id, kind, title, weekday, interval_weeks, start_time,"
            " end_time, first_date, last_date, place, skip_public_holidays,"
            " skip_school_holidays, notes) VALUES (1, 'rehearsal', 'Repetitie', 1, 1,"
            " '20:00:00.000000', '22:15:00.000000', '2026-09-01', '2027-06-30', 'Kloosterkerk',"
            " 1, 0, '')"
        )
        db.execute("INSERT INTO series_sections (series_id, section_id) VALUES (1, 1)")
        for n in range(1, 4):
            db.execute(
                "INSERT INTO activities (id, uid, series_id, kind, title, date, start_time,"
                " end_time, place, public, audience, notes, cancelled, detached) VALUES"
                " (?, ?, 1, 'rehearsal', 'Repetitie', ?, '20:00:00.000000', '22:15:00.000000',"
                " 'Kloosterkerk', 0, NULL, '', 0, 0)",
                (n, f"uid-{n}", f"2026-09-0{n}"),
            )
            db.execute(
                "INSERT INTO activity_sections (activity_id, section_id) VALUES (?, 1)", (n,)
            )
            for member in range(1, members + 1):
                db.execute(
                    "INSERT INTO availability (activity_id, member_id, status, reason)"
                    " VALUES (?, ?, 'signed_up', '')",
                    (n, member),
                )
                db.execute(
                    "INSERT INTO attendance (activity_id, member_id, status, reason)"
                    " VALUES (?, ?, 'present', '')",
                    (n, member),
                )


def fill_0008(path: Path, members: int = 30) -> None:
    fill_0007(path, members)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE activities SET series_date = date WHERE series_id IS NOT NULL")
        db.execute("INSERT INTO series_skips (series_id, slot_date) VALUES (1, '2026-09-08')")


def fill_0009(path: Path, members: int = 30) -> None:
    fill_0008(path, members)
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO persons (id, first_name, tussenvoegsel, last_name, initials, email,"
            " phone, street, house_number, house_number_addition, postcode, town, country)"
            " VALUES (9001, 'Hans', '', 'Beheerder', '', 'zaal@regentes.example', '070-1234567',"
            " '', '', '', '', '', 'NL')"
        )
        db.execute(
            "INSERT INTO venues (id, name, street, house_number, postcode, town, phone, email,"
            " contact_person_id, notes) VALUES (1, 'De Regentes', 'Weimarstraat', '63',"
            " '2562 GR', 'Den Haag', '', '', 9001, '')"
        )
        db.execute(
            "INSERT INTO rooms (id, venue_id, name, capacity, hourly_rate, fixed_rate, piano,"
            " stage, mirror_wall, step_free, buffer_before, buffer_after, notes) VALUES"
            " (1, 1, 'Grote zaal', 80, 3500, NULL, 1, 0, 0, 1, 15, 15, '')"
        )
        db.execute(
            "INSERT INTO bookings (room_id, activity_id, purpose, date, start_time, end_time,"
            " status, cost, cost_agreed, invoiced, paid, conflict_accepted, notes) VALUES"
            " (1, 1, '', '2026-09-01', '20:00:00.000000', '22:15:00.000000', 'confirmed',"
            " 7875, 0, 1, 0, 0, '')"
        )


def fill_0010(path: Path, members: int = 30) -> None:
    fill_0009(path, members)
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO persons (id, first_name, tussenvoegsel, last_name, initials, email,"
            " phone, street, house_number, house_number_addition, postcode, town, country)"
            " VALUES (9002, 'Petra', '', 'Helpers', '', '', '', '', '', '', '', '', 'NL')"
        )
        db.execute("INSERT INTO volunteers (person_id, since, notes) VALUES (9002, NULL, '')")
        db.execute(
            "INSERT INTO volunteer_hours (person_id, date, task_id, minutes, activity_id, note)"
            " VALUES (9002, '2026-09-01', 2, 150, 1, ''), (1, '2026-09-08', 1, 60, NULL, '')"
        )
        db.execute(
            "INSERT INTO allowances (person_id, paid_on, amount, first_day, last_day,"
            " hourly_rate, over_limit_accepted, note) VALUES (9002, '2026-10-01', 15000,"
            " '2026-09-01', '2026-09-30', NULL, 0, '')"
        )


FILLERS = {
    "0001": fill_0001,
    "0002": fill_0002,
    "0003": fill_0002,
    "0004": fill_0004,
    "0005": fill_0005,
    "0006": fill_0006,
    "0007": fill_0007,
    "0008": fill_0008,
    "0009": fill_0009,
    "0010": fill_0010,
}
