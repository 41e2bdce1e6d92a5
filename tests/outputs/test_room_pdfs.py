"""The rent overview and the room schedule read back from the PDF: names, months, Dutch
money, totals, what was left out; the schedule's buffers and statuses, and no member data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.rent_data import CONCERT, MEMBER_NAMES, SECRET_NOTE, make_rent_file
from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.i18n.formatting import format_money
from verenigingsbeheer.outputs.pdf.document import amount
from verenigingsbeheer.outputs.pdf.fonts import BOLD, register_fonts
from verenigingsbeheer.outputs.pdf.rent import WIDTHS
from verenigingsbeheer.services import room_reports

DAY = dt.date(2027, 1, 10)


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    made = make_rent_file(tmp_path_factory.mktemp("rent") / "doek.sqlite")
    yield made
    made.database.close()


def text_of(path: Path) -> str:
    """The text of every page on one line; the non-breaking space after € is a space."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def euros(value: str) -> str:
    """ "€ 78,75" as format_money prints it, spaced like text_of."""
    return " ".join(format_money(Money.euros(value)).split())


def test_the_rent_overview_by_venue_room_and_month(made, tmp_path: Path):
    path = tmp_path / "huur.pdf"
    with made.database.reading() as session:
        overview = room_reports.make_rent_overview(session, path, DAY, 2027)
    assert overview.total.booked == Money.euros("386.25")
    text = text_of(path)
    assert "Toneelgroep Het Doek Zaalhuur 2027" in text
    assert f"2027: geboekt {euros('386.25')}, betaald {euros('128.75')}, openstaand " \
           f"{euros('257.50')}." in text  # fmt: skip
    heads = "Boekingen Uren Geboekt Gefactureerd Betaald Openstaand"
    assert f"Locatie en zaal {heads}" in text and f"Maand {heads}" in text
    summary = [  # venue, its rooms by name, the next venue, the total
        f"De Regentes 4 9,75 {euros('286.25')} {euros('207.50')} {euros('128.75')} "
        f"{euros('157.50')}",
        f"Foyer 1 3 {euros('50')} {euros('50')} {euros('50')} {euros('0')}",
        f"Grote zaal 3 6,75 {euros('236.25')} {euros('157.50')} {euros('78.75')} {euros('157.50')}",
        f"Het Klooster 2 6,5 {euros('100')} {euros('0')} {euros('0')} {euros('100')}",
        f"Kapel 2 6,5 {euros('100')} {euros('0')} {euros('0')} {euros('100')}",
        f"Totaal 6 16,25 {euros('386.25')} {euros('207.50')} {euros('128.75')} {euros('257.50')}",
    ]
    assert " ".join(summary) in text
    # a room's months, January to December: the three rehearsals, then nothing
    january = f"Januari 3 6,75 {euros('236.25')} {euros('157.50')} {euros('78.75')}"
    assert f"Grote zaal Maand {heads} {january}" in text
    assert "Februari – – – – – – Maart" in text
    assert f"December 1 4,5 {euros('60')} {euros('0')} {euros('0')} {euros('60')}" in text
    assert f"Totaal 2027 2 6,5 {euros('100')}" in text  # the Kapel's year
    assert f"De Regentes, alle zalen {heads} Totaal 2027 4 9,75 {euros('286.25')}" in text
    assert (
        "Bevestigde boekingen tellen mee, en geannuleerde die toch gefactureerd of betaald "
        "zijn; opties en andere geannuleerde boekingen niet. "
        f"Niet meegeteld in 2027: 1 optie ({euros('78.75')} als die bevestigd wordt) en 1 "
        "geannuleerde boeking." in text
    )
    assert "Weimarstraat 63, 2562 GR DEN HAAG" in text
    assert "Afgedrukt op 10 januari 2027" in text and "Pagina 1 van 2" in text


def test_a_year_without_confirmed_bookings_is_still_a_proper_pdf(made, tmp_path: Path):
    path = tmp_path / "huur.pdf"
    with made.database.reading() as session:
        assert room_reports.make_rent_overview(session, path, DAY, 2031).total.bookings == 0
    text = text_of(path)
    assert "Zaalhuur 2031" in text and "Er zijn in 2031 geen bevestigde boekingen." in text


def test_an_amount_too_wide_for_its_column_loses_its_sign_not_its_digits():
    register_fonts()
    assert amount(Money.euros("123456.78"), WIDTHS[3], BOLD) == format_money(
        Money.euros("123456.78")
    )
    assert amount(Money.euros("1234567.89"), WIDTHS[3], BOLD) == "1.234.567,89"


def test_the_room_schedule_for_the_venue(made, tmp_path: Path):
    path = tmp_path / "zaalrooster.pdf"
    with made.database.reading() as session:
        n = room_reports.make_room_schedule(session, path, DAY, made.rooms["Grote zaal"])
    assert n == 6  # the season of 10 January 2027, cancelled and option included
    text = text_of(path)
    assert "Zaalrooster De Regentes – Grote zaal" in text
    assert "Locatie De Regentes Adres Weimarstraat 63, 2562 GR DEN HAAG" in text
    assert "Contactpersoon Hans Beheer, 06-12345678, hans@regentes.nl" in text
    assert "Opbouw en afbouw 15 minuten opbouw vóór elke boeking, 30 minuten afbouw erna" in text
    assert "Periode Seizoen 2026–2027" in text
    assert "December 2026 Datum Tijd Zaal bezet Wat Status di 29 dec 20:00–22:15" in text
    assert "di 5 jan 20:00–22:15 19:45–22:45 Repetitie bevestigd" in text
    assert "di 26 jan 20:00–22:15 19:45–22:45 Repetitie optie" in text
    assert "di 2 feb 20:00–22:15 19:45–22:45 Bouwrepetitie geannuleerd" in text
    assert "Totaal: 4 bevestigde boekingen, 1 optie, 1 geannuleerde boeking." in text
    for first, last in MEMBER_NAMES:
        assert first not in text and last not in text
    assert SECRET_NOTE.split(",")[0] not in text and "€" not in text  # no notes, no money


def test_the_room_schedule_of_a_period_and_an_activitys_title(made, tmp_path: Path):
    path = tmp_path / "zaalrooster.pdf"
    with made.database.reading() as session:
        n = room_reports.make_room_schedule(
            session, path, DAY, made.rooms["Kapel"], dt.date(2027, 6, 1), dt.date(2027, 12, 31)
        )
    assert n == 2
    text = text_of(path)
    assert "Zaalrooster Het Klooster – Kapel" in text and "Locatie Het Klooster Adres DELFT" in text
    assert "Contactpersoon" not in text  # the Klooster has none
    assert "geen: de zaal is alleen bezet in de geboekte tijd" in text
    assert f"za 12 jun 20:00–22:00 20:00–22:00 {CONCERT} bevestigd" in text
    assert "Periode 1 juni 2027 t/m 31 december 2027" in text
    with made.database.reading() as session:
        assert room_reports.make_room_schedule(
            session, path, DAY, made.rooms["Foyer"], dt.date(2028, 1, 1), dt.date(2028, 1, 31)
        ) == 0  # fmt: skip
    assert "Deze zaal heeft in deze periode geen boekingen." in text_of(path)
