from verenigingsbeheer.domain.association import (
    AssociationDetails,
    normalise,
    normalise_postcode,
    validate,
)


def test_a_name_alone_is_enough():
    assert validate(AssociationDetails(name="Haags Kamerkoor")) == {}


def test_each_wrong_field_is_explained_in_dutch():
    problems = validate(
        AssociationDetails(
            name="  ",
            postcode="25170 AK",
            kvk_number="1234",
            iban="NL91ABNA0417164301",
            creditor_id="NL00ZZZ999999990000",
            financial_year_start_month=13,
        )
    )
    assert set(problems) == {
        "name",
        "postcode",
        "kvk_number",
        "iban",
        "creditor_id",
        "financial_year_start_month",
    }
    assert "naam" in problems["name"]
    assert "IBAN" in problems["iban"]
    assert "2517 AK" in problems["postcode"]


def test_normalising_what_users_type():
    details = normalise(
        AssociationDetails(
            name=" Haags   Kamerkoor ",
            postcode="2517ak",
            iban="nl91 abna 0417 1643 00",
            creditor_id="nl79 zzz 9999 9999 0000",
            country="nl",
        )
    )
    assert details.name == "Haags Kamerkoor"
    assert details.postcode == "2517 AK"
    assert details.iban == "NL91ABNA0417164300"
    assert details.creditor_id == "NL79ZZZ999999990000"
    assert details.country == "NL"
    assert validate(details) == {}


def test_foreign_postcodes_are_not_forced_into_the_dutch_format():
    assert normalise_postcode("1000", "BE") == "1000"
    assert validate(AssociationDetails(name="X", postcode="B-1000", country="BE")) == {}
