"""The files the activity pages make: the calendar export (.ics), the season's schedule and
the attendance report (PDF). The same service functions make them on the command line."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path

from verenigingsbeheer.domain import activities as rules
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.i18n.formatting import format_number
from verenigingsbeheer.ui.dialogs.calendar_export_dialog import CalendarExportDialog
from verenigingsbeheer.ui.pages.attendance.controller import season_label


def export_calendar(page) -> None:
    """Ask what to export and where, then write the .ics file."""
    from verenigingsbeheer.services.activity_exports import write_ical

    context = page.context
    season = rules.season_of(page.anchor)
    dialog = CalendarExportDialog(
        context.today(), page.sections, season, season_label(season[0]), page
    )
    if not context.asker.run_dialog(dialog):
        return
    section_id = dialog.section_id()
    start, end = dialog.period()
    name = _("activities") if section_id is None else dialog.section.currentText()
    path = context.asker.export_path(
        page, _("Export to calendar"), Path.home() / f"{name}.ics", "iCalendar (*.ics)"
    )
    if path is None:
        return
    try:
        with context.database.reading() as session:
            count = write_ical(session, path, section_id=section_id, start=start, end=end)
    except (UserError, OSError) as error:
        message = error.message if isinstance(error, UserError) else str(error)
        context.asker.error(page, _("Not exported"), message)
        return
    context.asker.inform(
        page,
        _("Exported"),
        ngettext(
            "{n} activity exported to {path}. Import the file in your calendar app.",
            "{n} activities exported to {path}. Import the file in your calendar app.",
            count,
        ).format(n=format_number(count), path=path),
    )


def show_pdf(page, name: str, make: Callable[[object, Path], object]) -> Path | None:
    """Make a PDF in the temporary folder with `make(session, path)` and open it in the
    PDF viewer (to print or to save); a refusal or a write error is said, not raised."""
    context = page.context
    folder = Path(tempfile.gettempdir()) / "verenigingsbeheer"
    path = folder / f"{name}-{dt.datetime.now():%Y%m%d-%H%M%S}.pdf"
    try:
        folder.mkdir(exist_ok=True)
        with context.database.reading() as session:
            make(session, path)
    except (UserError, OSError) as error:
        message = error.message if isinstance(error, UserError) else str(error)
        context.asker.error(page, _("Not printed"), message)
        return None
    context.asker.open_document(path)
    return path


def print_schedule(page) -> Path | None:
    """The schedule of the season shown, for the notice board."""
    from verenigingsbeheer.services.activity_reports import make_schedule

    start, end = rules.season_of(page.anchor)
    today = page.context.today()
    return show_pdf(
        page,
        _("schedule"),
        lambda session, path: make_schedule(session, path, today, start, end),
    )
