"""`privacy`: a person's data (request for access), the former members due for
anonymisation, anonymising them, and forgetting one person.

Like every command it asks nothing: anonymising and forgetting list what they would do
and change nothing unless `--confirm` is given.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TextIO

from verenigingsbeheer.cli.arguments import add_command, whole_number
from verenigingsbeheer.cli.commands.backup import backup_first
from verenigingsbeheer.cli.opening import open_for_command
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.paths import Paths


def register(commands) -> None:
    command = add_command(
        commands,
        "privacy",
        _("privacy (AVG): a person's data, retention, anonymising, forgetting"),
        _("A person's data for a request for access, and anonymising former members."),
    )
    actions = command.add_subparsers(dest="privacy_command", metavar=_("action"))
    actions.required = True
    export = add_command(
        actions,
        "export",
        _("everything held about one member, as PDF or JSON"),
        _("Write everything the association holds about one member to a PDF or JSON file."),
    )
    _member_option(export)
    export.add_argument(
        "--out", type=Path, required=True, metavar=_("FILE"), help=_("ending in .pdf or .json")
    )
    add_command(
        actions,
        "due",
        _("list the former members and volunteers whose retention period is over"),
        _("List the former members and volunteers whose retention period is over."),
    )
    anonymise = add_command(
        actions,
        "anonymise",
        _("anonymise the former members and volunteers whose retention period is over"),
        _(
            "Anonymise the former members and volunteers whose retention period is over. "
            "Without --confirm it only lists them."
        ),
    )
    _confirm_option(anonymise)
    anonymise.set_defaults(writes=True)
    forget = add_command(
        actions,
        "forget",
        _("forget one former member now"),
        _("Forget one former member now. Without --confirm it only says what would go."),
    )
    _member_option(forget)
    _confirm_option(forget)
    forget.set_defaults(writes=True)
    command.set_defaults(handler=run)


def _member_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--member", type=whole_number, required=True, metavar="N", help=_("the member number")
    )


def _confirm_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--confirm", action="store_true", help=_("really do it (it cannot be undone)")
    )


def run(args: argparse.Namespace, paths: Paths, out: TextIO) -> int:
    from verenigingsbeheer.services import person_data, privacy

    today = dt.date.today()
    action = args.privacy_command
    if action == "export" and args.out.suffix.lower() not in (".pdf", ".json"):
        raise UserError(_("Choose a file name ending in .pdf or .json."))
    with open_for_command(args.db, paths) as database:
        if action == "export":
            with database.reading() as session:
                person_id = person_data.person_of_member(session, args.member)
                data = person_data.write_export(session, person_id, args.out, today)
            print(
                _("The data of {name} saved in {path}.").format(name=data.name.full, path=args.out),
                file=out,
            )
            return 0
        if action in ("due", "anonymise"):
            with database.reading() as session:
                due = privacy.due_for_anonymisation(session, today)
                years = privacy.retention_years(session)
            _list_due(due, years, out)
            if action == "due" or not due:
                return 0
            if not args.confirm:
                print(_("Nothing was changed; add --confirm to anonymise them."), file=out)
                return 0
            backup_first(database, paths, "voor-anonimiseren")
            with database.transaction() as session:
                done = privacy.anonymise(session, [row.person_id for row in due], today)
            print(
                ngettext("{n} former member or volunteer anonymised.",
                         "{n} former members or volunteers anonymised.", done)
                .format(n=done),
                file=out,
            )  # fmt: skip
            return 0
        with database.reading() as session:
            person_id = person_data.person_of_member(session, args.member)
            reasons = privacy.blockers(session, person_id, today)
            name = person_data.collect(session, person_id, today).name.full
        if reasons:
            raise UserError(
                _("{name} cannot be forgotten: {reasons}.").format(
                    name=name, reasons=", ".join(reasons)
                )
            )
        if not args.confirm:
            print(
                _("{name} would be forgotten; nothing was changed. Add --confirm.").format(
                    name=name
                ),
                file=out,
            )
            return 0
        backup_first(database, paths, "voor-anonimiseren")
        with database.transaction() as session:
            privacy.forget(session, person_id, today)
        print(_("{name} has been forgotten.").format(name=name), file=out)
        return 0


def _name(row) -> str:
    if row.member_number is None:
        return _("{name} (volunteer)").format(name=row.name.full)
    return row.name.full


def _list_due(due, years: int, out: TextIO) -> None:
    from verenigingsbeheer.i18n.formatting import format_date

    if not due:
        print(
            ngettext(
                "No former member or volunteer left more than {n} year ago.",
                "No former member or volunteer left more than {n} years ago.",
                years,
            ).format(n=years),
            file=out,
        )
        return
    print(
        ngettext(
            "Left more than {n} year ago, to be anonymised:",
            "Left more than {n} years ago, to be anonymised:",
            years,
        ).format(n=years),
        file=out,
    )
    for row in due:
        print(
            f"  {row.member_number or '–'}  {_name(row)}  ({format_date(row.left_on, 'short')})",
            file=out,
        )
