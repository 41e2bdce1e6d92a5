"""The columns beyond name and address: leaving, the Ooievaarspas, consents, households."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.services.test_member_import import TODAY, csv_table
from verenigingsbeheer.db.opening import create_database
from verenigingsbeheer.domain.association import AssociationDetails
from verenigingsbeheer.domain.member import Consent, MemberDetails
from verenigingsbeheer.i18n import _
from verenigingsbeheer.services import households, member_import, member_records, members
from verenigingsbeheer.services.member_import import auto_mapping, run_import

D = dt.date


@pytest.fixture
def db(tmp_path: Path):
    database = create_database(tmp_path / "leden.sqlite", AssociationDetails(name="Koor"))
    yield database
    database.close()


def import_all(db, table):
    with db.transaction() as session:
        preview = member_import.preview(session, table, auto_mapping(table.headers), TODAY)
        return preview, run_import(session, preview, skip_invalid=True)


def records(db) -> dict[str, member_records.MemberRecord]:
    with db.reading() as session:
        rows = members.list_members(session, TODAY, include_former=True)
        return {r.name.first_name: member_records.get_member(session, r.member_id) for r in rows}


def test_dutch_and_english_headers_of_the_new_columns():
    dutch = ["Opgezegd op", "Reden vertrek", "Ooievaarspas geldig tot", "Toestemming foto's",
             "Nieuwsbrief", "Alumnilijst", "Toestemming gegeven door ouder", "Gezin",
             "Betaler huishouden", "Lid tot"]  # fmt: skip
    english = ["Notice date", "Reason for leaving", "Pass valid until", "Photos and video",
               "Newsletter", "Alumni list", "Consent given by parent", "Household",
               "Household payer", "Member until"]  # fmt: skip
    expected = [
        "notice_given_on", "end_reason", "ooievaarspas_valid_until", "consent_photos",
        "consent_newsletter", "consent_alumni", "consent_parent", "household",
        "pays_for_household", "member_until",
    ]  # fmt: skip
    assert list(auto_mapping(dutch).values()) == expected
    assert list(auto_mapping(english).values()) == expected


def test_leaving_and_the_ooievaarspas(db, tmp_path: Path):
    table = csv_table(
        tmp_path,
        "Voornaam;Achternaam;Lid sinds;Opgezegd op;Lid tot;Reden vertrek;"
        "Ooievaarspas geldig tot\n"
        "Piet;Oud;01-01-2001;01-10-2024;31-12-2024;Verhuisd;\n"
        "Joke;Pas;01-01-2020;;;;31-12-2026\n",
    )
    preview, result = import_all(db, table)
    assert result.imported == 2, preview.lines()
    found = records(db)
    assert found["Piet"].periods == ((D(2001, 1, 1), D(2024, 12, 31), "Verhuisd"),)
    assert found["Piet"].details.notice_given_on == D(2024, 10, 1)
    joke = found["Joke"].details  # a date alone means there is a pass
    assert (joke.ooievaarspas, joke.ooievaarspas_valid_until) == (True, D(2026, 12, 31))


def test_consents_are_ja_nee_or_a_date_and_a_parent_for_children(db, tmp_path: Path):
    table = csv_table(
        tmp_path,
        "Voornaam;Achternaam;Geboortedatum;Toestemming foto's;Nieuwsbrief;Alumnilijst;"
        "Toestemming gegeven door ouder\n"
        "Anna;Berg;01-01-1980;ja;12-01-2025;nee;\n"  # line 2
        "Sem;Berg;01-04-2015;01-09-2024;ja;;Els Berg\n"  # 3: both before 16: the parent
        "Tim;Berg;01-04-2015;ja;;;\n"  # 4: a child without parent
        "Kees;Vries;01-01-1990;misschien;;;\n"  # 5
        "Lot;Vries;01-01-2008;01-01-2020;;ja;Bas Vries\n"  # 6: the parent only at 11
        "Ruud;Vries;01-01-1970;;;;Bas Vries\n",  # 7: a parent but no consent
    )
    preview, _result = import_all(db, table)
    assert [row.status for row in preview.rows] == ["ok", "ok", "invalid", "invalid", "ok", "ok"]
    lines = preview.lines()
    assert (
        "regel 4: Toestemming foto's: Het lid was toen jonger dan 16: vul in welke ouder de "
        "toestemming gaf." in lines
    )
    date_or_yes = _("Write yes, no or the date it was given as dd-mm-yyyy, e.g. 07-03-2026.")
    assert f"regel 5: Toestemming foto's: {date_or_yes}" in lines
    not_used = _(
        "{column} is not imported: no consent on this line was given before the member turned 16."
    ).format(column="Toestemming gegeven door ouder")
    assert preview.rows[5].notes == (not_used,)
    found = records(db)
    assert found["Anna"].details.consents == {
        "photos": Consent(TODAY), "newsletter": Consent(D(2025, 1, 12))
    }  # fmt: skip
    assert found["Sem"].details.consents == {
        "photos": Consent(D(2024, 9, 1), "Els Berg"), "newsletter": Consent(TODAY, "Els Berg")
    }  # fmt: skip
    assert found["Lot"].details.consents == {
        "photos": Consent(D(2020, 1, 1), "Bas Vries"), "alumni": Consent(TODAY)
    }  # fmt: skip
    assert found["Ruud"].details.consents == {}


def test_households_link_members_with_at_most_one_payer(db, tmp_path: Path):
    with db.transaction() as session:
        anna = member_records.create_member(
            session, MemberDetails("Anna", "Jansen", member_since=D(2000, 1, 1)), TODAY
        )
        households.set_household(session, anna, households.NEW, True)
    table = csv_table(
        tmp_path,
        "Voornaam;Achternaam;Huishouden;Betaalt voor huishouden\n"
        "Bram;Berg;Berg;ja\n"  # line 2: a new household, and its payer
        "Sem;Berg; berg ;nee\n"  # 3: the same household
        "Lot;Berg;Berg;ja\n"  # 4: a second payer
        "Piet;Jansen;jansen;\n"  # 5: joins the household already in the file
        "Kees;Jansen;Jansen;ja\n"  # 6: which has a payer already
        "Joke;Vries;7;\n"  # 7: a number: the household takes her last name
        "Ruud;Bos;;ja\n"  # 8: pays, but for no household
        "Els;Bos;;misschien\n",  # 9
    )
    preview, _result = import_all(db, table)
    problems = {p.line: p.message for row in preview.invalid for p in row.problems}
    assert problems == {
        4: _("{payer} already pays for household {name}.").format(payer="regel 2", name="Berg"),
        6: _("{payer} already pays for household {name}.").format(
            payer="lid 1 (Anna Jansen)", name="Jansen"
        ),
        8: _("Pays for a household, but {column} is empty.").format(column="Huishouden"),
        9: _("Write yes or no."),
    }
    joins = _("joins the existing household {name}").format(name="Jansen")
    assert preview.rows[3].notes == (joins,)
    with db.reading() as session:
        found = {row.name: (row.members, row.payer) for row in households.list_households(session)}
    assert found == {
        "Berg": (("Bram Berg", "Sem Berg"), "Bram Berg"),
        "Jansen": (("Anna Jansen", "Piet Jansen"), "Anna Jansen"),
        "Vries": (("Joke Vries",), ""),
    }
