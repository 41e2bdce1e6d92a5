"""Whether a place typed as text means a known room: so places typed before the venue was
added can become bookings of it.

Case, accents, spacing and the punctuation between the parts do not count: "de regentes -
grote zaal" names "De Regentes – Grote zaal". A text names a venue when it is the venue's
name, or starts with it followed by a separator (comma, dash, bracket) or by the name of
one of its rooms ("De Regentes Grote zaal"), or holds its street and house number ("Wijkcentrum
De Regentes, Weimarstraat 63" for a venue the board calls "De Regentes"). After the venue
(and its address, if given) may follow the name of one of its rooms; the longest room name
that fits wins, so "Zaal 2" is not taken for "Zaal".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum

from verenigingsbeheer.domain.person import fold

_TOKENS = re.compile(r"\w+|[^\w\s]")


class PlaceMatch(Enum):
    ROOM = "room"  # the text names this room
    VENUE = "venue"  # the text names its venue but none of the venue's rooms


def _tokens(text: str) -> list[str]:
    """Folded words and single punctuation marks: "De Regentes, Zaal" -> de regentes , zaal."""
    return _TOKENS.findall(fold(text))


def _words(text: str) -> list[str]:
    return [token for token in _tokens(text) if _is_word(token)]


def _is_word(token: str) -> bool:
    return token[0].isalnum() or token[0] == "_"


def _after(tokens: Sequence[str], words: Sequence[str]) -> int | None:
    """Where the tokens go on after starting with `words` (punctuation between skipped),
    or None when they do not start with them."""
    if not words:
        return None
    found = 0
    for index, token in enumerate(tokens):
        if found == len(words):
            return index
        if not _is_word(token):
            if found:
                continue
            return None  # a text starting with punctuation names no venue
        if token != words[found]:
            return None
        found += 1
    return len(tokens) if found == len(words) else None


def _find(words: Sequence[str], part: Sequence[str]) -> int | None:
    """Where `part` ends inside `words`, or None."""
    size = len(part)
    for start in range(len(words) - size + 1):
        if size and list(words[start : start + size]) == list(part):
            return start + size
    return None


def _room_named(rest: Sequence[str], rooms: Sequence[Sequence[str]]) -> int | None:
    """The index in `rooms` of the longest room name `rest` starts with."""
    fitting = [
        index for index, words in enumerate(rooms)
        if words and list(rest[: len(words)]) == list(words)
    ]  # fmt: skip
    return max(fitting, key=lambda index: len(rooms[index]), default=None)


def match_place(
    place: str,
    venue: str,
    room: str,
    rooms: Sequence[str],
    street: str = "",
    house_number: str = "",
) -> PlaceMatch | None:
    """Whether `place` names `room` of `venue` (ROOM), the venue but none of its `rooms`
    (VENUE: any of them may be meant, so the board confirms), or neither (None). `rooms`
    are the names of all the venue's rooms, `room` among them."""
    tokens = _tokens(place)
    names = [_words(name) for name in rooms]
    if _words(room) not in names:
        names.append(_words(room))
    mine = names.index(_words(room))
    address = _words(street) + _words(house_number) if street.strip() else []
    start = _after(tokens, _words(venue))
    if start is not None:
        following = tokens[start:]
        rest = [token for token in following if _is_word(token)]
        separated = not following or not _is_word(following[0])
    else:
        end = _find(_words(place), address) if house_number.strip() else None
        if end is None:
            return None
        rest, separated = _words(place)[end:], True
    if address and rest[: len(address)] == address:
        rest = rest[len(address) :]
    named = _room_named(rest, names)
    if named is not None:
        return PlaceMatch.ROOM if named == mine else None
    return PlaceMatch.VENUE if separated else None
