import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from verenigingsbeheer.domain.member import Consent, MemberDetails, normalise, validate
from verenigingsbeheer.i18n import _

TODAY = dt.date(2026, 11, 23)
D = dt.date


def member(**changes) -> MemberDetails:
    base = {"first_name": "Anna", "last_name": "Berg", "member_since": D(2020, 9, 1)}
    return MemberDetails(**{**base, **changes})


def test_a_name_and_a_start_date_are_enough():
    assert validate(member(), TODAY) == {}


def test_required_fields():
    problems = validate(MemberDetails(first_name=" ", last_name=""), TODAY)
    assert set(problems) == {"first_name", "last_name", "member_since"}
    assert problems["first_name"] == "Vul een voornaam in."


def test_each_rule_with_its_dutch_explanation():
    problems = validate(
        member(
            date_of_birth=D(2027, 1, 1),
            postcode="25170AK",
            email="jan@localhost",
            iban="NL91ABNA0417164301",
            member_until=D(2019, 1, 1),
            phone="12",
            house_number="a12",
        ),
        TODAY,
    )
    assert problems == {
        "date_of_birth": "De geboortedatum ligt in de toekomst.",
        "postcode": "Een Nederlandse postcode heeft vier cijfers en twee letters, "
        "bijvoorbeeld 2517 AK.",
        "email": "Dit is geen geldig e-mailadres, bijvoorbeeld naam@voorbeeld.nl.",
        "iban": "Dit IBAN klopt niet; controleer de letters en cijfers.",
        "member_until": "Lid tot ligt vóór lid sinds.",
        "phone": "Een telefoonnummer heeft minstens 6 cijfers, bijvoorbeeld 070-1234567.",
        "house_number": "Een huisnummer begint met cijfers, bijvoorbeeld 112a of 45-II.",
    }
    assert validate(member(mandate_reference="M-1"), TODAY) == {
        "mandate_reference": "Een incassomachtiging hoort bij een IBAN."
    }


def test_phone_numbers_get_the_real_reason():
    for fine in ("070-1234567 / 06-12345678", "+31 (0)70 123 45 67", "06.12.34.56.78"):
        assert validate(member(phone=fine), TODAY) == {}, fine
    letters = validate(member(phone="06 12345678 (mobiel)"), TODAY)["phone"]
    assert letters == _(
        "A phone number holds only digits, spaces and + ( ) - / . "
        "Put words such as 'mobile' in the remarks."
    )
    assert validate(member(phone="070-1234567 / 06-12345678 / 06-1"), TODAY)["phone"] == (
        "Hoogstens 30 tekens."
    )
    assert validate(member(phone="(070) 12"), TODAY)["phone"] == (
        "Een telefoonnummer heeft minstens 6 cijfers, bijvoorbeeld 070-1234567."
    )


def test_edges_member_until_equal_to_since_and_birth_today():
    assert validate(member(member_until=D(2020, 9, 1), date_of_birth=TODAY), TODAY) == {}


def test_postcode_rule_only_in_the_netherlands():
    assert validate(member(postcode="B-1000", country="BE"), TODAY) == {}
    assert "postcode" in validate(member(postcode="B-1000"), TODAY)


def test_normalising_typed_input():
    d = normalise(
        member(
            postcode="2517ak",
            iban="nl91 abna 0417 1643 00",
            house_number="112a",
            tussenvoegsel="Van  der",
            first_name=" Anna  Maria ",
        )
    )
    assert (d.postcode, d.iban, d.house_number, d.house_number_addition) == (
        "2517 AK",
        "NL91ABNA0417164300",
        "112",
        "a",
    )
    assert d.tussenvoegsel == "van der" and d.first_name == "Anna Maria"


def test_consent_of_a_child_needs_a_parent():
    child = member(date_of_birth=D(2015, 5, 1), consents={"photos": Consent(D(2025, 9, 1))})
    assert "ouder" in validate(child, TODAY)["consent_photos"]
    ok = member(
        date_of_birth=D(2015, 5, 1),
        consents={"photos": Consent(D(2025, 9, 1), "Marieke Berg (moeder)")},
    )
    assert validate(ok, TODAY) == {}
    sixteen = member(date_of_birth=D(2009, 9, 1), consents={"photos": Consent(D(2025, 9, 1))})
    assert validate(sixteen, TODAY) == {}


@given(st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ ", max_size=40))
def test_iban_rule_never_crashes_and_agrees_with_stdnum(text):
    from stdnum import iban

    problems = validate(member(iban=text), TODAY)
    compact = text.replace(" ", "").upper()
    assert ("iban" in problems) == (bool(compact) and not iban.is_valid(compact))


@given(st.from_regex(r"[1-9][0-9]{3} ?[a-zA-Z]{2}", fullmatch=True))
def test_any_dutch_postcode_is_accepted_and_normalised(text):
    d = normalise(member(postcode=text))
    assert validate(d, TODAY) == {}
    assert d.postcode == d.postcode.upper() and d.postcode[4] == " "
    assert normalise(d) == d
