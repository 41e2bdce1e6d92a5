"""The figures behind the volunteer lists, and finding a volunteer by what was typed: a
member number, a name in either order, any case and accents aside, and a Dutch refusal
naming the candidates when it fits nobody or more than one."""

from __future__ import annotations

import pytest

from tests.volunteer_data import TODAY, make_volunteer_file
from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.services import volunteer_reports
from verenigingsbeheer.services.volunteer_reports import find_volunteer


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    made = make_volunteer_file(tmp_path_factory.mktemp("vrijwilligers") / "koor.sqlite")
    yield made
    made.database.close()


def test_the_overview_figures(made):
    with made.database.reading() as session:
        overview = volunteer_reports.volunteer_overview(session, 2026)
    assert [(t.name, t.minutes, t.people, t.hourly_value, t.value) for t in overview.tasks] == [
        ("Bar", 900, 3, Money.euros("12.50"), Money.euros("187.50")),
        ("Decorbouw", 270, 2, Money.euros("20"), Money.euros("90")),
        ("Kaartverkoop", 180, 2, Money.euros("15"), Money.euros("45")),
        ("Kostuums", 90, 1, Money.euros("15"), Money.euros("22.50")),
    ]
    assert [line.total.label for line in overview.top] == [
        "Zwart, Carla", "Berg, Anna", "Oud, Eef", "Vries, Daan de", "Aalders, Bram"
    ]  # fmt: skip
    assert len(overview.people) == 6 and len(overview.months) == 12
    # tasks in the list's own order (Bar before Kaartverkoop), not by name
    [anna] = [line for line in overview.people if line.total.label == "Berg, Anna"]
    assert anna.tasks == ("Bar", "Kaartverkoop")


def test_the_register_figures_within_close_and_over(made):
    with made.database.reading() as session:
        register = volunteer_reports.allowance_register(session, 2026)
    states = {
        p.name.first_name: (p.payments, p.paid, p.highest_month, p.close, p.over)
        for p in register.people
    }
    assert states == {
        "Anna": (1, Money.euros("55"), Money.euros("55"), False, False),
        "Bram": (1, Money.euros("35"), Money.euros("35"), False, True),  # hourly rate
        "Carla": (2, Money.euros("220.01"), Money.euros("220.01"), False, True),
        "Daan": (1, Money.euros("200"), Money.euros("200"), True, False),
    }
    with made.database.reading() as session:
        carla = volunteer_reports.volunteer_statement(session, made.people["Carla"], 2026)
    assert (carla.paid, carla.counted) == (Money.euros("220.01"), Money.euros("320.01"))
    assert [e.kind for e in carla.excesses] == ["monthly"]


@pytest.mark.parametrize(
    ("typed", "who"),
    [
        ("1", "Anna"),  # member number
        ("Anna Berg", "Anna"),
        ("berg, anna", "Anna"),
        ("  ANNA   berg ", "Anna"),
        ("Daan de Vries", "Daan"),
        ("vries, daan de", "Daan"),
        ("carla", "Carla"),  # one word that fits one person
        ("Zwärt", "Carla"),  # accents aside
        ("Eef Oud", "Eef"),  # a former member with hours that year
    ],
)
def test_a_volunteer_found_by_number_or_name(made, typed, who):
    with made.database.reading() as session:
        found = find_volunteer(session, typed, 2026, TODAY)
    assert found.person_id == made.people[who]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("anna", "'anna' past bij meer dan één vrijwilliger: Berg, Anna (lid 1); Jansen, Anna. "
                 "Geef het lidnummer of de volledige naam."),
        ("99", "Er is geen lid met nummer 99."),
        ("Piet", "Geen lid of vrijwilliger 'Piet' gevonden; kies uit: Aalders, Bram (lid 2); "
                 "Berg, Anna (lid 1); Oud, Eef (lid 4); Vries, Daan de (lid 3); Zwart, Carla."),
        ("Frits Weg", "Geen lid of vrijwilliger 'Frits Weg' gevonden"),  # forgotten
        ("Berg Anna Maria", "Geen lid of vrijwilliger"),
    ],
)  # fmt: skip
def test_a_name_that_fits_nobody_or_several_is_refused_naming_the_candidates(made, typed, message):
    with made.database.reading() as session, pytest.raises(UserError) as refused:
        find_volunteer(session, typed, 2026, TODAY)
    assert message in str(refused.value)
