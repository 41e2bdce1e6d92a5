from verenigingsbeheer.domain.person import PersonName, fold


def test_full_and_sorted_forms():
    anna = PersonName("Anna", "Berg", "van der")
    assert anna.full == "Anna van der Berg"
    assert anna.sorted_form == "Berg, Anna van der"
    assert PersonName("Kees", "Bakker").sorted_form == "Bakker, Kees"


def test_dutch_sort_ignores_the_tussenvoegsel():
    names = [
        PersonName("Anna", "Berg", "van der"),
        PersonName("Piet", "Aalders"),
        PersonName("Cor", "Dam", "ten"),
        PersonName("Bea", "Boëlens"),
        PersonName("Bob", "Boelens"),
    ]
    ordered = [n.full for n in sorted(names, key=lambda n: n.sort_key)]
    assert ordered == [
        "Piet Aalders",
        "Anna van der Berg",
        "Bea Boëlens",
        "Bob Boelens",
        "Cor ten Dam",
    ]


def test_fold_removes_case_and_diacritics():
    assert fold("Boëlens") == fold("BOELENS") == "boelens"
    assert fold("Çelik") == "celik"
