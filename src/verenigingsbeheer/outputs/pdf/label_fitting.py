"""Fitting addresses into labels: one text size for the sheet, exceptions line by line.

A sheet where every label has its own size looks careless, so the size is chosen for the
usual labels (`sheet_size`). A label with a line that is still too long keeps that size
for its other lines (`fit_label`): a long name wraps, a long address line is set smaller
on its own, and one too long even then wraps (a house number keeps its addition, a long
word breaks after a hyphen). Only a label that would still run out of its box at the
bottom is set smaller as a whole. No text ever leaves the label.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth

from verenigingsbeheer.outputs.pdf.fonts import REGULAR

LARGEST = 10.0  # the sheet's size, at most; large print helps the post's sorting machines
SMALLEST = 7.0  # the sheet's size at least, and a line shrunk on its own
LEAST = 6.0  # only a label too full to fit otherwise goes this small
STEP = 0.5
LEADING = 1.25  # line distance as a multiple of the label's size
USUAL = 0.75  # the sheet's size fits at least this share of the labels as they are


@dataclass(frozen=True)
class Line:
    """One printed line of a label and its own size in points."""

    text: str
    size: float


def width(text: str, size: float) -> float:
    return stringWidth(text, REGULAR, size)


def _sizes(largest: float, smallest: float) -> list[float]:
    steps = int(round((largest - smallest) / STEP))
    return [largest - step * STEP for step in range(steps + 1)]


def natural_size(lines: Sequence[str], room_x: float, room_y: float) -> float:
    """The largest size at which a label fits with nothing but its name wrapped."""
    name, address = lines[0], lines[1:]
    for size in _sizes(LARGEST, SMALLEST):
        named = wrap(name, size, room_x)
        if all(width(line, size) <= room_x for line in (*named, *address)) and (
            (len(named) + len(address)) * size * LEADING <= room_y
        ):
            return size
    return SMALLEST


def sheet_size(labels: Sequence[Sequence[str]], room_x: float, room_y: float) -> float:
    """One size for every label: the largest at which the usual ones fit as they are.

    One label with a very long street must not make all the others small; they keep
    the size that suits at least three in four of them.
    """
    if not labels:
        return LARGEST
    sizes = sorted((natural_size(lines, room_x, room_y) for lines in labels), reverse=True)
    return sizes[max(1, int(len(sizes) * USUAL)) - 1]


def fit_label(
    lines: Sequence[str], size: float, room_x: float, room_y: float
) -> tuple[float, list[Line]]:
    """The label's size (the sheet's, unless too full) and its lines, all inside the room."""
    current = size
    while True:
        named = [
            part
            for piece in wrap(lines[0], current, room_x)
            for part in _fit(piece, current, room_x)
        ]
        address = [part for line in lines[1:] for part in fit_line(line, current, room_x)]
        if (len(named) + len(address)) * current * LEADING <= room_y or current <= LEAST:
            break
        current = max(LEAST, current - STEP)
    room = max(1, math.floor(room_y / (current * LEADING)))
    if len(named) + len(address) > room:  # never in practice: a name of many lines
        keep = max(1, room - len(address))
        last = named[keep - 1]
        named = [*named[: keep - 1], Line(_ellipsis(last.text, last.size, room_x), last.size)]
    return current, [*named, *address][:room]


def fit_line(text: str, size: float, room_x: float) -> list[Line]:
    """An address line: as it is, else smaller on its own, else wrapped at `size`."""
    if width(text, size) <= room_x:
        return [Line(text, size)]
    shrunk = _shrunk(text, size, room_x)
    if shrunk >= SMALLEST:
        return [Line(text, shrunk)]
    # Wrapped: in as few lines as it can take, as large as that allows.
    fewest = len(wrap(text, SMALLEST, room_x))
    for smaller in _sizes(size, SMALLEST):
        pieces = wrap(text, smaller, room_x)
        if len(pieces) <= fewest and all(width(piece, smaller) <= room_x for piece in pieces):
            return [Line(piece, smaller) for piece in pieces]
    return [part for piece in wrap(text, size, room_x) for part in _fit(piece, size, room_x)]


def _fit(piece: str, size: float, room_x: float) -> list[Line]:
    """A piece that wrapping could not make narrow enough: smaller, or cut at the edge."""
    if width(piece, size) <= room_x:
        return [Line(piece, size)]
    shrunk = _shrunk(piece, size, room_x)
    if shrunk >= SMALLEST:
        return [Line(piece, shrunk)]
    return [Line(part, SMALLEST) for part in _cut(piece, SMALLEST, room_x)]


def _shrunk(text: str, size: float, room_x: float) -> float:
    """The size, to a tenth of a point below, at which `text` just fits."""
    return math.floor(size * room_x / width(text, size) * 10) / 10


def wrap(text: str, size: float, room_x: float) -> list[str]:
    """Break `text` into lines that fit where it can, keeping its own spacing.

    A number keeps the word after it ("1234 HS", "12 bis", "2517 AK"), and a line may
    also break after a hyphen ("Hoogenboom-" / "Schimmelpenninck"). A piece that is
    still too long is left to the caller.
    """
    units: list[tuple[str, str]] = []  # (the space before it, the unit)
    glue, end = False, 0
    for match in re.finditer(r"\S+", text):
        gap, word = text[end : match.start()], match.group()
        if glue:
            units[-1] = (units[-1][0], units[-1][1] + gap + word)
            glue = False
        else:
            units.append((gap, word))
            glue = word[:1].isdigit()
        end = match.end()
    pieces: list[tuple[str, str]] = []
    for gap, unit in units:
        parts = re.findall(r"[^-]+-*|-+", unit) if "-" in unit[1:] else [unit]
        pieces += [(gap if index == 0 else "", part) for index, part in enumerate(parts)]
    lines: list[str] = []
    for gap, piece in pieces:
        if lines and width(lines[-1] + gap + piece, size) <= room_x:
            lines[-1] += gap + piece
        else:
            lines.append(piece)
    return lines or [text]


def _cut(text: str, size: float, room_x: float) -> list[str]:
    """A word wider than the label (rare) is cut where it reaches the edge."""
    lines = [""]
    for char in text:
        if lines[-1] and width(lines[-1] + char, size) > room_x:
            lines.append("")
        lines[-1] += char
    return lines


def _ellipsis(text: str, size: float, room_x: float) -> str:
    while text and width(text + "…", size) > room_x:
        text = text[:-1]
    return text.rstrip() + "…"
