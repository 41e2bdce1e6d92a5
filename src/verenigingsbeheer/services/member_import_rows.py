"""One spreadsheet row read into a member's details, with every problem per column.

The rules are the member form's (`domain.member.validate`); this module adds what only a
spreadsheet has: cells that are not dates, "112a" in one cell, "ja"/"x" for yes, "Nederland".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from verenigingsbeheer.domain import member as rules
from verenigingsbeheer.domain.member import Consent, MemberDetails
from verenigingsbeheer.domain.parsing import parse_date, parse_yes_no
from verenigingsbeheer.domain.person import fold
from verenigingsbeheer.i18n import _
from verenigingsbeheer.services.member_import_mapping import (
    CONSENT_FIELDS,
    DATE_FIELDS,
    field_label,
    split_full_name,
    split_last_name,
    split_street,
)

CATEGORY_MAX = 60  # as services.categories allows
HOUSEHOLD_MAX = 100  # Household.name
PARENT_MAX = 200  # Consent.given_by_parent
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
    household: str = ""  # as written in the file; rows with the same text share one
    pays_for_household: bool = False
    notes: list[str] = field(default_factory=list)  # how a value was read, for the preview

    def add_problem(self, name: str, message: str) -> None:
        column = self.columns.get(name) or field_label(name)
        self.problems.setdefault(name, (column, message))

    def column(self, name: str) -> str:
        return self.columns.get(name) or field_label(name)


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
        elif name in CONSENT_FIELDS:
            values[name] = cell if isinstance(cell, dt.date) else cell.strip()
        else:
            values[name] = as_text(cell)

    _split_combined(values, columns)
    number = _member_number(str(values.pop("member_number", "")), problem)
    section = _category(str(values.pop("section", "")), "section", problem)
    membership_type = _category(str(values.pop("membership_type", "")), "membership_type", problem)
    _household(row, values)
    _ooievaarspas(values, columns)
    country = str(values.get("country", ""))
    values["country"] = COUNTRIES.get(fold(" ".join(country.split())), country)
    if values.get("member_since") is None and "member_since" not in row.problems:
        values["member_since"] = _default_start(row, values, today)
    values.setdefault("first_name", "")
    values.setdefault("last_name", "")
    values["consents"] = _consents(row, values, today)
    details = MemberDetails(**{k: v for k, v in values.items() if v is not None})
    row.details, problems = rules.check(details, today)
    for name, message in problems.items():
        problem(name, message)
    row.member_number, row.section, row.membership_type = number, section, membership_type
    return row


def _default_start(row: ParsedRow, values: dict[str, object], today: dt.date) -> dt.date:
    """The import day; for someone who left or gave notice before it, that earlier date,
    so "Lid tot 31-12-2020" without "Lid sinds" imports as a former member."""
    earlier = [
        (day, name)
        for name in ("notice_given_on", "member_until")
        if isinstance(day := values.get(name), dt.date) and day < today
    ]
    if not earlier:
        return today
    day, name = min(earlier)
    row.notes.append(
        _("{since} is empty: {date} is used, the date in {column}.").format(
            since=field_label("member_since"), date=day.strftime("%d-%m-%Y"),
            column=row.column(name),
        )
    )  # fmt: skip
    return day


def _date(cell: str | dt.date, today: dt.date, problem) -> dt.date | None:
    if isinstance(cell, dt.date):
        return cell
    text = cell.strip()
    if not text:
        return None
    try:
        return _read_date(text, today)
    except ValueError:
        problem(
            _(
                "'{value}' is not a date that exists; write it as dd-mm-yyyy, e.g. 07-03-2026."
            ).format(value=text)
        )
        return None


def _read_date(text: str, today: dt.date) -> dt.date:
    match = _DATE_TIME.match(text)  # "1980-01-02 00:00:00" from a database export
    return parse_date(match.group(1) if match else text, today)


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
    last = str(values.get("last_name", "") or "")
    if last and not values.get("tussenvoegsel"):  # "de Wit" in the last-name column
        tussenvoegsel, rest = split_last_name(last)
        if tussenvoegsel:
            values["tussenvoegsel"], values["last_name"] = tussenvoegsel, rest
            columns.setdefault("tussenvoegsel", columns["last_name"])
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


def _household(row: ParsedRow, values: dict[str, object]) -> None:
    """The household's name or number, and whether this member pays for it."""
    name = " ".join(str(values.pop("household", "") or "").split())
    pays_text = str(values.pop("pays_for_household", "") or "")
    if len(name) > HOUSEHOLD_MAX:
        row.add_problem("household", _("At most {n} characters.").format(n=HOUSEHOLD_MAX))
        name = ""
    try:
        pays = parse_yes_no(pays_text)
    except ValueError:
        row.add_problem("pays_for_household", _("Write yes or no."))
        pays = False
    if pays and not name and "household" not in row.problems:
        row.add_problem(
            "pays_for_household",
            _("Pays for a household, but {column} is empty.").format(
                column=row.column("household")
            ),
        )
    row.household, row.pays_for_household = name, pays and bool(name)


