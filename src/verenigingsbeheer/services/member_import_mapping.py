"""Which spreadsheet column holds which member field: the fields, their labels, and
recognising the headers boards really use ("Lidnr", "Roepnaam", "Woonplaats", "Stem").
"""

from __future__ import annotations

import re

from verenigingsbeheer.domain.person import fold
from verenigingsbeheer.i18n import N_, _

# In the order of the export's columns; `full_name` ("Naam") is split on import only.
FIELDS = (
    "member_number", "first_name", "tussenvoegsel", "last_name", "initials", "date_of_birth",
    "street", "house_number", "house_number_addition", "postcode", "town", "country", "phone",
    "email", "iban", "mandate_reference", "mandate_signed_on", "section", "membership_type",
    "member_since", "notice_given_on", "member_until", "end_reason", "ooievaarspas",
    "ooievaarspas_number", "ooievaarspas_valid_until", "consent_photos", "consent_newsletter",
    "consent_alumni", "consent_parent", "household", "pays_for_household", "emergency_contact",
    "notes", "full_name",
)  # fmt: skip
EXPORT_FIELDS = FIELDS[:-1]
REQUIRED = ("first_name", "last_name")
DATE_FIELDS = frozenset((
    "date_of_birth", "mandate_signed_on", "member_since", "notice_given_on", "member_until",
    "ooievaarspas_valid_until",
))  # fmt: skip
# Consent columns hold ja/nee or the date it was given; the field names are the rules' keys.
CONSENT_FIELDS = {"consent_photos": "photos", "consent_newsletter": "newsletter",
                  "consent_alumni": "alumni"}  # fmt: skip

FIELD_LABELS = {
    "member_number": N_("Member number"),
    "first_name": N_("First name"),
    "tussenvoegsel": N_("Tussenvoegsel"),
    "last_name": N_("Last name"),
    "initials": N_("Initials"),
    "date_of_birth": N_("Date of birth"),
    "street": N_("Street"),
    "house_number": N_("House number"),
    "house_number_addition": N_("Addition"),
    "postcode": N_("Postcode"),
    "town": N_("Town"),
    "country": N_("Country"),
    "phone": N_("Phone"),
    "email": N_("E-mail"),
    "iban": N_("IBAN"),
    "mandate_reference": N_("Mandate reference"),
    "mandate_signed_on": N_("Mandate signed on"),
    "section": N_("Section"),
    "membership_type": N_("Membership type"),
    "member_since": N_("Member since"),
    "notice_given_on": N_("Notice given on"),
    "member_until": N_("Member until"),
    "end_reason": N_("Reason for leaving"),
    "ooievaarspas": N_("Ooievaarspas"),
    "ooievaarspas_number": N_("Ooievaarspas number"),
    "ooievaarspas_valid_until": N_("Ooievaarspas valid until"),
    "consent_photos": N_("Consent photos and video"),
    "consent_newsletter": N_("Consent newsletter"),
    "consent_alumni": N_("Consent alumni list"),
    "consent_parent": N_("Consent given by parent"),
    "household": N_("Household"),
    "pays_for_household": N_("Pays for the household"),
    "emergency_contact": N_("Emergency contact"),
    "notes": N_("Remarks"),
    "full_name": N_("Full name"),
}

