"""Reading what people type in forms and spreadsheets: dates, house numbers, yes/no."""

from __future__ import annotations

import datetime as dt
import re

from verenigingsbeheer.domain.money import Money

_DATE_DMY = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})\s*$")
_DATE_YMD = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$")
_HOUSE = re.compile(r"^\s*(\d+)\s*[-/ ]?\s*(.*?)\s*$")
YES = frozenset({"ja", "j", "yes", "y", "x", "1", "true", "waar", "wel"})
NO = frozenset({"nee", "n", "no", "0", "false", "onwaar", "niet", ""})


def parse_date(text: str, today: dt.date) -> dt.date:
    """`7-3-2026`, `07-03-26`, `2026-03-07`; a two-digit year takes the century that puts
    the date in the past (`30-06-49` is 1949). ValueError when it is no real date."""
    match = _DATE_YMD.match(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
        return dt.date(year, month, day)
    match = _DATE_DMY.match(text)
    if not match:
        raise ValueError(text)
    day, month, year_text = (match.group(1), match.group(2), match.group(3))
    year = int(year_text)
    if len(year_text) == 2:
        year += (today.year // 100) * 100
        if dt.date(year, int(month), int(day)) > today:
            year -= 100
    return dt.date(year, int(month), int(day))


def split_house_number(text: str) -> tuple[str, str]:
    """`112a` -> ("112", "a"); `45-II` -> ("45", "II"); `12 bis` -> ("12", "bis")."""
    match = _HOUSE.match(text)
    if not match:
        return "", text.strip()
    return match.group(1), match.group(2)


def parse_yes_no(text: str) -> bool:
    """ja/nee/j/n/x/1/0 (and English); ValueError for anything else."""
    value = text.strip().lower()
    if value in YES:
        return True
    if value in NO:
        return False
    raise ValueError(text)


def parse_money(text: str) -> Money:
    """`22,50`, `€ 1.234,50`, `35` or `35.00` as typed by a Dutch user; ValueError when it
    is no amount. A comma is the decimal sign; dots before three digits group thousands."""
    value = text.replace("€", "").replace("\xa0", "").replace(" ", "").strip()
    if not value:
        raise ValueError(text)
    if "," in value:
        value = value.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?\d{1,3}(\.\d{3})+", value):
        value = value.replace(".", "")
    if not re.fullmatch(r"-?\d+(\.\d{1,2})?", value):
        raise ValueError(text)
    return Money.euros(value)
