"""Connects the privacy page to the privacy and register services."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtWidgets import QTableWidgetItem

from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.i18n.formatting import format_date
from verenigingsbeheer.services import privacy, register
from verenigingsbeheer.ui.context import PageContext
from verenigingsbeheer.ui.dialogs.processing_dialog import ProcessingDialog
from verenigingsbeheer.ui.pages.privacy.view import PrivacyView


class PrivacyPage(PrivacyView):
    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        self._due: list[privacy.DueRow] = []
        self._lines: list[tuple[int, register.Activity]] = []
        self.years.editingFinished.connect(self.save_years)
        self.anonymise_button.clicked.connect(self.anonymise_due)
        self.add_button.clicked.connect(lambda: self.edit_activity(None))
        self.change_button.clicked.connect(lambda: self.edit_activity(self._selected()))
        self.activities.doubleClicked.connect(lambda _i: self.edit_activity(self._selected()))
        self.remove_button.clicked.connect(self.remove_activity)
        self.print_button.clicked.connect(self.print_register)
        self.activities.itemSelectionChanged.connect(self._update_buttons)

    def page_title(self) -> str:
        return _("Privacy")

    def can_leave(self) -> bool:
        return True

    def editing_controls(self) -> list:
        """What changes the file; printing the register stays possible read-only."""
        return [
            self.years, self.anonymise_button, self.add_button, self.change_button,
            self.remove_button,
        ]  # fmt: skip

    def refresh(self) -> None:
        today = self.context.today()
        with self.context.database.reading() as session:
            years = privacy.retention_years(session)
            self._due = privacy.due_for_anonymisation(session, today)
            self._lines = register.list_activities(session)
        self.years.blockSignals(True)
        self.years.setValue(years)
        self.years.blockSignals(False)
        self.due_label.setText(
            ngettext(
                "{n} former member or volunteer left longer ago than that:",
                "{n} former members or volunteers left longer ago than that:",
                len(self._due),
            ).format(n=len(self._due))
            if self._due
            else _("No former member or volunteer left longer ago than that.")
        )
        self._fill(
            self.due,
            [
                (
                    "–" if row.member_number is None else str(row.member_number),
                    row.name.sorted_form
                    if row.member_number is not None
                    else _("{name} (volunteer)").format(name=row.name.sorted_form),
                    format_date(row.left_on, "short"),
                )
                for row in self._due
            ],
        )
        self._fill(self.activities, [(a.name, a.purpose) for _id, a in self._lines])
        self.activities.resizeRowsToContents()  # the purpose wraps: read it whole
        self._update_buttons()

    @staticmethod
    def _fill(table, rows) -> None:
        table.setRowCount(len(rows))
        for number, texts in enumerate(rows):
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(number, column, item)
        table.resizeColumnToContents(0)

    def _selected(self) -> int | None:
        rows = self.activities.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update_buttons(self) -> None:
        chosen = self._selected() is not None
        self.change_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        self.anonymise_button.setEnabled(bool(self._due))

    def _write(self, action) -> bool:
        return self.context.write(self, action)

    # -- retention ------------------------------------------------------------------------
    def save_years(self) -> None:
        with self.context.database.reading() as session:
            if privacy.retention_years(session) == self.years.value():
                return
        if self._write(lambda s: privacy.set_retention_years(s, self.years.value())):
            self.refresh()

    def anonymise_due(self) -> None:
        if not self._due:
            return
        names = "\n".join(f"• {row.name.full}" for row in self._due[:15])
        if len(self._due) > 15:
            names += "\n" + _("and {n} more").format(n=len(self._due) - 15)
        question = ngettext(
            "Anonymise {n} former member or volunteer? Names, addresses, contact details, IBANs, "
            "dates of birth, notes and consents are removed for good, also from the log; "
            "member numbers, membership dates, volunteer hours and financial records "
            "stay.\n\n{names}",
            "Anonymise {n} former members or volunteers? Names, addresses, contact details, "
            "IBANs, dates of birth, notes and consents are removed for good, also from the "
            "log; member numbers, membership dates, volunteer hours and financial records "
            "stay.\n\n{names}",
            len(self._due),
        ).format(n=len(self._due), names=names)
        if not self.context.asker.confirm(self, _("Anonymise"), question):
            return
        people = [row.person_id for row in self._due]
        try:
            self.context.back_up_before("voor-anonimiseren")
        except UserError as error:
            self.context.asker.error(self, _("Not anonymised"), error.message)
            return
        if self._write(lambda s: privacy.anonymise(s, people, self.context.today())):
            self.refresh()

    # -- register -------------------------------------------------------------------------
    def edit_activity(self, row: int | None) -> None:
        activity_id, activity = self._lines[row] if row is not None else (None, None)
        dialog = ProcessingDialog(activity, self)
        if self.context.asker.run_dialog(dialog) and self._write(
            lambda s: register.save_activity(s, activity_id, dialog.activity())
        ):
            self.refresh()

    def remove_activity(self) -> None:
        row = self._selected()
        if row is None:
            return
        activity_id, activity = self._lines[row]
        question = _("Remove “{name}” from the processing register?").format(name=activity.name)
        if self.context.asker.confirm(self, _("Remove"), question) and self._write(
            lambda s: register.delete_activity(s, activity_id)
        ):
            self.refresh()

    def print_register(self) -> None:
        folder = Path(tempfile.gettempdir())
        path = self.context.asker.pdf_path(self, folder / (_("processing register") + ".pdf"))
        if path is None:
            return
        try:
            with self.context.database.reading() as session:
                register.make_register(session, path, self.context.today())
        except UserError as error:
            self.context.asker.error(self, _("Not printed"), error.message)
            return
        self.context.asker.open_document(path)