# Headers as found in real member lists, comma-separated; `header_key` makes them match.
_ALIASES = {
    "member_number": "lidnummer, lidnr, lidno, relatienummer, relatienr, member number, "
    "member no, membernr, member id, membership number",
    "first_name": "voornaam, roepnaam, voornamen, first name, given name, forename",
    "tussenvoegsel": "tussenvoegsel, tussenvoegsels, tussenv, tv, voorvoegsel, voorvoegsels, "
    "prefix, name prefix, infix",
    "last_name": "achternaam, familienaam, geslachtsnaam, last name, surname, family name",
    "initials": "voorletters, voorl, initialen, initials",
    "date_of_birth": "geboortedatum, geb datum, geboren, geboren op, date of birth, birthdate, "
    "birth date, birthday, dob",
    "street": "straat, straatnaam, adres, woonadres, street, street name, address",
    "house_number": "huisnummer, huisnr, huisno, house number, house no",
    "house_number_addition": "toevoeging, huisnummertoevoeging, huisnr toevoeging, toev, "
    "huisletter, addition, house number addition, suffix",
    "postcode": "postcode, pc, zip, zip code, postal code",
    "town": "plaats, woonplaats, plaatsnaam, stad, gemeente, town, city, place, residence",
    "country": "land, country",
    "phone": "telefoon, telefoonnummer, telefoonnr, tel, telnr, mobiel, mobiel nummer, "
    "mobiele telefoon, gsm, phone, telephone, phone number, mobile, mobile phone, cell",
    "email": "email, emailadres, mail, mailadres, email address",
    "iban": "iban, rekeningnummer, rekeningnr, rekening, bankrekening, bankrekeningnummer, "
    "iban nummer, bank account, account number",
    "mandate_reference": "machtigingskenmerk, kenmerk machtiging, machtigingsreferentie, "
    "mandaatreferentie, mandaatkenmerk, mandate reference, mandate id",
    "mandate_signed_on": "machtiging getekend op, machtigingsdatum, datum machtiging, "
    "machtiging getekend, mandate signed on, mandate date, date of signature",
    "section": "stemgroep, stem, stemsoort, sectie, instrument, partij, groep, section, voice, "
    "voice part",
    "membership_type": "soort lid, soort lidmaatschap, lidmaatschap, lidsoort, type lid, "
    "categorie, membership type, member type, membership, category",
    "member_since": "lid sinds, lid vanaf, lid sedert, inschrijfdatum, datum inschrijving, "
    "ingeschreven, ingangsdatum, begindatum, startdatum, aanmelddatum, member since, joined, "
    "start date, date joined",
    "member_until": "lid tot, lid tot en met, uitschrijfdatum, datum uitschrijving, einddatum, "
    "afmelddatum, opgezegd per, member until, end date, date left",
    "notice_given_on": "opgezegd op, opzegdatum, datum opzegging, opgezegd, opzegging, "
    "datum opzegging ontvangen, notice given on, notice given, notice date, date of notice",
    "end_reason": "reden vertrek, reden van vertrek, vertrekreden, reden opzegging, "
    "reden uitschrijving, reden einde lidmaatschap, reden, reason for leaving, "
    "leaving reason, reason left, end reason",
    "ooievaarspas": "ooievaarspas, ooievaar, ooievaarpas",
    "ooievaarspas_number": "ooievaarspasnummer, ooievaarspasnr, ooievaarspas nummer, "
    "pasnummer, ooievaarspas number",
    "ooievaarspas_valid_until": "ooievaarspas geldig tot, ooievaarspas geldig t m, "
    "ooievaarspas tot, pas geldig tot, geldig tot, geldigheid ooievaarspas, "
    "ooievaarspas einddatum, ooievaarspas valid until, pass valid until, valid until",
    "consent_photos": "toestemming fotos en video, toestemming fotos, toestemming foto, "
    "toestemming beeldmateriaal, fotos en video, foto en video, beeldmateriaal, avg fotos, "
    "consent photos and video, consent photos, photos and video, photo consent",
    "consent_newsletter": "toestemming nieuwsbrief, nieuwsbrief, avg nieuwsbrief, "
    "consent newsletter, newsletter, newsletter consent",
    "consent_alumni": "toestemming oud ledenlijst, toestemming alumnilijst, oud ledenlijst, "
    "alumnilijst, alumni, consent alumni list, alumni list, alumni consent",
    "consent_parent": "toestemming gegeven door ouder, toestemming gegeven door, "
    "toestemming ouder, toestemming door ouder, consent given by parent, consent parent",
    "household": "huishouden, gezin, huishoudnummer, gezinsnummer, huishouding, household, "
    "family, household number",
    "pays_for_household": "betaalt voor huishouden, betaalt voor het huishouden, "
    "betaler huishouden, pays for the household, pays for household, household payer",
    "emergency_contact": "noodcontact, contact bij nood, contactpersoon bij nood, noodnummer, "
    "in case of emergency, ice, emergency contact",
    "notes": "opmerkingen, opmerking, notities, notitie, bijzonderheden, toelichting, notes, "
    "note, remarks, comments, memo",
    "full_name": "volledige naam, naam voluit, full name",
}
_LOOSE_NAME = frozenset(("naam", "name"))


def header_key(header: str) -> str:
    """`" E-mail adres:"`, `"e_mailadres"` and `"E-MAILADRES"` all become "emailadres"."""
    return re.sub(r"[^0-9a-z]", "", fold(header))


def _known_keys() -> dict[str, str]:
    """Every recognised header key and its field; our own labels (as exported) first."""
    keys: dict[str, str] = {}
    for field, label in FIELD_LABELS.items():
        keys.setdefault(header_key(_(label)), field)
        keys.setdefault(header_key(label), field)
    for field, text in _ALIASES.items():
        for alias in text.split(","):
            keys.setdefault(header_key(alias), field)
    return keys


