"""The volunteer lists read back from the PDF: the annual overview's totals, tasks, months,
helpers to thank and people; a volunteer's statement with their allowances and the limit
sentence; the treasurer's register with its totals and marks. Never a note, a date of
birth or an e-mail address."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.volunteer_data import BIRTH_DATES, SECRET_NOTE, TODAY, make_volunteer_file
from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n.formatting import format_money
from verenigingsbeheer.services import volunteer_reports


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    made = make_volunteer_file(tmp_path_factory.mktemp("vrijwilligers") / "koor.sqlite")
    yield made
    made.database.close()


def text_of(path: Path) -> str:
    """The text of every page on one line; the non-breaking space after € is a space."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def euros(value: str) -> str:
    """ "€ 78,75" as format_money prints it, spaced like text_of."""
    return " ".join(format_money(Money.euros(value)).split())


def assert_nothing_private(text: str) -> None:
    assert "tillen" not in text and SECRET_NOTE not in text
    assert "example.nl" not in text
    for born in BIRTH_DATES:
        assert str(born.year) not in text and f"{born:%d-%m-%Y}" not in text


def test_the_annual_overview_of_volunteer_hours(made, tmp_path: Path):
    path = tmp_path / "uren.pdf"
    with made.database.reading() as session:
        overview = volunteer_reports.make_volunteer_overview(session, path, TODAY, 2026)
    assert (overview.summary.minutes, overview.summary.value) == (1440, Money.euros("345"))
    text = text_of(path)
    assert "Koor Cantilena Jaaroverzicht vrijwilligersuren 2026" in text
    assert (
        f"Totalen 2026 Vrijwilligersuren 24 Vrijwilligers 6 Waarde van het vrijwilligerswerk "
        f"{euros('345')} De waarde van het vrijwilligerswerk is het aantal uren van elke taak "
        "maal de waardering per uur van die taak" in text
    )
    assert "subsidiebegroting" in text
    tasks = [
        f"Bar 15 3 {euros('12.50')} {euros('187.50')}",
        f"Decorbouw 4,5 2 {euros('20')} {euros('90')}",
        f"Kaartverkoop 3 2 {euros('15')} {euros('45')}",
        f"Kostuums 1,5 1 {euros('15')} {euros('22.50')}",
        f"Totaal 24 6 {euros('345')}",
    ]
    assert "Per taak Taak Uren Personen Waardering per uur Waarde " + " ".join(tasks) in text
    assert (
        f"Per maand Maand Uren Personen Waarde Januari 2026 – – – Februari 2026 1,5 1 "
        f"{euros('22.50')} Maart 2026 3 2 {euros('45')} April 2026 10 1 {euros('125')}" in text
    )
    assert f"Oktober 2026 8,75 2 {euros('137.50')} November 2026 0,75 1 {euros('15')}" in text
    top = ("1. Zwart, Carla 6,25 Bar, Decorbouw 2. Berg, Anna 4,5 Bar, Kaartverkoop "
           "3. Oud, Eef 1,5 Kostuums 4. Vries, Daan de 1 Kaartverkoop 5. Aalders, Bram 0,75 "
           "Decorbouw")  # fmt: skip
    assert f"Om te bedanken: wie het meest hielpen Naam Uren Taken {top}" in text
    # the forgotten helper keeps their hours, but is not among those to thank
    assert f"(geanonimiseerd) 10 Bar {euros('125')}" in text and "6." not in text
    assert f"Vries, Daan de 1 Kaartverkoop {euros('15')}" in text
    assert "Jansen" not in text  # no hours in 2026
    assert "Afgedrukt op 10 januari 2027" in text and "Pagina 1 van 2" in text
    assert_nothing_private(text)


def test_a_year_without_hours_is_still_a_proper_pdf(made, tmp_path: Path):
    path = tmp_path / "uren.pdf"
    with made.database.reading() as session:
        overview = volunteer_reports.make_volunteer_overview(session, path, TODAY, 2031)
        assert overview.summary.minutes == 0
        with pytest.raises(UserError, match="Kies een jaar van 1950 tot en met 2100"):
            volunteer_reports.make_volunteer_overview(session, tmp_path / "x.pdf", TODAY, 1800)
    assert "Voor 2031 zijn geen vrijwilligersuren ingevoerd." in text_of(path)
    assert not (tmp_path / "x.pdf").exists()


def statement(made, tmp_path: Path, who: str, year: int = 2026) -> str:
    path = tmp_path / f"{who}.pdf"
    with made.database.reading() as session:
        volunteer_reports.make_volunteer_statement(session, path, TODAY, made.people[who], year)
    return text_of(path)


LIMITS_2026 = (
    f"De onbelaste grenzen van 2026: {euros('220')} per maand en {euros('2200')} per jaar, en "
    f"bij een afgesproken vergoeding per uur ten hoogste {euros('5.75')} per uur vanaf 21 jaar "
    f"({euros('3.40')} onder de 21). Bron: Belastingdienst, vrijwilligersregeling 2026."
)


