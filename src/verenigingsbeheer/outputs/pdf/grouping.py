"""Members grouped by section, in the association's own order of sections."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from verenigingsbeheer.i18n import _

if TYPE_CHECKING:  # rows come from the services; only their fields are used here
    from verenigingsbeheer.services.members import MemberRow


def by_section(
    members: Iterable[MemberRow], section_order: Sequence[str] = ()
) -> list[tuple[str, list[MemberRow]]]:
    """(section heading, members) pairs; each group keeps the order the members came in.

    Sections follow `section_order`, then any others alphabetically; members without a
    section come last under "Zonder sectie" (no brackets: the heading gets a count in
    brackets after it).
    """
    groups: dict[str, list[MemberRow]] = {}
    for member in members:
        groups.setdefault(member.section, []).append(member)
    rank = {name: index for index, name in enumerate(section_order)}
    ordered = sorted(
        groups,
        key=lambda name: (name == "", rank.get(name, len(rank)), name.casefold()),
    )
    return [(name or _("No section"), groups[name]) for name in ordered]