def _consents(row: ParsedRow, values: dict[str, object], today: dt.date) -> dict[str, Consent]:
    """ja (given on the import day), nee or empty, or the date it was given; the parent
    is kept for the consents given before the member turned 16 (all when no birth date)."""
    parent = " ".join(str(values.pop("consent_parent", "") or "").split())
    if len(parent) > PARENT_MAX:
        row.add_problem("consent_parent", _("At most {n} characters.").format(n=PARENT_MAX))
        parent = ""
    born = values.get("date_of_birth")
    consents: dict[str, Consent] = {}
    for name, kind in CONSENT_FIELDS.items():
        given = _consent_date(values.pop(name, ""), today)
        if given is False:
            row.add_problem(
                name,
                _("Write yes, no or the date it was given as dd-mm-yyyy, e.g. 07-03-2026."),
            )
        elif given is not None:
            young = (
                not isinstance(born, dt.date)
                or rules.age_on(born, given) < rules.PARENT_CONSENT_AGE
            )
            consents[kind] = Consent(given, parent if young else "")
    if parent and not any(c.given_by_parent for c in consents.values()):
        row.notes.append(
            _("{column} is not imported: no consent on this line was given before the "
              "member turned 16.").format(column=row.column("consent_parent"))
        )  # fmt: skip
    return consents


def _consent_date(cell: object, today: dt.date) -> dt.date | None | bool:
    """The day given, None for no consent, False when the cell cannot be read."""
    if isinstance(cell, dt.date):
        return cell
    text = str(cell).strip()
    try:
        return today if parse_yes_no(text) else None
    except ValueError:
        pass
    try:
        return _read_date(text, today)
    except ValueError:
        return False


def _ooievaarspas(values: dict[str, object], columns: dict[str, str]) -> None:
    """ja/nee/x/1/0 says whether there is a pass; anything else is taken as its number."""
    number = str(values.get("ooievaarspas_number", "") or "")
    if "ooievaarspas" not in values:
        values["ooievaarspas"] = bool(number or values.get("ooievaarspas_valid_until"))
        return
    text = str(values["ooievaarspas"])
    try:
        values["ooievaarspas"] = parse_yes_no(text)
    except ValueError:
        values["ooievaarspas"] = True
        if not number:
            values["ooievaarspas_number"] = text
            columns.setdefault("ooievaarspas_number", columns["ooievaarspas"])


def name_key(details: MemberDetails) -> tuple[str, str] | None:
    """First name and last name (with tussenvoegsel), ignoring case and accents."""
    last = " ".join(f"{details.tussenvoegsel} {details.last_name}".split())
    if not details.first_name or not last:
        return None
    return fold(details.first_name), fold(last)


def person_key(details: MemberDetails) -> tuple[str, str, dt.date] | None:
    """Same first name, last name (with tussenvoegsel) and birth date: the same person.

    Without a birth date there is no key: the same name alone may be someone else."""
    name = name_key(details)
    if name is None or details.date_of_birth is None:
        return None
    return (*name, details.date_of_birth)


def address_key(details: MemberDetails) -> tuple[str, ...] | None:
    """Postcode and house number, or else street, number and town."""
    number = (details.house_number, fold(details.house_number_addition))
    if details.postcode and details.house_number:
        return (fold(details.postcode.replace(" ", "")), *number)
    if details.street and details.house_number and details.town:
        return (fold(details.street), *number, fold(details.town))
    return None
