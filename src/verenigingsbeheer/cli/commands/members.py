"""`members import FILE [--skip-invalid]` and `members export --out FILE [--all|--mailing]`."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
from pathlib import Path
from typing import TextIO

from verenigingsbeheer.cli.arguments import add_command
from verenigingsbeheer.cli.commands.backup import backup_first
from verenigingsbeheer.cli.opening import open_for_command
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.paths import Paths


def register(commands) -> None:
    command = add_command(
        commands,
        "members",
        _("import members from a spreadsheet, or export them"),
        _("Import members from a CSV or Excel file, or export them to one."),
    )
    actions = command.add_subparsers(
        dest="members_command", metavar=_("command"), title=_("commands"), required=True
    )
    importing = add_command(
        actions,
        "import",
        _("import members from a CSV or XLSX file"),
        _(
            "Import members from a CSV or XLSX file. If a line has problems nothing is "
            "imported, unless --skip-invalid is given. A new --db file is created if needed."
        ),
    )
    importing.add_argument(
        "file", type=Path, metavar=_("FILE"), help=_("the spreadsheet (.csv or .xlsx)")
    )
    importing.add_argument(
        "--skip-invalid",
        action="store_true",
        help=_("import the good lines and list the lines with problems"),
    )
    importing.set_defaults(writes=True)  # holds the file's lock while it runs
    exporting = add_command(
        actions,
        "export",
        _("export the members to a CSV or XLSX file"),
        _("Export the current members (with --all also former members) to CSV or XLSX."),
    )
    exporting.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar=_("FILE"),
        help=_("the file to write, ending in .csv or .xlsx"),
    )
    which = exporting.add_mutually_exclusive_group()
    which.add_argument("--all", action="store_true", help=_("include former members"))
    which.add_argument(
        "--mailing",
        action="store_true",
        help=_("only name and e-mail of the current members who consented to the newsletter"),
    )
    command.set_defaults(handler=run)


def run(args: argparse.Namespace, paths: Paths, out: TextIO) -> int:
    if args.members_command == "import":
        return run_import(args, paths, out)
    return run_export(args, paths, out)


def association_name(path: Path) -> str:
    """ "haags-kamerkoor.sqlite" -> "Haags kamerkoor": a name until the user gives one."""
    words = " ".join(path.stem.replace("_", " ").replace("-", " ").strip(". ").split())
    return (words[:1].upper() + words[1:])[:200] if words else _("Association")


def run_import(args: argparse.Namespace, paths: Paths, out: TextIO) -> int:
    from verenigingsbeheer.domain.association import AssociationDetails
    from verenigingsbeheer.outputs.tables import read_table
    from verenigingsbeheer.services import member_import
    from verenigingsbeheer.services.files import create_association_file

    table = read_table(args.file)  # a bad spreadsheet is refused before any file is made
    mapping = member_import.auto_mapping(table.headers)
    problems = member_import.mapping_problems(mapping, table.headers)
    if problems:
        found = ", ".join(h for h in table.headers if h) or "-"
        raise UserError(
            " ".join(problems) + " " + _("The columns found: {headers}.").format(headers=found)
        )
    path: Path = args.db
    created = not path.exists()
    if created:
        name = association_name(path)
        database = create_association_file(path, AssociationDetails(name=name))
    else:
        database = open_for_command(path, paths)
    try:
        with database.reading() as session:
            preview = member_import.preview(session, table, mapping, dt.date.today())
        if preview.invalid and not args.skip_invalid:
            raise UserError(_refusal(preview))
        if not created:
            backup_first(database, paths, "voor-import")
        with database.transaction() as session:
            result = member_import.run_import(session, preview, skip_invalid=args.skip_invalid)
    except BaseException:
        database.close()
        if created:  # a refused import leaves nothing behind
            for leftover in (path, path.with_name(path.name + "-journal")):
                with contextlib.suppress(OSError):
                    leftover.unlink(missing_ok=True)
        raise
    database.close()
    if created:
        print(
            _("New association file created: {path} ({name}).").format(path=path, name=name),
            file=out,
        )
    for line in (*result.lines, *_column_lines(preview)):
        print(line, file=out)
    for line in result.summary():
        print(line, file=out)
    return 0


def _column_lines(preview) -> list[str]:
    """Columns left out: those no field is chosen for, and data under no header."""
    lines = list(preview.column_notes)
    if preview.unused_columns:
        columns = ", ".join(preview.unused_columns)
        lines.insert(0, _("Columns not imported: {columns}.").format(columns=columns))
    return lines


def _refusal(preview) -> str:
    count = len(preview.invalid)
    lines = [
        ngettext(
            "Nothing was imported: {n} line has problems. Correct the file, or use "
            "--skip-invalid to import the other lines.",
            "Nothing was imported: {n} lines have problems. Correct the file, or use "
            "--skip-invalid to import the other lines.",
            count,
        ).format(n=count),
        *preview.lines(),
        *_column_lines(preview),
    ]
    return "\n".join(lines)


def run_export(args: argparse.Namespace, paths: Paths, out: TextIO) -> int:
    from verenigingsbeheer.outputs.tables import check_output
    from verenigingsbeheer.services.member_export import export_mailing, export_members

    check_output(args.out)  # before anything is opened
    with (
        open_for_command(args.db, paths) as database,
        database.reading() as session,
    ):
        if args.mailing:
            count = export_mailing(session, args.out, dt.date.today())
        else:
            count = export_members(session, args.out, dt.date.today(), include_former=args.all)
    print(
        ngettext("{n} member exported to {path}.", "{n} members exported to {path}.", count).format(
            n=count, path=args.out
        ),
        file=out,
    )
    return 0
