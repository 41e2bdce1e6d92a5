"""The association's own details and the rules they must follow."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from verenigingsbeheer.i18n import _

_POSTCODE_NL = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})\s*$")


@dataclass(frozen=True)
class AssociationDetails:
    """What the first-run dialog asks and the association page edits."""

    name: str
    street: str = ""
    house_number: str = ""
    postcode: str = ""
    town: str = ""
    country: str = "NL"
    kvk_number: str = ""
    iban: str = ""
    creditor_id: str = ""
    financial_year_start_month: int = 1
    logo_png: bytes | None = field(default=None, repr=False)


def normalise_postcode(text: str, country: str = "NL") -> str:
    """`2517ak` becomes `2517 AK` in the Netherlands; elsewhere the text is kept."""
    match = _POSTCODE_NL.match(text)
    if country.upper() == "NL" and match:
        return f"{match.group(1)} {match.group(2).upper()}"
    return text.strip()


def _compact(text: str) -> str:
    return re.sub(r"[\s.-]", "", text).upper()


def normalise(details: AssociationDetails) -> AssociationDetails:
    """Tidy what a user typed: trimmed text, compact IBAN and creditor ID, NL postcode."""
    return replace(
        details,
        name=" ".join(details.name.split()),
        street=details.street.strip(),
        house_number=details.house_number.strip(),
        postcode=normalise_postcode(details.postcode, details.country),
        town=details.town.strip(),
        country=(details.country.strip() or "NL").upper(),
        kvk_number=re.sub(r"\s", "", details.kvk_number),
        iban=_compact(details.iban),
        creditor_id=_compact(details.creditor_id),
    )


def validate(details: AssociationDetails) -> dict[str, str]:
    """Problems per field name, in the user's language; empty when all is well."""
    from stdnum import iban as stdnum_iban
    from stdnum.eu import at_02

    details = normalise(details)
    problems: dict[str, str] = {}
    if not details.name:
        problems["name"] = _("Enter the name of the association.")
    elif len(details.name) > 200:
        problems["name"] = _("The name is longer than 200 characters.")
    if details.postcode and details.country == "NL" and not _POSTCODE_NL.match(details.postcode):
        problems["postcode"] = _("A Dutch postcode has four digits and two letters, e.g. 2517 AK.")
    if details.kvk_number and not re.fullmatch(r"[0-9]{8}", details.kvk_number):
        problems["kvk_number"] = _("A KvK number has exactly 8 digits.")
    if details.iban and not stdnum_iban.is_valid(details.iban):
        problems["iban"] = _("This IBAN is not valid; check the letters and digits.")
    if details.creditor_id and not at_02.is_valid(details.creditor_id):
        problems["creditor_id"] = _(
            "This SEPA creditor ID is not valid (Dutch ones look like NL79ZZZ999999990000)."
        )
    if not 1 <= details.financial_year_start_month <= 12:
        problems["financial_year_start_month"] = _("Choose a month from January to December.")
    if details.logo_png is not None and len(details.logo_png) > 2_000_000:
        problems["logo_png"] = _("The logo is larger than 2 MB; choose a smaller image.")
    return problems
