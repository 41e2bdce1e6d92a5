"""The member page's file actions: the import wizard, export and the printed lists."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.i18n.formatting import format_number


def import_members(page) -> None:
    from verenigingsbeheer.ui.dialogs.import_wizard import ImportWizard

    context = page.context
    wizard = ImportWizard(
        context.database,
        context.asker,
        context.today(),
        page,
        before_import=lambda: context.back_up_before("voor-import"),
    )
    page.context.asker.run_dialog(wizard)
    page.refresh(force=True)


def _spreadsheet_to_write(page, suggested: str) -> Path | None:
    """Where to write, asked; a name without .csv or .xlsx gets the suggestion's suffix."""
    path = page.context.asker.spreadsheet_path(page, True, Path.home() / suggested)
    if path is not None and path.suffix.lower() not in (".csv", ".xlsx"):
        path = path.with_name(path.name + Path(suggested).suffix)
    return path


def export_members(page) -> None:
    from verenigingsbeheer.services.member_export import export_members

    path = _spreadsheet_to_write(page, _("members.xlsx"))
    if path is None:
        return
    include_former = page.proxy.filters().status != "active"
    try:
        with page.context.database.reading() as session:
            count = export_members(
                session, path, page.context.today(), include_former=include_former
            )
    except UserError as error:
        page.context.asker.error(page, _("Not exported"), error.message)
        return
    page.context.asker.inform(
        page,
        _("Exported"),
        ngettext("{n} member exported to {path}.", "{n} members exported to {path}.",
                 count).format(n=format_number(count), path=path),
    )  # fmt: skip


def export_mailing(page) -> None:
    """The newsletter's addresses: only members who consented to the newsletter."""
    from verenigingsbeheer.services.member_export import export_mailing as write_mailing

    path = _spreadsheet_to_write(page, _("mailing list.csv"))
    if path is None:
        return
    try:
        with page.context.database.reading() as session:
            count = write_mailing(session, path, page.context.today())
    except UserError as error:
        page.context.asker.error(page, _("Not exported"), error.message)
        return
    page.context.asker.inform(
        page,
        _("Exported"),
        ngettext(
            "{n} address exported to {path}; members without consent for the newsletter are "
            "left out.",
            "{n} addresses exported to {path}; members without consent for the newsletter "
            "are left out.",
            count,
        ).format(n=format_number(count), path=path),
    )


def print_list(page) -> None:
    from verenigingsbeheer.services import member_reports
    from verenigingsbeheer.ui.dialogs.print_dialog import FILE_NAMES, PrintDialog

    context = page.context
    with context.database.reading() as session:
        sections = member_reports.sections_to_choose(session, context.today())
    dialog = PrintDialog(context.today(), context.settings, sections, page)
    if not context.asker.run_dialog(dialog):
        return
    if dialog.remember(context.settings):  # the label sheet and offset, for next time
        context.save_settings()
    key, options = dialog.choice()
    name = _(FILE_NAMES[key])
    if dialog.save_as:
        path = page.context.asker.pdf_path(page, Path.home() / f"{name}.pdf")
        if path is None:
            return
    else:
        folder = Path(tempfile.gettempdir()) / "verenigingsbeheer"
        folder.mkdir(exist_ok=True)
        path = folder / f"{name}-{dt.datetime.now():%Y%m%d-%H%M%S}.pdf"
    make = {
        "members": member_reports.make_member_list,
        "labels": member_reports.make_labels,
        "birthdays": member_reports.make_birthdays,
        "signin": member_reports.make_sign_in_sheet,
        "board": member_reports.make_board_list,
    }[key]
    try:
        with page.context.database.reading() as session:
            made = make(session, path, page.context.today(), **options)
    except UserError as error:
        page.context.asker.error(page, _("Not printed"), error.message)
        return
    skipped = getattr(made, "skipped", ())
    if skipped:
        page.context.asker.inform(
            page,
            _("Members without an address"),
            _("No label for: {names}.").format(names=", ".join(skipped)),
        )
    page.context.asker.open_document(path)
