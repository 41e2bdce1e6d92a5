"""A member's details as the form and the import hand them over, and their rules."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields, replace

from verenigingsbeheer.domain.association import normalise_postcode
from verenigingsbeheer.domain.parsing import split_house_number
from verenigingsbeheer.i18n import N_, _

CONSENT_KINDS = ("photos", "newsletter", "alumni")
CONSENT_LABELS = {
    "photos": N_("Photos and video"),
    "newsletter": N_("Newsletter"),
    "alumni": N_("Alumni list"),
}
PARENT_CONSENT_AGE = 16
_POSTCODE_NL = re.compile(r"^[1-9][0-9]{3} [A-Z]{2}$")
_PHONE_CHARACTERS = re.compile(r"^\+?[0-9 ()./-]*$")
PHONE_MAX = 30  # Person.phone: room for two numbers, "070-1234567 / 06-12345678"
PHONE_MIN_DIGITS = 6


@dataclass(frozen=True)
class Consent:
    given_on: dt.date
    given_by_parent: str = ""


@dataclass(frozen=True)
class Function:
    """A board or committee function; an empty committee means the board itself."""

    title: str
    start_date: dt.date
    end_date: dt.date | None = None
    committee: str = ""

    def held_on(self, day: dt.date) -> bool:
        return self.start_date <= day and (self.end_date is None or self.end_date >= day)


@dataclass(frozen=True)
class MemberDetails:
    """Everything the member form edits; ids refer to sections and membership types."""

    first_name: str
    last_name: str
    tussenvoegsel: str = ""
    initials: str = ""
    date_of_birth: dt.date | None = None
    street: str = ""
    house_number: str = ""
    house_number_addition: str = ""
    postcode: str = ""
    town: str = ""
    country: str = "NL"
    phone: str = ""
    email: str = ""
    iban: str = ""
    mandate_reference: str = ""
    mandate_signed_on: dt.date | None = None
    section_id: int | None = None
    membership_type_id: int | None = None
    member_since: dt.date | None = None
    notice_given_on: dt.date | None = None
    member_until: dt.date | None = None
    end_reason: str = ""
    ooievaarspas: bool = False
    ooievaarspas_number: str = ""
    ooievaarspas_valid_until: dt.date | None = None
    consents: dict[str, Consent] = field(default_factory=dict)
    emergency_contact: str = ""
    notes: str = ""
    functions: tuple[Function, ...] = ()


MEMBER_FIELDS = tuple(f.name for f in fields(MemberDetails))


def _compact(text: str) -> str:
    return re.sub(r"[\s.-]", "", text).upper()


def normalise(details: MemberDetails) -> MemberDetails:
    """Tidy typed input: trimmed names, NL postcode `2517 AK`, compact IBAN, `112a` split."""
    number, addition = details.house_number.strip(), details.house_number_addition.strip()
    if number and not number.isdigit():
        split_number, split_addition = split_house_number(number)
        if split_number:  # "112a" -> 112 + a; "a12" stays, so the rule can flag it
            number, addition = split_number, addition or split_addition
    country = (details.country.strip() or "NL").upper()
    return replace(
        details,
        first_name=" ".join(details.first_name.split()),
        last_name=" ".join(details.last_name.split()),
        tussenvoegsel=" ".join(details.tussenvoegsel.split()).lower(),
        initials=details.initials.strip(),
        street=" ".join(details.street.split()),
        house_number=number,
        house_number_addition=addition,
        postcode=normalise_postcode(details.postcode, country),
        town=" ".join(details.town.split()),
        country=country,
        phone=details.phone.strip(),
        email=details.email.strip(),
        iban=_compact(details.iban),
        mandate_reference=details.mandate_reference.strip(),
        ooievaarspas_number=details.ooievaarspas_number.strip() if details.ooievaarspas else "",
        ooievaarspas_valid_until=details.ooievaarspas_valid_until if details.ooievaarspas else None,
        emergency_contact=details.emergency_contact.strip(),
        end_reason=details.end_reason.strip(),
        functions=tuple(
            replace(f, title=" ".join(f.title.split()), committee=" ".join(f.committee.split()))
            for f in details.functions
        ),
    )


def age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _phone_problem(phone: str) -> str:
    """The real reason a phone number is refused, or "" when it is fine."""
    if not _PHONE_CHARACTERS.match(phone):
        return _(
            "A phone number holds only digits, spaces and + ( ) - / . "
            "Put words such as 'mobile' in the remarks."
        )
    if len(phone) > PHONE_MAX:
        return _("At most {n} characters.").format(n=PHONE_MAX)
    if sum(ch.isdigit() for ch in phone) < PHONE_MIN_DIGITS:
        return _("A phone number has at least 6 digits, e.g. 070-1234567.")
    return ""


def validate(details: MemberDetails, today: dt.date) -> dict[str, str]:
    """Problems per field, in the user's language; empty when all is well."""
    return check(details, today)[1]


