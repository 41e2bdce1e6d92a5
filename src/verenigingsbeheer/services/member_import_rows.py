"""One spreadsheet row read into a member's details, with every problem per column.

The rules are the member form's (`domain.member.validate`); this module adds what only a
spreadsheet has: cells that are not dates, "112a" in one cell, "ja"/"x" for yes, "Nederland".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from verenigingsbeheer.domain import member as rules
from verenigingsbeheer.domain.member import MemberDetails
from verenigingsbeheer.domain.parsing import parse_date, parse_yes_no
from verenigingsbeheer.domain.person import fold
from verenigingsbeheer.i18n import _
from verenigingsbeheer.services.member_import_mapping import (
    DATE_FIELDS,
    field_label,
    split_full_name,
    split_street,
)

CATEGORY_MAX = 60  # as services.categories allows
_DATE_TIME = re.compile(r"^(\S+)\s+\d{1,2}:\d{2}(:\d{2})?$")
COUNTRIES = {
    "nederland": "NL", "the netherlands": "NL", "netherlands": "NL", "holland": "NL",
    "belgie": "BE", "belgium": "BE", "belgique": "BE", "duitsland": "DE", "germany": "DE",
    "deutschland": "DE", "frankrijk": "FR", "france": "FR", "luxemburg": "LU",
    "luxembourg": "LU", "verenigd koninkrijk": "GB", "united kingdom": "GB", "engeland": "GB",
    "spanje": "ES", "spain": "ES", "italie": "IT", "italy": "IT", "polen": "PL", "poland": "PL",
}  # fmt: skip


@dataclass
class ParsedRow:
    """A row's values as the member form would hold them, and what is wrong with them."""

    line: int
    details: MemberDetails
    member_number: int | None = None
    section: str = ""
    membership_type: str = ""
    # field -> (column as the file names it, message); the first problem per field counts
    problems: dict[str, tuple[str, str]] = field(default_factory=dict)
    columns: dict[str, str] = field(default_factory=dict)  # field -> its column's header

    def add_problem(self, name: str, message: str) -> None:
        column = self.columns.get(name) or field_label(name)
        self.problems.setdefault(name, (column, message))


def as_text(cell: str | dt.date) -> str:
    return cell.strftime("%d-%m-%Y") if isinstance(cell, dt.date) else cell.strip()


def parse_row(
    line: int,
    cells: list[str | dt.date],
    mapping: dict[int, str],
    column_names: dict[int, str],
    today: dt.date,
) -> ParsedRow:
    """Read the mapped cells; member since is the import day when the row has none.

    `column_names` names each mapped column as the file does, for the problems."""
    row = ParsedRow(line=line, details=MemberDetails(first_name="", last_name=""))
    values: dict[str, object] = {}
    columns = row.columns
    problem = row.add_problem
    for index, name in mapping.items():
        cell = cells[index] if index < len(cells) else ""
        columns[name] = column_names[index]
        if name in DATE_FIELDS:
            values[name] = _date(cell, today, lambda m, n=name: problem(n, m))
        else:
            values[name] = as_text(cell)

    _split_combined(values, columns)
    number = _member_number(str(values.pop("member_number", "")), problem)
    section = _category(str(values.pop("section", "")), "section", problem)
    membership_type = _category(str(values.pop("membership_type", "")), "membership_type", problem)
    _ooievaarspas(values, columns)
    country = str(values.get("country", ""))
    values["country"] = COUNTRIES.get(fold(" ".join(country.split())), country)
    if values.get("member_since") is None and "member_since" not in row.problems:
        values["member_since"] = today
    values.setdefault("first_name", "")
    values.setdefault("last_name", "")
    details = MemberDetails(**{k: v for k, v in values.items() if v is not None})
    for name, message in rules.validate(details, today).items():
        problem(name, message)
    row.details = rules.normalise(details)
    row.member_number, row.section, row.membership_type = number, section, membership_type
    return row


def _date(cell: str | dt.date, today: dt.date, problem) -> dt.date | None:
    if isinstance(cell, dt.date):
        return cell
    text = cell.strip()
    if not text:
        return None
    match = _DATE_TIME.match(text)  # "1980-01-02 00:00:00" from a database export
    try:
        return parse_date(match.group(1) if match else text, today)
    except ValueError:
        problem(
            _(
                "'{value}' is not a date that exists; write it as dd-mm-yyyy, e.g. 07-03-2026."
            ).format(value=text)
        )
        return None


def _split_combined(values: dict[str, object], columns: dict[str, str]) -> None:
    """A "Naam" cell into first name, tussenvoegsel and last name; "Spui 70a" into parts."""
    full = str(values.pop("full_name", "") or "")
    if full:
        first, tussenvoegsel, last = split_full_name(full)
        for name, part in (("first_name", first), ("tussenvoegsel", tussenvoegsel),
                           ("last_name", last)):  # fmt: skip
            if not values.get(name):
                values[name] = part
                columns.setdefault(name, columns["full_name"])
    street = str(values.get("street", "") or "")
    if street and not values.get("house_number"):
        street, number, addition = split_street(street)
        if number:
            values["street"], values["house_number"] = street, number
            columns.setdefault("house_number", columns["street"])
            if not values.get("house_number_addition"):
                values["house_number_addition"] = addition
                columns.setdefault("house_number_addition", columns["street"])


def _member_number(text: str, problem) -> int | None:
    text = text.strip()
    if not text:
        return None
    if not text.isdigit() or not 0 < int(text) < 1_000_000_000:
        problem("member_number", _("A member number is a whole number above 0, e.g. 12."))
        return None
    return int(text)


def _category(text: str, name: str, problem) -> str:
    text = " ".join(text.split())
    if len(text) > CATEGORY_MAX:
        problem(name, _("At most {n} characters.").format(n=CATEGORY_MAX))
        return ""
    return text


def _ooievaarspas(values: dict[str, object], columns: dict[str, str]) -> None:
    """ja/nee/x/1/0 says whether there is a pass; anything else is taken as its number."""
    number = str(values.get("ooievaarspas_number", "") or "")
    if "ooievaarspas" not in values:
        values["ooievaarspas"] = bool(number)
        return
    text = str(values["ooievaarspas"])
    try:
        values["ooievaarspas"] = parse_yes_no(text)
    except ValueError:
        values["ooievaarspas"] = True
        if not number:
            values["ooievaarspas_number"] = text
            columns.setdefault("ooievaarspas_number", columns["ooievaarspas"])


def person_key(details: MemberDetails) -> tuple[str, str, dt.date | None] | None:
    """Same first name, last name (with tussenvoegsel) and birth date: the same person."""
    last = " ".join(f"{details.tussenvoegsel} {details.last_name}".split())
    if not details.first_name or not last:
        return None
    return fold(details.first_name), fold(last), details.date_of_birth


def address_key(details: MemberDetails) -> tuple[str, ...] | None:
    """Postcode and house number, or else street, number and town."""
    number = (details.house_number, fold(details.house_number_addition))
    if details.postcode and details.house_number:
        return (fold(details.postcode.replace(" ", "")), *number)
    if details.street and details.house_number and details.town:
        return (fold(details.street), *number, fold(details.town))
    return None
