"""argparse in the user's language: a parser that raises, and Dutch argument types."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _, ngettext


class UsageError(Exception):
    """Bad arguments; `main` prints the message and exits with status 2."""


class Parser(argparse.ArgumentParser):
    """Raises instead of printing English and exiting, so `main` can answer in Dutch."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


@contextmanager
def translated_argparse() -> Iterator[None]:
    """Let argparse speak the user's language while we parse (it calls `argparse._`)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def add_help(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-h", "--help", action="help", help=_("show this help message and exit"))


def add_command(commands, name: str, summary: str, description: str) -> argparse.ArgumentParser:
    """A sub-command with a translated -h."""
    command = commands.add_parser(name, add_help=False, help=summary, description=description)
    add_help(command)
    return command


def count(text: str) -> int:
    """A whole number of at least 0."""
    value = whole_number(text)
    if value < 0:
        raise argparse.ArgumentTypeError(_("'{value}' is less than 0").format(value=text))
    return value


def whole_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        message = _("'{value}' is not a whole number").format(value=text)
        raise argparse.ArgumentTypeError(message) from None


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-07").format(value=text)
        ) from None


def add_period(parser: argparse.ArgumentParser, default: str) -> None:
    """--from DATE --to DATE, both or neither; `default` says what neither means."""
    for flag, dest, what in (
        ("--from", "start", _("the first day of the period")),
        ("--to", "end", _("the last day of the period")),
    ):
        parser.add_argument(
            flag,
            dest=dest,
            type=iso_date,
            default=None,
            metavar=_("DATE"),
            help=_("{what}, YYYY-MM-DD (default: {default})").format(what=what, default=default),
        )


def chosen_period(args: argparse.Namespace) -> tuple[dt.date, dt.date] | None:
    """The period given with --from and --to, or None when neither was given."""
    if args.start is None and args.end is None:
        return None
    if args.start is None or args.end is None:
        raise UserError(_("Give both --from and --to, or neither."))
    if args.end < args.start:
        raise UserError(
            _("--to {end} lies before --from {start}.").format(
                end=args.end.isoformat(), start=args.start.isoformat()
            )
        )
    return args.start, args.end
