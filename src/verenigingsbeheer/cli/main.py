"""Parsing and running: the window or one command.

It never asks questions and reads no standard input. Bad arguments or input give a
message in the user's language on stderr and exit status 2, with nothing changed.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from verenigingsbeheer import APP_NAME, __version__, i18n
from verenigingsbeheer import settings as settings_store
from verenigingsbeheer.cli.arguments import Parser, UsageError, add_help, translated_argparse
from verenigingsbeheer.cli.commands import COMMANDS
from verenigingsbeheer.cli.guard import guarded
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _
from verenigingsbeheer.logs import configure_logging
from verenigingsbeheer.paths import Paths, default_paths

PROG = "verenigingsbeheer"
EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog=PROG,
        description=_("Administration of a small association, kept in one file."),
        epilog=_("Without a command the program window opens."),
        add_help=False,
    )
    add_help(parser)
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
    for command in COMMANDS:
        command.register(commands)
    return parser


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
        with guarded(args, PROG, err):  # conflict-copy notes; the lock for writing commands
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