def field_label(field: str) -> str:
    """ "Lidnummer" for "member_number", in the user's language."""
    return _(FIELD_LABELS[field]) if field in FIELD_LABELS else field


def auto_mapping(headers: list[str]) -> dict[int, str]:
    """Column index -> field for the headers we recognise; each field goes to one column.

    A loose "Naam" is the last name when there is a first-name column, else the full name.
    """
    known = _known_keys()
    mapping: dict[int, str] = {}
    loose: list[int] = []
    for index, header in enumerate(headers):
        key = header_key(header)
        if key in _LOOSE_NAME:
            loose.append(index)
            continue
        field = known.get(key)
        if field and field not in mapping.values():
            mapping[index] = field
    for index in loose:
        taken = set(mapping.values())
        if "first_name" in taken and "last_name" not in taken:
            mapping[index] = "last_name"
        elif not taken & {"first_name", "last_name", "full_name"}:
            mapping[index] = "full_name"
    return dict(sorted(mapping.items()))


def mapping_problems(mapping: dict[int, str], headers: list[str]) -> list[str]:
    """What stops an import whatever the rows hold: a required field without a column,
    or one field chosen for two columns."""
    problems = []
    chosen = list(mapping.values())
    for field in sorted(set(chosen), key=FIELDS.index):
        columns = [headers[i] or _column_name(i) for i, f in mapping.items() if f == field]
        if len(columns) > 1:
            problems.append(
                _("{field} is chosen for more than one column: {columns}.").format(
                    field=field_label(field), columns=", ".join(columns)
                )
            )
    if "full_name" not in chosen:
        for field in REQUIRED:
            if field not in chosen:
                problems.append(
                    _("No column for the {field} was found.").format(
                        field=field_label(field).lower()
                    )
                )
    return problems


def _column_name(index: int) -> str:
    """ "kolom C": how a spreadsheet names a column without a header."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return _("column {letter}").format(letter=letters)


def column_name(headers: list[str], index: int) -> str:
    return headers[index] if index < len(headers) and headers[index] else _column_name(index)


# Names and addresses written in one cell ------------------------------------------------

TUSSENVOEGSELS = frozenset((
    "van", "de", "der", "den", "het", "'t", "te", "ter", "ten", "in", "op", "uit", "bij", "aan",
    "d'", "da", "del", "della", "di", "du", "des", "la", "le", "les", "l'", "von",
))  # fmt: skip
_STREET_NUMBER = re.compile(r"^(?P<street>.*?\D)\s+(?P<number>\d+)\s*[-/ ]?\s*(?P<add>\S{0,6})$")


def split_full_name(text: str) -> tuple[str, str, str]:
    """ "Anna van der Berg" or "Berg, Anna van der" -> ("Anna", "van der", "Berg")."""
    text = " ".join(text.split())
    if "," in text:
        last, _sep, rest = text.partition(",")
        words = rest.split()
        split = len(words)
        while split > 1 and words[split - 1].lower() in TUSSENVOEGSELS:
            split -= 1
        return " ".join(words[:split]), " ".join(words[split:]).lower(), last.strip()
    words = text.split()
    if len(words) < 2:
        return "", "", text
    start = 1
    while start < len(words) - 1 and words[start].lower() not in TUSSENVOEGSELS:
        start += 1
    if words[start].lower() not in TUSSENVOEGSELS:
        return words[0], "", " ".join(words[1:])
    end = start
    while end < len(words) - 1 and words[end].lower() in TUSSENVOEGSELS:
        end += 1
    return " ".join(words[:start]), " ".join(words[start:end]).lower(), " ".join(words[end:])


def split_last_name(text: str) -> tuple[str, str]:
    """ "van der Berg" or "Berg, van der" in a last-name cell -> ("van der", "Berg").

    The tussenvoegsel keeps the case it was written in; a name that is only tussenvoegsel
    words ("Van") stays as it is."""
    text = " ".join(text.split())
    if "," in text:
        last, _sep, rest = text.partition(",")
        words = rest.split()
        if last.strip() and words and all(w.lower() in TUSSENVOEGSELS for w in words):
            return " ".join(words), last.strip()
        return "", text
    words = text.split()
    start = 0
    while start < len(words) - 1 and words[start].lower() in TUSSENVOEGSELS:
        start += 1
    return " ".join(words[:start]), " ".join(words[start:])


def split_street(text: str) -> tuple[str, str, str]:
    """ "Laan van Meerdervoort 112a" -> ("Laan van Meerdervoort", "112", "a"); else unchanged."""
    match = _STREET_NUMBER.match(" ".join(text.split()))
    if not match:
        return text, "", ""
    return match.group("street").strip(), match.group("number"), match.group("add")