def test_a_statement_over_the_month_limit_with_a_payment_made_the_next_year(made, tmp_path):
    text = statement(made, tmp_path, "Carla")
    assert "Persoonlijk overzicht vrijwilligerswerk 2026" in text
    assert (
        f"Naam Carla Zwart Jaar 2026 Vrijwilligersuren 6,25 Waarde van het vrijwilligerswerk "
        f"{euros('106.25')} Vrijwilligersvergoeding {euros('220.01')}" in text
    )
    assert "Lidnummer" not in text  # she is no member
    assert f"Bar 2,5 {euros('12.50')} {euros('31.25')}" in text
    assert f"Decorbouw 3,75 {euros('20')} {euros('75')} Totaal 6,25 {euros('106.25')}" in text
    assert "03-10-2026 Decorbouw – 3,75 10-10-2026 Bar Najaarsconcert 2,5 Totaal 6,25" in text
    assert "01-01-2027" not in text  # her hours of the next year
    assert (
        f"31-03-2026 maart 2026 {euros('150')} vast bedrag 02-04-2026 maart 2026 "
        f"{euros('70.01')} vast bedrag Totaal {euros('220.01')}" in text
    )
    assert "05-01-2027" not in text  # paid in 2027, for December 2026
    assert LIMITS_2026 in text
    assert (
        "De vergoedingen van 2026 gingen over deze grenzen heen, waardoor de hele vergoeding "
        f"belast is: Maart 2026 komt op {euros('220.01')}, boven de maandgrens van "
        f"{euros('220')}." in text
    )
    assert f"Voor de grenzen van 2026 telt {euros('320.01')} mee" in text
    assert_nothing_private(text)


def test_a_statement_within_the_limits_and_one_over_the_hourly_limit_without_an_age(made, tmp_path):
    anna = statement(made, tmp_path, "Anna")
    assert "Naam Anna Berg Lidnummer 1 Jaar 2026" in anna
    assert f"01-03-2026 februari 2026 {euros('55')} {euros('5.50')}" in anna
    assert "De vergoedingen van 2026 bleven binnen deze grenzen en zijn dus onbelast." in anna
    assert "telt" not in anna and "20-12-2025" not in anna
    bram = statement(made, tmp_path, "Bram")
    assert (
        f"Het uurbedrag {euros('3.50')} ligt boven de uurgrens van {euros('3.40')} "
        "(1 mei 2026)." in bram
    )
    assert "leeftijd" not in bram and " 20 jaar" not in bram
    assert_nothing_private(anna + bram)


def test_a_statement_without_hours_or_allowances_and_the_limits_of_an_unknown_year(made, tmp_path):
    text = statement(made, tmp_path, "AnnaJ")
    assert "Naam Anna Jansen Jaar 2026 Vrijwilligersuren – " in text
    assert "Voor 2026 zijn geen vrijwilligersuren ingevoerd." in text
    assert LIMITS_2026 + " In 2026 is geen vrijwilligersvergoeding betaald." in text
    later = statement(made, tmp_path, "Anna", 2031)
    assert "De onbelaste grenzen van 2031 staan niet in dit bestand; er is niets getoetst." in later


def test_no_statement_of_someone_forgotten(made, tmp_path):
    with made.database.reading() as session, pytest.raises(UserError, match="geanonimiseerd"):
        volunteer_reports.make_volunteer_statement(
            session, tmp_path / "x.pdf", TODAY, made.people["Frits"], 2026
        )
    assert not (tmp_path / "x.pdf").exists()


def test_the_register_of_allowances(made, tmp_path: Path):
    path = tmp_path / "register.pdf"
    with made.database.reading() as session:
        register = volunteer_reports.make_allowance_register(session, path, TODAY, 2026)
    assert (register.total, register.marked) == (Money.euros("510.01"), 2)
    text = text_of(path)
    assert "Register vrijwilligersvergoedingen 2026" in text
    assert f"2026: 5 betalingen aan 4 vrijwilligers, samen {euros('510.01')}." in text
    payments = [
        f"01-03-2026 Berg, Anna februari 2026 {euros('55')} {euros('5.50')}",
        f"31-03-2026 Zwart, Carla maart 2026 {euros('150')} vast bedrag",
        f"02-04-2026 Zwart, Carla maart 2026 {euros('70.01')} vast bedrag ⚠",
        f"01-05-2026 Aalders, Bram april 2026 {euros('35')} {euros('3.50')} ⚠",
        f"30-10-2026 Vries, Daan de oktober 2026 {euros('200')} vast bedrag",
        f"Totaal {euros('510.01')}",
    ]
    assert "Betaald op Naam Periode Bedrag Per uur " + " ".join(payments) in text
    assert "⚠ bewust opgeslagen boven een onbelaste grens." in text
    assert "05-01-2027" not in text and "20-12-2025" not in text  # paid in other years
    people = [
        f"Aalders, Bram 1 {euros('35')} {euros('35')} boven de uurgrens (1 mei 2026)",
        f"Berg, Anna 1 {euros('55')} {euros('55')} binnen de grenzen",
        f"Vries, Daan de 1 {euros('200')} {euros('200')} dicht bij de maandgrens",
        f"Zwart, Carla 2 {euros('220.01')} {euros('220.01')} boven de maandgrens",
        f"Totaal 5 {euros('510.01')}",
    ]
    for line in people:
        assert line in text
    assert (
        f"Onbelaste grenzen 2026 Uurgrens, 21 jaar en ouder {euros('5.75')} Uurgrens, jonger "
        f"dan 21 {euros('3.40')} Maandgrens {euros('220')} Jaargrens {euros('2200')} Bron "
        "Belastingdienst, vrijwilligersregeling 2026" in text
    )
    assert_nothing_private(text)


def test_a_year_without_allowances_says_so_with_its_limits(made, tmp_path: Path):
    path = tmp_path / "register.pdf"
    with made.database.reading() as session:
        assert volunteer_reports.make_allowance_register(session, path, TODAY, 2025).total == (
            Money.euros("40")
        )
        volunteer_reports.make_allowance_register(session, path, TODAY, 2029)
    text = text_of(path)
    assert "In 2029 zijn geen vrijwilligersvergoedingen betaald." in text
    assert "De onbelaste grenzen van 2029 staan niet in dit bestand" in text
