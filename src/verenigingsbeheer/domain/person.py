"""A person's name the Dutch way: first name, tussenvoegsel, last name."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


def fold(text: str) -> str:
    """Lower case without diacritics, so "Boëlens" compares equal to "boelens"."""
    if text.isascii():  # most names: no need to decompose
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@dataclass(frozen=True, slots=True)
class PersonName:
    first_name: str
    last_name: str
    tussenvoegsel: str = ""
    initials: str = ""

    @property
    def full(self) -> str:
        """ "Anna van der Berg": as written on a letter."""
        return " ".join(
            part for part in (self.first_name, self.tussenvoegsel, self.last_name) if part
        )

    @property
    def sorted_form(self) -> str:
        """ "Berg, Anna van der": as printed in a Dutch alphabetical list."""
        rest = " ".join(part for part in (self.first_name, self.tussenvoegsel) if part)
        return f"{self.last_name}, {rest}" if rest else self.last_name

    @property
    def sort_key(self) -> tuple[str, str, str]:
        """Sort on the last name proper, ignoring the tussenvoegsel, as Dutch lists do."""
        return (fold(self.last_name), fold(self.first_name), fold(self.tussenvoegsel))