def check(details: MemberDetails, today: dt.date) -> tuple[MemberDetails, dict[str, str]]:
    """The details tidied (`normalise`) and their problems per field, in one pass."""
    from email_validator import EmailNotValidError, validate_email
    from stdnum import iban as stdnum_iban

    d = normalise(details)
    problems: dict[str, str] = {}
    if not d.first_name:
        problems["first_name"] = _("Enter a first name.")
    if not d.last_name:
        problems["last_name"] = _("Enter a last name.")
    for name, limit in (
        ("first_name", 100), ("last_name", 100), ("street", 200), ("town", 100),
        ("ooievaarspas_number", 30), ("emergency_contact", 200), ("end_reason", 200),
    ):  # fmt: skip
        if len(getattr(d, name)) > limit:
            problems[name] = _("At most {n} characters.").format(n=limit)
    if d.date_of_birth is not None:
        if d.date_of_birth > today:
            problems["date_of_birth"] = _("The date of birth lies in the future.")
        elif d.date_of_birth.year < 1900:
            problems["date_of_birth"] = _("The date of birth lies before 1900.")
    if d.house_number and not d.house_number.isdigit():
        problems["house_number"] = _("A house number starts with digits, e.g. 112a or 45-II.")
    if len(d.house_number_addition) > 10:
        problems["house_number_addition"] = _("At most {n} characters.").format(n=10)
    if d.postcode and d.country == "NL" and not _POSTCODE_NL.match(d.postcode):
        problems["postcode"] = _("A Dutch postcode has four digits and two letters, e.g. 2517 AK.")
    if not re.fullmatch(r"[A-Z]{2}", d.country):
        problems["country"] = _("Use the two-letter country code, e.g. NL or BE.")
    if d.phone:
        phone = _phone_problem(d.phone)
        if phone:
            problems["phone"] = phone
    if d.email:
        try:
            validate_email(d.email, check_deliverability=False)
        except EmailNotValidError:
            problems["email"] = _("This is not a valid e-mail address, e.g. naam@voorbeeld.nl.")
    if d.iban and not stdnum_iban.is_valid(d.iban):
        problems["iban"] = _("This IBAN is not valid; check the letters and digits.")
    if (d.mandate_reference or d.mandate_signed_on) and not d.iban:
        problems["mandate_reference"] = _("A direct-debit mandate needs an IBAN.")
    if d.mandate_signed_on is not None and d.mandate_signed_on > today:
        problems["mandate_signed_on"] = _("The mandate cannot be signed in the future.")
    if d.member_since is None:
        problems["member_since"] = _("Enter the date the membership began.")
    elif d.member_until is not None and d.member_until < d.member_since:
        problems["member_until"] = _("Member until lies before member since.")
    if d.notice_given_on is not None and d.member_since and d.notice_given_on < d.member_since:
        problems["notice_given_on"] = _("Notice was given before the membership began.")
    if d.notice_given_on is not None and d.notice_given_on > today:
        problems["notice_given_on"] = _("Notice cannot be given in the future.")
    function_problem = next(filter(None, (function_problem_of(f) for f in d.functions)), "")
    if function_problem:
        problems["functions"] = function_problem
    for kind, consent in d.consents.items():
        if kind not in CONSENT_KINDS:
            problems[f"consent_{kind}"] = _("Unknown kind of consent.")
        elif consent.given_on > today:
            problems[f"consent_{kind}"] = _("A consent cannot be given in the future.")
        elif (
            d.date_of_birth is not None
            and age_on(d.date_of_birth, consent.given_on) < PARENT_CONSENT_AGE
            and not consent.given_by_parent.strip()
        ):
            problems[f"consent_{kind}"] = _(
                "The member was under 16 then: enter which parent gave the consent."
            )
    return d, problems


def function_problem_of(function: Function) -> str:
    """What is wrong with one function, in the user's language; empty when nothing is."""
    title = " ".join(function.title.split())
    if not title:
        return _("Enter the function, e.g. Secretaris.")
    if len(title) > 100 or len(function.committee.strip()) > 100:
        return _("At most {n} characters.").format(n=100)
    if function.end_date is not None and function.end_date < function.start_date:
        return _("{title}: the end lies before the start.").format(title=title)
    return ""
