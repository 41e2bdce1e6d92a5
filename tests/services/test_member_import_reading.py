"""Reading what boards write in their spreadsheets: names, end dates, phones, stray data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.services.test_member_import import TODAY, csv_table, make_preview
from verenigingsbeheer.db.opening import create_database
from verenigingsbeheer.domain.association import AssociationDetails
from verenigingsbeheer.i18n import _
from verenigingsbeheer.services import member_import, member_records, members
from verenigingsbeheer.services.member_import import auto_mapping, run_import
from verenigingsbeheer.services.member_import_mapping import split_last_name

D = dt.date


@pytest.fixture
def db(tmp_path: Path):
    database = create_database(tmp_path / "leden.sqlite", AssociationDetails(name="Koor"))
    yield database
    database.close()


def import_all(db, table, *, skip_invalid=False):
    with db.transaction() as session:
        preview = member_import.preview(session, table, auto_mapping(table.headers), TODAY)
        return preview, run_import(session, preview, skip_invalid=skip_invalid)


# A tussenvoegsel in the last-name cell ------------------------------------------------


def test_split_last_name_keeps_the_text_as_written():
    assert split_last_name("de Wit") == ("de", "Wit")
    assert split_last_name("van der Berg") == ("van der", "Berg")
    assert split_last_name("De Vries") == ("De", "Vries")
    assert split_last_name("in 't Veld") == ("in 't", "Veld")
    assert split_last_name("Berg, van der") == ("van der", "Berg")
    assert split_last_name("Van") == ("", "Van")  # nothing left to be the last name
    assert split_last_name("El Amrani") == ("", "El Amrani")
    assert split_last_name("Berg, A.") == ("", "Berg, A.")


@pytest.mark.parametrize(
    "header", ["Voornaam;Achternaam", "Voornaam;Tussenvoegsel;Achternaam"], ids=["absent", "empty"]
)
def test_a_tussenvoegsel_in_the_last_name_cell_is_split_off(db, tmp_path: Path, header):
    names = ["de Wit", "van der Berg", "De Vries", "Bakker", "Berg, van den"]
    blank = ";" if "Tussenvoegsel" in header else ""
    text = header + "\n" + "".join(f"Anna{i};{blank}{n}\n" for i, n in enumerate(names))
    preview, result = import_all(db, csv_table(tmp_path, text))
    assert [(r.details.tussenvoegsel, r.details.last_name) for r in preview.rows] == [
        ("de", "Wit"), ("van der", "Berg"), ("de", "Vries"), ("", "Bakker"), ("van den", "Berg"),
    ]  # fmt: skip
    assert result.imported == 5
    with db.reading() as session:  # sorted as Dutch lists are: on the last name proper
        listed = [r.name.sorted_form for r in members.list_members(session, TODAY)]
    assert listed == [
        "Bakker, Anna3", "Berg, Anna1 van der", "Berg, Anna4 van den", "Vries, Anna2 de",
        "Wit, Anna0 de",
    ]  # fmt: skip


def test_a_filled_tussenvoegsel_column_leaves_the_last_name_alone(db, tmp_path: Path):
    table = csv_table(tmp_path, "Voornaam;Tussenvoegsel;Achternaam\nAnna;van;de Wetering\n")
    [row] = make_preview(db, table).rows
    assert (row.details.tussenvoegsel, row.details.last_name) == ("van", "de Wetering")


# A former member without "Lid sinds" -------------------------------------------------


def test_member_until_without_member_since_imports_a_former_member(db, tmp_path: Path):
    table = csv_table(
        tmp_path,
        "Voornaam;Achternaam;Lid tot;Opgezegd op\n"
        "Piet;Oud;31-12-2020;\nJoke;Weg;31-12-2020;15-11-2020\nKees;Blijft;31-12-2026;\n",
    )
    preview, result = import_all(db, table)
    piet, joke, kees = preview.rows
    assert [row.status for row in preview.rows] == ["ok", "ok", "ok"]
    assert (piet.details.member_since, joke.details.member_since) == (
        D(2020, 12, 31), D(2020, 11, 15)
    )  # fmt: skip
    note = _("{since} is empty: {date} is used, the date in {column}.")
    assert piet.notes == (note.format(since="Lid sinds", date="31-12-2020", column="Lid tot"),)
    assert joke.notes == (note.format(since="Lid sinds", date="15-11-2020", column="Opgezegd op"),)
    assert kees.details.member_since == TODAY and kees.notes == ()  # ends later: starts today
    assert result.imported == 3
    with db.reading() as session:
        everyone = members.list_members(session, TODAY, include_former=True)
        rows = {r.name.first_name: r for r in everyone}
        assert not rows["Piet"].current and rows["Kees"].current
        record = member_records.get_member(session, rows["Piet"].member_id)
    assert record.periods == ((D(2020, 12, 31), D(2020, 12, 31), ""),)


# Phone numbers ------------------------------------------------------------------------


def test_phone_numbers_say_what_is_wrong(db, tmp_path: Path):
    table = csv_table(
        tmp_path,
        "Voornaam;Achternaam;Telefoon\nJan;Jansen;070-1234567 / 06-12345678\n"
        "Klaas;Tel;06 12345678 (mobiel)\nPiet;Kort;06-123\n",
    )
    jan, klaas, piet = make_preview(db, table).rows
    assert jan.status == "ok" and jan.details.phone == "070-1234567 / 06-12345678"
    assert klaas.messages() == [
        "Telefoon: "
        + _(
            "A phone number holds only digits, spaces and + ( ) - / . "
            "Put words such as 'mobile' in the remarks."
        )
    ]
    assert piet.messages() == [
        "Telefoon: Een telefoonnummer heeft minstens 6 cijfers, bijvoorbeeld 070-1234567."
    ]


# Data under no header -----------------------------------------------------------------


def test_data_in_a_column_without_a_header_is_reported(db, tmp_path: Path):
    table = csv_table(
        tmp_path,
        "Voornaam;Achternaam;;Plaats;\nAnna;Berg;x;Delft;\nPiet;Bos;;Delft;\n"
        "Kees;Vries;y;Delft;z\n",
    )
    preview = make_preview(db, table)
    text = _("{column} has no header, so its data is not imported ({lines}).")
    expected = [
        text.format(column="kolom C", lines="regel 2, regel 4"),
        text.format(column="kolom E", lines="regel 4"),
    ]
    assert preview.column_notes == tuple(e[:1].upper() + e[1:] for e in expected)
    assert preview.unused_columns == ()
    # Chosen for a field in the wizard, the column is read and no longer reported.
    mapping = {**auto_mapping(table.headers), 2: "notes"}
    with db.reading() as session:
        chosen = member_import.preview(session, table, mapping, TODAY)
    assert len(chosen.column_notes) == 1 and chosen.rows[0].details.notes == "x"
