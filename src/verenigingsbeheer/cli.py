"""The command line: a thin front over the services and outputs.

`verenigingsbeheer [--db PATH]` opens the window; `verenigingsbeheer --db PATH <command>`
runs a command. It never asks questions and reads no standard input. Bad arguments or
input give a message in the user's language on stderr and exit status 2, with nothing
changed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from verenigingsbeheer import APP_NAME, __version__, i18n
from verenigingsbeheer import settings as settings_store
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.logs import configure_logging
from verenigingsbeheer.paths import Paths, default_paths

PROG = "verenigingsbeheer"
EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
log = logging.getLogger(__name__)


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
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


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        message = _("'{value}' is not a whole number").format(value=text)
        raise argparse.ArgumentTypeError(message) from None
    if value < 0:
        raise argparse.ArgumentTypeError(_("'{value}' is less than 0").format(value=text))
    return value


def _whole_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        message = _("'{value}' is not a whole number").format(value=text)
        raise argparse.ArgumentTypeError(message) from None


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-07").format(value=text)
        ) from None


MAX_DEMO_MEMBERS = 100_000


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description=_("Administration of a small association, kept in one file."),
        epilog=_("Without a command the program window opens."),
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help=_("show this help message and exit"))
    parser.add_argument(
        "--version",
        action="version",
        version=f"{APP_NAME} {__version__}",
        help=_("show the version and exit"),
    )
    parser.add_argument("--db", type=Path, metavar=_("FILE"), help=_("the association file"))
    parser.add_argument(
        "--quit-after-show",
        action="store_true",
        help=_("close the window as soon as it is shown (for tests and measurements)"),
    )
    commands = parser.add_subparsers(dest="command", metavar=_("command"), title=_("commands"))

    demo = commands.add_parser(
        "demo",
        add_help=False,
        help=_("create a demo association (a Hague choir) in --db"),
        description=_("Create a new file with a realistic demo association."),
    )
    demo.add_argument("-h", "--help", action="help", help=_("show this help message and exit"))
    demo.add_argument(
        "--members",
        type=_count,
        default=40,
        metavar="N",
        help=_("number of current members (default 40)"),
    )
    demo.add_argument(
        "--seed",
        type=_whole_number,
        default=1,
        metavar="S",
        help=_("seed for the random choices (default 1)"),
    )
    demo.add_argument(
        "--date",
        type=_date,
        default=None,
        metavar=_("DATE"),
        help=_("the day the demo is made for (default today)"),
    )
    demo.set_defaults(handler=_run_demo, creates_file=True)

    info = commands.add_parser(
        "info",
        add_help=False,
        help=_("show the association's name, schema version and counts"),
        description=_("Show the association's name, schema version and counts."),
    )
    info.add_argument("-h", "--help", action="help", help=_("show this help message and exit"))
    info.set_defaults(handler=_run_info, creates_file=False)
    return parser


def _run_demo(args: argparse.Namespace, paths: Paths, out: TextIO) -> int:
    from verenigingsbeheer.i18n.formatting import format_number
    from verenigingsbeheer.services.demo import create_demo

    if args.members > MAX_DEMO_MEMBERS:
        raise UserError(
            _("At most {n} members in a demo.").format(n=format_number(MAX_DEMO_MEMBERS))
        )
    path: Path = args.db
    if path.exists():
        raise UserError(
            _("{path} already exists; the demo is only made in a new file.").format(path=path)
        )
    if not path.parent.is_dir():
        raise UserError(_("The folder {folder} does not exist.").format(folder=path.parent))
    create_demo(path, members=args.members, seed=args.seed, today=args.date).close()
    print(_("Demo association created in {path}.").format(path=path), file=out)
    return EXIT_OK


def _run_info(args: argparse.Namespace, paths: Paths, out: TextIO) -> int:
    from verenigingsbeheer.services import overview
    from verenigingsbeheer.services.files import SCHEMA_HEAD, open_association_file

    with (
        open_association_file(args.db, paths.backup_dir) as database,
        database.reading() as session,
    ):
        name = overview.association_name(session)
        counts = overview.counts(session, dt.date.today())
    print(_("Association: {name}").format(name=name), file=out)
    print(_("File: {path}").format(path=args.db), file=out)
    print(_("Schema version: {version}").format(version=SCHEMA_HEAD), file=out)
    for key, value in counts.as_lines():
        print(f"{key}: {value}", file=out)
    return EXIT_OK


def main(
    argv: Sequence[str] | None = None,
    *,
    paths: Paths | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    run_gui: Callable[..., int] | None = None,
) -> int:
    """Run the program; returns the exit status instead of exiting (tests call this)."""
    out, err = stdout or sys.stdout, stderr or sys.stderr
    paths = paths or default_paths()
    settings = settings_store.load(paths.settings_file)
    i18n.set_language(settings.language)
    try:
        with translated_argparse():
            args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    except UsageError as error:
        print(_("{prog}: error: {message}").format(prog=PROG, message=error), file=err)
        print(_("See '{prog} --help' for how to use it.").format(prog=PROG), file=err)
        return EXIT_USAGE
    except SystemExit as done:  # --help and --version
        return int(done.code or 0)

    if args.command is None:
        if run_gui is None:
            from verenigingsbeheer.app import run_gui
        return run_gui(db=args.db, quit_after_show=args.quit_after_show, paths=paths)

    if args.quit_after_show:
        print(
            _("{prog}: error: {message}").format(
                prog=PROG, message=_("--quit-after-show only goes with the window, not a command")
            ),
            file=err,
        )
        return EXIT_USAGE
    if args.db is None:
        print(
            _("{prog}: error: {message}").format(
                prog=PROG,
                message=_("the command '{command}' needs --db FILE").format(command=args.command),
            ),
            file=err,
        )
        return EXIT_USAGE
    configure_logging(paths)
    try:
        return args.handler(args, paths, out)
    except UserError as error:
        print(_("{prog}: error: {message}").format(prog=PROG, message=error.message), file=err)
        return EXIT_USAGE
    except Exception as error:
        from verenigingsbeheer.services.files import describe_error

        log.exception("command %s failed", args.command)
        explained = describe_error(error, args.db)
        if explained is not None:
            print(_("{prog}: error: {message}").format(prog=PROG, message=explained), file=err)
            return EXIT_USAGE
        print(
            _(
                "{prog}: an unexpected error occurred; nothing was changed. Details are in {log}."
            ).format(prog=PROG, log=paths.log_file),
            file=err,
        )
        return EXIT_FAILURE
