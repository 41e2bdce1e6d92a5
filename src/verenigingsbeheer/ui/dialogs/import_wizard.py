"""The import wizard: choose a spreadsheet, map its columns, look at every problem, import.

All the rules live in services.member_import; this is only the four pages around them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _
from verenigingsbeheer.outputs.tables import Table, read_table
from verenigingsbeheer.services import member_import
from verenigingsbeheer.services.member_import_rows import as_text
from verenigingsbeheer.ui.widgets.field_marks import error_label

EXAMPLES = 3


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(_("Choose the spreadsheet"))
        self.setSubTitle(_("A CSV file (comma or semicolon) or an Excel file (.xlsx) with a "
                           "header row."))  # fmt: skip
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.browse = QPushButton(_("Browse…"))
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        layout.addLayout(row)
        self.info = QLabel()
        self.problem = error_label()
        layout.addWidget(self.info)
        layout.addWidget(self.problem)
        layout.addStretch()
        self.browse.clicked.connect(self._browse)
        self.path.textChanged.connect(lambda _t: self.completeChanged.emit())

    def _browse(self) -> None:
        chosen = self.wizard_.asker.spreadsheet_path(self, False, Path.home())
        if chosen is not None:
            self.path.setText(str(chosen))

    def isComplete(self) -> bool:
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:
        try:
            table = read_table(Path(self.path.text().strip()).expanduser())
        except UserError as error:
            self.problem.setText(error.message)
            self.problem.show()
            return False
        self.problem.hide()
        self.wizard_.table = table
        return True


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(_("Which column holds what?"))
        self.setSubTitle(_("Recognised columns are filled in already. Only first name and last "
                           "name are required."))  # fmt: skip
        layout = QVBoxLayout(self)
        self.grid = QTableWidget(0, 3)
        self.grid.setHorizontalHeaderLabels([_("Column"), _("Examples"), _("Import as")])
        self.grid.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setVisible(False)
        layout.addWidget(self.grid, 1)
        self.problem = error_label()
        layout.addWidget(self.problem)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:
        table: Table = self.wizard_.table
        mapping = member_import.auto_mapping(table.headers)
        self.grid.setRowCount(len(table.headers))
        self.combos = []
        for index, _header in enumerate(table.headers):
            name = member_import.column_name(table.headers, index)
            examples = ", ".join(
                as_text(row[index]) for row in table.rows[:EXAMPLES]
                if index < len(row) and as_text(row[index])
            )  # fmt: skip
            self.grid.setItem(index, 0, QTableWidgetItem(name))
            self.grid.setItem(index, 1, QTableWidgetItem(examples))
            combo = QComboBox()
            combo.addItem(_("(do not import)"), None)
            for field in member_import.FIELDS:
                combo.addItem(member_import.field_label(field), field)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(index))))
            combo.currentIndexChanged.connect(self._changed)
            self.grid.setCellWidget(index, 2, combo)
            self.combos.append(combo)
        self.grid.resizeColumnToContents(0)
        self.grid.setColumnWidth(2, 220)
        self._changed()

    def mapping(self) -> dict[int, str]:
        return {i: c.currentData() for i, c in enumerate(self.combos) if c.currentData()}

    def problems(self) -> list[str]:
        return member_import.mapping_problems(self.mapping(), self.wizard_.table.headers)

    def _changed(self) -> None:
        problems = self.problems()
        self.problem.setText("\n".join(problems))
        self.problem.setVisible(bool(problems))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.problems()

    def validatePage(self) -> bool:
        self.wizard_.mapping = self.mapping()
        return True


class PreviewPage(QWizardPage):
    STATUS = {"ok": "", "invalid": "⚠", "duplicate": "="}

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(_("Check before importing"))
        self.setSubTitle(_("Every line with a problem or a note is listed. Nothing is written "
                           "until you click Import."))  # fmt: skip
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.rows = QTableWidget(0, 3)
        self.rows.setHorizontalHeaderLabels([_("Line"), _("Name"), _("Problems and notes")])
        header = self.rows.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Every message readable in full: wrapped, one per line, rows as tall as they need.
        self.rows.setWordWrap(True)
        self.rows.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.rows.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.rows.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rows.verticalHeader().setVisible(False)
        layout.addWidget(self.rows, 1)
        self.skip_invalid = QCheckBox(_("Import the correct lines and skip the lines with "
                                        "problems"))  # fmt: skip
        self.skip_invalid.toggled.connect(lambda _on: self.completeChanged.emit())
        layout.addWidget(self.skip_invalid)
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        layout.addWidget(self.advice)

    def initializePage(self) -> None:
        wizard = self.wizard_
        with wizard.database.reading() as session:
            wizard.preview = member_import.preview(
                session, wizard.table, wizard.mapping, wizard.today
            )
        found = wizard.preview
        texts = [
            _("Ready to import: {ok}. With problems: {bad}. Duplicates: {dup}.").format(
                ok=len(found.valid), bad=len(found.invalid), dup=len(found.duplicates)
            )
        ]
        if found.new_sections:
            texts.append(_("New sections: {names}.").format(names=", ".join(found.new_sections)))
        if found.new_types:
            texts.append(
                _("New membership types: {names}.").format(names=", ".join(found.new_types))
            )
        if found.unused_columns:
            texts.append(
                _("Not imported columns: {names}.").format(names=", ".join(found.unused_columns))
            )
        texts.extend(found.column_notes)
        self.summary.setText(" ".join(texts))
        shown = [row for row in found.rows if row.lines()]
        self.rows.setRowCount(len(shown))
        for number, row in enumerate(shown):
            name = " ".join(p for p in (row.details.first_name, row.details.tussenvoegsel,
                                        row.details.last_name) if p)  # fmt: skip
            messages = "\n".join(row.messages())
            items = (str(row.line), f"{self.STATUS[row.status]} {name}".strip(), messages)
            for column, text in enumerate(items):
                item = QTableWidgetItem(text)
                item.setToolTip(messages)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.rows.setItem(number, column, item)
        self.rows.resizeColumnToContents(0)
        self.rows.setColumnWidth(1, 180)
        self.skip_invalid.setVisible(bool(found.invalid))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        found = self.wizard_.preview
        if found is None:
            return False
        blocked = bool(found.invalid) and not self.skip_invalid.isChecked()
        self.advice.setText(
            _("Correct the lines with problems in your spreadsheet and choose it again, or tick "
              "the box to import only the correct lines.") if blocked else ""
        )  # fmt: skip
        return not blocked and bool(found.valid)

    def validatePage(self) -> bool:
        wizard = self.wizard_
        try:
            if wizard.before_import is not None:
                wizard.before_import()
            with wizard.database.transaction() as session:
                wizard.result_ = member_import.run_import(
                    session, wizard.preview, skip_invalid=self.skip_invalid.isChecked()
                )
        except UserError as error:
            self.advice.setText(error.message)
            return False
        return True


class ResultPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(_("Import finished"))
        self.setSubTitle(_("What was imported, and which lines were not."))
        layout = QVBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        self.skipped_label = QLabel(_("Lines not imported:"))
        layout.addWidget(self.skipped_label)
        self.skipped = QPlainTextEdit()
        self.skipped.setReadOnly(True)
        layout.addWidget(self.skipped, 1)
        self.stretch = QLabel()
        layout.addWidget(self.stretch, 1)

    def initializePage(self) -> None:
        result = self.wizard_.result_
        self.text.setText("\n".join(result.summary()))
        self.skipped.setPlainText("\n".join(result.skipped))
        for widget in (self.skipped_label, self.skipped):
            widget.setVisible(bool(result.skipped))
        self.stretch.setVisible(not result.skipped)


class ImportWizard(QWizard):
    def __init__(self, database, asker, today: dt.date, parent=None, before_import=None) -> None:
        super().__init__(parent)
        self.database = database
        # Called right before the import is written (the backup); a UserError stops it.
        self.before_import = before_import
        self.asker = asker
        self.today = today
        self.table: Table | None = None
        self.mapping: dict[int, str] = {}
        self.preview = None
        self.result_ = None
        self.setWindowTitle(_("Import members"))
        self.setMinimumSize(720, 520)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)  # only "Sluiten"
        self.setButtonText(QWizard.WizardButton.NextButton, _("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, _("< Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, _("Cancel"))
        self.setButtonText(QWizard.WizardButton.FinishButton, _("Close"))
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.result_page = ResultPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.result_page):
            self.addPage(page)
        self.preview_page.setButtonText(QWizard.WizardButton.NextButton, _("Import"))
